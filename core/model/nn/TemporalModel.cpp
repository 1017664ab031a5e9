// Temporal model. The reversible sequence is evaluated with its plain formulas: at
// inference that is what the reversible trick computes, and it trains with autograd.
#include "model/nn/TemporalModel.h"

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

namespace {

// Winograd F(4x4, 3x3) transforms (Lavin & Gray 2016, interpolation points 0, +-1, +-2),
// as Kronecker products so that each transform is one matrix product over all tiles.
constexpr int64_t kTile = 6, kOut = 4;

torch::Tensor kroneckerProduct(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a.unsqueeze(1).unsqueeze(3) * b.unsqueeze(0).unsqueeze(2)).reshape({a.size(0) * b.size(0), a.size(1) * b.size(1)});
}

struct WinogradMatrices {
    torch::Tensor inputTransform;  // [36, 36] = B^T (x) B^T
    torch::Tensor filterTransform; // [36, 9]  = G (x) G
    torch::Tensor outputTransform; // [16, 36] = A^T (x) A^T
};

const WinogradMatrices& winogradMatrices()
{
    static const WinogradMatrices m = [] {
        const torch::Tensor bt = torch::tensor({4., 0., -5., 0., 1., 0.,  0., -4., -4., 1., 1., 0.,
                                                0., 4., -4., -1., 1., 0., 0., -2., -1., 2., 1., 0.,
                                                0., 2., -1., -2., 1., 0., 0., 4., 0., -5., 0., 1.}, torch::kFloat64).view({6, 6});
        const torch::Tensor g = torch::tensor({1. / 4, 0., 0., -1. / 6, -1. / 6, -1. / 6, -1. / 6, 1. / 6, -1. / 6,
                                               1. / 24, 1. / 12, 1. / 6, 1. / 24, -1. / 12, 1. / 6, 0., 0., 1.}, torch::kFloat64).view({6, 3});
        const torch::Tensor at = torch::tensor({1., 1., 1., 1., 1., 0., 0., 1., -1., 2., -2., 0.,
                                                0., 1., 1., 4., 4., 0., 0., 1., -1., 8., -8., 1.}, torch::kFloat64).view({4, 6});
        return WinogradMatrices{kroneckerProduct(bt, bt).to(torch::kFloat32), kroneckerProduct(g, g),
                                kroneckerProduct(at, at).to(torch::kFloat32)};
    }();
    return m;
}

} // namespace

torch::Tensor winogradConv3x3(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    // 3x3, stride 1, zero padding 1, as Conv2d(..., 3, padding=1) but with 4x fewer
    // multiplies than im2col: these convolutions are ~90% of the head's work.
    const int64_t batch = x.size(0), in = x.size(1), h = x.size(2), w = x.size(3), out = weight.size(0);
    if (h % kOut || w % kOut || x.scalar_type() != torch::kFloat32)
        return torch::conv2d(x, weight, bias, 1, 1);
    const WinogradMatrices& m = winogradMatrices();
    const int64_t th = h / kOut, tw = w / kOut, tiles = batch * th * tw;
    // Filters, transformed in double precision: U[36, out, in].
    const torch::Tensor u = torch::matmul(m.filterTransform.to(weight.device()),
                                          weight.to(torch::kFloat64).reshape({out * in, 9}).t())
                                .to(torch::kFloat32)
                                .view({kTile * kTile, out, in});
    // Input tiles 6x6 with stride 4 -> [36, in * tiles] -> V = (B^T (x) B^T) d.
    const torch::Tensor padded = torch::constant_pad_nd(x, {1, 1, 1, 1});
    const torch::Tensor d = padded.unfold(2, kTile, kOut).unfold(3, kTile, kOut) // [B, in, th, tw, 6, 6]
                                .permute({4, 5, 1, 0, 2, 3})
                                .reshape({kTile * kTile, in * tiles});
    const torch::Tensor v = torch::matmul(m.inputTransform.to(x.device()), d).view({kTile * kTile, in, tiles});
    // 36 independent products: M[36, out, tiles].
    const torch::Tensor product = torch::bmm(u, v).view({kTile * kTile, out * tiles});
    // Y = (A^T (x) A^T) M -> [4, 4, out, B, th, tw] -> [B, out, H, W].
    torch::Tensor y = torch::matmul(m.outputTransform.to(x.device()), product).view({kOut, kOut, out, batch, th, tw});
    y = y.permute({3, 2, 4, 0, 5, 1}).reshape({batch, out, h, w});
    return bias.defined() ? y + bias.view({1, out, 1, 1}) : y;
}

torch::Tensor FeedForwardUnitImpl::forward(const torch::Tensor& x)
{
    if (is_training() || torch::GradMode::is_enabled())
        return contract(torch::leaky_relu(expand(norm(x)), 0.01));
    const torch::Tensor hidden = winogradConv3x3(norm(x), expand->weight, expand->bias);
    return winogradConv3x3(torch::leaky_relu(hidden, 0.01), contract->weight, contract->bias);
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
