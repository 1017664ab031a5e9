// Temporal model. The reversible sequence is evaluated with its plain formulas: at
// inference that is what the reversible trick computes, and it trains with autograd.
#include "model/nn/TemporalModel.h"

#include "model/nn/WinogradConv.h"

#include <cmath>

namespace vigil {

ChanLayerNormImpl::ChanLayerNormImpl(int64_t channels)
{
    g = register_parameter("g", torch::ones({1, channels, 1, 1}));
    b = register_parameter("b", torch::zeros({1, channels, 1, 1}));
}

torch::Tensor ChanLayerNormImpl::forward(const torch::Tensor& x)
{
    const torch::Tensor std = torch::var(x, 1, /*unbiased=*/false, /*keepdim=*/true).sqrt();
    const torch::Tensor mean = torch::mean(x, 1, /*keepdim=*/true);
    return (x - mean) / (std + 1e-5) * g + b;
}

AxialSelfAttentionImpl::AxialSelfAttentionImpl(int64_t width, int64_t heads_)
    : heads(heads_)
{
    to_q = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(width, width).bias(false)));
    to_kv = register_module("to_kv", torch::nn::Linear(torch::nn::LinearOptions(width, 2 * width).bias(false)));
    to_out = register_module("to_out", torch::nn::Linear(width, width));
}

torch::Tensor AxialSelfAttentionImpl::forward(const torch::Tensor& x)
{
    const int64_t batch = x.size(0), tokens = x.size(1), width = x.size(2), headDim = width / heads;
    const auto kv = to_kv(x).chunk(2, -1);
    auto split = [&](const torch::Tensor& t) { return t.reshape({batch, tokens, heads, headDim}).transpose(1, 2); };
    const torch::Tensor q = split(to_q(x)), k = split(kv[0]), v = split(kv[1]);
    const torch::Tensor dots = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(headDim)));
    const torch::Tensor out = torch::matmul(torch::softmax(dots, -1), v); // [B, h, T, d]
    return to_out(out.transpose(1, 2).reshape({batch, tokens, width}));
}

AxialAttentionUnitImpl::AxialAttentionUnitImpl(int64_t width, int64_t heads, int axis_)
    : axis(axis_)
{
    // Checkpoint names: PermuteToFrom.fn (PreNorm) -> {norm, fn (SelfAttention)}.
    auto preNorm = register_module("fn", std::make_shared<torch::nn::Module>());
    norm = preNorm->register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    fn = preNorm->register_module("fn", AxialSelfAttention(width, heads));
}

torch::Tensor AxialAttentionUnitImpl::forward(const torch::Tensor& x)
{
    // [B, E, N, L]: sequences along `axis`, everything else folded into the batch.
    const torch::Tensor axial = axis == 2 ? x.permute({0, 3, 2, 1}) : x.permute({0, 2, 3, 1});
    const auto shape = axial.sizes().vec(); // [B, other, T, E]
    torch::Tensor y = fn(norm(axial.reshape({-1, shape[2], shape[3]})));
    y = y.reshape(shape);
    return axis == 2 ? y.permute({0, 3, 2, 1}) : y.permute({0, 3, 1, 2});
}

FeedForwardUnitImpl::FeedForwardUnitImpl(int64_t width)
{
    norm = register_module("0", ChanLayerNorm(width));
    expand = register_module("1", torch::nn::Conv2d(torch::nn::Conv2dOptions(width, 4 * width, 3).padding(1)));
    contract = register_module("3", torch::nn::Conv2d(torch::nn::Conv2dOptions(4 * width, width, 3).padding(1)));
}

void FeedForwardUnitImpl::prepareInference()
{
    expandFilters = WinogradFilters(expand->weight);
    contractFilters = WinogradFilters(contract->weight);
}

