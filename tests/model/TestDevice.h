// The device the model tests run their golden comparisons on: VIGIL_TEST_DEVICE=cpu (the
// default) or cuda. A CUDA run on a machine or a LibTorch without CUDA fails instead of
// passing on the CPU, so that a GPU check cannot report CPU results as the GPU's.
#pragma once

#include "ModelTest.h"

#include "model/InferenceSession.h"

#include <cstdlib>
#include <string>

namespace vigil::test {

/// Tolerances of fp16 on CUDA against the fp32 golden outputs, derived in tst_parity's
/// fp16RoundingOfTheWeightsStaysWellInsideTheFp16Tolerances (there, the measured error of
/// rounding every weight and input to fp16 on the CPU, and why these leave room for the
/// rounding of activations that only the GPU run adds).
constexpr double kFp16ScoreTolerance = 3e-3;   // anomaly score and p(c), absolute
constexpr double kFp16FeatureTolerance = 1e-2; // image features, absolute
constexpr double kFp16CosineFloor = 0.9999;    // image features, cosine to the golden ones

struct TestDevice {
    ComputeDevice device = ComputeDevice::Cpu;
    bool cuda = false;
    std::string name = "cpu";
};

inline TestDevice testDevice()
{
    const char* env = std::getenv("VIGIL_TEST_DEVICE");
    const std::string name = env && *env ? env : "cpu";
    TestDevice d;
    if (name == "cpu")
        return d;
    if (name != "cuda")
        VIGIL_FAIL("VIGIL_TEST_DEVICE is '" << name << "': cpu or cuda");
    if (!InferenceSession::cudaAvailable())
        VIGIL_FAIL("VIGIL_TEST_DEVICE=cuda but this LibTorch sees no CUDA device");
    d.device = ComputeDevice::Cuda;
    d.cuda = true;
    d.name = "cuda";
    return d;
}

/// Skips the calling case unless the tests run on CUDA.
inline void requireCuda(const char* what)
{
    if (!testDevice().cuda)
        VIGIL_SKIP(what << " runs on CUDA only (VIGIL_TEST_DEVICE=cuda)");
}

} // namespace vigil::test
