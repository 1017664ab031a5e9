// What a loaded model holds, for the model layer's own sources and tests.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/nn/AnomalyClipNet.h"

namespace vigil {

struct AnomalyClipModel::Impl {
    ModelConfig config;
    LabelSet labels;
    std::vector<std::string> warnings;
    std::vector<std::vector<int64_t>> promptTokens;
    AnomalyClipNet net{nullptr}; // CPU, fp32, eval mode
    torch::Tensor centroid;      // [D]
    torch::Tensor endPositions;  // [C] int64
    torch::Tensor textFeatures;  // [C, D], computed once at load
    std::string imageEncoderFingerprint;
    bool textEncoderReleased = false; // weights dropped after use (ModelLoadOptions)
    ModelLoadTimings loadTimings;
};

/// Splits `threads` between OpenBLAS's pool and ATen's (see InferenceSession.cpp): every
/// CPU user of the model layer calls it before heavy work on its thread.
void applyThreadCount(int threads, bool int8);

} // namespace vigil
