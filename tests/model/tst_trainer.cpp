// Fine-tuning with the Trainer on the golden UCF-Crime model: it learns a class signal the
// model has never seen, a run is deterministic for a seed, a cancelled epoch leaves
// nothing behind, a resumed run goes on exactly as an unbroken one, the export reads back
// with identical tensors, and bad data is refused before any step.
#include "ModelTest.h"
#include "SyntheticTraining.h"

#include "model/Error.h"
#include "model/Metrics.h"
#include "model/nn/CheckpointReader.h"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

using namespace vigil;
using namespace vigil::test;

namespace {

std::shared_ptr<const AnomalyClipModel> baseModel()
{
    static const auto model = [] {
        ModelLoadOptions options;
        options.checkpointPath = sharedPath("golden/ucf/last.ckpt");
        options.centroidPath = sharedPath("golden/ucf/ncentroid.pt");
        options.keepTextEncoder = true;
        return AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    }();
    return model;
}

// Small batches keep a step near a second on two cores; the objective is the paper's.
TrainingOptions fastOptions()
{
    TrainingOptions o;
    o.epochs = 6;
    o.warmupEpochs = 0;
    o.learningRate = 1e-3;
    o.batchSize = 8;
    o.seed = 7;
    o.threads = 2;
    return o;
}

std::string temporaryPath(const std::string& name)
{
    return (std::filesystem::temp_directory_path() / ("vigil-tst_trainer-" + std::to_string(::getpid()) + "-" + name)).string();
}

bool sameLosses(const EpochReport& a, const EpochReport& b)
{
    return a.loss.total == b.loss.total && a.loss.dirAbnormal == b.loss.dirAbnormal && a.loss.topkNormal == b.loss.topkNormal &&
           a.loss.smooth == b.loss.smooth && (a.validationAuc == b.validationAuc ||
                                              (std::isnan(a.validationAuc) && std::isnan(b.validationAuc)));
}

} // namespace

VIGIL_TEST(segmentsAreSampledAsTheContractSays)
{
    std::mt19937_64 rng(3);
    for (const int64_t frames : {100, 512, 600, 5000}) {
        const int64_t dist = (std::max<int64_t>(frames, 512) - 16 + 1) / 32;
        for (int draw = 0; draw < 50; ++draw) {
            const std::vector<int64_t> starts = sampleSegmentStarts(frames, 32, 16, rng);
            VIGIL_CHECK_EQ(starts.size(), size_t(32));
            for (int64_t i = 0; i < 32; ++i)
                VIGIL_CHECK(starts[size_t(i)] >= i * dist && starts[size_t(i)] <= i * dist + dist - 15);
        }
    }
}

VIGIL_TEST(learnsAClassSignalTheModelDoesNotKnow)
{
    SyntheticSpec spec;
    Trainer trainer(baseModel(), syntheticVideos(spec, "train-"), [&] {
        SyntheticSpec validation = spec;
        validation.normalVideos = validation.abnormalVideos = 4;
        validation.seed = spec.seed; // same signal direction, other videos
        std::vector<TrainingVideo> v = syntheticVideos(validation, "val-");
        return v;
    }(), fastOptions());
    const auto [startAuc, startAp] = trainer.evaluateValidation();
    std::printf("       before: validation AUC %.4f AP %.4f\n", startAuc, startAp);
    double lastAuc = 0;
    while (!trainer.finished()) {
        const EpochReport r = trainer.runEpoch();
        std::printf("       epoch %d/%d: %d steps, loss %.4f (dir_abn %.3f topk_abn %.3f topk_nor %.3f), lr %.2g, "
                    "val AUC %.4f AP %.4f%s, %.1f s\n",
                    r.epoch, r.epochs, r.steps, r.loss.total, r.loss.dirAbnormal, r.loss.topkAbnormal, r.loss.topkNormal,
                    r.learningRate, r.validationAuc, r.validationAp, r.best ? " (best)" : "", r.seconds);
        lastAuc = r.validationAuc;
    }
    VIGIL_CHECK(startAuc < 0.75);
    VIGIL_CHECK(trainer.history()[size_t(trainer.bestEpoch() - 1)].validationAuc >= 0.9);
    VIGIL_CHECK(lastAuc > startAuc + 0.2);
}

