// CLIP's image preprocessing (anomalyclip-model.md section 1) as the reference does it
// with PIL and torchvision: bicubic resize of the shorter side with PIL's antialiasing
// filter and 8-bit rounding, centre crop, scale to [0, 1], per-channel normalisation.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil {

/// Stateless apart from cached filter coefficients; one instance per thread.
class ClipPreprocessor {
public:
    explicit ClipPreprocessor(int resolution = 224);

    int resolution() const { return m_resolution; }
    /// rgb: height x width x 3 bytes, rows `stride` bytes apart. Writes 3 x R x R floats
    /// (channel-major) to `out`.
    void process(const uint8_t* rgb, int width, int height, int stride, float* out);
    /// The resized-then-cropped 8-bit image (R x R x 3), before normalisation.
    std::vector<uint8_t> resizeAndCrop(const uint8_t* rgb, int width, int height, int stride);

private:
    struct Coefficients {
        int inSize = -1, outSize = -1;
        int taps = 0;
        std::vector<int> first;      // first input index per output
        std::vector<int> count;      // taps used per output
        std::vector<int32_t> weights; // outSize x taps, fixed point
    };
    static void compute(Coefficients& c, int inSize, int outSize);

    int m_resolution;
    Coefficients m_horizontal, m_vertical;
    std::vector<uint8_t> m_rows, m_resized;
};

} // namespace vigil
