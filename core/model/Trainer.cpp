// Fine-tuning. Sampling and dropout draw from one seeded std::mt19937_64 (not LibTorch's
// generator), so a run is the same on any device and resumes exactly from its state file.
#include "model/Trainer.h"

#include "model/Error.h"
#include "model/Metrics.h"
#include "model/NpyArray.h"
#include "model/nn/AnomalyClipModelImpl.h"
#include "model/nn/CheckpointWriter.h"
#include "model/nn/MilObjective.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>

namespace vigil {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;
constexpr int kHistoryFields = 15;

std::string join(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : separator) + part;
    return out;
}

// Which of `train` go to validation: of each class, round(fraction * n) videos (seeded),
// always leaving one to train on.
std::vector<bool> heldOut(const std::vector<TrainingVideo>& train, const TrainingOptions& options, int classes)
{
    std::vector<bool> out(train.size(), false);
    if (options.validationFraction <= 0)
        return out;
    std::mt19937_64 rng(options.seed ^ 0x5EEDULL);
    for (int c = 0; c < classes; ++c) {
        std::vector<size_t> members;
        for (size_t i = 0; i < train.size(); ++i)
            if (train[i].label == c)
                members.push_back(i);
        std::shuffle(members.begin(), members.end(), rng);
        const size_t count = std::min(members.empty() ? 0 : members.size() - 1,
                                      size_t(std::lround(options.validationFraction * double(members.size()))));
        for (size_t k = 0; k < count; ++k)
            out[members[k]] = true;
    }
    return out;
}

// Labels for validation: the frame labels where known, else the video's own class.
std::vector<int> evaluationLabels(const TrainingVideo& video)
{
    std::vector<int> labels(size_t(video.frames), video.label);
    for (size_t t = 0; t < video.frameLabels.size() && t < labels.size(); ++t)
        if (video.frameLabels[t] >= 0)
            labels[t] = video.frameLabels[t];
    return labels;
}

double learningRateAt(const TrainingOptions& o, int epoch)
{
    // The reference's WarmupCosineAnnealingLR, stepped once per epoch (0-based here).
    if (epoch < o.warmupEpochs)
        return o.learningRate * double(epoch) / double(o.warmupEpochs);
    const int span = std::max(1, o.epochs - o.warmupEpochs);
    const double progress = std::min(1.0, double(epoch - o.warmupEpochs) / double(span));
    return o.learningRate * (std::cos(kPi * progress) + 1) / 2;
}

} // namespace

std::vector<int64_t> sampleSegmentStarts(int64_t frames, int segments, int length, std::mt19937_64& rng)
{
    const int64_t dist = (std::max(frames, int64_t(segments) * length) - length + 1) / segments;
    std::uniform_int_distribution<int64_t> offset(0, std::max<int64_t>(0, dist - length));
    std::vector<int64_t> starts(static_cast<size_t>(segments));
    for (int i = 0; i < segments; ++i)
        starts[size_t(i)] = i * dist + offset(rng);
    return starts;
}

double paperLearningRate(const std::string& labelsSpec)
{
    if (labelsSpec == "xd")
        return 5e-6;
    if (labelsSpec == "sht")
        return 5e-4;
    return 1e-5;
}

