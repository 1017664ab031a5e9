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

/// fp32 on CUDA as fp32: cuDNN's convolutions would otherwise run in TF32 (LibTorch's
/// default), 10-bit mantissas that put the temporal model's scores ~1e-3 off the contract's
/// 1e-4. Every CUDA user of the model layer in fp32 calls it before its first operation.
void keepFp32ExactOnCuda();

} // namespace vigil
