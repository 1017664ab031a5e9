// Benchmark: video -> CLIP features on this machine, stage by stage and end to end, for a
// ViT-B/16-size model with random weights (the real checkpoint format), with one large
// fp32 matrix product on the same threads for scale. Prints figures; not a test.
//   bench_pipeline [--threads N] [--batch B] [--frames F] [--stride K] [--int8] [--extract-only]
//                  [--device cpu|cuda] [--fp16] VIDEO...
// --extract-only skips the stage-by-stage figures (for long videos: peak memory of a
// whole-video extraction, e.g. one hour with --frames 108000 --stride 300).
#include "../model/RandomCheckpoint.h"
#include "BenchUtil.h"

#include "model/ClipPreprocessor.h"
#include "model/InferenceSession.h"
#include "scoring/FeatureExtractor.h"
#include "video/FrameDecoder.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace vigil;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kGflopPerFrame = 35.2; // ViT-B/16 at 224 px, multiply-adds counted twice

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

} // namespace

static int run(int argc, char** argv)
{
    int threads = 2, batch = 16, stride = 1;
    bool int8 = false, fp16 = false;
    ComputeDevice device = ComputeDevice::Cpu;
    bool extractOnly = false;
    int64_t frames = 96;
    std::vector<std::string> videos;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc)
            threads = std::stoi(argv[++i]);
        else if (a == "--batch" && i + 1 < argc)
            batch = std::stoi(argv[++i]);
        else if (a == "--frames" && i + 1 < argc)
            frames = std::stoll(argv[++i]);
        else if (a == "--stride" && i + 1 < argc)
            stride = std::stoi(argv[++i]);
        else if (a == "--int8")
            int8 = true;
        else if (a == "--fp16")
            fp16 = true;
        else if (a == "--device" && i + 1 < argc)
            device = bench::parseDevice(argv[++i]);
        else if (a == "--extract-only")
            extractOnly = true;
        else
            videos.push_back(a);
    }
    if (videos.empty()) {
        std::fprintf(stderr, "usage: bench_pipeline [--threads N] [--batch B] [--frames F] [--stride K] [--int8] [--extract-only] "
                             "[--device cpu|cuda] [--fp16] VIDEO...\n");
        return 2;
    }
    at::set_num_threads(threads);
    std::printf("matmul 4096^3     %.1f GFLOP/s (%d threads)\n", bench::matmulGflops(threads), threads);
    std::printf("blas              %s\n", describeBlasKernels().c_str());

    const auto model = test::loadRandomVitB16();
    SessionOptions sessionOptions{device};
    sessionOptions.threads = threads;
    sessionOptions.precision = int8 ? Precision::Int8 : fp16 ? Precision::Float16 : Precision::Float32;
    const InferenceSession session(model, sessionOptions); // throws with the reason for a device it cannot use
    std::printf("model             ViT-B/16 (random weights), %s, batch %d\n", session.deviceDescription().c_str(), batch);

    for (const std::string& path : videos) {
        std::printf("\n%s\n", path.c_str());
        if (extractOnly) {
            ExtractionOptions extraction;
            extraction.batchSize = batch;
            extraction.stride = stride;
            extraction.maxFrames = frames;
            bench::resetPeakRss();
            const ExtractedFeatures result = FeatureExtractor(session, extraction).extract(path);
            std::printf("extraction        %lld frames (%lld encoded, stride %d) in %.1f s; peak rss %.0f MiB\n",
                        static_cast<long long>(result.frames), static_cast<long long>(result.framesEncoded), stride,
                        result.seconds, bench::statusKb("VmHWM:") / 1024.0);
            continue;
        }
        // Decoding alone, the whole file.
        std::vector<VideoFrame> sample;
        int64_t decoded = 0;
        auto start = Clock::now();
        {
            FrameDecoder decoder(path);
            std::printf("video             %dx%d, %lld frames, %.2f fps, %s\n", decoder.info().width, decoder.info().height,
                        static_cast<long long>(decoder.info().frameCount), decoder.info().frameRate,
                        decoder.info().codec.c_str());
            VideoFrame frame;
            while (decoder.read(frame)) {
                ++decoded;
                if (sample.size() < 32)
                    sample.push_back(frame);
            }
        }
        const double decodeSeconds = secondsSince(start);
        std::printf("decode            %.0f frames/s (%lld frames, RGB24)\n", double(decoded) / decodeSeconds,
                    static_cast<long long>(decoded));
        // Preprocessing alone.
        ClipPreprocessor preprocessor(224);
        std::vector<float> pixels(size_t(3) * 224 * 224);
        start = Clock::now();
        int preprocessed = 0;
        for (int repeat = 0; repeat < 8; ++repeat)
            for (const VideoFrame& f : sample) {
                preprocessor.process(f.rgb.data(), f.width, f.height, f.width * 3, pixels.data());
                ++preprocessed;
            }
        std::printf("preprocess        %.0f frames/s (one thread)\n", preprocessed / secondsSince(start));
        // Encoding alone.
        std::vector<float> batchPixels(size_t(batch) * pixels.size(), 0.1f);
        session.encodeImages(batchPixels.data(), batch); // warm-up
        start = Clock::now();
        int encoded = 0;
        while (encoded < frames) {
            session.encodeImages(batchPixels.data(), batch);
            encoded += batch;
        }
        const double encodeRate = encoded / secondsSince(start);
        std::printf("encode            %.2f frames/s = %.1f GFLOP/s effective\n", encodeRate, encodeRate * kGflopPerFrame);
        // End to end through the pipeline.
        ExtractionOptions extraction;
        extraction.batchSize = batch;
        extraction.stride = stride;
        extraction.maxFrames = frames;
        const FeatureExtractor extractor(session, extraction);
        bench::resetPeakRss();
        bench::resetGpuPeak();
        const ExtractedFeatures result = extractor.extract(path);
        std::printf("end to end        %.2f frames/s (%lld frames, stride %d, %.1f s; busy: decode %.1f s, preprocess %.1f s, encode %.1f s)\n",
                    double(result.frames) / result.seconds, static_cast<long long>(result.frames), stride, result.seconds,
                    result.decodeSeconds, result.preprocessSeconds, result.encodeSeconds);
        std::printf("peak rss          %.0f MiB\n", bench::statusKb("VmHWM:") / 1024.0);
        if (device == ComputeDevice::Cuda)
            std::printf("gpu memory        peak allocated %.0f MiB, in use %.0f MiB\n", bench::gpuPeakAllocatedMiB(),
                        bench::gpuMemoryInUseMiB());
    }
    return 0;
}

int main(int argc, char** argv) { return bench::guardedMain(run, argc, argv); }