TrainingDataSummary Trainer::checkData(const AnomalyClipModel& base, const std::vector<TrainingVideo>& train,
                                       const std::vector<TrainingVideo>& validation, const TrainingOptions& options)
{
    const ModelConfig& config = base.config();
    const int classes = config.classes, normalId = base.labels().normalId();
    const std::vector<std::string>& names = base.labels().modelOrderNames();
    TrainingDataSummary s;
    s.trainVideos.assign(size_t(classes), 0);
    s.validationVideos.assign(size_t(classes), 0);
    s.trainFrames.assign(size_t(classes), 0);
    s.labelledFrames.assign(size_t(classes), 0);
    auto checkVideo = [&](const TrainingVideo& v) {
        if (v.label < 0 || v.label >= classes) {
            s.problems.push_back(v.name + ": class " + std::to_string(v.label) + " is not one of the model's " +
                                 std::to_string(classes));
            return false;
        }
        if (v.dim != config.embedDim) {
            s.problems.push_back(v.name + ": features of width " + std::to_string(v.dim) + ", the model's are " +
                                 std::to_string(config.embedDim));
            return false;
        }
        if (v.frames < 1 || int64_t(v.features.size()) != v.frames * v.dim) {
            s.problems.push_back(v.name + ": no frames, or " + std::to_string(v.features.size()) + " values for " +
                                 std::to_string(v.frames) + " frames");
            return false;
        }
        if (!v.frameLabels.empty() && int64_t(v.frameLabels.size()) != v.frames) {
            s.problems.push_back(v.name + ": " + std::to_string(v.frameLabels.size()) + " frame labels for " +
                                 std::to_string(v.frames) + " frames");
            return false;
        }
        for (const int label : v.frameLabels)
            if (label < -1 || label >= classes) {
                s.problems.push_back(v.name + ": frame label " + std::to_string(label) + " out of range");
                return false;
            }
        return true;
    };
    const std::vector<bool> held = validation.empty() ? heldOut(train, options, classes) : std::vector<bool>(train.size());
    for (size_t i = 0; i < train.size(); ++i) {
        const TrainingVideo& v = train[i];
        if (!checkVideo(v))
            continue;
        if (held[i]) {
            s.validationVideos[size_t(v.label)] += 1;
            continue;
        }
        s.trainVideos[size_t(v.label)] += 1;
        s.trainFrames[size_t(v.label)] += v.frames;
        for (const int label : v.frameLabels)
            if (label >= 0)
                s.labelledFrames[size_t(label)] += 1;
    }
    for (const TrainingVideo& v : validation)
        if (checkVideo(v))
            s.validationVideos[size_t(v.label)] += 1;

    int abnormalVideos = 0, smallest = 0, largest = 0;
    for (int c = 0; c < classes; ++c) {
        const int n = s.trainVideos[size_t(c)];
        if (c == normalId || n == 0)
            continue;
        abnormalVideos += n;
        smallest = smallest == 0 ? n : std::min(smallest, n);
        largest = std::max(largest, n);
        if (n < options.minVideosPerClass)
            s.problems.push_back("class '" + names[size_t(c)] + "' has " + std::to_string(n) + " training video(s), " +
                                 std::to_string(options.minVideosPerClass) + " needed to learn it");
    }
    if (abnormalVideos == 0)
        s.problems.push_back("no abnormal training video: the objective needs abnormal and normal videos");
    if (s.trainVideos[size_t(normalId)] == 0)
        s.problems.push_back("no normal training video: the objective needs abnormal and normal videos");
    if (options.batchSize < 2 || options.batchSize % 2 != 0)
        s.problems.push_back("the batch size must be even and at least 2, not " + std::to_string(options.batchSize));
    if (options.epochs < 1)
        s.problems.push_back("at least one epoch is needed");
    s.imbalance = smallest > 0 ? double(largest) / double(smallest) : 0;
    if (s.imbalance > 3) {
        char text[128];
        std::snprintf(text, sizeof text, "the abnormal classes are imbalanced: %.1fx more videos of the largest", s.imbalance);
        s.warnings.push_back(text);
    }
    int validationAbnormal = 0;
    for (int c = 0; c < classes; ++c)
        if (c != normalId)
            validationAbnormal += s.validationVideos[size_t(c)];
    if (validationAbnormal + s.validationVideos[size_t(normalId)] == 0)
        s.warnings.push_back("no validation video: the last epoch is kept, without validation AUC");
    return s;
}

struct Trainer::State {
    std::shared_ptr<const AnomalyClipModel> base;
    TrainingOptions options;
    TrainingDataSummary summary;
    std::vector<TrainingVideo> train, validation;
    std::vector<size_t> abnormal, normal; // indices into train
    int normalId = 0;
    torch::Device device{torch::kCPU};
    AnomalyClipNet net{nullptr};
    torch::Tensor centroid, endPositions; // on the device
    std::unique_ptr<torch::optim::AdamW> optimizer;
    std::mt19937_64 rng;
    int epochsDone = 0;
    std::vector<EpochReport> history;
    int bestEpoch = 0;
    double bestAuc = -1;
    std::map<std::string, torch::Tensor> best; // parameters and buffers of the best epoch, on the CPU

    void keepBest()
    {
        torch::NoGradGuard noGrad;
        best.clear();
        for (const auto& item : net->named_parameters())
            best[item.key()] = item.value().detach().to(torch::kCPU).clone();
        for (const auto& item : net->named_buffers())
            best[item.key()] = item.value().detach().to(torch::kCPU).clone();
    }

