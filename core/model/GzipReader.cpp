// A small inflater after the structure of zlib's reference decoder puff.c: canonical
// Huffman codes decoded bit by bit, every read bounds-checked, every code table validated,
// so malformed input ends in vigil::Error and never in a crash or an endless loop.
#include "GzipReader.h"

#include "Error.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>

namespace vigil {
namespace {

constexpr size_t kMaxOutputBytes = size_t(64) << 20;
constexpr int kMaxCodeBits = 15; // DEFLATE's longest Huffman code
constexpr int kMaxLitLenCodes = 286;
constexpr int kMaxDistCodes = 30;
constexpr int kFixedLitLenCodes = 288;

[[noreturn]] void fail(const std::string& what, const std::string& why)
{
    throw Error(what + ": " + why);
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    std::array<uint16_t, kMaxCodeBits + 1> count{};
    std::array<uint16_t, kFixedLitLenCodes> symbol{};
};

/// Returns 0 for a complete code, > 0 for an incomplete one, < 0 for an over-subscribed
/// one (which no encoder can produce).
int buildHuffman(Huffman& code, const uint8_t* lengths, int n)
{
    code.count.fill(0);
    for (int i = 0; i < n; ++i)
        ++code.count[lengths[i]];
    if (code.count[0] == n)
        return 0; // no codes: decoding with it fails, which is right if it is never used
    int left = 1;
    for (int len = 1; len <= kMaxCodeBits; ++len) {
        left = (left << 1) - code.count[len];
        if (left < 0)
            return left;
    }
    std::array<uint16_t, kMaxCodeBits + 1> offsets{};
    for (int len = 1; len < kMaxCodeBits; ++len)
        offsets[len + 1] = uint16_t(offsets[len] + code.count[len]);
    for (int i = 0; i < n; ++i)
        if (lengths[i] != 0)
            code.symbol[offsets[lengths[i]]++] = uint16_t(i);
    return left;
}

constexpr uint16_t kLengthBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129,
                                    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                                    6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                    6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/// One raw DEFLATE stream, read least significant bit first as DEFLATE packs its bits,
/// appended to `out`.
class Inflater {
public:
    Inflater(const unsigned char* data, size_t size, size_t pos, std::string& out, const std::string& what)
        : m_data(data), m_size(size), m_pos(pos), m_out(out), m_what(what) {}

    /// Returns the byte just after the stream.
    size_t run()
    {
        bool last = false;
        while (!last) { // every block consumes at least three bits, so this ends
            last = bits(1) != 0;
            switch (bits(2)) {
            case 0: stored(); break;
            case 1: fixed(); break;
            case 2: dynamic(); break;
            default: fail(m_what, "invalid block type");
            }
        }
        return m_pos; // the unused bits of the last byte are padding
    }

private:
    uint32_t bits(int count) // count <= 16
    {
        uint32_t value = m_bitBuffer;
        while (m_bitCount < count) {
            if (m_pos >= m_size)
                fail(m_what, "compressed data ends early");
            value |= uint32_t(m_data[m_pos++]) << m_bitCount;
            m_bitCount += 8;
        }
        m_bitBuffer = value >> count;
        m_bitCount -= count;
        return value & ((1u << count) - 1u);
    }

    void reserveOutput(size_t count)
    {
        if (count > kMaxOutputBytes - m_out.size())
            fail(m_what, "inflated data exceeds 64 MiB");
    }

    int decode(const Huffman& code)
    {
        int value = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxCodeBits; ++len) {
            value |= int(bits(1));
            const int count = code.count[len];
            if (value - count < first)
                return code.symbol[index + (value - first)];
            index += count;
            first = (first + count) << 1;
            value <<= 1;
        }
        fail(m_what, "invalid Huffman code");
    }

