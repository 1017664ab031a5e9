// What the benchmark programs share: process memory figures and the matrix product that
// gives the machine's fp32 GEMM speed for scale. Benchmarks only.
#pragma once

#include "model/BlasRuntime.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <string>

namespace vigil::bench {

/// A "Field:" of /proc/self/status in kB (VmRSS:, VmHWM:), -1 when absent.
inline long statusKb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(std::strlen(field)));
    return -1;
}

/// Resets VmHWM so that the next reading is the peak from now on.
inline void resetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

/// GFLOP/s of a 4096^3 fp32 matrix product on `threads` threads (one warm-up, three timed).
/// OpenBLAS's own thread count is set too: the encoder leaves it at 1 (InferenceSession.cpp).
inline double matmulGflops(int threads)
{
    vigil::setOpenBlasThreads(threads);
    at::set_num_threads(threads);
    c10::InferenceMode guard;
    const torch::Tensor a = torch::randn({4096, 4096}), b = torch::randn({4096, 4096});
    torch::mm(a, b);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i)
        torch::mm(a, b);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 3 * 2.0 * 4096.0 * 4096 * 4096 / seconds / 1e9;
}

} // namespace vigil::bench
