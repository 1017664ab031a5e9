// OpenBLAS is reached through dlsym, not linked: LibTorch may call MKL instead (official
// builds), and the kernel switch must then do nothing.
#include "model/BlasRuntime.h"

#include <ATen/Version.h>

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

// The vector kernels ATen uses, from its configuration report, which also makes ATen fix
// its choice if no operation did yet.
std::string atenKernels()
{
    const std::string config = at::show_config();
    const std::string key = "CPU capability usage: ";
    const size_t at = config.find(key);
    if (at == std::string::npos)
        return {};
    const size_t from = at + key.size();
    return config.substr(from, config.find('\n', from) - from);
}

// ATen's choice reads ATEN_CPU_CAPABILITY: set for the call only, like OPENBLAS_CORETYPE.
// Its AVX-512 kernels took 2.3 % off the whole process's CPU time for ViT-B/16 in fp32
// (perf, 160 frames: the exponential in softmax and QuickGELU 2.4 % -> 1.6 %, ATen's
// other kernels 7.8 % -> 7.0 %).
void selectAtenKernels(BlasKernels& kernels, int processorRank)
{
    if (processorRank >= 3 && !std::getenv("ATEN_CPU_CAPABILITY")) {
        ::setenv("ATEN_CPU_CAPABILITY", "avx512", 1);
        kernels.aten = atenKernels();
        ::unsetenv("ATEN_CPU_CAPABILITY");
        kernels.atenChosen = kernels.aten == "AVX512";
        return;
    }
    kernels.aten = atenKernels();
}

BlasKernels select()
{
    BlasKernels kernels;
    const auto [wanted, wantedRank] = processorKernels();
    selectAtenKernels(kernels, wantedRank);
    using CoreName = char* (*)();
    using Hook = void (*)();
    const auto coreName = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!coreName)
        return kernels;
    kernels.library = "OpenBLAS";
    kernels.detected = kernels.active = coreName();
    const auto quit = reinterpret_cast<Hook>(dlsym(RTLD_DEFAULT, "gotoblas_dynamic_quit"));
    const auto init = reinterpret_cast<Hook>(dlsym(RTLD_DEFAULT, "gotoblas_dynamic_init"));
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
    std::string text = k.library.empty() ? "no OpenBLAS" : k.library + " " + k.active + " kernels";
    if (!k.library.empty() && k.active != k.detected)
        text += " (it detected " + k.detected + ")";
    if (!k.aten.empty())
        text += ", ATen " + k.aten + " kernels";
    return text;
}

} // namespace vigil
