// Benchmark: re-segmenting 1,000,000 frames (9 h at 30 fps, 14 classes) after a threshold
// change, as when the analyst drags the threshold line. Prints figures; not a test.
#include "review/Segmenter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace vigil;

int main()
{
    constexpr int64_t kFrames = 1000000;
    constexpr int kClasses = 14, kNormal = 7;
    std::mt19937 random(5);
    std::uniform_real_distribution<float> step(-0.03f, 0.03f), unit(0.0f, 1.0f);
    std::vector<float> scores(kFrames), probs(size_t(kFrames) * kClasses);
    float v = 0.2f;
    for (int64_t t = 0; t < kFrames; ++t) {
        v = std::clamp(v + step(random), 0.0f, 1.0f);
        scores[size_t(t)] = v;
        for (int c = 0; c < kClasses; ++c)
            probs[size_t(t) * kClasses + c] = c == kNormal ? 1 - v : v * unit(random) / 6.5f;
    }
    SegmentSettings settings;
    settings.minFrames = 30;
    settings.mergeGapFrames = 60;
    double worstMs = 0;
    for (float threshold : {0.3f, 0.5f, 0.7f, 0.9f}) {
        settings.threshold = threshold;
        const auto start = std::chrono::steady_clock::now();
        const std::vector<Segment> events = segmentScores(scores.data(), kFrames, probs.data(), kClasses, kNormal, settings);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        worstMs = std::max(worstMs, ms);
        std::printf("threshold %.1f   %6zu events, %7.1f alarms/h, %6.2f ms\n", double(threshold), events.size(),
                    alarmsPerHour(events.size(), kFrames, 30.0), ms);
    }
    std::printf("re-segment 1,000,000 frames: worst %.2f ms\n", worstMs);
    return 0;
}
