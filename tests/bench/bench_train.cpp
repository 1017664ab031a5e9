// Benchmark: fine-tuning at the real sizes (D 512, E 256, ViT-B/16's text encoder, 14
// classes, batch 64) on random weights and random features, on the CPU with an explicit
// thread count or on CUDA. Prints steps/s, seconds per epoch (validation included) and peak
// memory (the GPU's too on CUDA).
//   bench_train [--threads N] [--videos V] [--frames T] [--batch B] [--epochs E] [--validation V]
//               [--device cpu|cuda]
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/Trainer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

using namespace vigil;
namespace fs = std::filesystem;

static int run(int argc, char** argv)
{
    int threads = 2, videos = 100, batch = 64, epochs = 2, validation = 10;
    int64_t frames = 1000;
    ComputeDevice device = ComputeDevice::Cpu;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::stoll(argv[++i]) : 0; };
        if (a == "--threads")
            threads = int(next());
        else if (a == "--videos")
            videos = int(next());
        else if (a == "--frames")
            frames = next();
        else if (a == "--batch")
            batch = int(next());
        else if (a == "--epochs")
            epochs = int(next());
        else if (a == "--validation")
            validation = int(next());
        else if (a == "--device" && i + 1 < argc)
            device = bench::parseDevice(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_train [--threads N] [--videos V] [--frames T] [--batch B] [--epochs E] "
                                 "[--validation V] [--device cpu|cuda]\n");
            return 2;
        }
    }
    const fs::path dir = fs::temp_directory_path() / ("vigil-bench-train-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ModelConfig config = test::vitB16Config();
    config.hasImageEncoder = false; // training starts from features
    test::writeRandomCheckpoint(dir.string(), config);
    ModelLoadOptions load;
    load.checkpointPath = (dir / "last.ckpt").string();
    load.centroidPath = (dir / "ncentroid.pt").string();
    load.keepTextEncoder = true;
    const LabelSet labels = LabelSet::resolve("ucf");
    const auto model = AnomalyClipModel::load(load, labels);
    fs::remove_all(dir);

    // Half normal, half spread over five abnormal classes; features N(0, 0.1).
    std::mt19937_64 rng(1);
    std::normal_distribution<float> gauss(0.0f, 0.1f);
    auto make = [&](int count, const std::string& prefix) {
        std::vector<TrainingVideo> list;
        for (int i = 0; i < count; ++i) {
            TrainingVideo v;
            v.name = prefix + std::to_string(i);
            v.label = i % 2 ? labels.normalId() : (i / 2) % 5;
            v.frames = frames;
            v.dim = 512;
            v.features.resize(size_t(frames * 512));
            for (float& x : v.features)
                x = gauss(rng);
            list.push_back(std::move(v));
        }
        return list;
    };
    TrainingOptions options;
    options.epochs = epochs;
    options.warmupEpochs = 0;
    options.learningRate = 1e-5;
    options.batchSize = batch;
    options.threads = threads;
    options.device = device;
    options.minVideosPerClass = 1;
    bench::resetPeakRss();
    bench::resetGpuPeak();
    Trainer trainer(model, make(videos, "train"), make(validation, "val"), options);
    std::printf("model           D 512, E %d, depth %d, %d classes, text encoder %d x %d\n", config.temporalWidth,
                config.temporalDepth, config.classes, config.textLayers, config.textWidth);
    std::printf("data            %d training videos of %lld frames, %d validation videos, batch %d, %s\n", videos,
                (long long)frames, validation, batch,
                device == ComputeDevice::Cuda ? "cuda:0" : (std::to_string(threads) + " threads").c_str());
    double stepSeconds = 0;
    int steps = 0;
    for (int e = 0; e < epochs; ++e) {
        auto last = std::chrono::steady_clock::now();
        double firstStep = 0;
        const EpochReport r = trainer.runEpoch([&](int step, int) {
            const auto now = std::chrono::steady_clock::now();
            const double s = std::chrono::duration<double>(now - last).count();
            last = now;
            if (step == 1)
                firstStep = s;
            stepSeconds += s;
            ++steps;
            return true;
        });
        std::printf("epoch %d         %d steps in %.2f s (first step %.2f s), loss %.4f, val AUC %.4f\n", r.epoch, r.steps,
                    r.seconds, firstStep, r.loss.total, r.validationAuc);
    }
    std::printf("steps/s         %.3f (%.2f s per step of %d bags x 512 frames)\n", double(steps) / stepSeconds,
                stepSeconds / steps, batch);
    std::printf("peak rss        %.0f MiB\n", bench::statusKb("VmHWM:") / 1024.0);
    if (device == ComputeDevice::Cuda)
        std::printf("gpu memory      peak allocated %.0f MiB, in use %.0f MiB\n", bench::gpuPeakAllocatedMiB(),
                    bench::gpuMemoryInUseMiB());
    return 0;
}

int main(int argc, char** argv) { return bench::guardedMain(run, argc, argv); }
