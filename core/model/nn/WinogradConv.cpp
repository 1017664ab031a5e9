// Winograd F(4x4, 3x3) (Lavin & Gray, 2016; interpolation points 0, +-1, +-2). The input
// and output transforms are fused loops over tiles (they are memory-bound: as LibTorch
// ops they cost more than they save); the 36 products are BLAS matrix products.
#include "model/nn/WinogradConv.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <vector>

namespace vigil {

namespace {

constexpr int64_t kTile = 6, kOut = 4, kPoints = kTile * kTile;

// The 1-D transforms applied to whole rows of tiles at once (`n` tiles, contiguous),
// so that the compiler vectorises across tiles.
// B^T of F(4, 3): o_k = sum_j B^T[k][j] d_j.
inline void inputTransformRows(const float* const d[6], float* const o[6], int64_t n)
{
    for (int64_t t = 0; t < n; ++t) {
        const float d0 = d[0][t], d1 = d[1][t], d2 = d[2][t], d3 = d[3][t], d4 = d[4][t], d5 = d[5][t];
        o[0][t] = 4 * d0 - 5 * d2 + d4;
        o[1][t] = -4 * (d1 + d2) + d3 + d4;
        o[2][t] = 4 * (d1 - d2) - d3 + d4;
        o[3][t] = 2 * (d3 - d1) - d2 + d4;
        o[4][t] = 2 * (d1 - d3) - d2 + d4;
        o[5][t] = 4 * d1 - 5 * d3 + d5;
    }
}

// A^T of F(4, 3).
inline void outputTransformRows(const float* const m[6], float* const o[4], int64_t n)
{
    for (int64_t t = 0; t < n; ++t) {
        const float m0 = m[0][t], m1 = m[1][t], m2 = m[2][t], m3 = m[3][t], m4 = m[4][t], m5 = m[5][t];
        o[0][t] = m0 + m1 + m2 + m3 + m4;
        o[1][t] = m1 - m2 + 2 * (m3 - m4);
        o[2][t] = m1 + m2 + 4 * (m3 + m4);
        o[3][t] = m1 - m2 + 8 * (m3 - m4) + m5;
    }
}

torch::Tensor filterTransform(const torch::Tensor& weight)
{
    // G (6x3), in double so that the transformed filters carry no extra rounding.
    static constexpr double g[6][3] = {{1. / 4, 0., 0.},          {-1. / 6, -1. / 6, -1. / 6}, {-1. / 6, 1. / 6, -1. / 6},
                                       {1. / 24, 1. / 12, 1. / 6}, {1. / 24, -1. / 12, 1. / 6}, {0., 0., 1.}};
    const int64_t out = weight.size(0), in = weight.size(1), filters = out * in;
    const torch::Tensor w = weight.detach().to(torch::kCPU, torch::kFloat32).contiguous().view({filters, 9});
    torch::Tensor u = torch::empty({kPoints, filters}, torch::kFloat32);
    const float* wd = w.data_ptr<float>();
    float* ud = u.data_ptr<float>();
    // U[a, b, (o, i)] = sum_kl G[a,k] w[o,i,k,l] G[b,l]: a loop, not an einsum, whose
    // contraction LibTorch ran as 262144 tiny double products (0.65 s per model load). In
    // blocks of filters, so that each of the 36 rows of U is written a block at a time (one
    // store per filter into 36 rows 1 MB apart took 0.17 s for the head's 1M filters).
    constexpr int64_t kBlock = 256;
    at::parallel_for(0, (filters + kBlock - 1) / kBlock, 16, [&](int64_t beginBlock, int64_t endBlock) {
        float block[kPoints][kBlock];
        for (int64_t first = beginBlock * kBlock; first < std::min(filters, endBlock * kBlock); first += kBlock) {
            const int64_t n = std::min(kBlock, filters - first);
            for (int64_t j = 0; j < n; ++j) {
                const float* k = wd + (first + j) * 9;
                double gw[6][3]; // G w
                for (int a = 0; a < 6; ++a)
                    for (int l = 0; l < 3; ++l)
                        gw[a][l] = g[a][0] * k[l] + g[a][1] * k[3 + l] + g[a][2] * k[6 + l];
                for (int a = 0; a < 6; ++a)
                    for (int b = 0; b < 6; ++b)
                        block[a * 6 + b][j] = float(gw[a][0] * g[b][0] + gw[a][1] * g[b][1] + gw[a][2] * g[b][2]);
            }
            for (int64_t p = 0; p < kPoints; ++p)
                std::copy(block[p], block[p] + n, ud + p * filters + first);
        }
    });
    return u.view({kPoints, out, in});
}

// In-place edits bump a tensor's version; inference tensors cannot change and have none.
uint32_t versionOf(const torch::Tensor& t) { return t.is_inference() ? 0 : uint32_t(t._version()); }

} // namespace

WinogradFilters::WinogradFilters(const torch::Tensor& weight)
    : m_transformed(filterTransform(weight))
    , m_source(weight.data_ptr())
    , m_version(versionOf(weight))
{
}

bool WinogradFilters::matches(const torch::Tensor& weight) const
{
    return m_transformed.defined() && weight.data_ptr() == m_source && versionOf(weight) == m_version &&
           m_transformed.size(1) == weight.size(0) && m_transformed.size(2) == weight.size(1);
}

torch::Tensor winogradConv3x3(const torch::Tensor& input, const WinogradFilters& filters, const torch::Tensor& bias)
{
    const torch::Tensor& u = filters.transformed();
    const int64_t batch = input.size(0), in = input.size(1), h = input.size(2), w = input.size(3), out = u.size(1);
    if (h % kOut || w % kOut || input.scalar_type() != torch::kFloat32 || !input.device().is_cpu())
        return torch::Tensor(); // caller falls back
    const torch::Tensor x = input.contiguous();
    const int64_t th = h / kOut, tw = w / kOut, tilesPerImage = th * tw, tiles = batch * tilesPerImage;

    // V[36, in, tiles]: pad, gather each 6x6 tile, B^T d B; per channel, all images.
    torch::Tensor v = torch::empty({kPoints, in, tiles}, x.options());
    const float* xp = x.data_ptr<float>();
    float* vp = v.data_ptr<float>();
    at::parallel_for(0, in, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> gathered(size_t(kPoints * tilesPerImage)), columns(size_t(kPoints * tilesPerImage));
        for (int64_t c = begin; c < end; ++c) {
            for (int64_t b = 0; b < batch; ++b) {
                const float* plane = xp + (b * in + c) * h * w;
                // gathered[r*6+s][tile] = padded input at (4 ti - 1 + r, 4 tj - 1 + s)
                for (int64_t r = 0; r < kTile; ++r) {
                    for (int64_t s = 0; s < kTile; ++s) {
                        float* row = gathered.data() + (r * kTile + s) * tilesPerImage;
                        for (int64_t ti = 0; ti < th; ++ti) {
                            const int64_t yy = ti * kOut - 1 + r;
                            for (int64_t tj = 0; tj < tw; ++tj) {
                                const int64_t xx = tj * kOut - 1 + s;
                                row[ti * tw + tj] = (yy >= 0 && yy < h && xx >= 0 && xx < w) ? plane[yy * w + xx] : 0.f;
                            }
                        }
                    }
                }
                for (int64_t s = 0; s < kTile; ++s) { // columns: B^T d
                    const float* d[6];
                    float* o[6];
                    for (int64_t k = 0; k < kTile; ++k) {
                        d[k] = gathered.data() + (k * kTile + s) * tilesPerImage;
                        o[k] = columns.data() + (k * kTile + s) * tilesPerImage;
                    }
                    inputTransformRows(d, o, tilesPerImage);
                }
                for (int64_t r = 0; r < kTile; ++r) { // rows: (B^T d) B, straight into V
                    const float* d[6];
                    float* o[6];
                    for (int64_t k = 0; k < kTile; ++k) {
                        d[k] = columns.data() + (r * kTile + k) * tilesPerImage;
                        o[k] = vp + ((r * kTile + k) * in + c) * tiles + b * tilesPerImage;
                    }
                    inputTransformRows(d, o, tilesPerImage);
                }
            }
        }
    });

