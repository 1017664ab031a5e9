// CLIP encoders. Attention is written out with matmuls (not at::_native_multi_head_attention)
// so the same code runs, and trains, on LibTorch 1.13 and 2.x.
#include "model/nn/ClipEncoders.h"

#include "model/BlasRuntime.h"
#include "model/ParallelParts.h"
#include "model/nn/Int8Linear.h"

#include <ATen/Parallel.h>

#include <atomic>
#include <cmath>
#include <thread>

namespace F = torch::nn::functional;

namespace vigil {

namespace {

constexpr double kQuickGeluScale = 1.702;

// The MLP's activation as a module, for the training path (with autograd); inference
// computes it inside the products instead (mlpResidual).
struct QuickGeluImpl : torch::nn::Module {
    torch::Tensor forward(const torch::Tensor& x) { return x * torch::sigmoid(kQuickGeluScale * x); }
};
TORCH_MODULE(QuickGelu);

torch::nn::LayerNorm makeLayerNorm(int64_t width)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(1e-5));
}

} // namespace

torch::Tensor layerNormFp32(const torch::Tensor& x, torch::nn::LayerNorm norm)
{
    if (x.scalar_type() == torch::kFloat32)
        return norm(x);
    return F::layer_norm(x.to(torch::kFloat32), F::LayerNormFuncOptions({x.size(-1)})
                                                     .weight(norm->weight.to(torch::kFloat32))
                                                     .bias(norm->bias.to(torch::kFloat32))
                                                     .eps(1e-5))
        .to(x.scalar_type());
}

MultiheadAttentionImpl::MultiheadAttentionImpl(int64_t width_, int64_t heads_)
    : width(width_)
    , heads(heads_)
{
    in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * width, width}));
    in_proj_bias = register_parameter("in_proj_bias", torch::empty({3 * width}));
    out_proj = register_module("out_proj", UninitializedLinear(width, width));
}

torch::Tensor MultiheadAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& mask)
{
    const int64_t batch = x.size(0), tokens = x.size(1), headDim = width / heads;
    if (!torch::GradMode::is_enabled())
        return forwardInference(x, mask);
    auto qkv = F::linear(x, in_proj_weight, in_proj_bias).view({batch, tokens, 3, heads, headDim});
    qkv = qkv.permute({2, 0, 3, 1, 4}); // [3, B, h, T, d]
    const torch::Tensor q = qkv[0] * (1.0 / std::sqrt(double(headDim)));
    torch::Tensor scores = torch::matmul(q, qkv[1].transpose(-2, -1));
    if (mask.defined())
        scores = scores + mask;
    const torch::Tensor out = torch::matmul(torch::softmax(scores, -1), qkv[2]); // [B, h, T, d]
    return out_proj(out.transpose(1, 2).reshape({batch, tokens, width}));
}

namespace {

// Every head's attention for each item of qkv [B, T, 3W] (contiguous, fp32, CPU), without
// autograd: the per-head products read q, k and v where the projection wrote them and write
// the output into its merged [T, W] rows, and one item's [h, T, T] scores (1.9 MB for
// ViT-B/16) stay in cache for the softmax. Batched products over permuted copies of the
// whole batch spent 17 % of a ViT-B/16 block's time there for 4 % of its arithmetic; this
// spends 9 %.
torch::Tensor attendPerItem(const RowMajorSgemm& sgemm, const torch::Tensor& qkv, int64_t heads, const torch::Tensor& mask)
{
    const int64_t batch = qkv.size(0), tokens = qkv.size(1), width = qkv.size(2) / 3, headDim = width / heads;
    torch::Tensor out = torch::empty({batch, tokens, width}, qkv.options());
    torch::Tensor scores = torch::empty({heads, tokens, tokens}, qkv.options());
    torch::Tensor probabilities = torch::empty_like(scores);
    const float scale = float(1.0 / std::sqrt(double(headDim)));
    const int t = int(tokens), d = int(headDim), rowStride = int(3 * width), square = t * t;
    float* s = scores.data_ptr<float>();
    const float* p = probabilities.data_ptr<float>();
    for (int64_t b = 0; b < batch; ++b) {
        const float* item = qkv.data_ptr<float>() + b * tokens * 3 * width;
        for (int h = 0; h < int(heads); ++h) // scale q k^T
            sgemm(true, t, t, d, scale, item + h * d, rowStride, item + width + h * d, rowStride, 0.f, s + h * square, t);
        if (mask.defined())
            scores.add_(mask);
        at::_softmax_out(probabilities, scores, -1, false);
        float* o = out.data_ptr<float>() + b * tokens * width;
        for (int h = 0; h < int(heads); ++h) // p v
            sgemm(false, t, d, t, 1.f, p + h * square, t, item + 2 * width + h * d, rowStride, 0.f, o + h * d, int(width));
    }
    return out;
}

} // namespace

