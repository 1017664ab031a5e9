// What the benchmark programs share: process and GPU memory figures, the matrix product
// that gives the machine's GEMM speed for scale, and the common options. Benchmarks only.
#pragma once

#include "model/BlasRuntime.h"
#include "model/InferenceSession.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#ifdef VIGIL_BENCH_CUDA_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <dlfcn.h>

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

/// Runs a benchmark's body, turning an exception (a device it cannot use, a bad file) into
/// one line on stderr and exit status 1.
inline int guardedMain(int (*body)(int, char**), int argc, char** argv)
{
    try {
        return body(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
        return 1;
    }
}

/// "16,32,64" -> {16, 32, 64}.
inline std::vector<int> parseList(const std::string& text)
{
    std::vector<int> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            values.push_back(std::stoi(item));
    return values;
}

/// "cpu" or "cuda"; anything else ends the program with a message.
inline ComputeDevice parseDevice(const std::string& name)
{
    if (name == "cpu")
        return ComputeDevice::Cpu;
    if (name == "cuda")
        return ComputeDevice::Cuda;
    std::fprintf(stderr, "--device %s: cpu or cuda\n", name.c_str());
    std::exit(2);
}

/// Waits for the GPU's queued work (timings on CUDA); nothing on the CPU.
inline void synchronize(ComputeDevice device)
{
    if (device == ComputeDevice::Cuda)
        torch::cuda::synchronize();
}

/// GPU 0's memory in use by every process, MiB, from the CUDA runtime LibTorch loaded (looked
/// up at run time, so that the benchmarks build without CUDA's headers); -1 without one.
/// It counts the CUDA context and what LibTorch's caching allocator keeps reserved.
inline double gpuMemoryInUseMiB()
{
    using MemGetInfo = int (*)(size_t*, size_t*);
    static MemGetInfo memGetInfo = [] {
        void* symbol = dlsym(RTLD_DEFAULT, "cudaMemGetInfo");
        for (const char* name : {"libcudart.so.13", "libcudart.so.12", "libcudart.so.11.0", "libcudart.so"})
            if (!symbol)
                if (void* library = dlopen(name, RTLD_LAZY | RTLD_NOLOAD))
                    symbol = dlsym(library, "cudaMemGetInfo");
        return reinterpret_cast<MemGetInfo>(symbol);
    }();
    size_t free = 0, total = 0;
    if (!memGetInfo || memGetInfo(&free, &total) != 0)
        return -1;
    return double(total - free) / 1048576.0;
}

/// The caching allocator's peak of tensor memory on GPU 0 since the last reset, MiB (-1
/// where the benchmarks were built without LibTorch's CUDA headers).
inline void resetGpuPeak()
{
#ifdef VIGIL_BENCH_CUDA_STATS
    if (torch::cuda::is_available())
        c10::cuda::CUDACachingAllocator::resetPeakStats(0);
#endif
}

inline double gpuPeakAllocatedMiB()
{
#ifdef VIGIL_BENCH_CUDA_STATS
    if (torch::cuda::is_available()) // [0]: the aggregate of the small and large pools
        return double(c10::cuda::CUDACachingAllocator::getDeviceStats(0).allocated_bytes[0].peak) / 1048576.0;
#endif
    return -1;
}

/// TFLOP/s of an n^3 matrix product on GPU 0 in `dtype` (one warm-up, ten timed).
inline double gpuMatmulTflops(torch::ScalarType dtype, int64_t n = 8192)
{
    c10::InferenceMode guard;
    const auto options = torch::TensorOptions().device(torch::kCUDA).dtype(dtype);
    const torch::Tensor a = torch::randn({n, n}, options), b = torch::randn({n, n}, options);
    torch::mm(a, b);
    torch::cuda::synchronize();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i)
        torch::mm(a, b);
    torch::cuda::synchronize();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 10 * 2.0 * double(n) * double(n) * double(n) / seconds / 1e12;
}

} // namespace vigil::bench
