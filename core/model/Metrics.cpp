// Frame-level metrics. Scores arrive as float32 (what the model gives); the sums are in
// double, so the figures match a float32 reference to far below the contract's 1e-6.
#include "model/Metrics.h"

#include "model/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace vigil {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Mean of the abnormal classes' values, leaving out those equal to 0 (the reference's
// nanmean after setting zeros to NaN) or NaN.
double meanOverAbnormal(const std::vector<double>& values, int normalId, bool skipZero)
{
    double sum = 0;
    int count = 0;
    for (size_t c = 0; c < values.size(); ++c) {
        if (int(c) == normalId || std::isnan(values[c]) || (skipZero && values[c] == 0))
            continue;
        sum += values[c];
        ++count;
    }
    return count ? sum / count : kNaN;
}

} // namespace

BinaryCurve binaryCurve(const float* scores, const uint8_t* positive, int64_t count, int64_t stride)
{
    std::vector<int64_t> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](int64_t a, int64_t b) { return scores[a * stride] > scores[b * stride]; });
    BinaryCurve curve;
    for (int64_t i = 0; i < count; ++i)
        (positive[i] ? curve.positives : curve.negatives) += 1;
    curve.thresholds.push_back(1.0);
    curve.fpr.push_back(0);
    curve.tpr.push_back(0);
    curve.precision.push_back(1);
    int64_t tp = 0, fp = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const int64_t frame = order[i];
        (positive[frame] ? tp : fp) += 1;
        // One point per distinct score: ties move together.
        if (i + 1 < order.size() && scores[order[i + 1] * stride] == scores[frame * stride])
            continue;
        curve.thresholds.push_back(double(scores[frame * stride]));
        curve.fpr.push_back(curve.negatives ? double(fp) / double(curve.negatives) : 0.0);
        curve.tpr.push_back(curve.positives ? double(tp) / double(curve.positives) : 0.0);
        curve.precision.push_back(double(tp) / double(tp + fp));
    }
    return curve;
}

double BinaryCurve::rocAuc() const
{
    if (positives == 0 || negatives == 0)
        return 0;
    double area = 0;
    for (size_t i = 1; i < fpr.size(); ++i)
        area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) * 0.5;
    return area;
}

double BinaryCurve::averagePrecision() const
{
    if (positives == 0)
        return 0;
    double sum = 0;
    for (size_t i = 1; i < tpr.size(); ++i)
        sum += (tpr[i] - tpr[i - 1]) * precision[i];
    return sum;
}

double BinaryCurve::optimalThreshold() const
{
    size_t best = 0;
    for (size_t i = 1; i < tpr.size(); ++i)
        if (tpr[i] - fpr[i] > tpr[best] - fpr[best])
            best = i;
    return thresholds[best];
}

FrameMetrics computeFrameMetrics(const std::vector<float>& scores, const std::vector<float>& classProbs,
                                 const std::vector<int>& labels, int classes, int normalId)
{
    const int64_t frames = int64_t(scores.size());
    if (frames == 0)
        throw Error("metrics: no frame to evaluate");
    if (classes < 2 || normalId < 0 || normalId >= classes)
        throw Error("metrics: " + std::to_string(classes) + " classes with normal class " + std::to_string(normalId));
    if (int64_t(labels.size()) != frames || int64_t(classProbs.size()) != frames * classes)
        throw Error("metrics: " + std::to_string(frames) + " scores, " + std::to_string(labels.size()) + " labels and " +
                    std::to_string(classProbs.size()) + " class probabilities do not agree");
    for (int64_t t = 0; t < frames; ++t)
        if (labels[size_t(t)] < 0 || labels[size_t(t)] >= classes)
            throw Error("metrics: frame " + std::to_string(t) + " has label " + std::to_string(labels[size_t(t)]) +
                        ", outside 0.." + std::to_string(classes - 1));

    FrameMetrics m;
    m.frames = frames;
    std::vector<uint8_t> positive(static_cast<size_t>(frames));
    for (int64_t t = 0; t < frames; ++t)
        positive[size_t(t)] = labels[size_t(t)] != normalId;
    m.curve = binaryCurve(scores.data(), positive.data(), frames);
    m.abnormalFrames = m.curve.positives;
    m.aucRoc = m.curve.rocAuc();
    m.aucPr = m.curve.averagePrecision();
    m.optimalThreshold = m.curve.optimalThreshold();

    for (int c = 0; c < classes; ++c) {
        for (int64_t t = 0; t < frames; ++t)
            positive[size_t(t)] = labels[size_t(t)] == c;
        const BinaryCurve curve = binaryCurve(classProbs.data() + c, positive.data(), frames, classes);
        m.classAucRoc.push_back(curve.rocAuc());
        m.classAucPr.push_back(curve.averagePrecision());
    }
    m.meanClassAucRoc = meanOverAbnormal(m.classAucRoc, normalId, true);
    m.meanClassAucPr = meanOverAbnormal(m.classAucPr, normalId, true);

    // Predictions: normal below the threshold, else the abnormal classes by p(c); a frame
    // predicted normal has normal at rank 1 and the best four abnormal classes after it.
    const int abnormalClasses = classes - 1;
    const int ranks = std::min(5, abnormalClasses);
    std::vector<int64_t> framesOf(size_t(classes), 0), top1(size_t(classes), 0), top5(size_t(classes), 0);
    std::vector<int> order(static_cast<size_t>(abnormalClasses));
    for (int64_t t = 0; t < frames; ++t) {
        const float* row = classProbs.data() + t * classes;
        int k = 0;
        for (int c = 0; c < classes; ++c)
            if (c != normalId)
                order[size_t(k++)] = c;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return row[a] > row[b]; });
        const bool predictedNormal = double(scores[size_t(t)]) < m.optimalThreshold;
        const int label = labels[size_t(t)];
        framesOf[size_t(label)] += 1;
        std::vector<int> predicted;
        if (predictedNormal)
            predicted.push_back(normalId);
        for (int r = 0; int(predicted.size()) < ranks; ++r)
            predicted.push_back(order[size_t(r)]);
        if (predicted[0] == label)
            top1[size_t(label)] += 1;
        if (std::find(predicted.begin(), predicted.end(), label) != predicted.end())
            top5[size_t(label)] += 1;
    }
    for (int c = 0; c < classes; ++c) {
        const double n = double(framesOf[size_t(c)]);
        m.top1Accuracy.push_back(n > 0 ? double(top1[size_t(c)]) / n : kNaN);
        m.top5Accuracy.push_back(n > 0 ? double(top5[size_t(c)]) / n : kNaN);
    }
    m.meanTop1Accuracy = meanOverAbnormal(m.top1Accuracy, normalId, false);
    m.meanTop5Accuracy = meanOverAbnormal(m.top5Accuracy, normalId, false);
    return m;
}

} // namespace vigil