// The same attention without autograd. On the CPU in fp32 with a CBLAS to call, per item
// (attendPerItem); otherwise q, k and v are made contiguous once and the scale applied in
// place, so the batched products read dense memory and no scaled copy of q is made.
torch::Tensor MultiheadAttentionImpl::forwardInference(const torch::Tensor& x, const torch::Tensor& mask)
{
    const int64_t batch = x.size(0), tokens = x.size(1), headDim = width / heads;
    torch::Tensor projected = qkvInt8 ? qkvInt8->forward(x) : F::linear(x, in_proj_weight, in_proj_bias);
    const RowMajorSgemm& sgemm = rowMajorSgemm();
    if (sgemm && projected.device().is_cpu() && projected.scalar_type() == torch::kFloat32
        && (!mask.defined() || mask.scalar_type() == torch::kFloat32)) {
        const torch::Tensor merged = attendPerItem(sgemm, projected.contiguous(), heads, mask);
        return outInt8 ? outInt8->forward(merged) : out_proj(merged);
    }
    const torch::Tensor qkv = projected.view({batch, tokens, 3, heads, headDim})
                                  .permute({2, 0, 3, 1, 4})
                                  .contiguous()
                                  .view({3, batch * heads, tokens, headDim});
    const torch::Tensor q = qkv[0].mul_(1.0 / std::sqrt(double(headDim)));
    torch::Tensor scores = torch::bmm(q, qkv[1].transpose(1, 2)); // [B*h, T, T]
    if (mask.defined())
        scores.add_(mask);
    const torch::Tensor out = torch::bmm(torch::softmax(scores, -1), qkv[2]); // [B*h, T, d]
    const torch::Tensor merged = out.view({batch, heads, tokens, headDim}).transpose(1, 2).reshape({batch, tokens, width});
    return outInt8 ? outInt8->forward(merged) : out_proj(merged);
}

torch::Tensor MultiheadAttentionImpl::forwardFirstToken(const torch::Tensor& x)
{
    const int64_t batch = x.size(0), tokens = x.size(1), headDim = width / heads;
    const torch::Tensor first = x.slice(1, 0, 1);
    const torch::Tensor q = (qInt8 ? qInt8->forward(first)
                                   : F::linear(first, in_proj_weight.slice(0, 0, width), in_proj_bias.slice(0, 0, width)))
                                .view({batch, heads, 1, headDim}) * (1.0 / std::sqrt(double(headDim)));
    const torch::Tensor kv = (kvInt8 ? kvInt8->forward(x)
                                     : F::linear(x, in_proj_weight.slice(0, width, 3 * width), in_proj_bias.slice(0, width, 3 * width)))
                                 .view({batch, tokens, 2, heads, headDim})
                                 .permute({2, 0, 3, 1, 4}); // [2, B, h, T, d]
    const torch::Tensor scores = torch::matmul(q, kv[0].transpose(-2, -1)); // [B, h, 1, T]
    const torch::Tensor out = torch::matmul(torch::softmax(scores, -1), kv[1]).reshape({batch, 1, width}); // [B, 1, W]
    return outInt8 ? outInt8->forward(out) : out_proj(out);
}

void MultiheadAttentionImpl::quantizeInt8(Int8Use use, Int8Kernels kernels)
{
    torch::NoGradGuard noGrad;
    // Each block is run one way only: the packed projections of the other are not made.
    if (use == Int8Use::AllTokens) {
        qkvInt8 = std::make_shared<Int8Linear>(in_proj_weight, in_proj_bias, kernels);
    } else {
        qInt8 = std::make_shared<Int8Linear>(in_proj_weight.slice(0, 0, width), in_proj_bias.slice(0, 0, width), kernels);
        kvInt8 = std::make_shared<Int8Linear>(in_proj_weight.slice(0, width, 3 * width), in_proj_bias.slice(0, width, 3 * width),
                                              kernels);
    }
    outInt8 = std::make_shared<Int8Linear>(out_proj->weight, out_proj->bias, kernels);
}

