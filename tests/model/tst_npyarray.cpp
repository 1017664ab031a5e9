// Tests of the .npy reader and writer: goldens, every dtype, byte and memory orders, malformed files.
#include "Error.h"
#include "ModelTest.h"
#include "NpyArray.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

namespace vigil {

namespace {

using Bytes = std::vector<unsigned char>;

// A .npy file around `dict`, padded as NumPy pads it (data on a 64-byte boundary). The data
// bytes in the tests below were produced with Python's struct module, not with the code
// under test.
Bytes npyFile(const std::string& dict, const Bytes& data, int major = 1)
{
    std::string header = dict;
    const size_t prefix = major == 1 ? 10 : 12;
    header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
    header.push_back('\n');
    Bytes out = {0x93, 'N', 'U', 'M', 'P', 'Y', static_cast<unsigned char>(major), 0};
    const size_t n = header.size();
    out.push_back(static_cast<unsigned char>(n & 0xff));
    out.push_back(static_cast<unsigned char>((n >> 8) & 0xff));
    if (major != 1) {
        out.push_back(static_cast<unsigned char>((n >> 16) & 0xff));
        out.push_back(static_cast<unsigned char>((n >> 24) & 0xff));
    }
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

// Parses from a heap copy of exactly the buffer's size, so that AddressSanitizer sees any
// read past the end.
NpyArray parse(const Bytes& bytes, const std::string& what = "test.npy")
{
    const std::unique_ptr<unsigned char[]> copy(new unsigned char[bytes.size() + (bytes.empty() ? 1 : 0)]);
    if (!bytes.empty())
        std::memcpy(copy.get(), bytes.data(), bytes.size());
    return parseNpy(copy.get(), bytes.size(), what);
}

uint32_t floatBits(float f)
{
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    return bits;
}

// A fresh directory under the system temporary folder, removed when the test ends.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        const auto base = std::filesystem::temp_directory_path();
        for (int i = 0;; ++i) {
            path = base / ("vigil-tst-npyarray-" + std::to_string(::getpid()) + "-" + std::to_string(i));
            if (std::filesystem::create_directory(path))
                break;
        }
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

template <typename T>
void appendValue(Bytes& out, T value)
{
    unsigned char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out.insert(out.end(), raw, raw + sizeof(T));
}

template <typename T>
Bytes valuesOf(std::initializer_list<T> values)
{
    Bytes out;
    for (T v : values)
        appendValue(out, v);
    return out;
}

} // namespace

// --- (a) golden files -------------------------------------------------------------------

VIGIL_TEST(goldenImageFeatures)
{
    const NpyArray a = readNpy(test::sharedPath("golden/ucf/image_features.npy"));
    VIGIL_CHECK(a.dtype == DType::Float32);
    VIGIL_CHECK(a.shape == std::vector<int64_t>({6, 128}));
    VIGIL_CHECK_EQ(a.numel(), int64_t(6 * 128));
    VIGIL_CHECK_EQ(a.data.size(), size_t(6 * 128 * 4));
    const std::vector<float> v = a.toFloat();
    // First element as read by struct.unpack('<f') at offset 128 of the file.
    VIGIL_CHECK_EQ(floatBits(v[0]), 0xbfcff8e0u);
    VIGIL_CHECK_EQ(v[1], -1.9424055814743042f);
    VIGIL_CHECK_EQ(v[6 * 128 - 1], 1.3210039138793945f);
}

VIGIL_TEST(goldenTokenizedPrompts)
{
    const NpyArray a = readNpy(test::sharedPath("golden/ucf/tokenized_prompts.npy"));
    VIGIL_CHECK(a.dtype == DType::Int64);
    VIGIL_CHECK(a.shape == std::vector<int64_t>({14, 77}));
    const std::vector<int64_t> v = a.toInt64();
    VIGIL_CHECK_EQ(v.size(), size_t(14 * 77));
    // Every prompt starts with CLIP's start-of-text token; the padding is 0.
    for (int row = 0; row < 14; ++row)
        VIGIL_CHECK_EQ(v[size_t(row) * 77], int64_t(49406));
    VIGIL_CHECK_EQ(v[1], int64_t(343));
    VIGIL_CHECK_EQ(v.back(), int64_t(0));
}

// --- (b) round trips ----------------------------------------------------------------------

VIGIL_TEST(roundTripEveryWritableDtype)
{
    struct Case {
        DType type;
        Bytes data; // six elements, extremes included
    };
    const std::vector<Case> cases = {
        {DType::Float16, valuesOf<uint16_t>({0x0000, 0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00})},
        {DType::Float32, valuesOf<float>({0.f, 1.5f, -2.25f, std::numeric_limits<float>::max(),
                                          std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::infinity()})},
        {DType::Float64, valuesOf<double>({0.0, 1e-300, -2.5, std::numeric_limits<double>::max(), 3.0, -0.0})},
        {DType::Int8, valuesOf<int8_t>({0, 1, -1, 127, -128, 42})},
        {DType::Int16, valuesOf<int16_t>({0, 1, -1, 32767, -32768, 4242})},
        {DType::Int32, valuesOf<int32_t>({0, 1, -1, std::numeric_limits<int32_t>::max(), std::numeric_limits<int32_t>::min(), 7})},
        {DType::Int64, valuesOf<int64_t>({0, 1, -1, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(), 7})},
        {DType::UInt8, valuesOf<uint8_t>({0, 1, 2, 127, 128, 255})},
        {DType::UInt16, valuesOf<uint16_t>({0, 1, 2, 32768, 65534, 65535})},
        {DType::UInt32, valuesOf<uint32_t>({0, 1, 2, 0x80000000u, 0xfffffffeu, 0xffffffffu})},
        {DType::UInt64, valuesOf<uint64_t>({0, 1, 2, uint64_t(1) << 63, ~uint64_t(0) - 1, ~uint64_t(0)})},
        {DType::Bool, valuesOf<uint8_t>({0, 1, 1, 0, 0, 1})},
    };
    TempDir dir;
    for (const Case& c : cases) {
        for (const std::vector<int64_t>& shape : std::vector<std::vector<int64_t>>{{2, 3}, {6}, {1, 2, 3, 1}}) {
            NpyArray a;
            a.dtype = c.type;
            a.shape = shape;
            a.data = c.data;
            const std::string path = (dir.path / (std::string(dtypeName(c.type)) + ".npy")).string();
            writeNpy(path, a);
            const NpyArray b = readNpy(path);
            if (b.dtype != a.dtype || b.shape != a.shape || b.data != a.data)
                VIGIL_FAIL("round trip changed a " << dtypeName(c.type) << " array of rank " << shape.size());
            // NumPy aligns the data to 64 bytes; so does the writer.
            const Bytes file = serializeNpy(a);
            VIGIL_CHECK_EQ((file.size() - a.data.size()) % 64, size_t(0));
            for (const auto& entry : std::filesystem::directory_iterator(dir.path))
                VIGIL_CHECK(entry.path().extension() != ".partial");
        }
    }
}

VIGIL_TEST(roundTripScalarAndEmpty)
{
    TempDir dir;
    const std::string path = (dir.path / "x.npy").string();

    NpyArray scalar;
    scalar.dtype = DType::Int32;
    scalar.data = valuesOf<int32_t>({-7});
    writeNpy(path, scalar);
    NpyArray back = readNpy(path);
    VIGIL_CHECK(back.shape.empty());
    VIGIL_CHECK_EQ(back.numel(), int64_t(1));
    VIGIL_CHECK(back.toInt64() == std::vector<int64_t>({-7}));

    NpyArray empty;
    empty.dtype = DType::Float64;
    empty.shape = {0, 5};
    writeNpy(path, empty); // replaces the scalar
    back = readNpy(path);
    VIGIL_CHECK(back.shape == std::vector<int64_t>({0, 5}));
    VIGIL_CHECK(back.data.empty());
}

VIGIL_TEST(fromFloatAndFromInt64)
{
    const float f[] = {1.f, -2.f, 0.5f, 8.f};
    const NpyArray a = NpyArray::fromFloat({2, 2}, f);
    const std::vector<float> back = a.toFloat();
    VIGIL_CHECK(back == std::vector<float>(f, f + 4));
    const int64_t i[] = {5, -6, int64_t(1) << 40};
    const NpyArray b = NpyArray::fromInt64({3}, i);
    VIGIL_CHECK(b.toInt64() == std::vector<int64_t>(i, i + 3));
    VIGIL_CHECK(b.toFloat() == std::vector<float>({5.f, -6.f, 1099511627776.f}));
}

VIGIL_TEST(bfloat16CannotBeWritten)
{
    NpyArray a;
    a.dtype = DType::BFloat16;
    a.shape = {1};
    a.data = {0, 0};
    VIGIL_CHECK_THROWS(serializeNpy(a), "bfloat16");
}

// --- (c) hand-built files -----------------------------------------------------------------

VIGIL_TEST(bigEndianFloat32)
{
    // struct.pack('>3f', 1.5, -2.0, 3.25)
    const NpyArray a = parse(npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }",
                                     {0x3f, 0xc0, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x40, 0x50, 0x00, 0x00}));
    VIGIL_CHECK(a.dtype == DType::Float32);
    VIGIL_CHECK(a.toFloat() == std::vector<float>({1.5f, -2.0f, 3.25f}));
}

