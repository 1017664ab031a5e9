// Classes the checkpoint lacks (issue 8): an added class takes its sorted place with the
// prompt CLIP's tokenizer gives it, leaves the old classes' outputs as they were (on the
// plain and the concat_features head), is learned from data carrying its signal, and
// exports as a checkpoint the loader reads back with a labels file naming it.
#include "ModelTest.h"
#include "SyntheticTraining.h"

#include "model/ClipTokenizer.h"
#include "model/Error.h"
#include "model/InferenceSession.h"
#include "model/NewClasses.h"
#include "model/nn/AnomalyClipModelImpl.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace vigil;
using namespace vigil::test;

namespace {

const std::string kVocabulary = sharedPath("clip/bpe_simple_vocab_16e6.txt.gz");

std::shared_ptr<const AnomalyClipModel> goldenModel(const std::string& set, const std::string& labels)
{
    ModelLoadOptions options;
    options.checkpointPath = sharedPath("golden/" + set + "/last.ckpt");
    options.centroidPath = sharedPath("golden/" + set + "/ncentroid.pt");
    options.vocabularyPath = kVocabulary;
    options.keepTextEncoder = true;
    return AnomalyClipModel::load(options, LabelSet::resolve(labels));
}

float maxDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    VIGIL_CHECK_EQ(a.size(), b.size());
    float worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

VideoScores score(const std::shared_ptr<const AnomalyClipModel>& model, const std::string& featuresFile)
{
    const NpyArray features = readNpy(sharedPath(featuresFile));
    const std::vector<float> values = features.toFloat();
    SessionOptions options;
    options.device = ComputeDevice::Cpu;
    options.threads = 2;
    return InferenceSession(model, options).scoreFeatures(values.data(), features.shape[0], features.shape.back());
}

/// Logit columns of the old classes, in the new model's column order without `skip`.
std::vector<float> withoutColumn(const std::vector<float>& rows, int columns, int skip)
{
    std::vector<float> kept;
    for (size_t i = 0; i < rows.size(); ++i)
        if (int(i % size_t(columns)) != skip)
            kept.push_back(rows[i]);
    return kept;
}

std::string temporaryPath(const std::string& name)
{
    return (std::filesystem::temp_directory_path() / ("vigil-tst_newclasses-" + std::to_string(::getpid()) + "-" + name))
        .string();
}

} // namespace

VIGIL_TEST(anAddedClassTakesItsSortedPlaceAndLeavesTheOldOnesAsTheyWere)
{
    const auto base = goldenModel("ucf", "ucf");
    const auto model = withNewClasses(*base, {"Loitering"}, kVocabulary);
    const LabelSet& labels = model->labels();
    VIGIL_CHECK_EQ(labels.size(), 15);
    VIGIL_CHECK_EQ(labels.modelOrderNames()[7], std::string("Loitering")); // between Fighting and Normal
    VIGIL_CHECK_EQ(labels.normalId(), 8);
    VIGIL_CHECK_EQ(labels.fileOrderNames().back(), std::string("Loitering"));
    VIGIL_CHECK_EQ(model->config().classes, 15);
    VIGIL_CHECK(model->imageEncoderFingerprint() == base->imageEncoderFingerprint());

    // Its prompt is the tokenizer's, and its suffix the token embeddings of those ids.
    const ClipTokenizer tokenizer = ClipTokenizer::fromFile(kVocabulary);
    const std::vector<int64_t> ids = tokenizer.tokenize("X X X X X X X X Loitering.");
    VIGIL_CHECK(model->promptTokens()[7] == ids);
    const AnomalyClipNetImpl& net = *model->impl().net;
    const int64_t start = 1 + model->config().contextTokens;
    const torch::Tensor expected =
        net.token_embedding.index_select(0, torch::tensor(std::vector<int64_t>(ids.begin() + start, ids.end())));
    VIGIL_CHECK(torch::equal(net.prompt_learner->token_suffix[7], expected));
    const int64_t end = int64_t(std::max_element(ids.begin(), ids.end()) - ids.begin());
    VIGIL_CHECK_EQ(model->impl().endPositions[7].item<int64_t>(), end);
    // Its context starts as the mean of the learned ones.
    const torch::Tensor& baseCtx = base->impl().net->prompt_learner->ctx;
    VIGIL_CHECK(torch::allclose(net.prompt_learner->ctx[7], baseCtx.mean(0), 0, 1e-6));

    // The old classes' directions, and their rows of the checkpoint, are the base's.
    const std::vector<float> oldText = base->textFeatures(), newText = model->textFeatures();
    const int64_t d = model->config().embedDim;
    std::vector<float> kept;
    for (int c = 0; c < 15; ++c)
        if (c != 7)
            kept.insert(kept.end(), newText.begin() + c * d, newText.begin() + (c + 1) * d);
    VIGIL_CHECK(maxDifference(kept, oldText) < 1e-6f);

    // Scoring: the same anomaly score and the same batch-normed logits for the old classes.
    const VideoScores before = score(base, "golden/ucf/video1537_features.npy");
    const VideoScores after = score(model, "golden/ucf/video1537_features.npy");
    VIGIL_CHECK_EQ(after.classes, 15);
    VIGIL_CHECK(maxDifference(after.scores, before.scores) < 1e-6f);
    VIGIL_CHECK(maxDifference(withoutColumn(after.logits, 14, 7), before.logits) < 1e-5f);
    for (int64_t t = 0; t < after.frames; t += 97) {
        double sum = 0;
        for (int c = 0; c < 15; ++c)
            sum += after.classProbs[size_t(t * 15 + c)];
        VIGIL_CHECK(std::abs(sum - 1) < 1e-5);
    }
}

