// Benchmark: the CLIP ViT-B/16 image encoder on the CPU (random weights, real checkpoint
// format), against one large fp32 matrix product on the same threads. Prints figures.
//   bench_encoder [--threads N] [--batch B] [--frames F]
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/InferenceSession.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace vigil;
namespace fs = std::filesystem;

namespace {

constexpr double kGflopPerFrame = 35.2; // ViT-B/16 at 224 px, multiply-adds counted twice

double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 2, batch = 16, frames = 64;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--threads")
            threads = std::stoi(argv[i + 1]);
        else if (a == "--batch")
            batch = std::stoi(argv[i + 1]);
        else if (a == "--frames")
            frames = std::stoi(argv[i + 1]);
    }
    at::set_num_threads(threads);
    std::printf("matmul 4096^3   %.1f GFLOP/s (%d threads)\n", bench::matmulGflops(), threads);

    const fs::path dir = fs::temp_directory_path() / ("vigil-bench-encoder-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    test::writeRandomCheckpoint(dir.string(), test::vitB16Config());
    ModelLoadOptions options;
    options.checkpointPath = (dir / "last.ckpt").string();
    options.centroidPath = (dir / "ncentroid.pt").string();
    const auto model = AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    fs::remove_all(dir);

    SessionOptions sessionOptions{ComputeDevice::Cpu};
    sessionOptions.threads = threads;
    InferenceSession session(model, sessionOptions);
    const torch::Tensor pixels = torch::randn({batch, 3, 224, 224}).contiguous();
    session.encodeImages(pixels.data_ptr<float>(), batch); // warm-up
    const auto start = std::chrono::steady_clock::now();
    int done = 0;
    while (done < frames) {
        session.encodeImages(pixels.data_ptr<float>(), batch);
        done += batch;
    }
    const double s = seconds(start);
    std::printf("encoder         %.2f frames/s, %.1f GFLOP/s effective (batch %d, %d frames, %.1f s)\n", done / s,
                done * kGflopPerFrame / s, batch, done, s);
    return 0;
}
