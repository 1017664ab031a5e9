// A linear layer in int8 for CPU inference: weights quantized once per output channel
// (symmetric), activations quantized per call (dynamic quantization). The products run in
// oneDNN's matmul primitive where Vigil was built with oneDNN (OneDnnInt8Linear), else in
// LibTorch's quantized CPU engine (FBGEMM in official builds, oneDNN or QNNPACK in others).
// Internal to the model layer: includes LibTorch.
#pragma once

#include "model/InferenceSession.h"

#include <torch/torch.h>

#include <memory>

namespace vigil {

class OneDnnInt8Linear;

class Int8Linear {
public:
    /// Whether int8 layers can be made here: Vigil's oneDNN path or a quantized engine with
    /// dynamic linear layers (selected then).
    static bool available();
    /// Whose kernels Int8Kernels::Best gives: "oneDNN matmul" or "LibTorch <engine>".
    static std::string kernelsName(Int8Kernels kernels);

    /// weight [out, in], bias [out] or undefined. Throws vigil::Error when unavailable.
    Int8Linear(const torch::Tensor& weight, const torch::Tensor& bias, Int8Kernels kernels = Int8Kernels::Best);
    ~Int8Linear();
    /// x [..., in] fp32 -> [..., out] fp32; with swishAlpha > 0, z sigmoid(swishAlpha z) of
    /// the product z (QuickGELU: 1.702). Inference only (no autograd).
    torch::Tensor forward(const torch::Tensor& x, float swishAlpha = 0) const;
    /// into [..., out] += the product of x [..., in]: into must be contiguous fp32.
    void addForwardTo(const torch::Tensor& x, torch::Tensor& into) const;

private:
    std::shared_ptr<const OneDnnInt8Linear> m_oneDnn;
    c10::IValue m_packed;
    int64_t m_out = 0;
    bool m_reduceRange = false;
};

} // namespace vigil