VIGIL_TEST(bigEndianInt64)
{
    // struct.pack('>2q', -2, 0x0102030405060708)
    const NpyArray a = parse(npyFile("{'descr': '>i8', 'fortran_order': False, 'shape': (2,), }",
                                     {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0x01, 0x02, 0x03, 0x04, 0x05,
                                      0x06, 0x07, 0x08}));
    VIGIL_CHECK(a.dtype == DType::Int64);
    VIGIL_CHECK(a.toInt64() == std::vector<int64_t>({-2, 0x0102030405060708}));
}

VIGIL_TEST(bigEndianFloat16)
{
    // struct.pack('>3H', 0x3c00, 0xc000, 0x7bff): 1, -2 and the largest half, 65504.
    const NpyArray a = parse(npyFile("{'descr': '>f2', 'fortran_order': False, 'shape': (3,), }",
                                     {0x3c, 0x00, 0xc0, 0x00, 0x7b, 0xff}));
    VIGIL_CHECK(a.dtype == DType::Float16);
    VIGIL_CHECK(a.toFloat() == std::vector<float>({1.0f, -2.0f, 65504.0f}));
}

VIGIL_TEST(float16SpecialValues)
{
    // struct.pack('<8H', 0x0001, 0x03ff, 0x0400, 0x7c00, 0xfc00, 0x7e00, 0x8000, 0x3555)
    const NpyArray a = parse(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (8,), }",
                                     {0x01, 0x00, 0xff, 0x03, 0x00, 0x04, 0x00, 0x7c, 0x00, 0xfc, 0x00, 0x7e, 0x00,
                                      0x80, 0x55, 0x35}));
    const std::vector<float> v = a.toFloat();
    VIGIL_CHECK_EQ(v[0], 0x1p-24f);        // smallest subnormal
    VIGIL_CHECK_EQ(v[1], 0x1.ff8p-15f);    // largest subnormal, struct.unpack('<e') = 6.097555160522461e-05
    VIGIL_CHECK_EQ(v[2], 0x1p-14f);        // smallest normal
    VIGIL_CHECK(std::isinf(v[3]) && v[3] > 0);
    VIGIL_CHECK(std::isinf(v[4]) && v[4] < 0);
    VIGIL_CHECK(std::isnan(v[5]));
    VIGIL_CHECK(v[6] == 0.0f && std::signbit(v[6]));
    VIGIL_CHECK_EQ(v[7], 0x1.554p-2f); // 0.333251953125
    // Direct bit patterns, including bfloat16 (the upper half of a float32).
    VIGIL_CHECK_EQ(halfToFloat(0xc000), -2.0f);
    VIGIL_CHECK_EQ(bfloat16ToFloat(0x3fc0), 1.5f);
}

