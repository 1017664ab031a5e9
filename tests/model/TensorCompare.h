// Comparison of computed values against golden .npy arrays, reporting the worst element.
#pragma once

#include "ModelTest.h"
#include "NpyArray.h"

#include <cmath>
#include <string>
#include <vector>

namespace vigil::test {

inline double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b, size_t* where = nullptr)
{
    double worst = 0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        const double d = std::fabs(double(a[i]) - double(b[i]));
        if (!(d <= worst)) { // NaN counts as worst
            worst = std::isnan(d) ? INFINITY : d;
            if (where)
                *where = i;
        }
    }
    return worst;
}

/// Fails unless `actual` has the golden file's element count and every element lies
/// within `tolerance` of it.
inline void expectClose(const std::vector<float>& actual, const std::string& goldenPath, double tolerance)
{
    const NpyArray golden = readNpy(goldenPath);
    const std::vector<float> expected = golden.toFloat();
    if (actual.size() != expected.size())
        VIGIL_FAIL(goldenPath << ": " << actual.size() << " values, expected " << expected.size());
    size_t where = 0;
    const double worst = maxAbsDiff(actual, expected, &where);
    if (!(worst <= tolerance))
        VIGIL_FAIL(goldenPath << ": max |diff| " << worst << " at element " << where << " (" << actual[where]
                              << " vs " << expected[where] << ") exceeds " << tolerance);
    std::printf("       %s: max |diff| %.3g\n", goldenPath.substr(goldenPath.rfind('/') + 1).c_str(), worst);
}

} // namespace vigil::test