    void stored()
    {
        m_bitBuffer = 0; // the block starts at the next byte boundary
        m_bitCount = 0;
        if (m_size - m_pos < 4)
            fail(m_what, "compressed data ends early");
        const unsigned char* p = m_data + m_pos;
        const uint32_t length = uint32_t(p[0]) | uint32_t(p[1]) << 8;
        if ((uint32_t(p[2]) | uint32_t(p[3]) << 8) != (~length & 0xffffu))
            fail(m_what, "stored block length check fails");
        if (m_size - m_pos - 4 < length)
            fail(m_what, "compressed data ends early");
        reserveOutput(length);
        m_out.append(reinterpret_cast<const char*>(p + 4), length);
        m_pos += 4 + length;
    }

    void fixed()
    {
        static const std::array<Huffman, 2> codes = [] {
            std::array<uint8_t, kFixedLitLenCodes + kMaxDistCodes> lengths{};
            for (int i = 0; i < kFixedLitLenCodes; ++i)
                lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
            for (int i = 0; i < kMaxDistCodes; ++i)
                lengths[kFixedLitLenCodes + i] = 5;
            std::array<Huffman, 2> result;
            buildHuffman(result[0], lengths.data(), kFixedLitLenCodes);
            buildHuffman(result[1], lengths.data() + kFixedLitLenCodes, kMaxDistCodes);
            return result;
        }();
        inflateCodes(codes[0], codes[1]);
    }

    void dynamic()
    {
        static constexpr uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
        const int litLenCount = int(bits(5)) + 257;
        const int distCount = int(bits(5)) + 1;
        const int codeLenCount = int(bits(4)) + 4;
        if (litLenCount > kMaxLitLenCodes || distCount > kMaxDistCodes)
            fail(m_what, "bad code counts in a dynamic block");
        std::array<uint8_t, kMaxLitLenCodes + kMaxDistCodes> lengths{};
        for (int i = 0; i < codeLenCount; ++i)
            lengths[kOrder[i]] = uint8_t(bits(3));
        Huffman lengthCode;
        if (buildHuffman(lengthCode, lengths.data(), 19) != 0)
            fail(m_what, "incomplete code-length code");

        const int total = litLenCount + distCount;
        lengths.fill(0);
        for (int index = 0; index < total;) {
            const int symbol = decode(lengthCode);
            if (symbol < 16) {
                lengths[index++] = uint8_t(symbol);
                continue;
            }
            if (symbol == 16 && index == 0)
                fail(m_what, "length repeat with no previous length");
            const uint8_t repeated = symbol == 16 ? lengths[index - 1] : 0;
            int times = symbol == 16 ? 3 + int(bits(2)) : symbol == 17 ? 3 + int(bits(3)) : 11 + int(bits(7));
            if (index + times > total)
                fail(m_what, "code lengths overrun their count");
            while (times-- > 0)
                lengths[index++] = repeated;
        }
        if (lengths[256] == 0)
            fail(m_what, "dynamic block has no end-of-block code");

        // An incomplete code is allowed only when it is a single one-bit code (RFC 1951 3.2.7).
        Huffman litLen, dist;
        int left = buildHuffman(litLen, lengths.data(), litLenCount);
        if (left < 0 || (left > 0 && litLenCount != litLen.count[0] + litLen.count[1]))
            fail(m_what, "bad literal/length code");
        left = buildHuffman(dist, lengths.data() + litLenCount, distCount);
        if (left < 0 || (left > 0 && distCount != dist.count[0] + dist.count[1]))
            fail(m_what, "bad distance code");
        inflateCodes(litLen, dist);
    }

    void inflateCodes(const Huffman& litLen, const Huffman& dist)
    {
        for (;;) {
            int symbol = decode(litLen);
            if (symbol == 256)
                return;
            if (symbol < 256) {
                reserveOutput(1);
                m_out.push_back(char(symbol));
                continue;
            }
            symbol -= 257;
            if (symbol >= 29)
                fail(m_what, "invalid length code");
            const size_t length = kLengthBase[symbol] + bits(kLengthExtra[symbol]);
            const int distSymbol = decode(dist);
            if (distSymbol >= 30)
                fail(m_what, "invalid distance code");
            const size_t distance = kDistBase[distSymbol] + bits(kDistExtra[distSymbol]);
            if (distance > m_out.size())
                fail(m_what, "distance reaches before the start of the data");
            reserveOutput(length);
            // Byte by byte, because the copy may overlap what it is producing.
            const size_t from = m_out.size() - distance;
            for (size_t i = 0; i < length; ++i)
                m_out.push_back(m_out[from + i]);
        }
    }