VIGIL_TEST(aSeedGivesTheSameRun)
{
    SyntheticSpec spec;
    spec.normalVideos = spec.abnormalVideos = 6;
    TrainingOptions options = fastOptions();
    options.epochs = 2;
    Trainer a(baseModel(), syntheticVideos(spec, ""), {}, options);
    Trainer b(baseModel(), syntheticVideos(spec, ""), {}, options);
    VIGIL_CHECK(a.validationNames() == b.validationNames());
    VIGIL_CHECK(!a.validationNames().empty());
    for (int e = 0; e < 2; ++e)
        VIGIL_CHECK(sameLosses(a.runEpoch(), b.runEpoch()));
    options.seed = 8;
    Trainer c(baseModel(), syntheticVideos(spec, ""), {}, options);
    VIGIL_CHECK(c.runEpoch().loss.total != a.history()[0].loss.total);
}

VIGIL_TEST(aCancelledEpochIsUndoneAndAResumedRunGoesOnExactly)
{
    SyntheticSpec spec;
    spec.normalVideos = spec.abnormalVideos = 6;
    TrainingOptions options = fastOptions();
    options.epochs = 3;
    Trainer straight(baseModel(), syntheticVideos(spec, ""), {}, options);
    const EpochReport first = straight.runEpoch();
    const std::string state = temporaryPath("state.pt");
    straight.saveState(state);
    const EpochReport second = straight.runEpoch();

    Trainer broken(baseModel(), syntheticVideos(spec, ""), {}, options);
    VIGIL_CHECK(sameLosses(broken.runEpoch(), first));
    int calls = 0;
    VIGIL_CHECK_THROWS(broken.runEpoch([&](int step, int) { return ++calls, step < 1; }), "cancelled");
    VIGIL_CHECK_EQ(calls, 1);
    VIGIL_CHECK_EQ(broken.epochsDone(), 1);
    VIGIL_CHECK(sameLosses(broken.runEpoch(), second)); // as if the cancelled epoch never ran

    Trainer resumed(baseModel(), syntheticVideos(spec, ""), {}, options);
    resumed.loadState(state);
    VIGIL_CHECK_EQ(resumed.epochsDone(), 1);
    VIGIL_CHECK_EQ(resumed.history().size(), size_t(1));
    VIGIL_CHECK(sameLosses(resumed.runEpoch(), second));
    std::filesystem::remove(state);

    SyntheticSpec other = spec;
    other.normalVideos = 5;
    Trainer stranger(baseModel(), syntheticVideos(other, ""), {}, options);
    straight.saveState(state);
    VIGIL_CHECK_THROWS(stranger.loadState(state), "other training videos");
    std::filesystem::remove(state);
}

VIGIL_TEST(theExportReadsBackWithIdenticalTensorsAndScoresAsValidated)
{
    SyntheticSpec spec;
    spec.normalVideos = spec.abnormalVideos = 6;
    TrainingOptions options = fastOptions();
    options.epochs = 2;
    Trainer trainer(baseModel(), syntheticVideos(spec, ""), syntheticVideos([&] {
                        SyntheticSpec v = spec;
                        v.normalVideos = v.abnormalVideos = 2;
                        return v;
                    }(), "val-"),
                    options);
    while (!trainer.finished())
        trainer.runEpoch();
    const std::string checkpoint = temporaryPath("export.ckpt"), centroid = temporaryPath("ncentroid.pt");
    trainer.exportBest(checkpoint, centroid);
    const std::map<std::string, torch::Tensor> written = CheckpointReader(checkpoint).stateDict();
    const std::map<std::string, torch::Tensor> original = CheckpointReader(sharedPath("golden/ucf/last.ckpt")).stateDict();
    // Every key of the published layout is there; the image encoder is the base model's.
    for (const auto& [name, tensor] : original) {
        const auto it = written.find(name);
        VIGIL_CHECK(it != written.end());
        VIGIL_CHECK(it->second.sizes() == tensor.sizes());
        if (name.rfind("net.image_encoder.", 0) == 0 || name.rfind("net.text_encoder.transformer.", 0) == 0 ||
            name == "net.token_embedding.weight")
            VIGIL_CHECK(torch::equal(it->second, tensor));
    }
    VIGIL_CHECK(!torch::equal(written.at("net.temporal_model.projection.weight"), original.at("net.temporal_model.projection.weight")));
    // Loaded as a model, it scores the validation videos as the trainer validated them.
    ModelLoadOptions load;
    load.checkpointPath = checkpoint;
    load.centroidPath = centroid;
    const auto exported = AnomalyClipModel::load(load, LabelSet::resolve("ucf"));
    VIGIL_CHECK(exported->imageEncoderFingerprint() == baseModel()->imageEncoderFingerprint());
    const InferenceSession session(exported, {ComputeDevice::Cpu});
    SyntheticSpec v = spec;
    v.normalVideos = v.abnormalVideos = 2;
    std::vector<float> scores;
    std::vector<uint8_t> positive;
    for (const TrainingVideo& video : syntheticVideos(v, "val-")) {
        const VideoScores s = session.scoreFeatures(video.features.data(), video.frames, video.dim);
        scores.insert(scores.end(), s.scores.begin(), s.scores.end());
        for (const int label : video.frameLabels)
            positive.push_back(label != 7);
    }
    const double auc = binaryCurve(scores.data(), positive.data(), int64_t(scores.size())).rocAuc();
    const double expected = trainer.history()[size_t(trainer.bestEpoch() - 1)].validationAuc;
    std::printf("       exported model: validation AUC %.6f, the trainer's %.6f\n", auc, expected);
    VIGIL_CHECK(std::fabs(auc - expected) < 1e-6);
    std::filesystem::remove(checkpoint);
    std::filesystem::remove(centroid);
}

