// Writes a full-size ViT-B/16 AnomalyCLIP checkpoint with random weights (UCF-Crime head)
// in the published layout, for measuring the whole `vigil-cli score` process:
//   make_checkpoint DIR   ->  DIR/last.ckpt, DIR/ncentroid.pt
#include "../model/RandomCheckpoint.h"

#include <cstdio>
#include <filesystem>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_checkpoint DIR\n");
        return 2;
    }
    std::filesystem::create_directories(argv[1]);
    vigil::test::writeRandomCheckpoint(argv[1], vigil::test::vitB16Config());
    std::printf("%s/last.ckpt: %.0f MB\n", argv[1],
                double(std::filesystem::file_size(std::filesystem::path(argv[1]) / "last.ckpt")) / 1e6);
    return 0;
}
