// OpenBLAS is reached through dlsym, not linked: LibTorch may call MKL instead (official
// builds), and the kernel switch must then do nothing.
#include "model/BlasRuntime.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include <dlfcn.h>

namespace vigil {

namespace {

// How wide a vector unit a kernel set uses: 3 AVX-512, 2 AVX2, 1 AVX, 0 older or unknown.
int kernelRank(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const char* avx512 : {"skylakex", "cooperlake", "sapphirerapids"})
        if (name == avx512)
            return 3;
    for (const char* avx2 : {"haswell", "zen", "excavator"})
        if (name == avx2)
            return 2;
    for (const char* avx : {"sandybridge", "bulldozer", "piledriver", "steamroller"})
        if (name == avx)
            return 1;
    return 0;
}

// The kernel set for the processor's widest unit, and its rank.
std::pair<const char*, int> processorKernels()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512dq"))
        return {"SkylakeX", 3};
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return {"Haswell", 2};
#endif
    return {nullptr, 0};
}

BlasKernels select()
{
    BlasKernels kernels;
    using CoreName = char* (*)();
    using Hook = void (*)();
    const auto coreName = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!coreName)
        return kernels;
    kernels.library = "OpenBLAS";
    kernels.detected = kernels.active = coreName();
    const auto quit = reinterpret_cast<Hook>(dlsym(RTLD_DEFAULT, "gotoblas_dynamic_quit"));
    const auto init = reinterpret_cast<Hook>(dlsym(RTLD_DEFAULT, "gotoblas_dynamic_init"));
    const auto [wanted, wantedRank] = processorKernels();
    // Only a build with run-time kernel choice (Debian's) has the hooks; OPENBLAS_CORETYPE
    // is the user's own choice, made before start-up.
    if (!quit || !init || !wanted || std::getenv("OPENBLAS_CORETYPE") || kernelRank(kernels.detected) >= wantedRank)
        return kernels;
    // The selection reads OPENBLAS_CORETYPE: set it for the call only, so that programs
    // this process starts make their own choice.
    ::setenv("OPENBLAS_CORETYPE", wanted, 1);
    quit();
    init();
    ::unsetenv("OPENBLAS_CORETYPE");
    kernels.active = coreName();
    return kernels;
}

} // namespace

const BlasKernels& selectBlasKernels()
{
    static std::once_flag once;
    static BlasKernels kernels;
    std::call_once(once, [] { kernels = select(); });
    return kernels;
}

bool setOpenBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    static const auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (!set)
        return false;
    selectBlasKernels();
    set(threads);
    return true;
}

const RowMajorSgemm& rowMajorSgemm()
{
    static const RowMajorSgemm sgemm = [] {
        selectBlasKernels();
        RowMajorSgemm found;
        found.fn = reinterpret_cast<RowMajorSgemm::Fn>(dlsym(RTLD_DEFAULT, "cblas_sgemm"));
        return found;
    }();
    return sgemm;
}

std::string describeBlasKernels()
{
    const BlasKernels& k = selectBlasKernels();
    if (k.library.empty())
        return "no OpenBLAS";
    std::string text = k.library + " " + k.active + " kernels";
    if (k.active != k.detected)
        text += " (it detected " + k.detected + ")";
    return text;
}

} // namespace vigil
