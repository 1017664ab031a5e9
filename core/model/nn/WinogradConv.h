// 3x3 convolution (stride 1, zero padding 1) by Winograd F(4x4, 3x3) for inference:
// 4x fewer multiplies than im2col. The temporal model's feed-forward convolutions are
// ~90% of the head's work. Internal to the model layer: includes LibTorch.
#pragma once

#include <torch/torch.h>

namespace vigil {

/// Filters transformed once: U[36, out, in] = G g G^T, remembering which weight they came from.
class WinogradFilters {
public:
    WinogradFilters() = default;
    explicit WinogradFilters(const torch::Tensor& weight);
    /// True when built from this weight tensor, unchanged since.
    bool matches(const torch::Tensor& weight) const;
    const torch::Tensor& transformed() const { return m_transformed; }

private:
    torch::Tensor m_transformed;
    const void* m_source = nullptr;
    uint32_t m_version = 0;
};

/// Same result as torch::conv2d(x, weight, bias, 1, 1) within fp32 rounding (~1e-5
/// relative). x: [B, in, H, W] fp32 on the CPU; falls back to conv2d when H or W is not a
/// multiple of 4 or the tensor lives elsewhere.
torch::Tensor winogradConv3x3(const torch::Tensor& x, const WinogradFilters& filters, const torch::Tensor& bias);

} // namespace vigil