    void sampleBag(const TrainingVideo& video, float* features, int64_t* labels)
    {
        const ModelConfig& c = net->config;
        const int64_t l = c.framesPerSegment, d = video.dim;
        const std::vector<int64_t> starts = sampleSegmentStarts(video.frames, c.segments, c.framesPerSegment, rng);
        for (size_t i = 0; i < starts.size(); ++i) {
            for (int64_t j = 0; j < l; ++j) {
                const int64_t frame = (starts[i] + j) % video.frames;
                const int64_t slot = int64_t(i) * l + j;
                std::copy_n(video.features.data() + frame * d, d, features + slot * d);
                labels[slot] = video.frameLabels.empty() ? -1 : video.frameLabels[size_t(frame)];
            }
        }
    }

    // Videos of one kind for an epoch's steps: shuffled passes, as many as needed.
    std::vector<size_t> epochOrder(const std::vector<size_t>& pool, size_t count)
    {
        std::vector<size_t> order;
        while (order.size() < count) {
            std::vector<size_t> pass = pool;
            std::shuffle(pass.begin(), pass.end(), rng);
            order.insert(order.end(), pass.begin(), pass.end());
        }
        order.resize(count);
        return order;
    }

    std::pair<double, double> validate()
    {
        if (validation.empty())
            return {kNaN, kNaN};
        net->eval();
        auto impl = std::make_unique<AnomalyClipModel::Impl>();
        {
            torch::NoGradGuard noGrad;
            impl->config = net->config;
            impl->labels = base->labels();
            impl->net = net;
            impl->centroid = centroid;
            impl->endPositions = endPositions;
            impl->textFeatures = net->textFeatures(endPositions).contiguous();
            net->temporal_model->prepareInference();
        }
        const auto model = AnomalyClipModel::fromImpl(std::move(impl));
        SessionOptions session;
        session.device = device.is_cuda() ? ComputeDevice::Cuda : ComputeDevice::Cpu;
        session.threads = options.threads;
        const InferenceSession inference(model, session);
        std::vector<float> scores;
        std::vector<uint8_t> positive;
        for (const TrainingVideo& v : validation) {
            const VideoScores out = inference.scoreFeatures(v.features.data(), v.frames, v.dim);
            scores.insert(scores.end(), out.scores.begin(), out.scores.end());
            for (const int label : evaluationLabels(v))
                positive.push_back(label != normalId);
        }
        net->train();
        const BinaryCurve curve = binaryCurve(scores.data(), positive.data(), int64_t(scores.size()));
        if (curve.positives == 0 || curve.negatives == 0)
            return {kNaN, kNaN};
        return {curve.rocAuc(), curve.averagePrecision()};
    }

    void save(torch::serialize::OutputArchive& archive) const
    {
        archive.write("epochs_done", torch::tensor(int64_t(epochsDone)));
        archive.write("best_epoch", torch::tensor(int64_t(bestEpoch)));
        archive.write("best_auc", torch::tensor(bestAuc, torch::kDouble));
        archive.write("centroid", centroid.to(torch::kCPU));
        for (const auto& item : net->named_parameters())
            archive.write("param/" + item.key(), item.value().detach().to(torch::kCPU));
        for (const auto& item : net->named_buffers())
            archive.write("buffer/" + item.key(), item.value().to(torch::kCPU), true);
        for (const auto& [name, tensor] : best)
            archive.write("best/" + name, tensor);
        torch::serialize::OutputArchive optimizerArchive;
        optimizer->save(optimizerArchive);
        archive.write("optimizer", optimizerArchive);
        std::ostringstream rngText;
        rngText << rng;
        archive.write("rng", c10::IValue(rngText.str()));
        std::vector<std::string> names;
        for (const TrainingVideo& v : train)
            names.push_back(v.name);
        archive.write("train_names", c10::IValue(join(names, "\n")));
        torch::Tensor rows = torch::zeros({int64_t(history.size()), kHistoryFields}, torch::kDouble);
        for (size_t i = 0; i < history.size(); ++i) {
            const EpochReport& r = history[i];
            const LossTerms& l = r.loss;
            const double fields[kHistoryFields] = {double(r.epoch), double(r.steps), l.total, l.dirAbnormal, l.dirNormal,
                                                   l.topkAbnormal, l.bottomkAbnormal, l.topkNormal, l.smooth, l.sparse,
                                                   l.frame, r.learningRate, r.validationAuc, r.validationAp, r.seconds};
            for (int f = 0; f < kHistoryFields; ++f)
                rows[int64_t(i)][f] = fields[f];
        }
        archive.write("history", rows);
    }