VIGIL_TEST(aConcatFeaturesHeadGetsAZeroInputForTheNewClass)
{
    // ShanghaiTech's head reads the logits too: two new classes, one before and one after
    // normal, must leave its anomaly score exactly as it was.
    const auto base = goldenModel("sht-small", "sht");
    VIGIL_CHECK(base->config().concatFeatures);
    const auto model = withNewClasses(*base, {"loitering", "wrong way"}, kVocabulary);
    VIGIL_CHECK_EQ(model->labels().size(), 20);
    const std::vector<std::string>& names = model->labels().modelOrderNames();
    const int loitering = int(std::find(names.begin(), names.end(), "loitering") - names.begin());
    const int wrongWay = int(std::find(names.begin(), names.end(), "wrong way") - names.begin());
    VIGIL_CHECK(loitering < model->labels().normalId() && wrongWay > model->labels().normalId());
    const VideoScores before = score(base, "golden/sht-small/video777_features.npy");
    const VideoScores after = score(model, "golden/sht-small/video777_features.npy");
    VIGIL_CHECK(maxDifference(after.scores, before.scores) < 1e-6f);
    std::vector<float> old = withoutColumn(after.logits, 19, wrongWay - 1); // logit columns skip normal
    old = withoutColumn(old, 18, loitering);
    VIGIL_CHECK(maxDifference(old, before.logits) < 1e-5f);
}

VIGIL_TEST(namesThatCannotBeAddedAreRefused)
{
    const auto base = goldenModel("ucf", "ucf");
    VIGIL_CHECK_THROWS(withNewClasses(*base, {"fighting"}, kVocabulary), "already one of the model's classes ('Fighting')");
    VIGIL_CHECK_THROWS(withNewClasses(*base, {"  "}, kVocabulary), "without a name");
    VIGIL_CHECK_THROWS((withNewClasses(*base, {"Loitering", "loitering"}, kVocabulary)), "already one of the model's");
    VIGIL_CHECK_THROWS(withNewClasses(*base, {"a \"b\""}, kVocabulary), "quotes and line breaks");
    VIGIL_CHECK_THROWS(withNewClasses(*base, {"Loitering"}, ""), "vocabulary");
    std::string longName;
    for (int i = 0; i < 80; ++i)
        longName += "w" + std::to_string(i) + " ";
    VIGIL_CHECK_THROWS(withNewClasses(*base, {longName}, kVocabulary), "too long for context length 77");
    ModelLoadOptions options;
    options.checkpointPath = sharedPath("golden/ucf/last.ckpt");
    options.centroidPath = sharedPath("golden/ucf/ncentroid.pt");
    const auto released = AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    VIGIL_CHECK_THROWS(withNewClasses(*released, {"Loitering"}, kVocabulary), "without its text encoder");
}