    // M[36, out, tiles] = U V, 36 independent products.
    torch::Tensor m = torch::empty({kPoints, out, tiles}, x.options());
    for (int64_t p = 0; p < kPoints; ++p) {
        torch::Tensor slice = m[p];
        torch::mm_out(slice, u[p], v[p]);
    }
    v = torch::Tensor();

    // Y = A^T M A + bias, scattered back to [B, out, H, W]; per output channel.
    torch::Tensor y = torch::empty({batch, out, h, w}, x.options());
    const float* mp = m.data_ptr<float>();
    float* yp = y.data_ptr<float>();
    const torch::Tensor biasContiguous = bias.defined() ? bias.contiguous() : torch::Tensor();
    const float* biasData = biasContiguous.defined() ? biasContiguous.data_ptr<float>() : nullptr;
    const int64_t pointStride = out * tiles;
    at::parallel_for(0, out, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> columns(size_t(kOut * kTile * tiles)), result(size_t(kOut * kOut * tiles));
        for (int64_t o = begin; o < end; ++o) {
            for (int64_t s = 0; s < kTile; ++s) { // columns: A^T m -> 4 x 6
                const float* in6[6];
                float* out4[4];
                for (int64_t k = 0; k < kTile; ++k)
                    in6[k] = mp + (k * kTile + s) * pointStride + o * tiles;
                for (int64_t k = 0; k < kOut; ++k)
                    out4[k] = columns.data() + (k * kTile + s) * tiles;
                outputTransformRows(in6, out4, tiles);
            }
            for (int64_t r = 0; r < kOut; ++r) { // rows: (A^T m) A -> 4 x 4
                const float* in6[6];
                float* out4[4];
                for (int64_t k = 0; k < kTile; ++k)
                    in6[k] = columns.data() + (r * kTile + k) * tiles;
                for (int64_t k = 0; k < kOut; ++k)
                    out4[k] = result.data() + (r * kOut + k) * tiles;
                outputTransformRows(in6, out4, tiles);
            }
            const float b0 = biasData ? biasData[o] : 0.f;
            for (int64_t b = 0; b < batch; ++b) {
                float* image = yp + (b * out + o) * h * w;
                for (int64_t r = 0; r < kOut; ++r) {
                    for (int64_t c = 0; c < kOut; ++c) {
                        const float* src = result.data() + (r * kOut + c) * tiles + b * tilesPerImage;
                        for (int64_t ti = 0; ti < th; ++ti) {
                            float* dst = image + (ti * kOut + r) * w + c;
                            for (int64_t tj = 0; tj < tw; ++tj)
                                dst[tj * kOut] = src[ti * tw + tj] + b0;
                        }
                    }
                }
            }
        }
    });
    return y;
}

} // namespace vigil
