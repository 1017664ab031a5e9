// PIL's resampling (Pillow's Resample.c): separable convolution with the bicubic kernel
// (a = -0.5) stretched by the scale when shrinking (antialiasing), weights normalised and
// turned into 22-bit fixed point, each pass rounded and clipped to 8 bits. Matching the
// rounding keeps us within a grey level of torchvision's PIL path.
#include "model/ClipPreprocessor.h"

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;
constexpr float kMean[3] = {0.48145466f, 0.4578275f, 0.40821073f};
constexpr float kStd[3] = {0.26862954f, 0.26130258f, 0.27577711f};

double bicubic(double x)
{
    constexpr double a = -0.5;
    x = std::fabs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

uint8_t clip8(int64_t value)
{
    const int64_t shifted = value >> kPrecisionBits;
    return uint8_t(std::clamp<int64_t>(shifted, 0, 255));
}

// Python's round(): halves to even (torchvision's CenterCrop uses it).
int roundHalfEven(double x)
{
    const double r = std::nearbyint(x); // default rounding mode is to nearest, ties to even
    return int(r);
}

} // namespace

ClipPreprocessor::ClipPreprocessor(int resolution)
    : m_resolution(resolution)
{
}

void ClipPreprocessor::compute(Coefficients& c, int inSize, int outSize)
{
    if (c.inSize == inSize && c.outSize == outSize)
        return;
    const double scale = double(inSize) / double(outSize);
    const double filterScale = std::max(scale, 1.0);
    const double support = 2.0 * filterScale;
    c.inSize = inSize;
    c.outSize = outSize;
    c.taps = int(std::ceil(support)) * 2 + 1;
    c.first.assign(size_t(outSize), 0);
    c.count.assign(size_t(outSize), 0);
    c.weights.assign(size_t(outSize) * size_t(c.taps), 0);
    std::vector<double> k(size_t(c.taps));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        const int xmin = std::max(int(center - support + 0.5), 0);
        const int xmax = std::min(int(center + support + 0.5), inSize) - xmin;
        double total = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[size_t(x)] = bicubic((x + xmin - center + 0.5) * ss);
            total += k[size_t(x)];
        }
        c.first[size_t(xx)] = xmin;
        c.count[size_t(xx)] = xmax;
        for (int x = 0; x < xmax; ++x) {
            const double w = total != 0.0 ? k[size_t(x)] / total : 0.0;
            c.weights[size_t(xx) * size_t(c.taps) + size_t(x)] =
                int32_t(w < 0 ? std::trunc(w * (1 << kPrecisionBits) - 0.5) : std::trunc(w * (1 << kPrecisionBits) + 0.5));
        }
    }
}

std::vector<uint8_t> ClipPreprocessor::resizeAndCrop(const uint8_t* rgb, int width, int height, int stride)
{
    // Shorter side to R, the longer one scaled and truncated, as torchvision's Resize(int).
    const int r = m_resolution;
    int outW, outH;
    if (width <= height) {
        outW = r;
        outH = int(double(r) * height / width);
    } else {
        outH = r;
        outW = int(double(r) * width / height);
    }
    const int top = roundHalfEven((outH - r) / 2.0), left = roundHalfEven((outW - r) / 2.0);

    // Horizontal pass over the input rows that the vertical pass will read.
    compute(m_horizontal, width, outW);
    compute(m_vertical, height, outH);
    const int rowFirst = m_vertical.first[size_t(top)];
    const int rowLast = m_vertical.first[size_t(top + r - 1)] + m_vertical.count[size_t(top + r - 1)];
    const int rows = rowLast - rowFirst;
    m_rows.resize(size_t(rows) * size_t(r) * 3);
    for (int y = 0; y < rows; ++y) {
        const uint8_t* in = rgb + size_t(rowFirst + y) * size_t(stride);
        uint8_t* out = m_rows.data() + size_t(y) * size_t(r) * 3;
        for (int x = 0; x < r; ++x) {
            const int xx = left + x;
            const int first = m_horizontal.first[size_t(xx)], count = m_horizontal.count[size_t(xx)];
            const int32_t* w = m_horizontal.weights.data() + size_t(xx) * size_t(m_horizontal.taps);
            int64_t acc[3] = {1 << (kPrecisionBits - 1), 1 << (kPrecisionBits - 1), 1 << (kPrecisionBits - 1)};
            for (int t = 0; t < count; ++t) {
                const uint8_t* p = in + size_t(first + t) * 3;
                acc[0] += int64_t(p[0]) * w[t];
                acc[1] += int64_t(p[1]) * w[t];
                acc[2] += int64_t(p[2]) * w[t];
            }
            out[x * 3 + 0] = clip8(acc[0]);
            out[x * 3 + 1] = clip8(acc[1]);
            out[x * 3 + 2] = clip8(acc[2]);
        }
    }
    // Vertical pass for the cropped rows only.
    m_resized.resize(size_t(r) * size_t(r) * 3);
    for (int y = 0; y < r; ++y) {
        const int yy = top + y;
        const int first = m_vertical.first[size_t(yy)] - rowFirst, count = m_vertical.count[size_t(yy)];
        const int32_t* w = m_vertical.weights.data() + size_t(yy) * size_t(m_vertical.taps);
        uint8_t* out = m_resized.data() + size_t(y) * size_t(r) * 3;
        for (int x = 0; x < r * 3; ++x) {
            int64_t acc = 1 << (kPrecisionBits - 1);
            for (int t = 0; t < count; ++t)
                acc += int64_t(m_rows[size_t(first + t) * size_t(r) * 3 + size_t(x)]) * w[t];
            out[x] = clip8(acc);
        }
    }
    return m_resized;
}

void ClipPreprocessor::process(const uint8_t* rgb, int width, int height, int stride, float* out)
{
    const std::vector<uint8_t>& image = resizeAndCrop(rgb, width, height, stride);
    const size_t plane = size_t(m_resolution) * size_t(m_resolution);
    for (size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            out[size_t(c) * plane + i] = (float(image[i * 3 + size_t(c)]) / 255.0f - kMean[c]) / kStd[c];
}

} // namespace vigil
