// Frame-level metrics as the paper reports them (anomalyclip-model.md section 7): ROC AUC
// and step-wise average precision of the anomaly score, the optimal threshold, per-class
// one-vs-rest AUC and AP of p(c), their means, and top-1 / top-5 accuracy per class.
// The C++ standard library only: the project layer, the CLI and the UI use it as it is.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil {

/// The ROC and precision-recall points of a score against binary labels, one point per
/// distinct score from the highest down, preceded by the (0, 0) ROC point.
/// Plain value; any thread.
struct BinaryCurve {
    std::vector<double> thresholds; // [0] is 1 (nothing predicted positive), then distinct scores, descending
    std::vector<double> fpr, tpr;   // same length as thresholds
    std::vector<double> precision;  // same length; [0] is 1
    int64_t positives = 0, negatives = 0;

    /// Trapezoidal area under (fpr, tpr); 0 when either class is empty (as the reference).
    double rocAuc() const;
    /// Sum over points of (recall_k - recall_{k-1}) * precision_k, not interpolated; 0
    /// without positives.
    double averagePrecision() const;
    /// The threshold maximising tpr - fpr, the first one on ties.
    double optimalThreshold() const;
};

/// `scores[i]` against `positive[i]`. Any thread.
BinaryCurve binaryCurve(const float* scores, const uint8_t* positive, int64_t count, int64_t stride = 1);

/// Plain value. Class vectors are in model order (sorted names), normal class included.
struct FrameMetrics {
    int64_t frames = 0, abnormalFrames = 0;
    double aucRoc = 0, aucPr = 0, optimalThreshold = 0;
    std::vector<double> classAucRoc, classAucPr; // one-vs-rest of p(c); 0 for a class with no frame
    /// Means over the abnormal classes whose value is not 0 (the reference leaves out
    /// classes without positive frames that way); NaN when none is left.
    double meanClassAucRoc = 0, meanClassAucPr = 0;
    /// Per class: share of its frames whose prediction (normal below the optimal
    /// threshold, else abnormal classes by p(c)) is right at rank 1 / within rank 5. NaN
    /// for a class with no frame.
    std::vector<double> top1Accuracy, top5Accuracy;
    /// Means of the above over the abnormal classes that have frames; NaN when none has.
    double meanTop1Accuracy = 0, meanTop5Accuracy = 0;
    BinaryCurve curve; // of the anomaly score, for plots
};

/// scores [T]; classProbs [T, classes] in model order with the normal column 1 - score;
/// labels [T] model-order class per frame. Any thread. Throws vigil::Error on sizes that
/// disagree, a label out of range or no frame at all.
FrameMetrics computeFrameMetrics(const std::vector<float>& scores, const std::vector<float>& classProbs,
                                 const std::vector<int>& labels, int classes, int normalId);

} // namespace vigil
