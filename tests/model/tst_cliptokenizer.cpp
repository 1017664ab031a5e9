// CLIP tokenizer against the golden prompts and ids checked with the reference algorithm,
// and the gzip reader against corrupted input.
#include "ModelTest.h"

#include "ClipTokenizer.h"
#include "Error.h"
#include "GzipReader.h"
#include "NpyArray.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <thread>

using vigil::ClipTokenizer;

namespace {

const ClipTokenizer& tokenizer()
{
    static const ClipTokenizer instance = [] {
        const auto start = std::chrono::steady_clock::now();
        ClipTokenizer t = ClipTokenizer::fromFile(vigil::test::sharedPath("clip/bpe_simple_vocab_16e6.txt.gz"));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::printf("       tokenizer built in %.0f ms\n", ms);
        return t;
    }();
    return instance;
}

std::string readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::string idsText(const std::vector<int>& ids)
{
    std::string text;
    for (int id : ids)
        text += (text.empty() ? "" : " ") + std::to_string(id);
    return text;
}

// Class names of a labels file (id,name rows) sorted by name, underscores read as spaces.
std::vector<std::string> sortedClassNames(const std::string& csvPath)
{
    std::istringstream lines(readFile(csvPath));
    std::vector<std::string> names;
    std::string line;
    std::getline(lines, line); // header
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find(',') != std::string::npos)
            names.push_back(line.substr(line.find(',') + 1));
    }
    std::sort(names.begin(), names.end());
    for (std::string& name : names)
        std::replace(name.begin(), name.end(), '_', ' ');
    return names;
}

void checkGoldenPrompts(const std::string& labels, const std::string& golden)
{
    const std::vector<std::string> names = sortedClassNames(vigil::test::sharedPath(labels));
    const vigil::NpyArray expected = vigil::readNpy(vigil::test::sharedPath(golden));
    VIGIL_CHECK_EQ(expected.shape.size(), size_t(2));
    VIGIL_CHECK_EQ(expected.shape[0], int64_t(names.size()));
    VIGIL_CHECK_EQ(expected.shape[1], int64_t(ClipTokenizer::kContextLength));
    const std::vector<int64_t> values = expected.toInt64();
    for (size_t row = 0; row < names.size(); ++row) {
        const std::vector<int64_t> tokens = tokenizer().tokenize("X X X X X X X X " + names[row] + ".");
        const std::vector<int64_t> want(values.begin() + std::ptrdiff_t(row * 77), values.begin() + std::ptrdiff_t(row * 77 + 77));
        if (tokens != want)
            VIGIL_FAIL(golden << " row " << row << " ('" << names[row] << "') differs");
    }
}

// Small gzip files made with Python's zlib: the first has every optional header field
// (FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT) around a fixed-Huffman block, then a second
// member holding a stored block, then zero padding; the second is one dynamic block.
const std::string kMultiMember(
    "\x1f\x8b\x08\x1f\x00\x00\x00\x00\x00\x03\x06\x00\x41\x42\x02\x00\x78\x79\x61\x2e\x74\x78\x74\x00"
    "\x68\x69\x00\x88\x45\xcb\x48\xcd\xc9\xc9\x57\xc8\x40\x22\xd3\xab\x32\x0b\xb8\x00\x9a\x8b\x73\xda"
    "\x17\x00\x00\x00\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x01\x16\x00\xe9\xff\x73\x65\x63\x6f\x6e"
    "\x64\x20\x6d\x65\x6d\x62\x65\x72\x2c\x20\x73\x74\x6f\x72\x65\x64\x0a\x17\xc9\xbc\x98\x16\x00\x00"
    "\x00\x00\x00\x00", 100);
const std::string kDynamic(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x15\x8c\x51\x0a\x44\x31\x08\x03\xaf\xf2\xae\x16\xe8\x80"
    "\x85\xa5\x82\xa6\xf7\x5f\xfb\x95\x38\x31\xa1\x1a\x79\x37\x84\x1b\x1f\xee\x02\x5d\x63\xb0\xe0\x69"
    "\x68\xf3\xd5\x84\xe7\xe7\xd8\xe4\x2a\x25\xb4\xd1\xd9\xb6\x5a\xef\xf1\x7c\x39\xe0\x6b\xd5\xd4\x9f"
    "\xbd\x74\xac\xd3\x92\xa9\x64\xc4\xca\xe1\x90\xd5\x1d\xcc\xd0\x6c\xcc\x35\xe8\xd5\x27\xc6\xe3\x97"
    "\xc8\xf8\x03\xbe\x93\x37\x02\x96\x00\x00\x00", 107);

