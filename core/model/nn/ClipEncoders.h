// CLIP's transformer, vision encoder and text encoder as LibTorch modules whose
// submodule names are the checkpoint's (anomalyclip-model.md sections 1 and 2).
// Internal to the model layer: includes LibTorch.
#pragma once

#include "model/InferenceSession.h"
#include "model/nn/UninitializedLinear.h"

#include <torch/torch.h>

namespace vigil {

class Int8Linear;

/// How a block is run, so that only the int8 projections it uses are packed.
enum class Int8Use { AllTokens, FirstToken };

/// LayerNorm computed in fp32 whatever the input type, as CLIP does.
torch::Tensor layerNormFp32(const torch::Tensor& x, torch::nn::LayerNorm norm);

/// Packed multi-head attention with CLIP's `attn.in_proj_*` / `attn.out_proj` names.
struct MultiheadAttentionImpl : torch::nn::Module {
    MultiheadAttentionImpl(int64_t width, int64_t heads);
    /// x: [B, T, W]; mask: additive [T, T] or undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask = {});
    /// forward() without autograd (inference mode or no-grad): same result, less memory traffic.
    torch::Tensor forwardInference(const torch::Tensor& x, const torch::Tensor& mask);
    /// forward()'s output row of the first token only, [B, 1, W] (no mask).
    torch::Tensor forwardFirstToken(const torch::Tensor& x);
    /// Int8 copies of the projections for CPU inference, those forward() (AllTokens) or
    /// forwardFirstToken() needs; without them (null), fp32.
    void quantizeInt8(Int8Use use, Int8Kernels kernels);
    int64_t width, heads;
    torch::Tensor in_proj_weight, in_proj_bias;
    UninitializedLinear out_proj{nullptr};
    std::shared_ptr<const Int8Linear> qkvInt8, qInt8, kvInt8, outInt8;
};
TORCH_MODULE(MultiheadAttention);

struct ResidualAttentionBlockImpl : torch::nn::Module {
    ResidualAttentionBlockImpl(int64_t width, int64_t heads);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask = {});
    torch::Tensor forwardFirstToken(const torch::Tensor& x);
    /// Int8 projections and MLP for CPU inference (see MultiheadAttentionImpl).
    void quantizeInt8(Int8Use use, Int8Kernels kernels);
    MultiheadAttention attn{nullptr};
    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    torch::nn::Sequential mlp{nullptr}; // c_fc, QuickGELU, c_proj
    std::shared_ptr<const Int8Linear> fcInt8, projInt8;

private:
    torch::Tensor mlpResidual(const torch::Tensor& h, torch::Tensor y);
};
TORCH_MODULE(ResidualAttentionBlock);

struct ClipTransformerImpl : torch::nn::Module {
    ClipTransformerImpl(int64_t width, int64_t layers, int64_t heads);
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& mask = {});
    /// The output row of the first token only, [B, 1, W] (no mask): the last block then
    /// needs keys and values of every token but queries and the MLP for one.
    torch::Tensor forwardFirstToken(torch::Tensor x);
    torch::nn::ModuleList resblocks{nullptr};
};
TORCH_MODULE(ClipTransformer);

struct VisionTransformerOptions {
    int64_t width = 768, patch = 16, grid = 14, layers = 12, outputDim = 512;
};

/// Section 1: [B, 3, R, R] normalised pixels -> [B, D] frame features.
struct VisionTransformerImpl : torch::nn::Module {
    explicit VisionTransformerImpl(const VisionTransformerOptions& options);
    torch::Tensor forward(const torch::Tensor& pixels);
    /// Every block's linear layers in int8, for a CPU inference copy (InferenceSession
    /// makes one sharing the weights): training and autograd need fp32.
    void quantizeInt8(Int8Kernels kernels = Int8Kernels::Best);
    VisionTransformerOptions options;
    torch::nn::Conv2d conv1{nullptr};
    torch::Tensor class_embedding, positional_embedding, proj;
    torch::nn::LayerNorm ln_pre{nullptr}, ln_post{nullptr};
    ClipTransformer transformer{nullptr};
};
TORCH_MODULE(VisionTransformer);

struct TextEncoderOptions {
    int64_t width = 512, layers = 12, contextLength = 77, outputDim = 512;
};

/// Section 2: prompt embeddings [C, 77, Wt] and end-token positions [C] -> [C, D].
struct TextEncoderImpl : torch::nn::Module {
    explicit TextEncoderImpl(const TextEncoderOptions& options);
    torch::Tensor forward(const torch::Tensor& prompts, const torch::Tensor& endPositions);
    TextEncoderOptions options;
    torch::Tensor positional_embedding, text_projection;
    ClipTransformer transformer{nullptr};
    torch::nn::LayerNorm ln_final{nullptr};
    torch::Tensor causalMask; // not a buffer: not in checkpoints
};
TORCH_MODULE(TextEncoder);

/// Section 2: learned context between fixed prefix and suffix embeddings.
struct PromptLearnerImpl : torch::nn::Module {
    PromptLearnerImpl(int64_t classes, int64_t contextTokens, int64_t width, int64_t contextLength,
                      bool classSpecific);
    /// [C, 77, Wt]
    torch::Tensor forward();
    torch::Tensor ctx, token_prefix, token_suffix;
};
TORCH_MODULE(PromptLearner);

} // namespace vigil
