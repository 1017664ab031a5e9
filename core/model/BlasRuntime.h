// The BLAS library LibTorch calls, as found at run time: which kernels it runs, and a
// correction when it picked kernels far below what the processor can do.
#pragma once

#include <string>

namespace vigil {

struct BlasKernels {
    std::string library;  // "OpenBLAS", or empty when LibTorch does not call OpenBLAS (MKL builds)
    std::string detected; // the kernels OpenBLAS chose for this processor ("Prescott", "SkylakeX"...)
    std::string active;   // the kernels in use now
};

/// Called before the first matrix product. OpenBLAS 0.3.21 (Debian 12) does not know
/// processors newer than it (Sapphire and Emerald Rapids in virtual machines among them)
/// and falls back to its SSE3 "Prescott" kernels: 4 to 6 times slower than the AVX-512
/// ones the processor has. When the kernels it chose lack the processor's widest vector
/// unit, the ones for that unit are selected instead (SkylakeX for AVX-512, Haswell for
/// AVX2). Nothing changes when OPENBLAS_CORETYPE is set: the user's choice stands. Once per
/// process; safe to call from any thread.
const BlasKernels& selectBlasKernels();

/// Sets OpenBLAS's thread count (process-wide); false when LibTorch does not call OpenBLAS.
bool setOpenBlasThreads(int threads);

/// "OpenBLAS SkylakeX kernels (it detected Prescott)", "OpenBLAS Haswell kernels", or
/// "no OpenBLAS".
std::string describeBlasKernels();

} // namespace vigil