VIGIL_TEST(aNewClassIsLearnedAndExportsWithItsPrompt)
{
    const auto base = goldenModel("ucf", "ucf");
    const auto model = withNewClasses(*base, {"Loitering"}, kVocabulary);
    SyntheticSpec spec;
    spec.abnormalClass = 7; // Loitering
    spec.normalId = 8;
    spec.normalVideos = spec.abnormalVideos = 8;
    SyntheticSpec validationSpec = spec;
    validationSpec.normalVideos = validationSpec.abnormalVideos = 4;
    validationSpec.seed = spec.seed; // same signal direction, other videos
    std::vector<TrainingVideo> validation = syntheticVideos(validationSpec, "val-");
    TrainingOptions options;
    options.epochs = 5;
    options.warmupEpochs = 0;
    options.learningRate = 1e-3;
    options.batchSize = 8;
    options.seed = 7;
    options.threads = 2;
    Trainer trainer(model, syntheticVideos(spec, "train-"), validation, options);
    const double startAuc = trainer.evaluateValidation().first;
    while (!trainer.finished()) {
        const EpochReport r = trainer.runEpoch();
        std::printf("       epoch %d/%d: loss %.4f (dir_abn %.3f topk_abn %.3f), val AUC %.4f%s\n", r.epoch, r.epochs,
                    r.loss.total, r.loss.dirAbnormal, r.loss.topkAbnormal, r.validationAuc, r.best ? " (best)" : "");
    }
    const double bestAuc = trainer.history()[size_t(trainer.bestEpoch() - 1)].validationAuc;
    std::printf("       validation AUC %.4f -> %.4f\n", startAuc, bestAuc);
    VIGIL_CHECK(bestAuc >= 0.9 && bestAuc > startAuc + 0.2);

    const std::string checkpoint = temporaryPath("new.ckpt"), centroid = temporaryPath("new.pt"),
                      labelsFile = temporaryPath("classes.csv");
    trainer.exportBest(checkpoint, centroid);
    {
        std::ofstream out(labelsFile);
        out << "id,name\n";
        const std::vector<std::string>& names = model->labels().fileOrderNames();
        for (size_t i = 0; i < names.size(); ++i)
            out << i << ',' << names[i] << '\n';
    }
    ModelLoadOptions load;
    load.checkpointPath = checkpoint;
    load.centroidPath = centroid;
    load.vocabularyPath = kVocabulary;
    const auto trained = AnomalyClipModel::load(load, LabelSet::resolve(labelsFile));
    // The loader checks every class's suffix against the tokenizer: no warning means the
    // new class's prompt is stored as the authors' code would have made it.
    VIGIL_CHECK(trained->warnings().empty());
    VIGIL_CHECK_EQ(trained->labels().modelOrderNames()[7], std::string("Loitering"));
    VIGIL_CHECK(trained->textFeatures() != model->textFeatures()); // its direction was trained

    // On the validation videos' event frames the trained model names the new class; the
    // untrained one (a context of the mean of the others') does not.
    auto named = [&](const std::shared_ptr<const AnomalyClipModel>& m) {
        SessionOptions session;
        session.device = ComputeDevice::Cpu;
        session.threads = 2;
        const InferenceSession run(m, session);
        int64_t eventFrames = 0, count = 0;
        for (const TrainingVideo& v : validation) {
            if (v.label != 7)
                continue;
            const VideoScores s = run.scoreFeatures(v.features.data(), v.frames, v.dim);
            for (int64_t t = 0; t < v.frames; ++t) {
                if (v.frameLabels[size_t(t)] != 7)
                    continue;
                ++eventFrames;
                const float* row = s.softmax.data() + t * 14;
                count += std::max_element(row, row + 14) - row == 7;
            }
        }
        VIGIL_CHECK(eventFrames > 0);
        return double(count) / double(eventFrames);
    };
    const double before = named(model), after = named(trained);
    std::printf("       event frames whose top abnormal class is Loitering: %.3f before, %.3f after\n", before, after);
    VIGIL_CHECK(before < 0.5 && after > 0.9);
    for (const std::string& path : {checkpoint, centroid, labelsFile})
        std::filesystem::remove(path);
}

VIGIL_TEST_MAIN()
