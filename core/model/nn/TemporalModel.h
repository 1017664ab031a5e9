// The temporal model: projection, axial positional embedding, reversible axial
// transformer and classification head (anomalyclip-model.md section 4), with the
// checkpoint's module names. Internal to the model layer: includes LibTorch.
#pragma once

#include "model/nn/WinogradConv.h"

#include <torch/torch.h>

namespace vigil {

/// LayerNorm over channels of a [B, C, H, W] map with eps added to the std (section 4).
struct ChanLayerNormImpl : torch::nn::Module {
    explicit ChanLayerNormImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor g, b;
};
TORCH_MODULE(ChanLayerNorm);

/// Multi-head self-attention over sequences [B', T, E]; k rows before v rows in to_kv.
struct AxialSelfAttentionImpl : torch::nn::Module {
    AxialSelfAttentionImpl(int64_t width, int64_t heads);
    torch::Tensor forward(const torch::Tensor& x);
    int64_t heads;
    torch::nn::Linear to_q{nullptr}, to_kv{nullptr}, to_out{nullptr};
};
TORCH_MODULE(AxialSelfAttention);

/// `fn.norm` + `fn.fn`: LayerNorm then attention along one axis of [B, E, N, L].
struct AxialAttentionUnitImpl : torch::nn::Module {
    AxialAttentionUnitImpl(int64_t width, int64_t heads, int axis);
    torch::Tensor forward(const torch::Tensor& x);
    int axis; // 2: along segments N, 3: along frames L
    torch::nn::LayerNorm norm{nullptr};
    AxialSelfAttention fn{nullptr};
};
TORCH_MODULE(AxialAttentionUnit);

/// `0` ChanLayerNorm, `1` conv 3x3, LeakyReLU, `3` conv 3x3 (a Sequential in the reference).
struct FeedForwardUnitImpl : torch::nn::Module {
    explicit FeedForwardUnitImpl(int64_t width);
    torch::Tensor forward(const torch::Tensor& x);
    /// Transforms the filters once for Winograd inference; call after loading weights.
    void prepareInference();
    ChanLayerNorm norm{nullptr};
    torch::nn::Conv2d expand{nullptr}, contract{nullptr};
    WinogradFilters expandFilters, contractFilters;
};
TORCH_MODULE(FeedForwardUnit);

/// One reversible block: y1 = x1 + f(x2); y2 = x2 + g(y1).
struct ReversibleBlockImpl : torch::nn::Module {
    ReversibleBlockImpl(torch::nn::AnyModule f, torch::nn::AnyModule g);
    torch::Tensor forward(const torch::Tensor& x); // [B, 2E, N, L]
    torch::nn::AnyModule f, g;
};
TORCH_MODULE(ReversibleBlock);

struct TemporalModelOptions {
    int64_t inFeatures = 512, width = 256, depth = 1, heads = 8, segments = 32, framesPerSegment = 16;
};

/// [B, N*L, in] frame inputs -> [B, N*L] anomaly scores in (0, 1).
struct TemporalModelImpl : torch::nn::Module {
    explicit TemporalModelImpl(const TemporalModelOptions& options);
    torch::Tensor forward(const torch::Tensor& frames);
    /// Precomputes what inference reuses (Winograd filters); call after loading weights.
    void prepareInference();
    TemporalModelOptions options;
    torch::nn::Linear projection{nullptr};
    torch::Tensor posEmb0, posEmb1; // axial_attn.pos_emb.param_{0,1}
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm classifierNorm{nullptr};
    torch::nn::Linear classifierLinear{nullptr};
};
TORCH_MODULE(TemporalModel);

} // namespace vigil
