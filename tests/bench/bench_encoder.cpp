// Benchmark: the CLIP ViT-B/16 image encoder on the CPU (random weights, real checkpoint
// format), against one large fp32 matrix product on the same threads, then the same in
// int8 (when this LibTorch has a quantized engine) with how far its features are from
// fp32's. Prints figures.
//   bench_encoder [--threads N] [--batch B] [--frames F] [--rounds R] [--precision fp32|int8|both]
//                 [--int8-kernels best|libtorch|both]
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/InferenceSession.h"
#include "model/ParallelParts.h"
#include "model/nn/Int8Linear.h"
#include "model/nn/OneDnnInt8Linear.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

using namespace vigil;

namespace {

constexpr double kGflopPerFrame = 35.2; // ViT-B/16 at 224 px, multiply-adds counted twice

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A 4096 x 4096 x 4096 product through the int8 linear layer the encoder uses (activations
// quantized per call, weights per channel), its rows split between the threads as the
// encoder splits a batch: GOP/s, multiply-adds counted twice.
double int8MatmulGops(int threads, Int8Kernels kernels)
{
    setOpenBlasThreads(1);
    static const torch::Tensor weight = torch::randn({4096, 4096}) / 64, input = torch::randn({4096, 4096});
    const Int8Linear layer(weight, torch::zeros({4096}), kernels);
    auto part = [&](int t) {
        at::set_num_threads(1);
        c10::InferenceMode guard;
        const torch::Tensor rows = input.slice(0, 4096 * t / threads, 4096 * (t + 1) / threads);
        layer.forward(rows);
    };
    auto runAll = [&] { runParts(threads, [&](int64_t t) { part(int(t)); }); };
    runAll(); // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i)
        runAll();
    return 3 * 2.0 * 4096.0 * 4096 * 4096 / seconds(start) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 2, batch = 16, frames = 32, rounds = 5;
    std::string precision = "both", int8Kernels = "best";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--threads")
            threads = std::stoi(argv[i + 1]);
        else if (a == "--batch")
            batch = std::stoi(argv[i + 1]);
        else if (a == "--frames")
            frames = std::stoi(argv[i + 1]);
        else if (a == "--rounds")
            rounds = std::stoi(argv[i + 1]);
        else if (a == "--precision")
            precision = argv[i + 1];
        else if (a == "--int8-kernels")
            int8Kernels = argv[i + 1];
    }
    at::set_num_threads(threads);
    std::printf("matmul 4096^3   %.1f GFLOP/s (%d threads)\n", bench::matmulGflops(threads), threads);
    std::printf("blas            %s\n", describeBlasKernels().c_str());

    const auto model = test::loadRandomVitB16();

    const torch::Tensor pixels = torch::randn({batch, 3, 224, 224}).contiguous();
    // This machine's speed varies from minute to minute (a shared host): each round times the
    // matrix product before and after the encoder, and the ratio is taken within the round.
    auto run = [&](Precision precision, const char* name, const std::function<double()>& reference, const char* referenceName,
                   Int8Kernels kernels = Int8Kernels::Best) {
        SessionOptions sessionOptions{ComputeDevice::Cpu};
        sessionOptions.threads = threads;
        sessionOptions.precision = precision;
        sessionOptions.int8Kernels = kernels;
        InferenceSession session(model, sessionOptions);
        std::vector<float> features = session.encodeImages(pixels.data_ptr<float>(), batch); // warm-up
        std::vector<double> rates, matmuls, ratios;
        for (int round = 0; round < rounds; ++round) {
            double matmul = reference();
            at::set_num_threads(threads);
            const auto start = std::chrono::steady_clock::now();
            int done = 0;
            while (done < frames) {
                session.encodeImages(pixels.data_ptr<float>(), batch);
                done += batch;
            }
            const double rate = done / seconds(start);
            matmul = (matmul + reference()) / 2; // before and after the encoder
            rates.push_back(rate);
            matmuls.push_back(matmul);
            ratios.push_back(rate * kGflopPerFrame / matmul);
        }
        std::printf("encoder %s    %.2f frames/s, %.1f GFLOP/s effective = %.0f %% of %s (%.1f GFLOP/s) "
                    "(medians of %d rounds of %d frames, batch %d; ratios %.0f-%.0f %%)\n",
                    name, median(rates), median(rates) * kGflopPerFrame, 100 * median(ratios), referenceName, median(matmuls), rounds, frames,
                    batch, 100 * *std::min_element(ratios.begin(), ratios.end()), 100 * *std::max_element(ratios.begin(), ratios.end()));
        return torch::from_blob(features.data(), {batch, int64_t(features.size()) / batch}).clone();
    };
    torch::Tensor fp32;
    if (precision != "int8")
        fp32 = run(Precision::Float32, "fp32", [&] { return bench::matmulGflops(threads); }, "the fp32 matrix product");
    if (precision == "fp32")
        return 0;
    if (!int8Available()) {
        std::printf("encoder int8    not available (no quantized engine in this LibTorch)\n");
        return 0;
    }
    std::vector<Int8Kernels> kernelSets;
    if (int8Kernels != "libtorch")
        kernelSets.push_back(Int8Kernels::Best);
    if (int8Kernels == "libtorch" ||
        (int8Kernels == "both" && Int8Linear::kernelsName(Int8Kernels::LibTorch) != Int8Linear::kernelsName(Int8Kernels::Best)))
        kernelSets.push_back(Int8Kernels::LibTorch);
    for (Int8Kernels kernels : kernelSets) {
        const std::string name = Int8Linear::kernelsName(kernels);
        std::printf("int8 kernels    %s\n", name.c_str());
#ifdef VIGIL_HAVE_ONEDNN
        if (kernels == Int8Kernels::Best) // what oneDNN picks for one thread's part of a batch
            std::printf("                %s for %d x 768 x 2304, %s for %d x 3072 x 768\n",
                        OneDnnInt8Linear::implementation(batch / threads * 197, 768, 2304, 1).c_str(), batch / threads * 197,
                        OneDnnInt8Linear::implementation(batch / threads * 197, 3072, 768, 1).c_str(), batch / threads * 197);
#endif
        const torch::Tensor int8 = run(Precision::Int8, "int8", [&] { return int8MatmulGops(threads, kernels); },
                                       ("the int8 product of the same size, " + name).c_str(), kernels);
        if (!fp32.defined())
            continue;
        const torch::Tensor cosine = torch::cosine_similarity(fp32, int8, 1);
        std::printf("int8 vs fp32    feature cosine min %.5f mean %.5f, max |diff| / max |fp32| %.4f (random weights and pixels)\n",
                    cosine.min().item<float>(), cosine.mean().item<float>(),
                    ((int8 - fp32).abs().max() / fp32.abs().max()).item<float>());
    }
    return 0;
}
