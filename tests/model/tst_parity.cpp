// Parity with the published reference on both golden sets (anomalyclip-model.md,
// "Parity"): tokenizer ids, text features, image features and, for every video length,
// selector logits, softmax, scores and class probabilities, within 1e-4.
#include "ModelTest.h"
#include "TensorCompare.h"

#include "model/InferenceSession.h"

#include <algorithm>
#include <filesystem>
#include <regex>

using namespace vigil;
using namespace vigil::test;

namespace {

constexpr double kTolerance = 1e-4;

struct GoldenSet {
    const char* folder;
    const char* labels;
};
const GoldenSet kSets[] = {{"golden/ucf", "ucf"}, {"golden/sht-small", "sht"}};

std::shared_ptr<const AnomalyClipModel> loadSet(const GoldenSet& set, bool withVocabulary)
{
    ModelLoadOptions options;
    options.checkpointPath = sharedPath(std::string(set.folder) + "/last.ckpt");
    options.centroidPath = sharedPath(std::string(set.folder) + "/ncentroid.pt");
    if (withVocabulary)
        options.vocabularyPath = sharedPath("clip/bpe_simple_vocab_16e6.txt.gz");
    return AnomalyClipModel::load(options, LabelSet::resolve(set.labels));
}

std::vector<int> videoLengths(const std::string& folder)
{
    std::vector<int> lengths;
    const std::regex pattern("video([0-9]+)_features\\.npy");
    for (const auto& entry : std::filesystem::directory_iterator(sharedPath(folder))) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, pattern))
            lengths.push_back(std::stoi(match[1]));
    }
    std::sort(lengths.begin(), lengths.end());
    return lengths;
}

} // namespace

VIGIL_TEST(promptTokensEqualGoldenIds)
{
    for (const GoldenSet& set : kSets) {
        const auto model = loadSet(set, true);
        const NpyArray golden = readNpy(sharedPath(std::string(set.folder) + "/tokenized_prompts.npy"));
        const std::vector<int64_t> expected = golden.toInt64();
        std::vector<int64_t> actual;
        for (const auto& row : model->promptTokens())
            actual.insert(actual.end(), row.begin(), row.end());
        VIGIL_CHECK_EQ(actual.size(), expected.size());
        VIGIL_CHECK(actual == expected);
        VIGIL_CHECK(model->warnings().empty());
    }
}

VIGIL_TEST(textFeaturesMatchWithAndWithoutVocabulary)
{
    for (const GoldenSet& set : kSets) {
        for (const bool vocabulary : {true, false}) {
            const auto model = loadSet(set, vocabulary);
            expectClose(model->textFeatures(), sharedPath(std::string(set.folder) + "/text_features.npy"), kTolerance);
        }
    }
}

VIGIL_TEST(imageFeaturesMatchFromPreprocessedFrames)
{
    for (const GoldenSet& set : kSets) {
        const auto model = loadSet(set, false);
        InferenceSession session(model, {ComputeDevice::Cpu});
        const NpyArray frames = readNpy(sharedPath(std::string(set.folder) + "/frames_preprocessed.npy"));
        VIGIL_CHECK_EQ(frames.shape.size(), size_t(4));
        VIGIL_CHECK_EQ(frames.shape[2], int64_t(model->config().imageResolution));
        const std::vector<float> pixels = frames.toFloat();
        expectClose(session.encodeImages(pixels.data(), frames.shape[0]),
                    sharedPath(std::string(set.folder) + "/image_features.npy"), kTolerance);
    }
}

VIGIL_TEST(everyVideoLengthMatchesLogitsScoresAndProbabilities)
{
    for (const GoldenSet& set : kSets) {
        const auto model = loadSet(set, false);
        InferenceSession session(model, {ComputeDevice::Cpu});
        const std::vector<int> lengths = videoLengths(set.folder);
        VIGIL_CHECK(lengths.size() >= 2);
        for (const int length : lengths) {
            const std::string stem = sharedPath(std::string(set.folder) + "/video" + std::to_string(length));
            const NpyArray features = readNpy(stem + "_features.npy");
            VIGIL_CHECK_EQ(features.shape[0], int64_t(length));
            const std::vector<float> values = features.toFloat();
            const VideoScores scores = session.scoreFeatures(values.data(), features.shape[0], features.shape[1]);
            expectClose(scores.logits, stem + "_similarity.npy", kTolerance);
            expectClose(scores.softmax, stem + "_softmax_similarity.npy", kTolerance);
            expectClose(scores.scores, stem + "_scores.npy", kTolerance);
            expectClose(scores.classProbs, stem + "_class_probs.npy", kTolerance);
        }
    }
}

VIGIL_TEST(smallChunksGiveTheSameScoresAsOneBatch)
{
    const auto model = loadSet(kSets[0], false);
    const NpyArray features = readNpy(sharedPath("golden/ucf/video1537_features.npy"));
    const std::vector<float> values = features.toFloat();
    SessionOptions one{ComputeDevice::Cpu};
    one.sequencesPerChunk = 64;
    SessionOptions chunked{ComputeDevice::Cpu};
    chunked.sequencesPerChunk = 1;
    const VideoScores a = InferenceSession(model, one).scoreFeatures(values.data(), features.shape[0], features.shape[1]);
    const VideoScores b = InferenceSession(model, chunked).scoreFeatures(values.data(), features.shape[0], features.shape[1]);
    VIGIL_CHECK(maxAbsDiff(a.scores, b.scores) < 1e-6);
}

VIGIL_TEST_MAIN()
