// Synthetic training data for the fine-tuning tests: real CLIP features of a golden video
// as the normal background, and abnormal videos whose event frames are moved along a
// random direction of their class, a signal the starting model has never seen.
#pragma once

#include "ModelTest.h"

#include "model/NpyArray.h"
#include "model/Trainer.h"

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace vigil::test {

struct SyntheticSpec {
    int normalVideos = 12, abnormalVideos = 12;
    int frames = 600;
    int abnormalClass = 2; // model order
    int normalId = 7;
    double strength = 1.5; // the shift, in units of the background's mean distance to its mean
    uint64_t seed = 1;
};

/// Videos of `spec`, the first `abnormalVideos` abnormal (an event of 120-300 frames each,
/// its frames labelled with the class, the rest normal), then the normal ones.
inline std::vector<TrainingVideo> syntheticVideos(const SyntheticSpec& spec, const std::string& prefix)
{
    const NpyArray pool = readNpy(sharedPath("golden/ucf/video1537_features.npy"));
    const std::vector<float> background = pool.toFloat();
    const int64_t rows = pool.shape[0], d = pool.shape[1];
    std::vector<double> mean(static_cast<size_t>(d), 0.0);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t k = 0; k < d; ++k)
            mean[size_t(k)] += background[size_t(r * d + k)] / double(rows);
    double spread = 0;
    for (int64_t r = 0; r < rows; ++r) {
        double sq = 0;
        for (int64_t k = 0; k < d; ++k)
            sq += std::pow(background[size_t(r * d + k)] - mean[size_t(k)], 2);
        spread += std::sqrt(sq) / double(rows);
    }
    std::mt19937_64 rng(spec.seed);
    std::normal_distribution<double> gauss;
    std::vector<double> direction(static_cast<size_t>(d));
    double norm = 0;
    for (double& v : direction) {
        v = gauss(rng);
        norm += v * v;
    }
    for (double& v : direction)
        v *= spec.strength * spread / std::sqrt(norm);

    std::vector<TrainingVideo> videos;
    std::uniform_int_distribution<int64_t> startRow(0, rows - 1);
    for (int i = 0; i < spec.abnormalVideos + spec.normalVideos; ++i) {
        const bool abnormal = i < spec.abnormalVideos;
        TrainingVideo v;
        v.name = prefix + (abnormal ? "abnormal" : "normal") + std::to_string(i);
        v.label = abnormal ? spec.abnormalClass : spec.normalId;
        v.frames = spec.frames;
        v.dim = d;
        v.features.resize(size_t(v.frames * d));
        v.frameLabels.assign(size_t(v.frames), spec.normalId);
        const int64_t first = startRow(rng);
        const int64_t length = std::uniform_int_distribution<int64_t>(120, 300)(rng);
        const int64_t eventStart = std::uniform_int_distribution<int64_t>(0, v.frames - length)(rng);
        for (int64_t t = 0; t < v.frames; ++t) {
            const bool event = abnormal && t >= eventStart && t < eventStart + length;
            for (int64_t k = 0; k < d; ++k)
                v.features[size_t(t * d + k)] =
                    background[size_t(((first + t) % rows) * d + k)] + (event ? float(direction[size_t(k)]) : 0.0f);
            if (event)
                v.frameLabels[size_t(t)] = spec.abnormalClass;
        }
        videos.push_back(std::move(v));
    }
    return videos;
}

} // namespace vigil::test