VIGIL_TEST(frameSupervisionAddsItsTermOnlyWhenAsked)
{
    SyntheticSpec spec;
    spec.normalVideos = spec.abnormalVideos = 4;
    TrainingOptions options = fastOptions();
    options.epochs = 1;
    options.validationFraction = 0;
    VIGIL_CHECK_EQ(Trainer(baseModel(), syntheticVideos(spec, ""), {}, options).runEpoch().loss.frame, 0.0);
    options.frameSupervision = 1.0;
    const EpochReport r = Trainer(baseModel(), syntheticVideos(spec, ""), {}, options).runEpoch();
    VIGIL_CHECK(r.loss.frame > 0);
    VIGIL_CHECK(std::isnan(r.validationAuc)); // no validation: the last epoch is kept
    VIGIL_CHECK(r.best);
}

VIGIL_TEST(badDataIsRefusedBeforeAnyStep)
{
    SyntheticSpec spec;
    spec.normalVideos = spec.abnormalVideos = 3;
    const TrainingOptions options = fastOptions();
    std::vector<TrainingVideo> videos = syntheticVideos(spec, "");
    std::vector<TrainingVideo> abnormalOnly(videos.begin(), videos.begin() + 3);
    VIGIL_CHECK_THROWS(Trainer(baseModel(), abnormalOnly, {}, options), "no normal training video");
    std::vector<TrainingVideo> normalOnly(videos.begin() + 3, videos.end());
    VIGIL_CHECK_THROWS(Trainer(baseModel(), normalOnly, {}, options), "no abnormal training video");
    std::vector<TrainingVideo> narrow = videos;
    narrow[4].dim = 64;
    narrow[4].features.resize(size_t(narrow[4].frames * 64));
    VIGIL_CHECK_THROWS(Trainer(baseModel(), narrow, {}, options), "normal4: features of width 64, the model's are 128");
    std::vector<TrainingVideo> lonely = videos;
    lonely[0].label = 5; // the only Explosion video
    VIGIL_CHECK_THROWS(Trainer(baseModel(), lonely, {}, options), "class 'Explosion' has 1 training video(s), 2 needed");
    const TrainingDataSummary summary = Trainer::checkData(*baseModel(), lonely, {}, options);
    VIGIL_CHECK_EQ(summary.trainVideos[5], 1);
    VIGIL_CHECK_EQ(summary.problems.size(), size_t(1));
    ModelLoadOptions released;
    released.checkpointPath = sharedPath("golden/ucf/last.ckpt");
    released.centroidPath = sharedPath("golden/ucf/ncentroid.pt");
    VIGIL_CHECK_THROWS(Trainer(AnomalyClipModel::load(released, LabelSet::resolve("ucf")), videos, {}, options),
                       "without its text encoder");
}

VIGIL_TEST_MAIN()
