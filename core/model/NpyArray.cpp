// .npy parsing and writing (NumPy format versions 1.0, 2.0 and 3.0).
#include "NpyArray.h"

#include "Error.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

#include <unistd.h>

namespace vigil {

namespace {

constexpr int64_t kMaxElements = int64_t(1) << 36;

bool hostIsLittleEndian()
{
    const uint16_t probe = 1;
    unsigned char first;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

[[noreturn]] void fail(const std::string& what, const std::string& why)
{
    throw Error(what + ": not a valid .npy file: " + why);
}

// Finds `'key':` in the header dict and returns the position just after the colon.
size_t findKey(const std::string& header, const std::string& key, const std::string& what)
{
    for (const char quote : {'\'', '"'}) {
        const std::string needle = std::string(1, quote) + key + std::string(1, quote);
        size_t pos = header.find(needle);
        if (pos == std::string::npos)
            continue;
        pos += needle.size();
        while (pos < header.size() && header[pos] == ' ')
            ++pos;
        if (pos >= header.size() || header[pos] != ':')
            fail(what, "malformed header near '" + key + "'");
        ++pos;
        while (pos < header.size() && header[pos] == ' ')
            ++pos;
        return pos;
    }
    fail(what, "header lacks '" + key + "'");
}

struct Descr {
    DType type;
    bool swap;
};

Descr parseDescr(const std::string& descr, const std::string& what)
{
    if (descr.size() < 3)
        fail(what, "unsupported dtype '" + descr + "'");
    const char order = descr[0];
    const std::string code = descr.substr(1);
    static const struct {
        const char* code;
        DType type;
    } table[] = {{"f2", DType::Float16}, {"f4", DType::Float32}, {"f8", DType::Float64}, {"i1", DType::Int8},
                 {"i2", DType::Int16},   {"i4", DType::Int32},   {"i8", DType::Int64},   {"u1", DType::UInt8},
                 {"u2", DType::UInt16},  {"u4", DType::UInt32},  {"u8", DType::UInt64},  {"b1", DType::Bool}};
    for (const auto& entry : table) {
        if (code != entry.code)
            continue;
        const bool little = hostIsLittleEndian();
        bool swap;
        switch (order) {
        case '<': swap = !little; break;
        case '>': swap = little; break;
        case '|':
        case '=': swap = false; break;
        default: fail(what, "unsupported byte order in dtype '" + descr + "'");
        }
        if (dtypeSize(entry.type) == 1)
            swap = false;
        return {entry.type, swap};
    }
    fail(what, "unsupported dtype '" + descr + "'");
}

uint16_t readU16(const unsigned char* p) { return uint16_t(p[0] | (p[1] << 8)); }
uint32_t readU32(const unsigned char* p)
{
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}

// Converting NaN or an out-of-range float to an integer is undefined behaviour, and a file
// may hold anything: saturate instead, NaN becoming 0.
template <typename T, typename F>
T fromFloating(F v)
{
    if constexpr (std::is_integral_v<T>) {
        if (v != v)
            return 0;
        if (v >= F(std::numeric_limits<T>::max()))
            return std::numeric_limits<T>::max();
        if (v <= F(std::numeric_limits<T>::lowest()))
            return std::numeric_limits<T>::lowest();
    }
    return T(v);
}

template <typename T>
std::vector<T> convertAll(const NpyArray& a)
{
    const int64_t n = a.numel();
    std::vector<T> out(static_cast<size_t>(n));
    const unsigned char* p = a.data.data();
    for (int64_t i = 0; i < n; ++i) {
        const unsigned char* e = p + i * dtypeSize(a.dtype);
        switch (a.dtype) {
        case DType::Float16: { uint16_t v; std::memcpy(&v, e, 2); out[i] = fromFloating<T>(halfToFloat(v)); break; }
        case DType::BFloat16: { uint16_t v; std::memcpy(&v, e, 2); out[i] = fromFloating<T>(bfloat16ToFloat(v)); break; }
        case DType::Float32: { float v; std::memcpy(&v, e, 4); out[i] = fromFloating<T>(v); break; }
        case DType::Float64: { double v; std::memcpy(&v, e, 8); out[i] = fromFloating<T>(v); break; }
        case DType::Int8: { int8_t v; std::memcpy(&v, e, 1); out[i] = T(v); break; }
        case DType::Int16: { int16_t v; std::memcpy(&v, e, 2); out[i] = T(v); break; }
        case DType::Int32: { int32_t v; std::memcpy(&v, e, 4); out[i] = T(v); break; }
        case DType::Int64: { int64_t v; std::memcpy(&v, e, 8); out[i] = T(v); break; }
        case DType::UInt8: out[i] = T(*e); break;
        case DType::UInt16: { uint16_t v; std::memcpy(&v, e, 2); out[i] = T(v); break; }
        case DType::UInt32: { uint32_t v; std::memcpy(&v, e, 4); out[i] = T(v); break; }
        case DType::UInt64: { uint64_t v; std::memcpy(&v, e, 8); out[i] = T(v); break; }
        case DType::Bool: out[i] = T(*e != 0); break;
        }
    }
    return out;
}

} // namespace

int dtypeSize(DType type)
{
    switch (type) {
    case DType::Int8:
    case DType::UInt8:
    case DType::Bool: return 1;
    case DType::Float16:
    case DType::BFloat16:
    case DType::Int16:
    case DType::UInt16: return 2;
    case DType::Float32:
    case DType::Int32:
    case DType::UInt32: return 4;
    case DType::Float64:
    case DType::Int64:
    case DType::UInt64: return 8;
    }
    return 1;
}

const char* dtypeName(DType type)
{
    switch (type) {
    case DType::Float16: return "float16";
    case DType::BFloat16: return "bfloat16";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Int8: return "int8";
    case DType::Int16: return "int16";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::UInt8: return "uint8";
    case DType::UInt16: return "uint16";
    case DType::UInt32: return "uint32";
    case DType::UInt64: return "uint64";
    case DType::Bool: return "bool";
    }
    return "?";
}

float halfToFloat(uint16_t h)
{
    const uint32_t sign = uint32_t(h & 0x8000) << 16;
    const uint32_t exponent = (h >> 10) & 0x1f;
    uint32_t mantissa = h & 0x3ff;
    uint32_t bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else { // subnormal: renormalise
            int e = -1;
            do {
                ++e;
                mantissa <<= 1;
            } while ((mantissa & 0x400) == 0);
            bits = sign | uint32_t(127 - 15 - e) << 23 | (mantissa & 0x3ff) << 13;
        }
    } else if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | mantissa << 13;
    } else {
        bits = sign | (exponent + 127 - 15) << 23 | mantissa << 13;
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float bfloat16ToFloat(uint16_t h)
{
    const uint32_t bits = uint32_t(h) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

int64_t NpyArray::numel() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

std::vector<float> NpyArray::toFloat() const { return convertAll<float>(*this); }
std::vector<int64_t> NpyArray::toInt64() const { return convertAll<int64_t>(*this); }

NpyArray NpyArray::fromFloat(std::vector<int64_t> shape, const float* values)
{
    NpyArray a;
    a.dtype = DType::Float32;
    a.shape = std::move(shape);
    a.data.resize(size_t(a.numel()) * 4);
    if (!a.data.empty())
        std::memcpy(a.data.data(), values, a.data.size());
    return a;
}

NpyArray NpyArray::fromInt64(std::vector<int64_t> shape, const int64_t* values)
{
    NpyArray a;
    a.dtype = DType::Int64;
    a.shape = std::move(shape);
    a.data.resize(size_t(a.numel()) * 8);
    if (!a.data.empty())
        std::memcpy(a.data.data(), values, a.data.size());
    return a;
}

NpyArray parseNpy(const unsigned char* bytes, size_t size, const std::string& what)
{
    static const unsigned char magic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (size < 10 || std::memcmp(bytes, magic, 6) != 0)
        fail(what, "missing the \\x93NUMPY magic");
    const int major = bytes[6];
    size_t headerLength, headerStart;
    if (major == 1) {
        headerLength = readU16(bytes + 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (size < 12)
            fail(what, "truncated header");
        headerLength = readU32(bytes + 8);
        headerStart = 12;
    } else {
        fail(what, "unsupported format version " + std::to_string(major));
    }
    if (headerLength > size - headerStart)
        fail(what, "header runs past the end of the file");
    const std::string header(reinterpret_cast<const char*>(bytes + headerStart), headerLength);

    // 'descr': '<f4'
    size_t pos = findKey(header, "descr", what);
    if (pos >= header.size() || (header[pos] != '\'' && header[pos] != '"'))
        fail(what, "'descr' is not a simple dtype string (structured arrays are not supported)");
    const char quote = header[pos];
    const size_t end = header.find(quote, pos + 1);
    if (end == std::string::npos)
        fail(what, "unterminated 'descr'");
    const Descr descr = parseDescr(header.substr(pos + 1, end - pos - 1), what);

    pos = findKey(header, "fortran_order", what);
    bool fortran;
    if (header.compare(pos, 4, "True") == 0)
        fortran = true;
    else if (header.compare(pos, 5, "False") == 0)
        fortran = false;
    else
        fail(what, "'fortran_order' is neither True nor False");

    pos = findKey(header, "shape", what);
    if (pos >= header.size() || header[pos] != '(')
        fail(what, "'shape' is not a tuple");
    const size_t close = header.find(')', pos);
    if (close == std::string::npos)
        fail(what, "unterminated 'shape'");
    std::vector<int64_t> shape;
    int64_t count = 1;
    for (size_t i = pos + 1; i < close;) {
        const char c = header[i];
        if (c == ' ' || c == ',') {
            ++i;
            continue;
        }
        if (c < '0' || c > '9')
            fail(what, "bad character in 'shape'");
        int64_t dim = 0;
        while (i < close && header[i] >= '0' && header[i] <= '9') {
            dim = dim * 10 + (header[i] - '0');
            if (dim > kMaxElements)
                fail(what, "a dimension is too large");
            ++i;
        }
        if (i < close && header[i] == 'L') // Python 2 longs
            ++i;
        shape.push_back(dim);
        if (dim != 0 && count > kMaxElements / dim)
            fail(what, "too many elements");
        count *= dim;
        if (shape.size() > 32)
            fail(what, "too many dimensions");
    }

    NpyArray array;
    array.dtype = descr.type;
    array.shape = shape;
    const int elementSize = dtypeSize(descr.type);
    const size_t dataStart = headerStart + headerLength;
    const uint64_t dataBytes = uint64_t(count) * uint64_t(elementSize);
    if (dataBytes > size - dataStart)
        fail(what, "data is truncated: " + std::to_string(size - dataStart) + " bytes of " +
                       std::to_string(dataBytes));
    array.data.assign(bytes + dataStart, bytes + dataStart + dataBytes);

    if (descr.swap) {
        for (size_t i = 0; i < array.data.size(); i += size_t(elementSize))
            std::reverse(array.data.begin() + long(i), array.data.begin() + long(i) + elementSize);
    }
    if (fortran && shape.size() > 1) {
        // Column-major to row-major: walk destination indices, gather from source.
        std::vector<unsigned char> out(array.data.size());
        const size_t rank = shape.size();
        std::vector<int64_t> srcStride(rank);
        int64_t s = 1;
        for (size_t d = 0; d < rank; ++d) {
            srcStride[d] = s;
            s *= shape[d];
        }
        std::vector<int64_t> index(rank, 0);
        for (int64_t flat = 0; flat < count; ++flat) {
            int64_t src = 0;
            for (size_t d = 0; d < rank; ++d)
                src += index[d] * srcStride[d];
            std::memcpy(out.data() + flat * elementSize, array.data.data() + src * elementSize, size_t(elementSize));
            for (size_t d = rank; d-- > 0;) {
                if (++index[d] < shape[d])
                    break;
                index[d] = 0;
            }
        }
        array.data.swap(out);
    }
    return array;
}

NpyArray readNpy(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open file");
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(path + ": read error");
    return parseNpy(bytes.data(), bytes.size(), path);
}

std::vector<unsigned char> serializeNpy(const NpyArray& array)
{
    const char* code = nullptr;
    switch (array.dtype) {
    case DType::Float16: code = "f2"; break;
    case DType::Float32: code = "f4"; break;
    case DType::Float64: code = "f8"; break;
    case DType::Int8: code = "i1"; break;
    case DType::Int16: code = "i2"; break;
    case DType::Int32: code = "i4"; break;
    case DType::Int64: code = "i8"; break;
    case DType::UInt8: code = "u1"; break;
    case DType::UInt16: code = "u2"; break;
    case DType::UInt32: code = "u4"; break;
    case DType::UInt64: code = "u8"; break;
    case DType::Bool: code = "b1"; break;
    case DType::BFloat16: throw Error("bfloat16 cannot be stored in .npy");
    }
    std::ostringstream h;
    h << "{'descr': '" << (dtypeSize(array.dtype) == 1 ? '|' : '<') << code << "', 'fortran_order': False, 'shape': (";
    for (size_t i = 0; i < array.shape.size(); ++i)
        h << array.shape[i] << (array.shape.size() == 1 || i + 1 < array.shape.size() ? ", " : "");
    h << "), }";
    std::string header = h.str();
    // Pad so that the data starts on a 64-byte boundary, as NumPy does.
    const size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');

    std::vector<unsigned char> out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    out.push_back(uint8_t(header.size() & 0xff));
    out.push_back(uint8_t(header.size() >> 8));
    out.insert(out.end(), header.begin(), header.end());
    const size_t start = out.size();
    out.insert(out.end(), array.data.begin(), array.data.end());
    if (!hostIsLittleEndian() && dtypeSize(array.dtype) > 1) {
        const int es = dtypeSize(array.dtype);
        for (size_t i = start; i < out.size(); i += size_t(es))
            std::reverse(out.begin() + long(i), out.begin() + long(i) + es);
    }
    return out;
}

std::string temporaryPathFor(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    return path + "." + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".partial";
}

void writeNpy(const std::string& path, const NpyArray& array)
{
    const std::vector<unsigned char> bytes = serializeNpy(array);
    const std::string temporary = temporaryPathFor(path);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(path + ": cannot create file");
        out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::remove(temporary.c_str());
            throw Error(path + ": write failed (disk full?)");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error(path + ": cannot replace file");
    }
}

} // namespace vigil
