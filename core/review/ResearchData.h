// What the research window shows, computed from a project: for a model, its ROC and PR
// curves over every frame the project knows the truth of, score histograms of normal and
// abnormal frames, the frame-level matrix of the analyst's class against the model's top
// class (each cell with its intervals), and the failure cases at a threshold (false alarms
// and misses, ranked by the area between the score and the threshold). Qt Core.
#pragma once

#include "model/Metrics.h"
#include "review/TruthSource.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace vigil {

class ProjectStore;

/// Plain value: a run of frames [start, end) of one video.
struct FrameSpan {
    qint64 videoId = 0;
    QString video;
    qint64 start = 0, end = 0;
};

/// Plain value: one failure case.
struct FailureCase {
    FrameSpan span;
    bool falseAlarm = true;  // else a miss
    double severity = 0;     // sum over its frames of |score - threshold|
    float peak = 0;          // the highest score (a false alarm) or the lowest (a miss)
    QString truthClass;      // a miss: the class missed
};

/// Plain value.
struct ResearchData {
    QString model;
    TruthSource truth = TruthSource::Both;
    QStringList leftOut;            // videos scored by the model but with no known truth
    qint64 frames = 0, abnormalFrames = 0;
    int videos = 0;
    BinaryCurve curve;              // ROC and PR points of the anomaly score
    double aucRoc = 0, aucPr = 0;
    std::vector<int> normalHistogram, abnormalHistogram; // scores in `bins` equal bins of [0, 1]
    QStringList truthClasses;       // the confusion's rows: classes the truth names (normal first)
    QStringList modelClasses;       // its columns: the model's classes, model order
    std::vector<std::vector<qint64>> confusion; // [truth][model] frames
    std::vector<std::vector<QList<FrameSpan>>> cells; // the runs of frames of each cell
    QList<FailureCase> failures;    // by severity, worst first
};

/// Thread of `store`. The truth of a frame is videoTruth()'s under `source`, the same
/// frames and the same AUC as evaluateProjectModel(). Throws vigil::Error when the model
/// has no scored video with a known truth.
ResearchData researchData(const ProjectStore& store, qint64 modelId, double threshold, TruthSource source, int bins = 50);

} // namespace vigil