    void load(torch::serialize::InputArchive& archive, const std::string& what)
    {
        c10::IValue names;
        archive.read("train_names", names);
        std::vector<std::string> ours;
        for (const TrainingVideo& v : train)
            ours.push_back(v.name);
        if (names.toStringRef() != join(ours, "\n"))
            throw Error(what + ": the state was saved by a run on other training videos");
        torch::NoGradGuard noGrad;
        // A fresh tensor per read: read() would set_() an existing one onto the archive's
        // storage, which cannot be resized.
        auto get = [&](const std::string& key, bool isBuffer = false) {
            torch::Tensor t;
            archive.read(key, t, isBuffer);
            return t;
        };
        epochsDone = int(get("epochs_done").item<int64_t>());
        bestEpoch = int(get("best_epoch").item<int64_t>());
        bestAuc = get("best_auc").item<double>();
        centroid = get("centroid").to(device);
        for (auto& item : net->named_parameters())
            item.value().copy_(get("param/" + item.key()));
        for (auto& item : net->named_buffers())
            item.value().copy_(get("buffer/" + item.key(), true));
        best.clear();
        for (const auto& item : net->named_parameters())
            best[item.key()] = get("best/" + item.key()).clone();
        for (const auto& item : net->named_buffers())
            best[item.key()] = get("best/" + item.key()).clone();
        torch::serialize::InputArchive optimizerArchive;
        archive.read("optimizer", optimizerArchive);
        optimizer->load(optimizerArchive);
        c10::IValue rngText;
        archive.read("rng", rngText);
        std::istringstream(rngText.toStringRef()) >> rng;
        const torch::Tensor t = get("history");
        history.clear();
        for (int64_t i = 0; i < t.size(0); ++i) {
            EpochReport r;
            auto f = [&](int k) { return t[i][k].item<double>(); };
            r.epoch = int(f(0));
            r.steps = int(f(1));
            r.loss = {f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10)};
            r.learningRate = f(11);
            r.validationAuc = f(12);
            r.validationAp = f(13);
            r.seconds = f(14);
            r.epochs = options.epochs;
            r.best = r.epoch == bestEpoch;
            history.push_back(r);
        }
    }
};

Trainer::Trainer(std::shared_ptr<const AnomalyClipModel> base, std::vector<TrainingVideo> train,
                 std::vector<TrainingVideo> validation, const TrainingOptions& options)
    : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.summary = checkData(*base, train, validation, options);
    if (!s.summary.problems.empty())
        throw Error("cannot train: " + join(s.summary.problems, "; "));
    const AnomalyClipModel::Impl& impl = base->impl();
    if (impl.textEncoderReleased)
        throw Error("cannot train: the model was loaded without its text encoder");
    s.base = std::move(base);
    s.options = options;
    s.normalId = s.base->labels().normalId();
    if (validation.empty()) {
        const std::vector<bool> held = heldOut(train, options, s.base->config().classes);
        for (size_t i = 0; i < train.size(); ++i)
            (held[i] ? s.validation : s.train).push_back(std::move(train[i]));
    } else {
        s.train = std::move(train);
        s.validation = std::move(validation);
    }
    for (size_t i = 0; i < s.train.size(); ++i)
        (s.train[i].label == s.normalId ? s.normal : s.abnormal).push_back(i);

    if (options.device == ComputeDevice::Cuda || (options.device == ComputeDevice::Auto && torch::cuda::is_available())) {
        if (!torch::cuda::is_available())
            throw Error("CUDA was requested but no CUDA device is available (or LibTorch was built without CUDA)");
        s.device = torch::Device(torch::kCUDA, 0);
        keepFp32ExactOnCuda();
    }
    s.net = trainableCopy(*impl.net);
    s.net->to(s.device);
    s.endPositions = impl.endPositions.to(s.device);
    if (options.recomputeCentroid) {
        // Section 6: the mean of every frame feature of the normal training videos.
        const int64_t d = s.base->config().embedDim;
        std::vector<double> sum(size_t(d), 0.0);
        int64_t count = 0;
        for (const size_t i : s.normal) {
            const TrainingVideo& v = s.train[i];
            for (int64_t t = 0; t < v.frames; ++t)
                for (int64_t k = 0; k < d; ++k)
                    sum[size_t(k)] += v.features[size_t(t * d + k)];
            count += v.frames;
        }
        std::vector<float> mean(static_cast<size_t>(d));
        for (int64_t k = 0; k < d; ++k)
            mean[size_t(k)] = float(sum[size_t(k)] / double(count));
        s.centroid = torch::tensor(mean).to(s.device);
    } else {
        s.centroid = impl.centroid.to(s.device);
    }
    std::vector<torch::Tensor> trained;
    for (auto& item : s.net->named_parameters())
        if (item.value().requires_grad())
            trained.push_back(item.value());
    s.optimizer = std::make_unique<torch::optim::AdamW>(
        trained, torch::optim::AdamWOptions(options.learningRate).betas({0.9, 0.999}).eps(1e-8).weight_decay(options.weightDecay));
    s.rng.seed(options.seed);
    s.keepBest(); // before any epoch, the best is the base model with the new centroid
}

