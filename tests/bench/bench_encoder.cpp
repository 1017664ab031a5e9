// Benchmark: the CLIP ViT-B/16 image encoder on the CPU (random weights, real checkpoint
// format), against one large fp32 matrix product on the same threads, then the same in
// int8 (when this LibTorch has a quantized engine) with how far its features are from
// fp32's. Prints figures.
//   bench_encoder [--threads N] [--batch B] [--frames F]
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/InferenceSession.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <string>

using namespace vigil;

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
    std::printf("blas            %s\n", describeBlasKernels().c_str());

    const auto model = test::loadRandomVitB16();

    const torch::Tensor pixels = torch::randn({batch, 3, 224, 224}).contiguous();
    auto run = [&](Precision precision, const char* name) {
        SessionOptions sessionOptions{ComputeDevice::Cpu};
        sessionOptions.threads = threads;
        sessionOptions.precision = precision;
        InferenceSession session(model, sessionOptions);
        std::vector<float> features = session.encodeImages(pixels.data_ptr<float>(), batch); // warm-up
        const auto start = std::chrono::steady_clock::now();
        int done = 0;
        while (done < frames) {
            session.encodeImages(pixels.data_ptr<float>(), batch);
            done += batch;
        }
        const double s = seconds(start);
        std::printf("encoder %s    %.2f frames/s, %.1f GFLOP/s effective (batch %d, %d frames, %.1f s)\n", name, done / s,
                    done * kGflopPerFrame / s, batch, done, s);
        return torch::from_blob(features.data(), {batch, int64_t(features.size()) / batch}).clone();
    };
    const torch::Tensor fp32 = run(Precision::Float32, "fp32");
    if (!int8Available()) {
        std::printf("encoder int8    not available (no quantized engine in this LibTorch)\n");
        return 0;
    }
    const torch::Tensor int8 = run(Precision::Int8, "int8");
    const torch::Tensor cosine = torch::cosine_similarity(fp32, int8, 1);
    std::printf("int8 vs fp32    feature cosine min %.5f mean %.5f, max |diff| / max |fp32| %.4f (random weights and pixels)\n",
                cosine.min().item<float>(), cosine.mean().item<float>(),
                ((int8 - fp32).abs().max() / fp32.abs().max()).item<float>());
    return 0;
}
