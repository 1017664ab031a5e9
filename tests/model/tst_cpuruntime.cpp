// The CPU run-time the encoder depends on: the BLAS kernels chosen for this processor and
// the pool that keeps LibTorch's large buffers from being faulted in again every batch.
#include "ModelTest.h"

#include "model/BlasRuntime.h"
#include "model/CpuMemoryPool.h"
#include "model/ParallelParts.h"

#include <c10/core/CPUAllocator.h>
#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <cstdio>

using namespace vigil;

namespace {

bool processorHasAvx512()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
           __builtin_cpu_supports("avx512dq");
}

double gflops(int n)
{
    c10::InferenceMode guard;
    const torch::Tensor a = torch::randn({n, n}), b = torch::randn({n, n});
    torch::mm(a, b);
    const auto start = std::chrono::steady_clock::now();
    torch::mm(a, b);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return 2.0 * n * n * n / s / 1e9;
}

} // namespace

// On an AVX-512 processor the kernels in use are OpenBLAS's AVX-512 ones, on an AVX2 one
// its AVX2 ones, whatever it detected (Debian's 0.3.21 detects newer Xeons as "Prescott"), and products agree with
// those of the kernels it started with. ATen's vector kernels are its AVX-512 ones on an
// AVX-512 processor, or the ones ATEN_CPU_CAPABILITY names (model.tst_cpuruntime_aten_avx2),
// and the variable is not left set for other programs. The first test: selectBlasKernels()
// must come before any LibTorch operation, as in the mains.
VIGIL_TEST(blasKernelsMatchTheProcessor)
{
    const char* userAten = std::getenv("ATEN_CPU_CAPABILITY");
    const std::string userChoice = userAten ? userAten : "";
    const BlasKernels& kernels = selectBlasKernels();
    std::string aten = kernels.aten;
    std::transform(aten.begin(), aten.end(), aten.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (!userChoice.empty()) {
        if (userChoice == "avx2" || userChoice == "avx512") // "default" reads "NO AVX"
            VIGIL_CHECK_EQ(aten, userChoice);
        VIGIL_CHECK(!kernels.atenChosen);
    } else {
        VIGIL_CHECK(std::getenv("ATEN_CPU_CAPABILITY") == nullptr);
        if (processorHasAvx512()) {
            VIGIL_CHECK_EQ(kernels.aten, std::string("AVX512"));
        }
    }
    torch::manual_seed(3);
    const torch::Tensor a = torch::randn({300, 200}), b = torch::randn({200, 100});
    const torch::Tensor product = torch::mm(a, b);
    const torch::Tensor exact = torch::mm(a.to(torch::kFloat64), b.to(torch::kFloat64)).to(torch::kFloat32);
    std::printf("  %s; 1024^3 product %.1f GFLOP/s\n", describeBlasKernels().c_str(), gflops(1024));
    VIGIL_CHECK(torch::allclose(product, exact, 1e-4, 1e-4));
    if (kernels.library.empty()) {
        std::printf("  LibTorch does not call OpenBLAS here: nothing to choose\n");
        return;
    }
    VIGIL_CHECK(!kernels.active.empty());
    if (std::getenv("OPENBLAS_CORETYPE"))
        return; // the user's choice stands
    __builtin_cpu_init();
    if (processorHasAvx512())
        VIGIL_CHECK(kernels.active == "SkylakeX" || kernels.active == "Cooperlake" || kernels.active == "SapphireRapids");
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        VIGIL_CHECK(kernels.active == "Haswell" || kernels.active == "Zen" || kernels.active == "Excavator");
    else
        VIGIL_CHECK_EQ(kernels.active, kernels.detected);
    VIGIL_CHECK(&selectBlasKernels() == &kernels); // once per process
}

// Large blocks come back from the pool: the same memory for the same size, no new one
// from the system; small ones are not pooled; free blocks stay under the limit, the least
// recently freed leaving first; trim gives them back.
VIGIL_TEST(memoryPoolReusesLargeBlocks)
{
    installCpuMemoryPool();
    trimCpuMemoryPool();
    const CpuMemoryPoolStats before = cpuMemoryPoolStats();
    void* first = nullptr;
    {
        torch::Tensor t = torch::empty({4 << 20}, torch::kFloat32); // 16 MiB
        first = t.data_ptr();
        t.fill_(1.0f);
    }
    VIGIL_CHECK_EQ(cpuMemoryPoolStats().cachedBytes, size_t(16) << 20);
    {
        torch::Tensor again = torch::empty({4 << 20}, torch::kFloat32);
        VIGIL_CHECK(again.data_ptr() == first);
        VIGIL_CHECK(again.data_ptr<float>()[12345] == 1.0f); // not cleared: the point of the pool
        // A request a little smaller is served by the same block; one much smaller is not.
    }
    {
        torch::Tensor smaller = torch::empty({(4 << 20) - 100000}, torch::kFloat32);
        VIGIL_CHECK(smaller.data_ptr() == first);
        torch::Tensor half = torch::empty({2 << 20}, torch::kFloat32);
        VIGIL_CHECK(half.data_ptr() != first);
    }
    const CpuMemoryPoolStats after = cpuMemoryPoolStats();
    VIGIL_CHECK_EQ(after.hits - before.hits, uint64_t(2));
    VIGIL_CHECK_EQ(after.misses - before.misses, uint64_t(2));
    {
        torch::Tensor small = torch::empty({1000}, torch::kFloat32);
        (void)small;
    }
    VIGIL_CHECK_EQ(cpuMemoryPoolStats().hits, after.hits);
    VIGIL_CHECK_EQ(cpuMemoryPoolStats().misses, after.misses);

    // 40 blocks of 16 MiB freed: 640 MiB, over the 512 MiB limit.
    {
        std::vector<torch::Tensor> blocks;
        for (int i = 0; i < 40; ++i)
            blocks.push_back(torch::empty({(4 << 20) + 16384 * i}, torch::kFloat32));
    }
    const CpuMemoryPoolStats full = cpuMemoryPoolStats();
    VIGIL_CHECK(full.cachedBytes <= full.limitBytes);
    VIGIL_CHECK(full.cachedBytes > full.limitBytes / 2);
    {
        // The most recently freed (the last, largest) is still there.
        const CpuMemoryPoolStats s0 = cpuMemoryPoolStats();
        torch::Tensor last = torch::empty({(4 << 20) + 16384 * 39}, torch::kFloat32);
        VIGIL_CHECK_EQ(cpuMemoryPoolStats().hits, s0.hits + 1);
    }

    // raw_allocate() pairs with raw_deleter(), for large and small blocks.
    c10::Allocator* allocator = c10::GetCPUAllocator();
    for (size_t bytes : {size_t(100), size_t(8) << 20}) {
        void* raw = allocator->raw_allocate(bytes);
        VIGIL_CHECK(raw != nullptr);
        static_cast<char*>(raw)[bytes - 1] = 1;
        allocator->raw_deleter()(raw);
    }

    trimCpuMemoryPool();
    VIGIL_CHECK_EQ(cpuMemoryPoolStats().cachedBytes, size_t(0));
}

// Every part runs once, on threads of its own but the first; a part's error comes back to
// the caller after all have finished.
VIGIL_TEST(partsRunOnceEachAndErrorsComeBack)
{
    std::vector<int> runs(5, 0);
    std::vector<std::thread::id> ids(5);
    runParts(5, [&](int64_t part) {
        ++runs[size_t(part)];
        ids[size_t(part)] = std::this_thread::get_id();
    });
    VIGIL_CHECK(runs == std::vector<int>(5, 1));
    VIGIL_CHECK(ids[0] == std::this_thread::get_id());
    VIGIL_CHECK(ids[3] != std::this_thread::get_id());
    std::atomic<int> finished{0};
    VIGIL_CHECK_THROWS(runParts(3,
                                [&](int64_t part) {
                                    if (part == 1)
                                        throw std::runtime_error("part 1 failed");
                                    ++finished;
                                }),
                       "part 1 failed");
    VIGIL_CHECK_EQ(finished.load(), 2);
}

VIGIL_TEST_MAIN()