Trainer::~Trainer() = default;

const TrainingDataSummary& Trainer::summary() const { return m_state->summary; }
const TrainingOptions& Trainer::options() const { return m_state->options; }
int Trainer::epochsDone() const { return m_state->epochsDone; }
const std::vector<EpochReport>& Trainer::history() const { return m_state->history; }
int Trainer::bestEpoch() const { return m_state->bestEpoch; }

std::vector<std::string> Trainer::trainNames() const
{
    std::vector<std::string> names;
    for (const TrainingVideo& v : m_state->train)
        names.push_back(v.name);
    return names;
}

std::vector<std::string> Trainer::validationNames() const
{
    std::vector<std::string> names;
    for (const TrainingVideo& v : m_state->validation)
        names.push_back(v.name);
    return names;
}

std::pair<double, double> Trainer::evaluateValidation()
{
    if (!m_state->device.is_cuda())
        applyThreadCount(m_state->options.threads > 0 ? m_state->options.threads
                                                      : int(std::max(1u, std::thread::hardware_concurrency())),
                         false);
    return m_state->validate();
}

EpochReport Trainer::runEpoch(const StepCallback& progress)
{
    State& s = *m_state;
    if (finished())
        throw Error("the run has finished its " + std::to_string(s.options.epochs) + " epochs");
    const auto started = std::chrono::steady_clock::now();
    const int threads = s.options.threads > 0 ? s.options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    if (!s.device.is_cuda()) {
        // Unlike inference, training runs ATen's convolution and elementwise kernels (and
        // their backward) as much as OpenBLAS's GEMMs: both pools get the threads. On 2
        // cores a step of 64 bags took 20.3 s so, against 26.5 s with ATen on one thread.
        applyThreadCount(threads, false);
        at::set_num_threads(threads);
    }

    // A cancelled epoch leaves nothing behind: the state at its start comes back.
    std::stringstream snapshot;
    {
        torch::serialize::OutputArchive archive;
        s.save(archive);
        archive.save_to(snapshot);
    }

    const int epoch = s.epochsDone;
    const double lr = learningRateAt(s.options, epoch);
    for (auto& group : s.optimizer->param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    const int half = s.options.batchSize / 2;
    const int steps = int((std::max(s.abnormal.size(), s.normal.size()) + size_t(half) - 1) / size_t(half));
    const std::vector<size_t> abnormalOrder = s.epochOrder(s.abnormal, size_t(steps * half));
    const std::vector<size_t> normalOrder = s.epochOrder(s.normal, size_t(steps * half));
    const ModelConfig& c = s.net->config;
    const int64_t bags = s.options.batchSize, window = int64_t(c.segments) * c.framesPerSegment, d = c.embedDim;
    MilLossWeights weights;
    weights.frame = s.options.frameSupervision;
    std::bernoulli_distribution keep(1.0 - s.options.segmentDropout);

    EpochReport report;
    report.epoch = epoch + 1;
    report.epochs = s.options.epochs;
    report.steps = steps;
    report.learningRate = lr;
    try {
        std::vector<float> features(size_t(bags * window * d));
        std::vector<int64_t> frameLabels(size_t(bags * window));
        std::vector<int64_t> labels(static_cast<size_t>(bags));
        std::vector<float> mask(size_t(bags * c.segments));
        for (int step = 0; step < steps; ++step) {
            if (!s.device.is_cuda()) {
                // Again each step: OpenBLAS's thread count is process-wide, and a scoring
                // worker running beside the training sets it to 1 for its split batches.
                applyThreadCount(threads, false);
                at::set_num_threads(threads);
            }
            for (int64_t b = 0; b < bags; ++b) {
                const size_t video = b < half ? abnormalOrder[size_t(step * half + b)] : normalOrder[size_t(step * half + b - half)];
                labels[size_t(b)] = s.train[video].label;
                s.sampleBag(s.train[video], features.data() + b * window * d, frameLabels.data() + b * window);
            }
            for (float& m : mask)
                m = keep(s.rng) ? 1.0f : 0.0f;
            MilBatch batch;
            batch.features = torch::from_blob(features.data(), {bags, window, d}, torch::kFloat32).to(s.device);
            batch.labels = torch::from_blob(labels.data(), {bags}, torch::kLong).to(s.device);
            batch.keepMask = torch::from_blob(mask.data(), {bags, c.segments}, torch::kFloat32).to(s.device);
            if (weights.frame > 0)
                batch.frameLabels = torch::from_blob(frameLabels.data(), {bags, window}, torch::kLong).to(s.device);
            s.optimizer->zero_grad();
            const MilOutputs out = milObjective(*s.net, batch, s.centroid, s.endPositions, s.normalId, weights);
            if (!torch::isfinite(out.total).item<bool>())
                throw Error("training diverged at epoch " + std::to_string(epoch + 1) + " step " +
                            std::to_string(step + 1) + " (the loss is not finite): try a smaller learning rate");
            out.total.backward();
            s.optimizer->step();
            LossTerms& l = report.loss;
            l.total += out.total.item<double>();
            l.dirAbnormal += out.dirAbnormal.item<double>();
            l.dirNormal += out.dirNormal.item<double>();
            l.topkAbnormal += out.topkAbnormal.item<double>();
            l.bottomkAbnormal += out.bottomkAbnormal.item<double>();
            l.topkNormal += out.topkNormal.item<double>();
            l.smooth += out.smooth.item<double>();
            l.sparse += out.sparse.item<double>();
            l.frame += out.frame.item<double>();
            if (progress && !progress(step + 1, steps))
                throw Cancelled();
        }
    } catch (...) {
        torch::serialize::InputArchive archive;
        archive.load_from(snapshot);
        s.load(archive, "snapshot");
        throw;
    }
    for (double* term : {&report.loss.total, &report.loss.dirAbnormal, &report.loss.dirNormal, &report.loss.topkAbnormal,
                         &report.loss.bottomkAbnormal, &report.loss.topkNormal, &report.loss.smooth, &report.loss.sparse,
                         &report.loss.frame})
        *term /= double(steps);

    std::tie(report.validationAuc, report.validationAp) = s.validate();
    s.epochsDone = epoch + 1;
    const bool validated = std::isfinite(report.validationAuc);
    if (!validated || report.validationAuc > s.bestAuc) {
        s.bestAuc = validated ? report.validationAuc : s.bestAuc;
        s.bestEpoch = report.epoch;
        s.keepBest();
        report.best = true;
        for (EpochReport& earlier : s.history)
            earlier.best = false;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    s.history.push_back(report);
    return report;
}

void Trainer::exportBest(const std::string& checkpointPath, const std::string& centroidPath) const
{
    const State& s = *m_state;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    const AnomalyClipNetImpl& baseNet = *s.base->impl().net;
    for (const auto& item : baseNet.named_parameters())
        if (item.key().rfind("image_encoder.", 0) == 0)
            tensors.emplace_back("net." + item.key(), item.value());
    for (const auto& item : baseNet.named_buffers())
        if (item.key().rfind("image_encoder.", 0) == 0)
            tensors.emplace_back("net." + item.key(), item.value());
    for (const auto& [name, tensor] : s.best)
        tensors.emplace_back("net." + name, tensor);
    writeStateDict(checkpointPath, tensors);
    writeTensorFile(centroidPath, s.centroid.to(torch::kCPU));
}

void Trainer::saveState(const std::string& path) const
{
    torch::serialize::OutputArchive archive;
    m_state->save(archive);
    const std::string temporary = temporaryPathFor(path);
    try {
        archive.save_to(temporary);
    } catch (const std::exception& e) {
        std::remove(temporary.c_str());
        throw Error(path + ": cannot write the training state (" + std::string(e.what()).substr(0, 200) + ")");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error(path + ": cannot replace the training state");
    }
}

void Trainer::loadState(const std::string& path)
{
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const std::exception& e) {
        throw Error(path + ": not a Vigil training state (" + std::string(e.what()).substr(0, 200) + ")");
    }
    try {
        m_state->load(archive, path);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(path + ": the training state does not fit this model (" + std::string(e.what()).substr(0, 200) + ")");
    }
}

} // namespace vigil
