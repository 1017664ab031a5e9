// A model's scores over a set of videos against their ground truth: frame labels from
// intervals, the paper's metrics over all frames concatenated (model/Metrics.h), and the
// same per video, as the CLI and the windows show them. Qt Core only.
#pragma once

#include "model/Metrics.h"
#include "project/ProjectTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace vigil {

/// Plain value: one video's outputs and ground truth.
struct EvaluationVideo {
    QString name;
    std::vector<float> scores;     // [T]
    std::vector<float> classProbs; // [T, C], model order
    QList<GroundTruthInterval> truth; // [start, end) frames with their class; none: all normal
};

/// Plain value.
struct VideoEvaluation {
    QString name;
    qint64 frames = 0, abnormalFrames = 0;
    double aucRoc = 0, aucPr = 0; // NaN when the video has frames of one kind only
};

/// Plain value.
struct Evaluation {
    QString truth;           // what the frames were measured against (TruthSource's name, or the file)
    QStringList leftOut;     // videos with scores but no known truth, left out
    FrameMetrics metrics;
    QStringList classNames; // model order
    int normalId = 0;
    QList<VideoEvaluation> videos;
};

/// Any thread. A class name as compared everywhere: case ignored, '_' and ' ' alike.
QString classKey(QString name);

/// Frame labels (model-order class per frame) of a video of `frames` frames: the class of
/// the interval a frame lies in, else normal. Intervals past the end are cut. Throws
/// vigil::Error naming the video when an interval's class is not one of `classNames`
/// (matched ignoring case, with '_' and ' ' alike).
std::vector<int> frameLabels(qint64 frames, const QList<GroundTruthInterval>& truth, const QStringList& classNames,
                             int normalId, const QString& videoName);

/// Any thread. Throws vigil::Error (no video, sizes that disagree, unknown classes).
Evaluation evaluate(const QList<EvaluationVideo>& videos, const QStringList& classNames, int normalId);

/// auc_roc, auc_pr, optimal_threshold, mc_auroc, mc_aupr, mean_mc_auroc, mean_mc_aupr,
/// top1_accuracy, top5_accuracy (per class), their means, the class names, frame counts
/// and the per-video figures, the truth and the videos left out; NaN is written as null.
QJsonObject evaluationJson(const Evaluation& evaluation);

} // namespace vigil