VIGIL_TEST(fortranOrder2d)
{
    // Element (i, j) = 10 i + j, stored column-major: struct.pack('<6i', 0, 10, 1, 11, 2, 12)
    const NpyArray a = parse(npyFile("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                                     {0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
                                      0x0b, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00}));
    VIGIL_CHECK(a.shape == std::vector<int64_t>({2, 3}));
    VIGIL_CHECK(a.toInt64() == std::vector<int64_t>({0, 1, 2, 10, 11, 12}));
}

VIGIL_TEST(fortranOrder3d)
{
    // Element (i, j, k) = 100 i + 10 j + k of shape (2, 3, 4), column-major (i fastest):
    // struct.pack('<24h', *[100*i + 10*j + k for k in range(4) for j in range(3) for i in range(2)])
    const NpyArray a = parse(npyFile(
        "{'descr': '<i2', 'fortran_order': True, 'shape': (2, 3, 4), }",
        {0x00, 0x00, 0x64, 0x00, 0x0a, 0x00, 0x6e, 0x00, 0x14, 0x00, 0x78, 0x00, 0x01, 0x00, 0x65, 0x00,
         0x0b, 0x00, 0x6f, 0x00, 0x15, 0x00, 0x79, 0x00, 0x02, 0x00, 0x66, 0x00, 0x0c, 0x00, 0x70, 0x00,
         0x16, 0x00, 0x7a, 0x00, 0x03, 0x00, 0x67, 0x00, 0x0d, 0x00, 0x71, 0x00, 0x17, 0x00, 0x7b, 0x00}));
    const std::vector<int64_t> v = a.toInt64();
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 4; ++k)
                if (v[size_t((i * 3 + j) * 4 + k)] != 100 * i + 10 * j + k)
                    VIGIL_FAIL("element (" << i << ", " << j << ", " << k << ") is out of place");
}

