// Follows OpenAI CLIP's simple_tokenizer.py step by step (clean, lower-case, split with
// CLIP's regular expression, byte-level BPE by merge rank) with the standard library only.
// Known gaps, all outside what prompts from label files reach: ftfy.fix_text (mojibake
// repair, NFC, ...) is out of scope except its quote uncurling; html.unescape knows only
// the common entities; Unicode letters come from the C library's C.UTF-8 tables, which
// unlike \p{L} count combining vowel signs (Indic scripts) as letters, and \p{N} beyond
// ASCII covers only the common digits, fractions and numerals.
#include "ClipTokenizer.h"

#include "Error.h"
#include "GzipReader.h"

#include <algorithm>
#include <climits>
#include <locale.h>
#include <mutex>
#include <sstream>
#include <wctype.h>
#if defined(__APPLE__)
#include <xlocale.h>
#endif

namespace vigil {
namespace {

constexpr int kMergeCount = 49152 - 256 - 2; // simple_tokenizer.py: merges[1:49152-256-2+1]
constexpr size_t kMaxCachedWords = 65536;    // bounds memory in a long-running process

locale_t utf8Locale()
{
    // Built into glibc since 2.35, so it exists even where no locales are installed.
    static const locale_t locale = [] {
        locale_t l = newlocale(LC_ALL_MASK, "C.UTF-8", locale_t(0));
        return l ? l : newlocale(LC_ALL_MASK, "en_US.UTF-8", locale_t(0));
    }();
    return locale;
}

// Python's str.isspace(), which both `re`'s \s in whitespace_clean and str.strip() use;
// a fixed list, and unlike the C library's class it counts the no-break spaces.
bool isSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

// \p{N} beyond ASCII: glibc files other scripts' digits and Roman numerals as letters and
// superscripts, fractions and circled numbers as neither, so the common ones are listed.
bool isNumber(char32_t c)
{
    static constexpr char32_t kRanges[][2] = {{0xb2, 0xb3}, {0xb9, 0xb9}, {0xbc, 0xbe}, {0x660, 0x669}, {0x6f0, 0x6f9},
        {0x966, 0x96f}, {0x2070, 0x2070}, {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2150, 0x2182}, {0x2185, 0x2189},
        {0x2460, 0x249b}, {0x24ea, 0x24ff}, {0x2776, 0x2793}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0xff10, 0xff19}};
    if (c < 0x80)
        return c >= '0' && c <= '9';
    for (const auto& range : kRanges)
        if (c >= range[0] && c <= range[1])
            return true;
    return utf8Locale() && iswdigit_l(wint_t(c), utf8Locale());
}

bool isLetter(char32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (isNumber(c) || (c >= 0x24b6 && c <= 0x24e9)) // circled letters are symbols (So)
        return false;
    return !utf8Locale() || iswalpha_l(wint_t(c), utf8Locale()); // without tables, guess letter
}

char32_t toLowerSimple(char32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
    return utf8Locale() ? char32_t(towlower_l(wint_t(c), utf8Locale())) : c;
}

bool isCased(char32_t c)
{
    return toLowerSimple(c) != c || (utf8Locale() && towupper_l(wint_t(c), utf8Locale()) != wint_t(c));
}

// Python's case-ignorable set, as far as it is likely next to Greek text: apostrophes and
// word-inner stops, modifier letters and symbols, combining marks, format characters.
bool isCaseIgnorable(char32_t c)
{
    return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xa8 || c == 0xad || c == 0xaf || c == 0xb4
        || c == 0xb7 || c == 0xb8 || (c >= 0x2b0 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c == 0x2018 || c == 0x2019
        || c == 0x2024 || c == 0x2027;
}

/// Invalid sequences (overlong, surrogates, past U+10FFFF, cut short) become U+FFFD.
std::u32string decodeUtf8(const std::string& bytes)
{
    std::u32string out;
    for (size_t i = 0; i < bytes.size();) {
        const unsigned char lead = static_cast<unsigned char>(bytes[i]);
        const int extra = lead < 0x80 ? 0 : lead < 0xc2 ? -1 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : lead < 0xf5 ? 3 : -1;
        char32_t c = extra <= 0 ? lead : lead & (0x3fu >> extra);
        bool valid = extra >= 0 && bytes.size() - i > size_t(extra);
        for (int k = 1; valid && k <= extra; ++k) {
            const unsigned char next = static_cast<unsigned char>(bytes[i + size_t(k)]);
            valid = (next & 0xc0) == 0x80;
            c = (c << 6) | (next & 0x3f);
        }
        valid = valid && !(extra == 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) && !(extra == 3 && (c < 0x10000 || c > 0x10ffff));
        out += valid ? c : char32_t(0xfffd);
        i += valid ? size_t(extra) + 1 : 1;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t c)
{
    static constexpr unsigned char kLead[4] = {0x00, 0xc0, 0xe0, 0xf0};
    const int extra = c < 0x80 ? 0 : c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    out += char(kLead[extra] | (c >> (6 * extra)));
    for (int k = extra - 1; k >= 0; --k)
        out += char(0x80 | ((c >> (6 * k)) & 0x3f));
}

// Python's html.unescape for numeric references and the common named ones, including
// its quirks: legacy names need no ';' and match as prefixes ("&amplifier" -> "&lifier").
void appendCharRef(std::u32string& out, char32_t value)
{
    static constexpr char16_t kWindows1252[32] = {
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
        0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178};
    if (value == 0 || (value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
        out += char32_t(0xfffd);
    else if (value >= 0x80 && value <= 0x9f)
        out += char32_t(kWindows1252[value - 0x80]);
    else if (value == 0x0d || !((value >= 0x01 && value <= 0x08) || value == 0x0b || (value >= 0x0e && value <= 0x1f) || value == 0x7f
                                || (value >= 0xfdd0 && value <= 0xfdef) || (value & 0xfffe) == 0xfffe))
        out += value; // Python drops the other control characters and noncharacters
}

std::u32string unescapeHtml(const std::u32string& s)
{
    static const std::pair<std::u32string, char32_t> kEntities[] = {{U"amp", '&'}, {U"amp;", '&'}, {U"AMP", '&'},
        {U"AMP;", '&'}, {U"lt", '<'}, {U"lt;", '<'}, {U"LT", '<'}, {U"LT;", '<'}, {U"gt", '>'}, {U"gt;", '>'}, {U"GT", '>'},
        {U"GT;", '>'}, {U"quot", '"'}, {U"quot;", '"'}, {U"QUOT", '"'}, {U"QUOT;", '"'}, {U"apos;", '\''}, {U"nbsp", 0xa0}, {U"nbsp;", 0xa0}};
    const auto lookup = [](const std::u32string& name) -> const char32_t* {
        for (const auto& entity : kEntities)
            if (entity.first == name)
                return &entity.second;
        return nullptr;
    };
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        size_t k = i + 1;
        if (s[i] == '&' && k < s.size() && s[k] == '#') { // &#NN; or &#xNN;, the ';' optional
            const bool hex = k + 1 < s.size() && (s[k + 1] | 0x20) == 'x';
            const size_t digitsStart = k += hex ? 2 : 1;
            char32_t value = 0;
            for (int digit; k < s.size(); ++k, value = std::min<char32_t>(value * (hex ? 16 : 10) + char32_t(digit), 0x110000)) {
                const char32_t c = s[k] | 0x20;
                digit = s[k] >= '0' && s[k] <= '9' ? int(s[k] - '0') : hex && c >= 'a' && c <= 'f' ? int(c - 'a' + 10) : -1;
                if (digit < 0)
                    break;
            }
            if (k > digitsStart) {
                appendCharRef(out, value);
                i = k < s.size() && s[k] == ';' ? k + 1 : k;
                continue;
            }
            k = i + 1;
        } else if (s[i] == '&') { // a name of up to 32 characters, the ';' optional
            static const std::u32string kNameEnds = U"\t\n\f <&#;";
            while (k < s.size() && k - i <= 32 && kNameEnds.find(s[k]) == std::u32string::npos)
                ++k;
            if (k > i + 1 && k < s.size() && s[k] == ';')
                ++k;
        }
        if (k == i + 1) {
            out += s[i++];
            continue;
        }
        const std::u32string name = s.substr(i + 1, k - i - 1);
        i = k;
        const char32_t* value = lookup(name);
        size_t length = name.size();
        while (!value && --length >= 2) // the longest known prefix, as Python does
            value = lookup(name.substr(0, length));
        out += value ? *value + name.substr(std::min(length, name.size())) : U"&" + name;
    }
    return out;
}

// basic_clean + whitespace_clean + lower() of simple_tokenizer.py, in that order.
std::u32string cleanText(const std::string& utf8)
{
    std::u32string collapsed;
    for (char32_t c : unescapeHtml(unescapeHtml(decodeUtf8(utf8)))) {
        if (c >= 0x2018 && c <= 0x201f)
            c = c <= 0x201b ? '\'' : '"'; // ftfy's uncurl_quotes: "don’t" must split as "don't"
        if (!isSpace(c))
            collapsed += c;
        else if (!collapsed.empty() && collapsed.back() != ' ')
            collapsed += ' ';
    }
    if (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();

    std::u32string lower;
    for (size_t i = 0; i < collapsed.size(); ++i) {
        const char32_t c = collapsed[i];
        if (c == 0x130) { // the one unconditional multi-character lower-case mapping
            lower += U"i\u0307";
        } else if (c == 0x3a3) { // Python lower-cases a word-final capital sigma to 'ς'
            size_t before = i, after = i + 1;
            while (before > 0 && isCaseIgnorable(collapsed[before - 1]))
                --before;
            while (after < collapsed.size() && isCaseIgnorable(collapsed[after]))
                ++after;
            const bool final = before > 0 && isCased(collapsed[before - 1]) && !(after < collapsed.size() && isCased(collapsed[after]));
            lower += final ? char32_t(0x3c2) : char32_t(0x3c3);
        } else {
            lower += toLowerSimple(c);
        }
    }
    return lower;
}

// CLIP's pattern <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
// (re.IGNORECASE): the alternatives are tried in order at each position, and a position
// that none matches (a space) is skipped.
std::vector<std::string> splitWords(const std::u32string& text)
{
    static const std::u32string kLiterals[] = {U"<|startoftext|>", U"<|endoftext|>", U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
    const auto literalAt = [&](size_t pos, const std::u32string& literal) {
        for (size_t k = 0; k < literal.size(); ++k) // IGNORECASE: 's' also matches 'ſ' (U+017F)
            if (pos + k >= text.size() || (text[pos + k] != literal[k] && !(literal[k] == 's' && text[pos + k] == 0x17f)))
                return false;
        return true;
    };
    std::vector<std::string> words;
    for (size_t pos = 0, end = 0; pos < text.size(); pos = std::max(end, pos + 1)) {
        end = pos;
        for (const std::u32string& literal : kLiterals)
            if (end == pos && literalAt(pos, literal))
                end = pos + literal.size();
        if (end == pos && isLetter(text[pos])) {
            while (end < text.size() && isLetter(text[end]))
                ++end;
        } else if (end == pos && isNumber(text[pos])) {
            end = pos + 1;
        } else if (end == pos && !isSpace(text[pos])) {
            while (end < text.size() && !isSpace(text[end]) && !isLetter(text[end]) && !isNumber(text[end]))
                ++end;
        }
        if (end > pos) {
            words.emplace_back();
            for (size_t k = pos; k < end; ++k)
                appendUtf8(words.back(), text[k]);
        }
    }
    return words;
}

uint64_t pairKey(int left, int right)
{
    return uint64_t(uint32_t(left)) << 32 | uint32_t(right);
}

} // namespace

struct ClipTokenizer::WordCache {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<int>> ids;
};

ClipTokenizer::ClipTokenizer() : m_cache(std::make_unique<WordCache>()) {}
ClipTokenizer::ClipTokenizer(ClipTokenizer&&) noexcept = default;
ClipTokenizer& ClipTokenizer::operator=(ClipTokenizer&&) noexcept = default;
ClipTokenizer::~ClipTokenizer() = default;

ClipTokenizer ClipTokenizer::fromFile(const std::string& vocabPath)
{
    return fromMergesText(readMaybeGzipFile(vocabPath), vocabPath);
}

ClipTokenizer ClipTokenizer::fromMergesText(const std::string& text, const std::string& what)
{
    // bytes_to_unicode(): printable Latin-1 bytes stand for themselves, the others for
    // U+0100 onwards in byte order; the vocabulary lists the former first.
    std::vector<int> byteOrder;
    std::string symbols[256];
    for (int b = 0, next = 0x100; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || b >= 0xae;
        appendUtf8(symbols[b], printable ? char32_t(b) : char32_t(next++));
        if (printable)
            byteOrder.push_back(b);
    }
    for (int b = 0; b < 256; ++b)
        if (std::find(byteOrder.begin(), byteOrder.end(), b) == byteOrder.end())
            byteOrder.push_back(b);

    std::vector<std::pair<std::string, std::string>> merges;
    std::istringstream lines(text);
    std::string line, extra;
    std::getline(lines, line); // a version header
    while (int(merges.size()) < kMergeCount && std::getline(lines, line)) {
        std::istringstream parts(line); // str.split(): runs of whitespace separate
        std::pair<std::string, std::string> merge;
        if (!(parts >> merge.first >> merge.second) || (parts >> extra))
            throw Error(what + ": line " + std::to_string(merges.size() + 2) + " is not a merge of two symbols");
        merges.push_back(std::move(merge));
    }
    if (int(merges.size()) < kMergeCount)
        throw Error(what + ": holds " + std::to_string(merges.size()) + " merges, CLIP needs " + std::to_string(kMergeCount));

    std::vector<std::string> vocab;
    for (const char* suffix : {"", "</w>"})
        for (int b : byteOrder)
            vocab.push_back(symbols[b] + suffix);
    for (const auto& merge : merges)
        vocab.push_back(merge.first + merge.second);
    vocab.push_back("<|startoftext|>");
    vocab.push_back("<|endoftext|>");
    std::unordered_map<std::string, int> encoder(vocab.size()); // dict(zip(...)): last wins
    for (size_t id = 0; id < vocab.size(); ++id)
        encoder[vocab[id]] = int(id);

    ClipTokenizer tokenizer;
    for (int b = 0; b < 256; ++b) {
        tokenizer.m_byteIds[b] = encoder.at(symbols[b]);
        tokenizer.m_byteEndIds[b] = encoder.at(symbols[b] + "</w>");
    }
    tokenizer.m_mergedIds.assign(merges.size(), -1);
    tokenizer.m_mergeRanks.reserve(merges.size());
    for (size_t rank = 0; rank < merges.size(); ++rank) {
        // A merge of a string that is no symbol can never apply, so it needs no entry.
        const auto left = encoder.find(merges[rank].first), right = encoder.find(merges[rank].second);
        if (left == encoder.end() || right == encoder.end())
            continue;
        tokenizer.m_mergeRanks[pairKey(left->second, right->second)] = int(rank);
        tokenizer.m_mergedIds[rank] = encoder.at(merges[rank].first + merges[rank].second);
    }
    return tokenizer;
}

std::vector<int> ClipTokenizer::bytePairEncode(const std::string& word) const
{
    if (m_cache) {
        std::lock_guard<std::mutex> lock(m_cache->mutex);
        const auto found = m_cache->ids.find(word);
        if (found != m_cache->ids.end())
            return found->second;
    }
    std::vector<int> symbols, merged;
    for (size_t i = 0; i < word.size(); ++i) {
        const auto byte = static_cast<unsigned char>(word[i]);
        symbols.push_back(i + 1 == word.size() ? m_byteEndIds[byte] : m_byteIds[byte]); // '</w>' ends a word
    }
    // Merge the best-ranked adjacent pair everywhere, left to right, until none is known.
    while (symbols.size() > 1) {
        int bestRank = INT_MAX;
        uint64_t best = 0;
        for (size_t i = 0; i + 1 < symbols.size(); ++i) {
            const auto found = m_mergeRanks.find(pairKey(symbols[i], symbols[i + 1]));
            if (found != m_mergeRanks.end() && found->second < bestRank) {
                bestRank = found->second;
                best = found->first;
            }
        }
        if (bestRank == INT_MAX)
            break;
        merged.clear();
        for (size_t i = 0; i < symbols.size(); ++i) {
            const bool pair = i + 1 < symbols.size() && pairKey(symbols[i], symbols[i + 1]) == best;
            merged.push_back(pair ? m_mergedIds[size_t(bestRank)] : symbols[i]);
            i += pair ? 1 : 0;
        }
        symbols.swap(merged);
    }
    if (m_cache) {
        std::lock_guard<std::mutex> lock(m_cache->mutex);
        if (m_cache->ids.size() >= kMaxCachedWords)
            m_cache->ids.clear();
        m_cache->ids.emplace(word, symbols);
    }
    return symbols;
}

std::vector<int> ClipTokenizer::encode(const std::string& text) const
{
    std::vector<int> ids;
    for (const std::string& word : splitWords(cleanText(text))) {
        // The special tokens bypass BPE: simple_tokenizer.py seeds its cache with them.
        if (word == "<|startoftext|>" || word == "<|endoftext|>") {
            ids.push_back(word == "<|startoftext|>" ? kStartOfText : kEndOfText);
            continue;
        }
        const std::vector<int> wordIds = bytePairEncode(word);
        ids.insert(ids.end(), wordIds.begin(), wordIds.end());
    }
    return ids;
}

std::vector<int64_t> ClipTokenizer::tokenize(const std::string& text, int contextLength) const
{
    const std::vector<int> ids = encode(text);
    if (contextLength < 2 || ids.size() + 2 > size_t(contextLength)) {
        std::string shown = text.substr(0, 80);
        while (shown.size() < text.size() && !shown.empty() && (static_cast<unsigned char>(text[shown.size()]) & 0xc0) == 0x80)
            shown.pop_back(); // do not cut a UTF-8 sequence in two
        throw Error("text \"" + shown + (shown.size() < text.size() ? "..." : "") + "\" is too long for context length "
                    + std::to_string(contextLength) + " (" + std::to_string(ids.size() + 2) + " tokens)");
    }
    std::vector<int64_t> tokens(size_t(contextLength), 0);
    tokens[0] = kStartOfText;
    std::copy(ids.begin(), ids.end(), tokens.begin() + 1);
    tokens[ids.size() + 1] = kEndOfText;
    return tokens;
}

} // namespace vigil
