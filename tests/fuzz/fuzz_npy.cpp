// libFuzzer target for vigil::parseNpy: any input must parse or throw vigil::Error.
#include "Error.h"
#include "NpyArray.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        const vigil::NpyArray array = vigil::parseNpy(data, size, "fuzz.npy");
        // The parser promises data of exactly numel() elements; a broken promise would make
        // every later reader overrun, so it is a finding here already.
        if (array.data.size() != size_t(array.numel()) * size_t(vigil::dtypeSize(array.dtype)))
            std::abort();
        // Callers convert whatever dtype the file declares, so the conversions are attack
        // surface too (out-of-range floats to integers in particular).
        const std::vector<float> floats = array.toFloat();
        const std::vector<int64_t> ints = array.toInt64();
        if (floats.size() != ints.size() || int64_t(floats.size()) != array.numel())
            std::abort();
        // Whatever parses must survive a write/read round trip unchanged.
        if (array.dtype != vigil::DType::BFloat16) {
            const std::vector<unsigned char> bytes = vigil::serializeNpy(array);
            const vigil::NpyArray again = vigil::parseNpy(bytes.data(), bytes.size(), "fuzz.npy (rewritten)");
            if (again.dtype != array.dtype || again.shape != array.shape || again.data != array.data)
                std::abort();
        }
    } catch (const vigil::Error&) {
        // Rejecting malformed input is the expected outcome; anything else propagates and
        // libFuzzer reports it as a crash.
    }
    return 0;
}