VIGIL_TEST(fortranOrderBigEndian)
{
    // Both conversions at once: struct.pack('>4H', 0, 10, 1, 11) for (i, j) = 10 i + j.
    const NpyArray a = parse(npyFile("{'descr': '>u2', 'fortran_order': True, 'shape': (2, 2), }",
                                     {0x00, 0x00, 0x00, 0x0a, 0x00, 0x01, 0x00, 0x0b}));
    VIGIL_CHECK(a.toInt64() == std::vector<int64_t>({0, 1, 10, 11}));
}

VIGIL_TEST(fortranOrder1dIsUnchanged)
{
    const NpyArray a = parse(npyFile("{'descr': '|u1', 'fortran_order': True, 'shape': (3,), }", {7, 8, 9}));
    VIGIL_CHECK(a.toInt64() == std::vector<int64_t>({7, 8, 9}));
}

VIGIL_TEST(formatVersions2And3)
{
    // Version 2.0 and 3.0 differ from 1.0 by a 4-byte header length.
    for (int major : {2, 3}) {
        const NpyArray a = parse(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
                                         {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0x3f}, major)); // 0.5
        VIGIL_CHECK(a.dtype == DType::Float64);
        VIGIL_CHECK(a.toFloat() == std::vector<float>({0.5f}));
    }
}