// A corrupted gzip file must give vigil::Error or, where the change hits a header field
// that nothing checks (time, flags for the OS), the intact output; never anything else.
void checkCorruptedCopy(const std::string& bytes, const std::string& intact, const std::string& what)
{
    try {
        const std::string out = vigil::inflateGzip(bytes, "corrupt.gz");
        if (out != intact)
            VIGIL_FAIL(what << " inflated to different data without an error");
    } catch (const vigil::Error& e) {
        if (std::string(e.what()).find("corrupt.gz") != 0)
            VIGIL_FAIL(what << ": message does not start with the source: " << e.what());
    }
}

} // namespace

VIGIL_TEST(goldenUcfPrompts)
{
    checkGoldenPrompts("labels/ucf_labels.csv", "golden/ucf/tokenized_prompts.npy");
}

VIGIL_TEST(goldenShanghaiTechPrompts)
{
    checkGoldenPrompts("labels/sht_labels.csv", "golden/sht-small/tokenized_prompts.npy");
}

// Expected ids were computed with simple_tokenizer.py's algorithm over the same merges.
VIGIL_TEST(knownTokenizations)
{
    const ClipTokenizer& t = tokenizer();
    VIGIL_CHECK_EQ(idsText(t.encode("hello world")), "3306 1002");
    VIGIL_CHECK_EQ(idsText(t.encode("a photo of a cat.")), "320 1125 539 320 2368 269");
    VIGIL_CHECK_EQ(idsText(t.encode("  Hello,\tWorld!!!\n 123 ")), "3306 267 1002 995 272 273 274");
    VIGIL_CHECK_EQ(idsText(t.encode("it's we're i'll you'd I'M")), "585 568 649 982 328 1342 592 1896 328 880");
    VIGIL_CHECK_EQ(idsText(t.encode("don't stop")), "847 713 1691");
    VIGIL_CHECK_EQ(idsText(t.encode("Don\xe2\x80\x99t stop")), "847 713 1691"); // curly apostrophe, as ftfy
    VIGIL_CHECK_EQ(idsText(t.encode("<|startoftext|>hi<|endoftext|>")), "49406 1883 49407");
    VIGIL_CHECK_EQ(idsText(t.encode("&amp;lt;b&gt; &#x41;&#66;")), "283 321 285 3937"); // unescaped twice
    VIGIL_CHECK_EQ(idsText(t.encode("caf\xc3\xa9 \xce\x9f\xce\x94\xce\x9f\xce\xa3 na\xc3\xafve")), // café ΟΔΟΣ naïve
                   "15304 138 123 138 112 138 123 139 480 1097 35689 563");
    VIGIL_CHECK_EQ(idsText(t.encode("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x98\x80")), // 日本語 😀
                   "39121 44353 34002 508 7334");
    VIGIL_CHECK_EQ(idsText(t.encode("X X X X X X X X road accidents.")), "343 343 343 343 343 343 343 343 1759 22072 269");
    VIGIL_CHECK(t.encode("").empty());
    VIGIL_CHECK(t.encode(" \t\n ").empty());
    VIGIL_CHECK_EQ(idsText(t.encode("a\xff" "b")), idsText(t.encode("a\xef\xbf\xbd" "b"))); // invalid UTF-8 -> U+FFFD

    const std::vector<int64_t> tokens = t.tokenize("a photo of a cat.");
    VIGIL_CHECK_EQ(tokens.size(), size_t(77));
    const std::vector<int64_t> head = {49406, 320, 1125, 539, 320, 2368, 269, 49407, 0};
    VIGIL_CHECK(std::equal(head.begin(), head.end(), tokens.begin()));
    VIGIL_CHECK(std::all_of(tokens.begin() + 8, tokens.end(), [](int64_t id) { return id == 0; }));
    const std::vector<int64_t> empty = t.tokenize("", 4);
    VIGIL_CHECK(empty == std::vector<int64_t>({ClipTokenizer::kStartOfText, ClipTokenizer::kEndOfText, 0, 0}));
}

VIGIL_TEST(tooLongTextThrows)
{
    std::string words;
    for (int i = 0; i < 75; ++i)
        words += "a ";
    const std::vector<int64_t> full = tokenizer().tokenize(words); // 75 + 2 fit exactly
    VIGIL_CHECK_EQ(full[76], int64_t(ClipTokenizer::kEndOfText));
    VIGIL_CHECK_THROWS(tokenizer().tokenize(words + "a"), "too long for context length 77");
    VIGIL_CHECK_THROWS(tokenizer().tokenize("hello world", 3), "too long for context length 3");
    VIGIL_CHECK_THROWS(tokenizer().tokenize("", 1), "too long");
}

VIGIL_TEST(concurrentEncodingAgrees)
{
    const std::vector<std::string> texts = {"X X X X X X X X shoplifting.", "a photo of a cat.", "road accidents", "vandalism"};
    std::vector<std::vector<int>> expected;
    for (const std::string& text : texts)
        expected.push_back(tokenizer().encode(text));
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int worker = 0; worker < 4; ++worker)
        threads.emplace_back([&, worker] {
            for (int round = 0; round < 200; ++round)
                for (size_t i = 0; i < texts.size(); ++i)
                    mismatches[size_t(worker)] += tokenizer().encode(texts[(i + size_t(worker)) % texts.size()]) != expected[(i + size_t(worker)) % texts.size()];
        });
    for (std::thread& thread : threads)
        thread.join();
    VIGIL_CHECK_EQ(std::count(mismatches.begin(), mismatches.end(), 0), 4);
}

