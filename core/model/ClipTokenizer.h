// CLIP's byte-pair-encoding tokenizer (OpenAI's simple_tokenizer.py), which turns the class
// prompts into the token ids the text encoder reads (anomalyclip-model.md section 2).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil {

/// Any thread: const after construction; the per-word cache inside is locked.
class ClipTokenizer {
public:
    static constexpr int kStartOfText = 49406;
    static constexpr int kEndOfText = 49407;
    static constexpr int kVocabSize = 49408;
    static constexpr int kContextLength = 77;

    /// Reads `bpe_simple_vocab_16e6.txt.gz` (gzipped or plain); throws vigil::Error
    /// naming the path if it cannot be read or does not hold CLIP's 48894 merges.
    static ClipTokenizer fromFile(const std::string& vocabPath);
    /// The same from the merges text itself; `what` names it in error messages.
    static ClipTokenizer fromMergesText(const std::string& text, const std::string& what);

    ClipTokenizer(ClipTokenizer&&) noexcept;
    ClipTokenizer& operator=(ClipTokenizer&&) noexcept;
    ~ClipTokenizer();

    /// BPE token ids of UTF-8 `text`, without the start and end tokens. Invalid UTF-8
    /// bytes are read as U+FFFD.
    std::vector<int> encode(const std::string& text) const;
    /// CLIP's `clip.tokenize`: start token, ids, end token, zero padded to contextLength.
    /// Throws vigil::Error if the text does not fit.
    std::vector<int64_t> tokenize(const std::string& text, int contextLength = kContextLength) const;

private:
    struct WordCache;

    ClipTokenizer();
    std::vector<int> bytePairEncode(const std::string& word) const;

    int m_byteIds[256] = {};                          // byte -> id of its symbol
    int m_byteEndIds[256] = {};                       // the same ending a word (with '</w>')
    std::unordered_map<uint64_t, int> m_mergeRanks;   // (left id << 32 | right id) -> rank
    std::vector<int> m_mergedIds;                     // rank -> id of the merged symbol
    std::unique_ptr<WordCache> m_cache;               // pointer, so the tokenizer can move
};

} // namespace vigil