ResidualAttentionBlockImpl::ResidualAttentionBlockImpl(int64_t width, int64_t heads)
{
    attn = register_module("attn", MultiheadAttention(width, heads));
    ln_1 = register_module("ln_1", makeLayerNorm(width));
    ln_2 = register_module("ln_2", makeLayerNorm(width));
    mlp = torch::nn::Sequential();
    mlp->push_back("c_fc", UninitializedLinear(width, 4 * width));
    mlp->push_back("gelu", QuickGelu());
    mlp->push_back("c_proj", UninitializedLinear(4 * width, width));
    register_module("mlp", mlp);
}

torch::Tensor ResidualAttentionBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& mask)
{
    if (!torch::GradMode::is_enabled()) {
        // The sub-layers' outputs are fresh tensors: add the residuals in place.
        torch::Tensor y = attn(layerNormFp32(x, ln_1), mask).add_(x);
        return mlpResidual(layerNormFp32(y, ln_2), y);
    }
    torch::Tensor y = x + attn(layerNormFp32(x, ln_1), mask);
    return y + mlp->forward(layerNormFp32(y, ln_2));
}

torch::Tensor ResidualAttentionBlockImpl::forwardFirstToken(const torch::Tensor& x)
{
    const torch::Tensor y = x.slice(1, 0, 1) + attn->forwardFirstToken(layerNormFp32(x, ln_1));
    if (!torch::GradMode::is_enabled())
        return mlpResidual(layerNormFp32(y, ln_2), y);
    return y + mlp->forward(layerNormFp32(y, ln_2));
}

// y + mlp(h) without autograd; y is a fresh tensor of the caller's, and in int8 the sum is
// made in its storage. QuickGELU's 1.702 goes into the products' alpha and c_fc's bias:
// silu(1.702 u) / 1.702 = u sigmoid(1.702 u), so the [T, 4W] activations take one pass
// instead of three; the residual plus c_proj's bias is the output's starting value,
// accumulated into in place instead of added after. In int8 both are the products'
// post-operations where oneDNN's path runs them.
torch::Tensor ResidualAttentionBlockImpl::mlpResidual(const torch::Tensor& h, torch::Tensor y)
{
    if (fcInt8) {
        projInt8->addForwardTo(fcInt8->forward(h, float(kQuickGeluScale)), y);
        return y;
    }
    const auto& fc = *mlp[0]->as<UninitializedLinearImpl>();
    const auto& proj = *mlp[2]->as<UninitializedLinearImpl>();
    torch::Tensor hidden = torch::addmm(fc.bias * kQuickGeluScale, h.reshape({-1, h.size(-1)}), fc.weight.t(), 1, kQuickGeluScale);
    torch::silu_(hidden);
    torch::Tensor out = y + proj.bias;
    out.view({-1, out.size(-1)}).addmm_(hidden, proj.weight.t(), 1, 1.0 / kQuickGeluScale);
    return out;
}

void ResidualAttentionBlockImpl::quantizeInt8(Int8Use use, Int8Kernels kernels)
{
    attn->quantizeInt8(use, kernels);
    const auto& fc = *mlp[0]->as<UninitializedLinearImpl>();
    const auto& proj = *mlp[2]->as<UninitializedLinearImpl>();
    fcInt8 = std::make_shared<Int8Linear>(fc.weight, fc.bias, kernels);
    projInt8 = std::make_shared<Int8Linear>(proj.weight, proj.bias, kernels);
}