VIGIL_TEST(gzipOptionalFieldsMembersAndBlockTypes)
{
    VIGIL_CHECK_EQ(vigil::inflateGzip(kMultiMember, "multi.gz"), std::string("hello hello hello gzip\nsecond member, stored\n"));
    const std::string text = vigil::inflateGzip(kDynamic, "dynamic.gz"); // CRC-32 and length are checked inside
    VIGIL_CHECK_EQ(text.size(), size_t(150));
    VIGIL_CHECK_EQ(text.substr(0, 24), std::string("erseatiseehtsetneudeeaut"));
}

VIGIL_TEST(gzipEveryBitFlipAndTruncationOfSmallFiles)
{
    for (const std::string* file : {&kMultiMember, &kDynamic}) {
        const std::string intact = vigil::inflateGzip(*file, "intact.gz");
        for (size_t byte = 0; byte < file->size(); ++byte)
            for (int bit = 0; bit < 8; ++bit) {
                std::string copy = *file;
                copy[byte] = char(copy[byte] ^ (1 << bit));
                checkCorruptedCopy(copy, intact, "bit " + std::to_string(bit) + " of byte " + std::to_string(byte));
            }
        for (size_t length = 0; length < file->size(); ++length)
            if (file != &kMultiMember || (length != 52 && length < 97)) // a whole member, or padding, may end it
                VIGIL_CHECK_THROWS(vigil::inflateGzip(file->substr(0, length), "cut.gz"), "cut.gz");
    }
    VIGIL_CHECK_THROWS(vigil::inflateGzip(kDynamic + "junk", "tail.gz"), "tail.gz: not a gzip file");
}

VIGIL_TEST(gzipCorruptedVocabularyThrows)
{
    const std::string path = vigil::test::sharedPath("clip/bpe_simple_vocab_16e6.txt.gz");
    const std::string bytes = readFile(path);
    VIGIL_CHECK(bytes.size() > 1000);
    const std::string intact = vigil::inflateGzip(bytes, path);
    std::mt19937 random(1234);
    for (int trial = 0; trial < 24; ++trial) {
        std::string copy = bytes;
        const size_t at = trial < 4 ? size_t(trial) : 10 + random() % (bytes.size() - 10);
        copy[at] = char(copy[at] ^ (1 + random() % 255));
        checkCorruptedCopy(copy, intact, "byte " + std::to_string(at));
    }
    for (size_t length : {size_t(0), size_t(1), size_t(9), size_t(10), size_t(200), bytes.size() / 2, bytes.size() - 8, bytes.size() - 1})
        VIGIL_CHECK_THROWS(vigil::inflateGzip(bytes.substr(0, length), "corrupt.gz"), "corrupt.gz");
    std::string badCrc = bytes;
    badCrc[bytes.size() - 5] = char(badCrc[bytes.size() - 5] ^ 1);
    VIGIL_CHECK_THROWS(vigil::inflateGzip(badCrc, "corrupt.gz"), "CRC-32 mismatch");
    VIGIL_CHECK_THROWS(ClipTokenizer::fromMergesText(intact.substr(0, intact.find('\n', 5000) + 1), "short.txt"), "short.txt: holds");
    VIGIL_CHECK_THROWS(ClipTokenizer::fromMergesText(intact.substr(0, 5000), "cut.txt"), "is not a merge of two symbols");
    VIGIL_CHECK_THROWS(ClipTokenizer::fromFile("/nonexistent/vocab.txt.gz"), "/nonexistent/vocab.txt.gz");
}

VIGIL_TEST(uncompressedFileIsReadAsIs)
{
    const std::string intact = vigil::inflateGzip(readFile(vigil::test::sharedPath("clip/bpe_simple_vocab_16e6.txt.gz")), "vocab");
    const std::string path = (std::filesystem::temp_directory_path() / ("vigil_tst_cliptokenizer_" + std::to_string(std::random_device()()) + ".txt")).string();
    {
        std::ofstream file(path, std::ios::binary);
        file << intact;
    }
    const std::string read = vigil::readMaybeGzipFile(path);
    const std::vector<int> ids = ClipTokenizer::fromFile(path).encode("X X X X X X X X shoplifting.");
    std::remove(path.c_str());
    VIGIL_CHECK(read == intact);
    VIGIL_CHECK_EQ(idsText(ids), idsText(tokenizer().encode("X X X X X X X X shoplifting.")));
}

VIGIL_TEST_MAIN()
