// The BLAS library LibTorch calls, as found at run time: which kernels it runs, and a
// correction when it picked kernels far below what the processor can do; the same for
// ATen's own vector kernels.
#pragma once

#include <string>

namespace vigil {

struct BlasKernels {
    std::string library;  // "OpenBLAS", or empty when LibTorch does not call OpenBLAS (MKL builds)
    std::string detected; // the kernels OpenBLAS chose for this processor ("Prescott", "SkylakeX"...)
    std::string active;   // the kernels in use now
    // ATen's element-wise, softmax and norm kernels, as LibTorch reports them ("AVX512",
    // "AVX2", "DEFAULT"); empty when it does not say. `atenChosen`: Vigil asked for them.
    std::string aten;
    bool atenChosen = false;
};

/// Called before the first matrix product. OpenBLAS 0.3.21 (Debian 12) does not know
/// processors newer than it (Sapphire and Emerald Rapids in virtual machines among them)
/// and falls back to its SSE3 "Prescott" kernels: 4 to 6 times slower than the AVX-512
/// ones the processor has. When the kernels it chose lack the processor's widest vector
/// unit, the ones for that unit are selected instead (SkylakeX for AVX-512, Haswell for
/// AVX2). Nothing changes when OPENBLAS_CORETYPE is set: the user's choice stands.
/// Likewise ATen picks its vector kernels once, at its first operation, and Debian's 1.13
/// picks AVX2 ones on these processors: on one with AVX-512 its AVX-512 kernels are asked
/// for, unless ATEN_CPU_CAPABILITY is set (only the first call in a process, before any
/// LibTorch operation, can change them: the mains call it first). Once per process; safe
/// to call from any thread.
const BlasKernels& selectBlasKernels();

/// Sets OpenBLAS's thread count (process-wide); false when LibTorch does not call OpenBLAS.
bool setOpenBlasThreads(int threads);

/// C = alpha op(A) op(B) + beta C on row-major float matrices with their own row strides
/// (CBLAS's cblas_sgemm, row-major): what the attention's per-head products need to read
/// q, k and v in place. The BLAS LibTorch loaded, or null when none exports CBLAS (a
/// LibTorch with MKL linked in statically): callers then use LibTorch's own products.
struct RowMajorSgemm {
    using Fn = void (*)(int layout, int transA, int transB, int m, int n, int k, float alpha, const float* a, int lda,
                        const float* b, int ldb, float beta, float* c, int ldc);
    Fn fn = nullptr;
    explicit operator bool() const { return fn != nullptr; }
    /// C[m, n] = alpha A[m, k] B[k, n] (or B[n, k] transposed when transB) + beta C.
    void operator()(bool transB, int m, int n, int k, float alpha, const float* a, int lda, const float* b, int ldb,
                    float beta, float* c, int ldc) const
    {
        constexpr int rowMajor = 101, noTrans = 111, trans = 112;
        fn(rowMajor, noTrans, transB ? trans : noTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
};
const RowMajorSgemm& rowMajorSgemm();

/// "OpenBLAS SkylakeX kernels (it detected Prescott), ATen AVX512 kernels",
/// "OpenBLAS Haswell kernels, ATen AVX2 kernels", or "no OpenBLAS, ATen ... kernels".
std::string describeBlasKernels();

} // namespace vigil
