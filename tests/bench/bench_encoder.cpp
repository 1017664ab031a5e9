// Benchmark: the CLIP ViT-B/16 image encoder (random weights, real checkpoint format).
// On the CPU against one large fp32 matrix product on the same threads, then the same in
// int8 (when this LibTorch has a quantized engine) with how far its features are from
// fp32's. On CUDA, fp32 and fp16 for each batch size: frames/s, the GPU's memory peak and
// the share of a batch's time that its host-to-device and device-to-host copies take.
// Prints figures.
//   bench_encoder [--threads N] [--batch B] [--frames F] [--rounds R] [--precision fp32|int8|both]
//                 [--int8-kernels best|libtorch|both]
//   bench_encoder --device cuda [--fp16 | --precision fp32|fp16|both] [--batches 16,32,64,128,256]
//                 [--frames F] [--rounds R]
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

// One batch size on CUDA: the encoder's frames/s (median of the rounds), then the copies
// the session makes around it timed alone (pixels in, features out, synchronised), the
// caching allocator's peak and the device memory in use.
torch::Tensor runCuda(const std::shared_ptr<const AnomalyClipModel>& model, Precision precision, int batch, int frames,
                      int rounds)
{
    SessionOptions options{ComputeDevice::Cuda};
    options.precision = precision;
    InferenceSession session(model, options);
    const torch::Tensor pixels = torch::randn({batch, 3, 224, 224}).contiguous();
    std::vector<float> features = session.encodeImages(pixels.data_ptr<float>(), batch); // warm-up
    bench::resetGpuPeak();
    std::vector<double> rates;
    const int batches = std::max(1, frames / batch);
    for (int round = 0; round < rounds; ++round) {
        const auto start = std::chrono::steady_clock::now();
        for (int b = 0; b < batches; ++b)
            session.encodeImages(pixels.data_ptr<float>(), batch); // returns on the host: synchronised
        rates.push_back(double(batches) * batch / seconds(start));
    }
    const double rate = median(rates);
    const double batchMs = 1000.0 * batch / rate;
    // The copies as encodeImages() makes them: pageable pixels to the device in its precision,
    // the features back as fp32.
    const torch::ScalarType dtype = precision == Precision::Float16 ? torch::kHalf : torch::kFloat32;
    const torch::Tensor deviceFeatures = torch::randn({batch, 512}, torch::TensorOptions().device(torch::kCUDA).dtype(dtype));
    std::vector<double> copies;
    for (int i = 0; i < 5; ++i) {
        c10::InferenceMode guard;
        torch::cuda::synchronize();
        const auto start = std::chrono::steady_clock::now();
        const torch::Tensor in = pixels.to(torch::kCUDA, dtype);
        const torch::Tensor out = deviceFeatures.to(torch::kCPU, torch::kFloat32);
        torch::cuda::synchronize();
        copies.push_back(1000.0 * seconds(start));
    }
    const double copyMs = median(copies);
    std::printf("%-5s batch %-4d %8.0f frames/s  %6.1f ms a batch, copies %5.1f ms (%4.1f %%)  peak allocated %6.0f MiB, "
                "GPU in use %6.0f MiB\n",
                precisionName(precision), batch, rate, batchMs, copyMs, 100 * copyMs / batchMs, bench::gpuPeakAllocatedMiB(),
                bench::gpuMemoryInUseMiB());
    std::fflush(stdout);
    return torch::from_blob(features.data(), {batch, int64_t(features.size()) / batch}).clone();
}

int mainCuda(const std::string& precision, std::vector<int> batches, int frames, int rounds)
{
    if (!InferenceSession::cudaAvailable()) {
        std::fprintf(stderr, "bench_encoder: --device cuda, but this LibTorch sees no CUDA device\n");
        return 1;
    }
    if (batches.empty())
        batches = {16, 32, 64, 128, 256};
    std::printf("device          %s\n", torch::cuda::device_count() > 0 ? "cuda:0" : "?");
    std::printf("matmul 8192^3   fp16 %.0f TFLOP/s, fp32 %.0f TFLOP/s (TF32 off)\n", bench::gpuMatmulTflops(torch::kHalf),
                bench::gpuMatmulTflops(torch::kFloat32));
    const auto model = test::loadRandomVitB16();
    std::printf("encoder         ViT-B/16, random weights; medians of %d rounds of %d frames or more\n", rounds, frames);
    for (const int batch : batches) {
        torch::Tensor fp32, fp16;
        if (precision != "fp16")
            fp32 = runCuda(model, Precision::Float32, batch, std::max(frames, batch), rounds);
        if (precision != "fp32")
            fp16 = runCuda(model, Precision::Float16, batch, std::max(frames, batch), rounds);
        if (fp32.defined() && fp16.defined())
            std::printf("fp16 vs fp32    feature cosine min %.5f (random weights and pixels)\n",
                        torch::cosine_similarity(fp32, fp16, 1).min().item<float>());
    }
    return 0;
}

} // namespace

static int run(int argc, char** argv)
{
    int threads = 2, batch = 16, frames = 32, rounds = 5;
    std::string precision = "both", int8Kernels = "best";
    ComputeDevice device = ComputeDevice::Cpu;
    std::vector<int> batches;
    bool framesGiven = false;
    for (int i = 1; i < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--fp16") { // a flag without a value
            precision = "fp16";
            --i;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "bench_encoder: %s needs a value\n", a.c_str());
            return 2;
        }
        if (a == "--device")
            device = bench::parseDevice(argv[i + 1]);
        else if (a == "--batches")
            batches = bench::parseList(argv[i + 1]);
        else if (a == "--threads")
            threads = std::stoi(argv[i + 1]);
        else if (a == "--batch")
            batch = std::stoi(argv[i + 1]);
        else if (a == "--frames") {
            frames = std::stoi(argv[i + 1]);
            framesGiven = true;
        }
        else if (a == "--rounds")
            rounds = std::stoi(argv[i + 1]);
        else if (a == "--precision")
            precision = argv[i + 1];
        else if (a == "--int8-kernels")
            int8Kernels = argv[i + 1];
        else {
            std::fprintf(stderr, "bench_encoder: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (device == ComputeDevice::Cuda && precision == "int8") {
        std::fprintf(stderr, "bench_encoder: int8 runs on the CPU only\n");
        return 2;
    }
    if (device == ComputeDevice::Cuda)
        return mainCuda(precision == "both" ? "both" : precision, batches, framesGiven ? frames : 1024, rounds);
    if (precision == "fp16") {
        std::fprintf(stderr, "bench_encoder: fp16 runs on CUDA only (--device cuda)\n");
        return 2;
    }
    if (!batches.empty())
        batch = batches.front(); // the CPU's figures are for one batch size
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

int main(int argc, char** argv) { return bench::guardedMain(run, argc, argv); }
