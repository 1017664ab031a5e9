// NumPy .npy files: reading every numeric dtype in either byte order and memory order,
// and writing, with no dependency but the C++ standard library (fuzzed on its own).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

enum class DType { Float16, BFloat16, Float32, Float64, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Bool };

/// Size in bytes of one element.
int dtypeSize(DType type);
const char* dtypeName(DType type);

/// A dense array in native byte order and C (row-major) order.
/// Any thread; not shared between threads while being changed.
struct NpyArray {
    DType dtype = DType::Float32;
    std::vector<int64_t> shape;
    std::vector<unsigned char> data; // native byte order, C order

    int64_t numel() const;
    /// The elements converted to float (Float16/BFloat16 widened exactly).
    std::vector<float> toFloat() const;
    /// The elements converted to int64 (floats truncated).
    std::vector<int64_t> toInt64() const;

    static NpyArray fromFloat(std::vector<int64_t> shape, const float* values);
    static NpyArray fromInt64(std::vector<int64_t> shape, const int64_t* values);
};

/// Parses a whole .npy file held in memory. `what` names the source in error messages.
/// Throws vigil::Error on any malformed input; never reads out of bounds.
NpyArray parseNpy(const unsigned char* bytes, size_t size, const std::string& what);
/// Reads a .npy file; throws vigil::Error naming the path.
NpyArray readNpy(const std::string& path);
/// Serialises to .npy (format 1.0, little endian, C order).
std::vector<unsigned char> serializeNpy(const NpyArray& array);
/// A temporary file name beside `path`, unique to this process and call, ending in
/// ".partial": concurrent writers of one path never share a temporary file.
std::string temporaryPathFor(const std::string& path);
/// Writes atomically (temporary file then rename); throws vigil::Error naming the path.
void writeNpy(const std::string& path, const NpyArray& array);

/// Half/bfloat16 bit patterns to float.
float halfToFloat(uint16_t bits);
float bfloat16ToFloat(uint16_t bits);

} // namespace vigil
