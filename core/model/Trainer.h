// Fine-tuning an AnomalyCLIP model on cached frame features (anomalyclip-model.md section
// 6): MIL batches of sampled segments, AdamW with warm-up then cosine decay, validation
// AUC and AP each epoch, the best epoch kept, export as a Lightning-style checkpoint with
// its centroid, and a state file to resume from. LibTorch stays behind this header.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/InferenceSession.h"

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace vigil {

/// One video's cached features and labels. Plain value; any thread.
struct TrainingVideo {
    std::string name;
    int label = 0; // model-order class of the whole video (the weak label); normal_id for normal videos
    int64_t frames = 0, dim = 0;
    std::vector<float> features;  // [frames, dim] CLIP frame features
    std::vector<int> frameLabels; // [frames] model-order class per frame, -1 unknown; empty: none
};

/// Plain value. Defaults are the paper's, but for the learning rate: its value depends on
/// the dataset (1e-5 UCF-Crime, 5e-6 XD-Violence, 5e-4 ShanghaiTech; paperLearningRate()).
struct TrainingOptions {
    int epochs = 50;
    int warmupEpochs = 5;          // lr grows linearly from 0 over these epochs (the first runs at 0, as the reference)
    double learningRate = 1e-5;
    double weightDecay = 0.2;
    int batchSize = 64;            // bags per step: half abnormal, half normal
    double segmentDropout = 0.7;   // select_idx_dropout: a segment is kept with probability 0.3
    double frameSupervision = 0;   // weight of the frame-level term on labelled frames; 0 is the paper's objective
    bool recomputeCentroid = true; // mean feature of the normal training videos, else the model's own
    double validationFraction = 0.2; // of each class's videos, held out when no validation set is given
    int minVideosPerClass = 2;     // an abnormal class with fewer training videos is refused
    uint64_t seed = 0;
    ComputeDevice device = ComputeDevice::Cpu;
    int threads = 0; // CPU threads; 0: one per core
};

/// The paper's learning rate for a class list: "ucf", "xd", "sht"; 1e-5 otherwise.
double paperLearningRate(const std::string& labelsSpec);

/// Section 6: the first frame of each of `segments` segments of `length` consecutive
/// frames drawn from a video of `frames` frames: segment i starts at i * dist + r, r
/// uniform in [0, dist - length], dist = (max(frames, segments * length) - length + 1) /
/// segments. Frame indices past the end wrap modulo `frames`.
std::vector<int64_t> sampleSegmentStarts(int64_t frames, int segments, int length, std::mt19937_64& rng);

/// Loss terms, means over an epoch's steps (or one step's values). Plain value.
struct LossTerms {
    double total = 0, dirAbnormal = 0, dirNormal = 0, topkAbnormal = 0, bottomkAbnormal = 0, topkNormal = 0, smooth = 0,
           sparse = 0, frame = 0;
};

/// Plain value.
struct EpochReport {
    int epoch = 0; // 1-based
    int epochs = 0;
    int steps = 0;
    LossTerms loss;
    double learningRate = 0;
    double validationAuc = 0, validationAp = 0; // NaN without a validation set holding both kinds of frame
    bool best = false;                          // the best epoch so far (validation AUC; the last without validation)
    double seconds = 0;
};

/// What the data holds, per model-order class. Plain value.
struct TrainingDataSummary {
    std::vector<int> trainVideos, validationVideos; // per class
    std::vector<int64_t> trainFrames;               // per class: frames of videos of that class
    std::vector<int64_t> labelledFrames;            // per class: frames an analyst labelled with it
    double imbalance = 0; // largest / smallest number of training videos among the abnormal classes present
    std::vector<std::string> problems; // each a reason the run cannot start
    std::vector<std::string> warnings; // things to know (imbalance above 3x, no validation set...)
};

/// Reports steps done in the epoch; returns false to cancel.
using StepCallback = std::function<bool(int step, int steps)>;

/// Create, run and destroy on one worker thread.
class Trainer {
public:
    /// `base` must be loaded with ModelLoadOptions::keepTextEncoder. With no `validation`
    /// videos, options.validationFraction of each class's videos is held out (seeded).
    /// Throws vigil::Error listing the problems (checkData) before any step runs.
    Trainer(std::shared_ptr<const AnomalyClipModel> base, std::vector<TrainingVideo> train,
            std::vector<TrainingVideo> validation, const TrainingOptions& options);
    ~Trainer();

    /// The split and the problems that would stop a run, without running it.
    static TrainingDataSummary checkData(const AnomalyClipModel& base, const std::vector<TrainingVideo>& train,
                                         const std::vector<TrainingVideo>& validation, const TrainingOptions& options);
    const TrainingDataSummary& summary() const;
    const TrainingOptions& options() const;
    /// Names of the videos trained on and validated on, after the split.
    std::vector<std::string> trainNames() const;
    std::vector<std::string> validationNames() const;

    int epochsDone() const;
    bool finished() const { return epochsDone() >= options().epochs; }
    /// One epoch, then validation. A cancelled epoch (callback false) is undone: the state
    /// is back at the end of the previous epoch, and vigil::Cancelled is thrown.
    EpochReport runEpoch(const StepCallback& progress = {});
    const std::vector<EpochReport>& history() const;
    /// Validation AUC and AP of the weights as they are now (NaN without validation frames
    /// of both kinds): before the first epoch, the starting point.
    std::pair<double, double> evaluateValidation();
    int bestEpoch() const; // 1-based; 0 before the first epoch

    /// The best epoch's model: a checkpoint with `state_dict` of `net.` keys (the layout of
    /// the authors' Lightning checkpoints, the image encoder taken from the base model) and
    /// the normal centroid as a bare tensor. Atomic writes; throws vigil::Error.
    void exportBest(const std::string& checkpointPath, const std::string& centroidPath) const;

    /// Everything needed to go on after a stop (weights, optimiser, random state, history),
    /// in one file written atomically; loadState() of a trainer made with the same data
    /// continues from there. Throws vigil::Error naming the file.
    void saveState(const std::string& path) const;
    void loadState(const std::string& path);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace vigil
