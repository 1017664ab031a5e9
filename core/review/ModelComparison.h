// Two models of a project side by side (issue 8): per video, the change in AUC and AP and
// in false-positive frames at a threshold, so an analyst sees what a fine-tuned version
// improved and where it regressed. Also the project form of the paper's metrics that
// vigil-cli eval --project prints. Qt Core; the thread of the store.
#pragma once

#include "review/Evaluation.h"
#include "review/TruthSource.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vigil {

class ProjectStore;

/// Every video scored by `modelId` whose truth under `source` is known (TruthSource.h),
/// in id order; `videoIds` receives their ids, `leftOut` names the others. Throws
/// vigil::Error when no video has its scores, or none of them a known truth.
Evaluation evaluateProjectModel(const ProjectStore& store, qint64 modelId, TruthSource source,
                                QList<qint64>* videoIds = nullptr);

/// Plain value: one video under both models.
struct VideoComparison {
    qint64 videoId = 0;
    QString name;
    qint64 frames = 0, abnormalFrames = 0;
    double aucA = 0, aucB = 0, apA = 0, apB = 0; // NaN when the video has frames of one kind only
    qint64 falsePositivesA = 0, falsePositivesB = 0; // normal frames scored at or above the threshold
    qint64 missedA = 0, missedB = 0;                 // abnormal frames scored below it

    double aucChange() const { return aucB - aucA; }
    qint64 falsePositiveChange() const { return falsePositivesB - falsePositivesA; }
};

/// Plain value.
struct ModelComparison {
    QString nameA, nameB;
    TruthSource truth = TruthSource::Both;
    QStringList leftOut;           // videos scored by both but with no known truth
    double threshold = 0.5;
    double aucA = 0, aucB = 0, apA = 0, apB = 0; // over all compared frames
    qint64 falsePositivesA = 0, falsePositivesB = 0, missedA = 0, missedB = 0;
    QList<VideoComparison> videos; // scored by both, by change in AUC (most regressed first)
    QStringList onlyOne;           // videos scored by one of them only, left out
};

/// Over the videos both scored whose truth under `source` is known. Throws vigil::Error
/// when the models are one, unknown, or share no such video.
ModelComparison compareModels(const ProjectStore& store, qint64 modelA, qint64 modelB, double threshold,
                              TruthSource source);

/// {"model_a", "model_b", "truth", "threshold", "auc_roc_a", ..., "videos": [{name, frames,
/// abnormal_frames, auc_roc_a, auc_roc_b, auc_pr_a, auc_pr_b, false_positives_a/_b,
/// missed_a/_b}], "only_one": [names], "left_out": [names]}; NaN as null.
QJsonObject modelComparisonJson(const ModelComparison& comparison);

} // namespace vigil