ClipTransformerImpl::ClipTransformerImpl(int64_t width, int64_t layers, int64_t heads)
{
    resblocks = register_module("resblocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < layers; ++i)
        resblocks->push_back(ResidualAttentionBlock(width, heads));
}

torch::Tensor ClipTransformerImpl::forward(torch::Tensor x, const torch::Tensor& mask)
{
    for (const auto& block : *resblocks)
        x = block->as<ResidualAttentionBlockImpl>()->forward(x, mask);
    return x;
}

torch::Tensor ClipTransformerImpl::forwardFirstToken(torch::Tensor x)
{
    const size_t layers = resblocks->size();
    if (layers == 0)
        return x.slice(1, 0, 1);
    for (size_t i = 0; i + 1 < layers; ++i)
        x = resblocks[i]->as<ResidualAttentionBlockImpl>()->forward(x);
    return resblocks[layers - 1]->as<ResidualAttentionBlockImpl>()->forwardFirstToken(x);
}

VisionTransformerImpl::VisionTransformerImpl(const VisionTransformerOptions& o)
    : options(o)
{
    conv1 = register_module(
        "conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, o.width, o.patch).stride(o.patch).bias(false)));
    class_embedding = register_parameter("class_embedding", torch::zeros({o.width}));
    positional_embedding = register_parameter("positional_embedding", torch::zeros({o.grid * o.grid + 1, o.width}));
    ln_pre = register_module("ln_pre", makeLayerNorm(o.width));
    transformer = register_module("transformer", ClipTransformer(o.width, o.layers, o.width / 64));
    ln_post = register_module("ln_post", makeLayerNorm(o.width));
    proj = register_parameter("proj", torch::zeros({o.width, o.outputDim}));
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& pixels)
{
    torch::Tensor x = conv1(pixels.to(conv1->weight.scalar_type())); // [B, W, G, G]
    x = x.flatten(2).transpose(1, 2);                                  // [B, G*G, W]
    const torch::Tensor cls = class_embedding.to(x.scalar_type()).expand({x.size(0), 1, x.size(2)});
    x = torch::cat({cls, x}, 1) + positional_embedding.to(x.scalar_type());
    x = layerNormFp32(x, ln_pre);
    // Only the class token's output is used (section 1): the last block computes that row alone.
    x = transformer->forwardFirstToken(x);
    x = layerNormFp32(x.select(1, 0), ln_post);
    return torch::matmul(x, proj);
}

void VisionTransformerImpl::quantizeInt8(Int8Kernels kernels)
{
    // The blocks are packed side by side, one per thread at a time (0.98 s -> 0.4 s for
    // ViT-B/16 on 2 cores); the last one computes the first token's row only (forward()).
    const int64_t blocks = int64_t(transformer->resblocks->size());
    const int threads = std::max(1, int(std::min<int64_t>(blocks, std::thread::hardware_concurrency())));
    std::atomic<int64_t> next{0};
    const int callerThreads = at::get_num_threads();
    runParts(threads, [&](int64_t) {
        at::set_num_threads(1);
        for (int64_t i = next++; i < blocks; i = next++)
            transformer->resblocks[size_t(i)]->as<ResidualAttentionBlockImpl>()->quantizeInt8(
                i + 1 == blocks ? Int8Use::FirstToken : Int8Use::AllTokens, kernels);
    });
    at::set_num_threads(callerThreads); // the workers' setting is partly process-wide
}

TextEncoderImpl::TextEncoderImpl(const TextEncoderOptions& o)
    : options(o)
{
    positional_embedding = register_parameter("positional_embedding", torch::zeros({o.contextLength, o.width}));
    transformer = register_module("transformer", ClipTransformer(o.width, o.layers, o.width / 64));
    ln_final = register_module("ln_final", makeLayerNorm(o.width));
    text_projection = register_parameter("text_projection", torch::zeros({o.width, o.outputDim}));
    causalMask = torch::full({o.contextLength, o.contextLength}, -std::numeric_limits<float>::infinity()).triu(1);
}

torch::Tensor TextEncoderImpl::forward(const torch::Tensor& prompts, const torch::Tensor& endPositions)
{
    // Under the causal mask no token sees the ones after it: the tokens past the last end
    // token cannot change any end token's output, so they are left out (CLIP pads prompts
    // to 77 tokens; AnomalyCLIP's are about 13 long: 6 times less work, same result).
    const int64_t used = std::min<int64_t>(prompts.size(1), endPositions.max().item<int64_t>() + 1);
    torch::Tensor x = prompts.slice(1, 0, used) + positional_embedding.slice(0, 0, used);
    x = transformer(x, causalMask.slice(0, 0, used).slice(1, 0, used).to(x.device(), x.scalar_type()));
    x = layerNormFp32(x, ln_final);
    const torch::Tensor rows = torch::arange(x.size(0), torch::TensorOptions().dtype(torch::kLong).device(x.device()));
    x = x.index({rows, endPositions.to(x.device())});
    return torch::matmul(x, text_projection);
}

PromptLearnerImpl::PromptLearnerImpl(int64_t classes, int64_t contextTokens, int64_t width, int64_t contextLength,
                                     bool classSpecific)
{
    ctx = register_parameter("ctx", classSpecific ? torch::zeros({classes, contextTokens, width})
                                                  : torch::zeros({contextTokens, width}));
    // Fixed embeddings of the start token and of the class names: buffers, not trained.
    token_prefix = register_buffer("token_prefix", torch::zeros({classes, 1, width}));
    token_suffix = register_buffer("token_suffix", torch::zeros({classes, contextLength - 1 - contextTokens, width}));
}

torch::Tensor PromptLearnerImpl::forward()
{
    torch::Tensor context = ctx.dim() == 2 ? ctx.unsqueeze(0).expand({token_prefix.size(0), -1, -1}) : ctx;
    return torch::cat({token_prefix, context, token_suffix}, 1);
}

} // namespace vigil