VIGIL_TEST(headerVariants)
{
    // Double quotes, no spaces, keys in another order, Python 2 longs, a trailing comma.
    const NpyArray a = parse(npyFile("{\"shape\":(2L,1L,),\"fortran_order\":False,\"descr\":\"<u4\"}",
                                     {1, 0, 0, 0, 2, 0, 0, 0}));
    VIGIL_CHECK(a.shape == std::vector<int64_t>({2, 1}));
    VIGIL_CHECK(a.toInt64() == std::vector<int64_t>({1, 2}));
    // A scalar: shape ().
    const NpyArray s = parse(npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (), }", {1}));
    VIGIL_CHECK(s.shape.empty());
    VIGIL_CHECK(s.toInt64() == std::vector<int64_t>({1}));
    // Bool values other than 0 and 1 still read as true.
    const NpyArray b = parse(npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", {0, 1, 2}));
    VIGIL_CHECK(b.toFloat() == std::vector<float>({0.f, 1.f, 1.f}));
}

VIGIL_TEST(floatToIntegerSaturates)
{
    // Regression (found by fuzz_npy): toInt64() of inf, NaN or out-of-range floats was
    // undefined behaviour; it now saturates and maps NaN to 0.
    const NpyArray half = parse(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (4,), }",
                                        {0x00, 0x7c, 0x00, 0xfc, 0x00, 0x7e, 0x00, 0xbc})); // inf, -inf, nan, -1
    VIGIL_CHECK(half.toInt64() == std::vector<int64_t>({std::numeric_limits<int64_t>::max(),
                                                        std::numeric_limits<int64_t>::min(), 0, -1}));
    const float f[] = {1e30f, -1e30f, 0x1.fffffep62f, -0x1p63f, 2.9f, -2.9f};
    const std::vector<int64_t> v = NpyArray::fromFloat({6}, f).toInt64();
    VIGIL_CHECK_EQ(v[0], std::numeric_limits<int64_t>::max());
    VIGIL_CHECK_EQ(v[1], std::numeric_limits<int64_t>::min());
    VIGIL_CHECK_EQ(v[2], int64_t(9223371487098961920LL)); // the largest float below 2^63 is exact
    VIGIL_CHECK_EQ(v[3], std::numeric_limits<int64_t>::min()); // -2^63 itself fits
    VIGIL_CHECK_EQ(v[4], int64_t(2)); // truncation toward zero, as documented
    VIGIL_CHECK_EQ(v[5], int64_t(-2));
}

// --- (d) malformed input --------------------------------------------------------------------

