// Parity with the published reference on both golden sets (anomalyclip-model.md,
// "Parity"): tokenizer ids, text features, image features and, for every video length,
// selector logits, softmax, scores and class probabilities, within 1e-4, on the device
// VIGIL_TEST_DEVICE names (cpu by default); on CUDA also fp16 within the stated tolerances
// and fp32 against this machine's CPU.
#include "ModelTest.h"
#include "TensorCompare.h"
#include "TestDevice.h"

#include "model/InferenceSession.h"
#include "model/nn/AnomalyClipModelImpl.h"

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

std::vector<float> goldenValues(const GoldenSet& set, const std::string& file)
{
    return readNpy(sharedPath(std::string(set.folder) + "/" + file)).toFloat();
}

// The smallest cosine between corresponding rows of two [rows, dim] arrays.
double minRowCosine(const std::vector<float>& a, const std::vector<float>& b, int64_t dim)
{
    double worst = 1;
    for (size_t row = 0; (row + 1) * size_t(dim) <= a.size() && (row + 1) * size_t(dim) <= b.size(); ++row) {
        double ab = 0, aa = 0, bb = 0;
        for (int64_t k = 0; k < dim; ++k) {
            const double x = a[row * size_t(dim) + size_t(k)], y = b[row * size_t(dim) + size_t(k)];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        const double cosine = ab / std::sqrt(aa * bb);
        if (!(cosine >= worst))
            worst = std::isnan(cosine) ? -1 : cosine;
    }
    return worst;
}

// The worst differences of one session against the golden outputs of one set.
struct Deviation {
    double features = 0, cosine = 1, logits = 0, softmax = 0, scores = 0, classProbs = 0;
};

Deviation deviationFromGolden(const GoldenSet& set, const InferenceSession& session)
{
    Deviation d;
    const int64_t dim = session.model().config().embedDim;
    const NpyArray frames = readNpy(sharedPath(std::string(set.folder) + "/frames_preprocessed.npy"));
    const std::vector<float> pixels = frames.toFloat();
    const std::vector<float> features = session.encodeImages(pixels.data(), frames.shape[0]);
    const std::vector<float> golden = goldenValues(set, "image_features.npy");
    VIGIL_CHECK_EQ(features.size(), golden.size());
    d.features = maxAbsDiff(features, golden);
    d.cosine = minRowCosine(features, golden, dim);
    for (const int length : videoLengths(set.folder)) {
        const std::string stem = "video" + std::to_string(length);
        const std::vector<float> input = goldenValues(set, stem + "_features.npy");
        const VideoScores scores = session.scoreFeatures(input.data(), length, dim);
        d.logits = std::max(d.logits, maxAbsDiff(scores.logits, goldenValues(set, stem + "_similarity.npy")));
        d.softmax = std::max(d.softmax, maxAbsDiff(scores.softmax, goldenValues(set, stem + "_softmax_similarity.npy")));
        d.scores = std::max(d.scores, maxAbsDiff(scores.scores, goldenValues(set, stem + "_scores.npy")));
        d.classProbs = std::max(d.classProbs, maxAbsDiff(scores.classProbs, goldenValues(set, stem + "_class_probs.npy")));
    }
    std::printf("       %s on %s: features max |diff| %.3g (1 - cosine <= %.2g), logits %.3g, softmax %.3g, scores %.3g, "
                "p(c) %.3g\n",
                set.folder, session.deviceDescription().c_str(), d.features, 1 - d.cosine, d.logits, d.softmax, d.scores,
                d.classProbs);
    return d;
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
        InferenceSession session(model, {testDevice().device});
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
        InferenceSession session(model, {testDevice().device});
        std::printf("       %s on %s\n", set.folder, session.deviceDescription().c_str());
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
    SessionOptions one{testDevice().device};
    one.sequencesPerChunk = 64;
    SessionOptions chunked{testDevice().device};
    chunked.sequencesPerChunk = 1;
    const VideoScores a = InferenceSession(model, one).scoreFeatures(values.data(), features.shape[0], features.shape[1]);
    const VideoScores b = InferenceSession(model, chunked).scoreFeatures(values.data(), features.shape[0], features.shape[1]);
    VIGIL_CHECK(maxAbsDiff(a.scores, b.scores) < 1e-6);
}

VIGIL_TEST(cudaFp32EqualsThisMachinesCpuWithin1e4)
{
    requireCuda("the CPU against CUDA comparison");
    for (const GoldenSet& set : kSets) {
        const auto model = loadSet(set, false);
        const InferenceSession cpu(model, {ComputeDevice::Cpu}), cuda(model, {ComputeDevice::Cuda});
        const NpyArray frames = readNpy(sharedPath(std::string(set.folder) + "/frames_preprocessed.npy"));
        const std::vector<float> pixels = frames.toFloat();
        const double features =
            maxAbsDiff(cpu.encodeImages(pixels.data(), frames.shape[0]), cuda.encodeImages(pixels.data(), frames.shape[0]));
        double scores = 0, classProbs = 0;
        for (const int length : videoLengths(set.folder)) {
            const std::vector<float> input = goldenValues(set, "video" + std::to_string(length) + "_features.npy");
            const VideoScores a = cpu.scoreFeatures(input.data(), length, model->config().embedDim);
            const VideoScores b = cuda.scoreFeatures(input.data(), length, model->config().embedDim);
            scores = std::max(scores, maxAbsDiff(a.scores, b.scores));
            classProbs = std::max(classProbs, maxAbsDiff(a.classProbs, b.classProbs));
        }
        std::printf("       %s: cuda fp32 vs cpu: features %.3g, scores %.3g, p(c) %.3g\n", set.folder, features, scores,
                    classProbs);
        VIGIL_CHECK(features <= kTolerance);
        VIGIL_CHECK(scores <= kTolerance);
        VIGIL_CHECK(classProbs <= kTolerance);
    }
}

// fp16 on CUDA: the image encoder and the temporal model in half precision (layer norms in
// fp32), the selector in fp32, so its logits and softmax keep the fp32 tolerance.
VIGIL_TEST(fp16FeaturesScoresAndProbabilitiesWithinTheStatedTolerances)
{
    requireCuda("fp16 inference");
    for (const GoldenSet& set : kSets) {
        SessionOptions options{ComputeDevice::Cuda};
        options.precision = Precision::Float16;
        const Deviation d = deviationFromGolden(set, InferenceSession(loadSet(set, false), options));
        VIGIL_CHECK(d.features <= kFp16FeatureTolerance);
        VIGIL_CHECK(d.cosine >= kFp16CosineFloor);
        VIGIL_CHECK(d.logits <= kTolerance);
        VIGIL_CHECK(d.softmax <= kTolerance);
        VIGIL_CHECK(d.scores <= kFp16ScoreTolerance);
        VIGIL_CHECK(d.classProbs <= kFp16ScoreTolerance);
    }
}

// Where the fp16 tolerances come from, on any machine: every weight of the two fp16
// modules (image encoder, temporal model) rounded to fp16 and run in fp32 on the CPU. fp16
// on CUDA also rounds each layer's activations (products accumulate in fp32), an error of
// the same unit roundoff per layer, and its score leaves a half-precision sigmoid (spacing
// 4.9e-4 near 1). The tolerances must hold at least four times this rounding's error.
VIGIL_TEST(fp16RoundingOfTheWeightsStaysWellInsideTheFp16Tolerances)
{
    for (const GoldenSet& set : kSets) {
        const auto model = loadSet(set, false);
        {
            torch::NoGradGuard noGrad;
            AnomalyClipNet net = model->impl().net; // the holder, to this test's own model
            for (torch::Tensor p : net->image_encoder->parameters())
                p.copy_(p.to(torch::kHalf).to(torch::kFloat32));
            for (torch::Tensor p : net->temporal_model->parameters())
                p.copy_(p.to(torch::kHalf).to(torch::kFloat32));
            net->temporal_model->prepareInference(); // the CPU's Winograd filters of the rounded weights
        }
        const Deviation d = deviationFromGolden(set, InferenceSession(model, {ComputeDevice::Cpu}));
        VIGIL_CHECK(d.features > 0); // the rounding did change the weights
        VIGIL_CHECK(d.features * 4 <= kFp16FeatureTolerance);
        VIGIL_CHECK(1 - d.cosine <= (1 - kFp16CosineFloor) / 4);
        VIGIL_CHECK(d.scores * 4 <= kFp16ScoreTolerance);
        VIGIL_CHECK(d.classProbs * 4 <= kFp16ScoreTolerance);
        VIGIL_CHECK(d.logits <= kTolerance); // the selector is left fp32
    }
}

VIGIL_TEST_MAIN()