    const unsigned char* m_data;
    size_t m_size;
    size_t m_pos;
    uint32_t m_bitBuffer = 0;
    int m_bitCount = 0;
    std::string& m_out;
    const std::string& m_what;
};

uint32_t crc32(const unsigned char* data, size_t size)
{
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < size; ++i)
        crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

uint32_t readLe16(const unsigned char* p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8;
}

uint32_t readLe32(const unsigned char* p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

/// Decodes one gzip member at `pos`, appending to `out`; returns the byte after it.
size_t inflateMember(const unsigned char* data, size_t size, size_t pos, std::string& out, const std::string& what)
{
    enum : unsigned { kText = 1, kHeaderCrc = 2, kExtra = 4, kName = 8, kComment = 16 };
    const size_t start = pos;
    if (size - pos < 10 || data[pos] != 0x1f || data[pos + 1] != 0x8b)
        fail(what, "not a gzip file");
    if (data[pos + 2] != 8)
        fail(what, "unknown gzip compression method");
    const unsigned flags = data[pos + 3];
    if (flags & 0xe0u)
        fail(what, "reserved gzip header flags set");
    pos += 10;
    if (flags & kExtra) {
        if (size - pos < 2)
            fail(what, "gzip header ends early");
        const size_t extraLength = readLe16(data + pos);
        if (size - pos - 2 < extraLength)
            fail(what, "gzip header ends early");
        pos += 2 + extraLength;
    }
    for (unsigned zeroTerminated : {unsigned(kName), unsigned(kComment)}) {
        if (!(flags & zeroTerminated))
            continue;
        while (pos < size && data[pos] != 0)
            ++pos;
        if (pos == size)
            fail(what, "gzip header ends early");
        ++pos;
    }
    if (flags & kHeaderCrc) {
        if (size - pos < 2)
            fail(what, "gzip header ends early");
        if ((crc32(data + start, pos - start) & 0xffffu) != readLe16(data + pos))
            fail(what, "gzip header CRC mismatch");
        pos += 2;
    }
    const size_t outStart = out.size();
    pos = Inflater(data, size, pos, out, what).run();
    if (size - pos < 8)
        fail(what, "gzip trailer missing");
    const auto* produced = reinterpret_cast<const unsigned char*>(out.data()) + outStart;
    const size_t producedSize = out.size() - outStart;
    if (readLe32(data + pos) != crc32(produced, producedSize))
        fail(what, "CRC-32 mismatch");
    if (readLe32(data + pos + 4) != uint32_t(producedSize))
        fail(what, "length mismatch");
    return pos + 8;
}

} // namespace

std::string inflateGzip(const std::string& compressed, const std::string& what)
{
    const auto* data = reinterpret_cast<const unsigned char*>(compressed.data());
    const size_t size = compressed.size();
    std::string out;
    size_t pos = inflateMember(data, size, 0, out, what);
    for (;;) {
        // Members may follow one another; trailing zero padding is tolerated, as gzip does.
        while (pos < size && data[pos] == 0)
            ++pos;
        if (pos == size)
            return out;
        pos = inflateMember(data, size, pos, out, what);
    }
}

std::string readMaybeGzipFile(const std::string& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) // which opens, and then reads as huge
        throw Error(path + ": is a directory, not a file");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(path + ": cannot open file");
    file.seekg(0, std::ios::end);
    const std::streamoff fileSize = file.tellg();
    if (fileSize < 0)
        throw Error(path + ": cannot read file");
    if (uint64_t(fileSize) > kMaxOutputBytes)
        throw Error(path + ": file is larger than 64 MiB");
    file.seekg(0, std::ios::beg);
    std::string bytes(size_t(fileSize), '\0');
    if (!file.read(bytes.data(), fileSize))
        throw Error(path + ": cannot read file");
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b)
        return inflateGzip(bytes, path);
    return bytes;
}

} // namespace vigil
