// Benchmark: the head (selector + temporal model) on one hour of 30 fps features
// (108,000 frames, D 512, E 256), on the CPU with an explicit thread count or on CUDA (then
// also the GPU's memory peak and the share of the time its copies take). Prints figures.
//   bench_head [--threads N] [--frames T] [--chunk S | --chunks 16,64,256] [--device cpu|cuda] [--fp16]
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/InferenceSession.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>

using namespace vigil;
namespace fs = std::filesystem;

static int run(int argc, char** argv)
{
    int threads = 2;
    int64_t frames = 108000;
    std::vector<int> chunks{8};
    ComputeDevice device = ComputeDevice::Cpu;
    Precision precision = Precision::Float32;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc)
            threads = std::stoi(argv[++i]);
        else if (a == "--frames" && i + 1 < argc)
            frames = std::stoll(argv[++i]);
        else if (a == "--chunk" && i + 1 < argc)
            chunks = {std::stoi(argv[++i])};
        else if (a == "--chunks" && i + 1 < argc)
            chunks = bench::parseList(argv[++i]);
        else if (a == "--device" && i + 1 < argc)
            device = bench::parseDevice(argv[++i]);
        else if (a == "--fp16")
            precision = Precision::Float16;
        else {
            std::fprintf(stderr, "usage: bench_head [--threads N] [--frames T] [--chunk S | --chunks 16,64,256] "
                                 "[--device cpu|cuda] [--fp16]\n");
            return 2;
        }
    }
    const fs::path dir = fs::temp_directory_path() / ("vigil-bench-head-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ModelConfig config = test::vitB16Config();
    config.hasImageEncoder = false; // the head benchmark needs no image encoder
    test::writeRandomCheckpoint(dir.string(), config);
    ModelLoadOptions options;
    options.checkpointPath = (dir / "last.ckpt").string();
    options.centroidPath = (dir / "ncentroid.pt").string();
    const auto model = AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    fs::remove_all(dir);

    torch::manual_seed(0);
    const torch::Tensor features = torch::randn({frames, 512}).contiguous();
    const long loadPeak = bench::statusKb("VmHWM:");
    const long rssBefore = bench::statusKb("VmRSS:");
    std::printf("frames          %lld (D 512, E %d, depth %d, %d classes)\n", (long long)frames,
                model->config().temporalWidth, model->config().temporalDepth, model->config().classes);
    std::printf("peak rss, load  %.0f MiB (writing and loading the random checkpoint)\n", loadPeak / 1024.0);
    std::printf("rss before      %.0f MiB (model, %lld x 512 features)\n", rssBefore / 1024.0, (long long)frames);
    for (const int chunk : chunks) {
        SessionOptions session;
        session.device = device;
        session.precision = precision;
        session.threads = threads;
        session.sequencesPerChunk = chunk;
        InferenceSession inference(model, session);
        // Reset the peaks so that those below are the scoring's own.
        bench::resetPeakRss();
        // Warm-up on one window, then the timed run.
        inference.scoreFeatures(features.data_ptr<float>(), std::min<int64_t>(frames, 512), 512);
        bench::resetGpuPeak();
        const auto start = std::chrono::steady_clock::now();
        const VideoScores scores = inference.scoreFeatures(features.data_ptr<float>(), frames, 512);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const long peak = bench::statusKb("VmHWM:");

        std::printf("\ndevice          %s\n", inference.deviceDescription().c_str());
        std::printf("chunk           %d sub-sequences of 512 frames\n", chunk);
        std::printf("head time       %.3f s (%.0f frames/s)\n", seconds, double(frames) / seconds);
        if (device == ComputeDevice::Cuda) {
            // The copies scoreFeatures() makes, timed alone: the features in, four outputs out.
            c10::InferenceMode guard;
            torch::cuda::synchronize();
            const auto copyStart = std::chrono::steady_clock::now();
            const torch::Tensor in = features.to(torch::kCUDA);
            const int64_t outputs = 3 * model->config().classes - 1; // score, logits, softmax, p(c)
            const torch::Tensor out = torch::empty({frames, outputs}, torch::TensorOptions().device(torch::kCUDA)).cpu();
            torch::cuda::synchronize();
            const double copySeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - copyStart).count();
            std::printf("copies          %.3f s (%.1f %% of the head's time)\n", copySeconds, 100 * copySeconds / seconds);
            std::printf("gpu memory      peak allocated %.0f MiB, in use %.0f MiB\n", bench::gpuPeakAllocatedMiB(),
                        bench::gpuMemoryInUseMiB());
        }
        std::printf("peak rss, score %.0f MiB (whole process while scoring)\n", peak / 1024.0);
        std::printf("peak - before   %.0f MiB (scoring's working memory)\n", (peak - rssBefore) / 1024.0);
        std::printf("check           mean score %.4f\n",
                    double(std::accumulate(scores.scores.begin(), scores.scores.end(), 0.0)) / double(frames));
    }
    return 0;
}

int main(int argc, char** argv) { return bench::guardedMain(run, argc, argv); }