VIGIL_TEST(malformedInputNamesTheSource)
{
    const std::string ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    const Bytes twoFloats = {0, 0, 0x80, 0x3f, 0, 0, 0, 0x40};
    Bytes badMagic = npyFile(ok, twoFloats);
    badMagic[1] = 'X';
    Bytes longHeader = npyFile(ok, twoFloats);
    longHeader[8] = 0xff; // header length 0xff.. past the end of a 136-byte file
    longHeader[9] = 0xff;
    Bytes longHeaderV2 = npyFile(ok, twoFloats, 2);
    longHeaderV2[8] = longHeaderV2[9] = longHeaderV2[10] = longHeaderV2[11] = 0xff;
    Bytes version4 = npyFile(ok, twoFloats);
    version4[6] = 4;
    const Bytes v2TooShort = {0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0x10, 0};

    struct Case {
        const char* name;
        Bytes bytes;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"empty", {}, "magic"},
        {"short", {0x93, 'N', 'U', 'M'}, "magic"},
        {"bad magic", badMagic, "magic"},
        {"unknown version", version4, "format version 4"},
        {"header past end", longHeader, "past the end"},
        {"v2 header past end", longHeaderV2, "past the end"},
        {"v2 length truncated", v2TooShort, "truncated header"},
        {"missing descr", npyFile("{'fortran_order': False, 'shape': (2,), }", twoFloats), "'descr'"},
        {"missing shape", npyFile("{'descr': '<f4', 'fortran_order': False, }", twoFloats), "'shape'"},
        {"missing fortran_order", npyFile("{'descr': '<f4', 'shape': (2,), }", twoFloats), "'fortran_order'"},
        {"bad fortran_order", npyFile("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", twoFloats),
         "fortran_order"},
        {"complex dtype", npyFile("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", twoFloats),
         "unsupported dtype '<c8'"},
        {"object dtype", npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", twoFloats),
         "unsupported dtype"},
        {"string dtype", npyFile("{'descr': '<U4', 'fortran_order': False, 'shape': (1,), }", twoFloats),
         "unsupported dtype"},
        {"bad byte order", npyFile("{'descr': '!f4', 'fortran_order': False, 'shape': (2,), }", twoFloats),
         "byte order"},
        {"structured dtype",
         npyFile("{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", twoFloats),
         "structured"},
        {"unterminated descr", npyFile("{'descr': '<f4", {}), "unterminated 'descr'"},
        {"shape not a tuple", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': 2, }", twoFloats),
         "not a tuple"},
        {"unterminated shape", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, ", {}),
         "unterminated 'shape'"},
        {"negative dimension", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", twoFloats),
         "bad character"},
        {"truncated data", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", twoFloats),
         "truncated"},
        {"truncated big-endian data", npyFile("{'descr': '>i8', 'fortran_order': True, 'shape': (2, 2), }", twoFloats),
         "truncated"},
        {"absurd shape",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999, 99999999999), }", twoFloats),
         "too large"},
        {"product overflows",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", twoFloats),
         "too many elements"},
        {"huge digit string",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::string(400, '9') + ",), }", twoFloats),
         "too large"},
        {"large but plausible",
         npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536), }", twoFloats), "truncated"},
        {"too many dimensions",
         npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (" + [] {
             std::string dims;
             for (int i = 0; i < 40; ++i)
                 dims += "1, ";
             return dims;
         }() + "), }", twoFloats),
         "dimensions"},
    };
    for (const Case& c : cases) {
        const std::string what = std::string("case '") + c.name + "'.npy";
        bool threw = false;
        try {
            parse(c.bytes, what);
        } catch (const Error& e) {
            threw = true;
            const std::string message = e.what();
            if (message.find(what) == std::string::npos || message.find(c.reason) == std::string::npos)
                VIGIL_FAIL(c.name << ": message '" << message << "' lacks '" << what << "' or '" << c.reason << "'");
        }
        if (!threw)
            VIGIL_FAIL(c.name << ": accepted");
    }
}

VIGIL_TEST(everyTruncationOfAValidFileIsRefused)
{
    const Bytes file = npyFile("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 2), }",
                               {0x3f, 0x80, 0, 0, 0x40, 0, 0, 0, 0x40, 0x40, 0, 0, 0x40, 0x80, 0, 0});
    VIGIL_CHECK(parse(file).toFloat() == std::vector<float>({1.f, 3.f, 2.f, 4.f}));
    for (size_t n = 0; n < file.size(); ++n) {
        try {
            parse(Bytes(file.begin(), file.begin() + long(n)), "cut.npy");
            VIGIL_FAIL("a prefix of " << n << " bytes was accepted");
        } catch (const Error& e) {
            VIGIL_CHECK(std::string(e.what()).find("cut.npy") != std::string::npos);
        }
    }
}

VIGIL_TEST(readNpyNamesMissingAndCorruptFiles)
{
    TempDir dir;
    const std::string missing = (dir.path / "missing.npy").string();
    VIGIL_CHECK_THROWS(readNpy(missing), missing);
    const std::string corrupt = (dir.path / "corrupt.npy").string();
    std::ofstream(corrupt, std::ios::binary) << "not an array";
    VIGIL_CHECK_THROWS(readNpy(corrupt), corrupt + ": not a valid .npy file");
}

// --- (e) writing failures ------------------------------------------------------------------

VIGIL_TEST(writeIntoMissingDirectoryNamesThePath)
{
    TempDir dir;
    const std::string path = (dir.path / "no" / "such" / "dir" / "out.npy").string();
    const float f[] = {1.f};
    bool threw = false;
    try {
        writeNpy(path, NpyArray::fromFloat({1}, f));
    } catch (const Error& e) {
        threw = true;
        VIGIL_CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
    VIGIL_CHECK(threw);
    VIGIL_CHECK(!std::filesystem::exists(path));
}

} // namespace vigil

VIGIL_TEST_MAIN()
