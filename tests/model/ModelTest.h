// Minimal test harness for the model layer, which must build with LibTorch and the C++
// standard library only (no Qt), so that it also builds on GPU machines whose only C++
// dependency is PyTorch's bundled LibTorch.
#pragma once

#include "model/BlasRuntime.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::test {

struct Failure {
    std::string message;
};

/// Thrown by VIGIL_SKIP: the case cannot run here (a CUDA-only comparison on a CPU run);
/// counted and printed apart, never as a pass.
struct Skipped {
    std::string reason;
};

struct Case {
    const char* name;
    std::function<void()> body;
};

inline std::vector<Case>& registry()
{
    static std::vector<Case> cases;
    return cases;
}

struct Registrar {
    Registrar(const char* name, std::function<void()> body) { registry().push_back({name, std::move(body)}); }
};

/// Root of ../shared as seen from the source tree; VIGIL_SHARED_DIR is set by CMake.
inline std::string sharedPath(const std::string& relative)
{
    const char* env = std::getenv("VIGIL_SHARED_DIR");
    std::string root = env && *env ? env : VIGIL_SHARED_DIR;
    return root + "/" + relative;
}

inline int runAll(int argc, char** argv)
{
    // The kernels the programs run, chosen as their mains do: before any operation.
    selectBlasKernels();
    std::string only = argc > 1 ? argv[1] : "";
    int passed = 0, failed = 0, skipped = 0;
    for (const Case& c : registry()) {
        if (!only.empty() && only != c.name)
            continue;
        try {
            c.body();
            ++passed;
            std::printf("PASS   %s\n", c.name);
        } catch (const Skipped& s) {
            ++skipped;
            std::printf("SKIP   %s: %s\n", c.name, s.reason.c_str());
        } catch (const Failure& f) {
            ++failed;
            std::printf("FAIL!  %s: %s\n", c.name, f.message.c_str());
        } catch (const std::exception& e) {
            ++failed;
            std::printf("FAIL!  %s: unexpected exception: %s\n", c.name, e.what());
        }
        std::fflush(stdout);
    }
    std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed == 0 && passed + skipped > 0 ? 0 : 1;
}

} // namespace vigil::test

#define VIGIL_TEST(name)                                                                 \
    static void name();                                                                  \
    static ::vigil::test::Registrar name##_registrar(#name, name);                       \
    static void name()

#define VIGIL_FAIL(msg)                                                                  \
    do {                                                                                 \
        std::ostringstream vigil_os_;                                                    \
        vigil_os_ << __FILE__ << ":" << __LINE__ << ": " << msg;                         \
        throw ::vigil::test::Failure{vigil_os_.str()};                                   \
    } while (0)

#define VIGIL_SKIP(msg)                                                                  \
    do {                                                                                 \
        std::ostringstream vigil_os_;                                                    \
        vigil_os_ << msg;                                                                \
        throw ::vigil::test::Skipped{vigil_os_.str()};                                   \
    } while (0)

#define VIGIL_CHECK(cond)                                                                \
    do {                                                                                 \
        if (!(cond))                                                                     \
            VIGIL_FAIL("check failed: " #cond);                                          \
    } while (0)

#define VIGIL_CHECK_EQ(a, b)                                                             \
    do {                                                                                 \
        const auto& vigil_a_ = (a);                                                      \
        const auto& vigil_b_ = (b);                                                      \
        if (!(vigil_a_ == vigil_b_))                                                     \
            VIGIL_FAIL(#a " == " #b " failed: " << vigil_a_ << " vs " << vigil_b_);      \
    } while (0)

// Expects the statement to throw a std::exception whose what() contains `needle`.
#define VIGIL_CHECK_THROWS(stmt, needle)                                                 \
    do {                                                                                 \
        bool vigil_thrown_ = false;                                                      \
        try {                                                                            \
            stmt;                                                                        \
        } catch (const std::exception& vigil_e_) {                                       \
            vigil_thrown_ = true;                                                        \
            if (std::string(vigil_e_.what()).find(needle) == std::string::npos)          \
                VIGIL_FAIL("exception '" << vigil_e_.what() << "' lacks '" << needle << "'"); \
        }                                                                                \
        if (!vigil_thrown_)                                                              \
            VIGIL_FAIL(#stmt " did not throw");                                          \
    } while (0)

#define VIGIL_TEST_MAIN()                                                                \
    int main(int argc, char** argv) { return ::vigil::test::runAll(argc, argv); }
