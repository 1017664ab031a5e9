// A linear layer in int8 through oneDNN's matmul primitive, for CPU inference. LibTorch's
// dynamic int8 linear asks oneDNN for a product whose row count and output scales are
// run-time values, for which oneDNN 2.6 only has its VNNI GEMM (300-480 GOP/s on one core
// here, a fifth of it in an unvectorised zero-point loop); with the row count fixed and
// the scales passed as post-operations it picks the AMX kernels where the CPU has them
// (1000-1850 GOP/s). Standard library only in this header; built when oneDNN's
// development files are found (VIGIL_HAVE_ONEDNN).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace vigil {

class OneDnnInt8Linear {
public:
    /// weight [out, in] row-major, quantized per output channel (symmetric, like LibTorch's);
    /// bias [out] or nullptr. Copies both.
    OneDnnInt8Linear(const float* weight, const float* bias, int64_t out, int64_t in);
    ~OneDnnInt8Linear();

    /// y [rows, out] = f(x [rows, in] W^T + b): x quantized per call to u8 over its own range
    /// (asymmetric, LibTorch's dynamic quantization); f the identity, or with swishAlpha > 0
    /// z sigmoid(swishAlpha z) (QuickGELU for 1.702); with accumulate, y += x W^T + b instead.
    /// threads: the OpenMP threads of the calling thread (oneDNN sizes its scratch by them).
    /// Thread-safe: threads may run the same layer at once, each on its own rows.
    void forward(const float* x, int64_t rows, float* y, float swishAlpha, bool accumulate, int threads) const;

    /// The kernel oneDNN picks for a product of this shape ("brg:avx512_core_amx_int8").
    static std::string implementation(int64_t rows, int64_t in, int64_t out, int threads);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace vigil