torch::Tensor FeedForwardUnitImpl::forward(const torch::Tensor& x)
{
    // Training (and anything needing gradients) takes LibTorch's convolution; inference
    // the Winograd one, which needs 4x fewer multiplies for the head's dominant cost.
    if (is_training() || torch::GradMode::is_enabled() || !expandFilters.matches(expand->weight) ||
        !contractFilters.matches(contract->weight))
        return contract(torch::leaky_relu(expand(norm(x)), 0.01));
    const torch::Tensor normed = norm(x);
    torch::Tensor hidden = winogradConv3x3(normed, expandFilters, expand->bias);
    if (!hidden.defined()) // sizes Winograd does not tile
        return contract(torch::leaky_relu(expand(normed), 0.01));
    hidden = torch::leaky_relu(hidden, 0.01);
    return winogradConv3x3(hidden, contractFilters, contract->bias);
}

ReversibleBlockImpl::ReversibleBlockImpl(torch::nn::AnyModule f_, torch::nn::AnyModule g_)
    : f(std::move(f_))
    , g(std::move(g_))
{
    // The checkpoint's names are `<b>.f.net...`: the unit's own `net`/`fn` follow.
    register_module("f", std::make_shared<torch::nn::Module>())->register_module("net", f.ptr());
    register_module("g", std::make_shared<torch::nn::Module>())->register_module("net", g.ptr());
}

torch::Tensor ReversibleBlockImpl::forward(const torch::Tensor& x)
{
    const auto halves = x.chunk(2, 1);
    const torch::Tensor y1 = halves[0] + f.forward(halves[1]);
    const torch::Tensor y2 = halves[1] + g.forward(y1);
    return torch::cat({y1, y2}, 1);
}

TemporalModelImpl::TemporalModelImpl(const TemporalModelOptions& o)
    : options(o)
{
    projection = register_module("projection", torch::nn::Linear(o.inFeatures, o.width));
    auto axial = register_module("axial_attn", std::make_shared<torch::nn::Module>());
    auto posEmb = axial->register_module("pos_emb", std::make_shared<torch::nn::Module>());
    posEmb0 = posEmb->register_parameter("param_0", torch::zeros({1, o.width, o.segments, 1}));
    posEmb1 = posEmb->register_parameter("param_1", torch::zeros({1, o.width, 1, o.framesPerSegment}));
    blocks = torch::nn::ModuleList();
    for (int64_t i = 0; i < o.depth; ++i) {
        blocks->push_back(ReversibleBlock(torch::nn::AnyModule(AxialAttentionUnit(o.width, o.heads, 2)),
                                          torch::nn::AnyModule(AxialAttentionUnit(o.width, o.heads, 3))));
        blocks->push_back(ReversibleBlock(torch::nn::AnyModule(FeedForwardUnit(o.width)),
                                          torch::nn::AnyModule(FeedForwardUnit(o.width))));
    }
    axial->register_module("layers", std::make_shared<torch::nn::Module>())->register_module("blocks", blocks);
    auto classifier = register_module("classifier", std::make_shared<torch::nn::Module>());
    classifierNorm = classifier->register_module("layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.width})));
    classifierLinear = classifier->register_module("linear", torch::nn::Linear(o.width, 1));
}

void TemporalModelImpl::prepareInference()
{
    for (const auto& block : *blocks) {
        auto* reversible = block->as<ReversibleBlockImpl>();
        for (auto* unit : {&reversible->f, &reversible->g})
            if (auto feedForward = std::dynamic_pointer_cast<FeedForwardUnitImpl>(unit->ptr()))
                feedForward->prepareInference();
    }
}

torch::Tensor TemporalModelImpl::forward(const torch::Tensor& frames)
{
    const int64_t batch = frames.size(0), n = options.segments, l = options.framesPerSegment;
    torch::Tensor x = projection(frames).view({batch, n, l, options.width}).permute({0, 3, 1, 2}); // [B, E, N, L]
    x = x + posEmb0 + posEmb1;
    x = torch::cat({x, x}, 1);
    for (const auto& block : *blocks)
        x = block->as<ReversibleBlockImpl>()->forward(x);
    const auto halves = x.chunk(2, 1);
    x = (halves[0] + halves[1]) * 0.5;                              // [B, E, N, L]
    x = x.permute({0, 2, 3, 1}).reshape({batch, n * l, options.width}); // frame order
    return torch::sigmoid(classifierLinear(classifierNorm(x))).squeeze(-1);
}

} // namespace vigil
