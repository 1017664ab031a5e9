// Plain values a project holds (videos, models, score tracks, detections, settings):
// what ProjectStore reads and writes, and what crosses threads to the views.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QtNumeric>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil {

/// Any thread (plain value).
struct VideoRecord {
    qint64 id = 0;
    QString path;        // absolute, cleaned by ProjectStore
    QString fingerprint; // content fingerprint (FeatureCache::fingerprint)
    qint64 frameCount = 0;
    double frameRate = 0;
    int width = 0, height = 0;
    double durationSeconds = 0;
    qint64 fileSize = 0;
    QDateTime added;      // set to now when left invalid on add
    bool missing = false; // computed on read: no file at path
    QString videoClass;   // the video's class as a whole (its weak label); "" when not known
};

/// Any thread (plain value).
struct ModelRecord {
    qint64 id = 0;
    QString name;
    QString checkpointPath;
    QString centroidPath;
    QString labels; // "ucf" or a CSV path
    QString encoderFingerprint;
    QString headFingerprint;
    QDateTime added;
};

/// Any thread (plain value). Stored as float32 blobs, not a row per frame.
struct ScoreTrack {
    qint64 videoId = 0, modelId = 0;
    qint64 frames = 0;
    int classes = 0;
    int normalId = 0;
    QStringList classNames; // model order, size() == classes
    int stride = 1;
    std::vector<float> scores;     // [frames]
    std::vector<float> classProbs; // [frames, classes], row-major
    QDateTime created;             // set to now when left invalid on save
};

/// Any thread (plain value). How a fine-tuned model (a row of models) was made.
struct ModelVersionRecord {
    qint64 modelId = 0;
    qint64 parentModelId = 0; // 0: none (the parent was removed)
    QJsonObject data;         // videos trained and validated on, label counts, label revision
    QJsonObject options;      // hyper-parameters and seed
    QJsonObject metrics;      // per-epoch losses and validation AUC/AP, best epoch
    QDateTime created;        // set to now when left invalid on add
};

enum class ReviewState { Unreviewed = 0, Accepted = 1, Rejected = 2 };

/// Any thread (plain value).
struct DetectionRecord {
    qint64 id = 0, videoId = 0, modelId = 0;
    qint64 startFrame = 0, endFrame = 0; // [startFrame, endFrame)
    qint64 peakFrame = 0;
    float peakScore = 0, meanScore = 0;
    int topClass = -1;
    float topClassProbability = 0;
    ReviewState state = ReviewState::Unreviewed;
    int correctedClass = -1; // -1: the analyst kept topClass
    QString note;
    QDateTime reviewedAt; // last review edit (state, class or note); invalid if none
    QString reviewedBy;   // who made the last review edit
    double decisionSeconds = qQNaN(); // from showing it to accepting or rejecting it; NaN: not timed

    /// True when an analyst has touched it: a state, a corrected class or a note.
    bool hasReview() const
    {
        return state != ReviewState::Unreviewed || correctedClass >= 0 || !note.isEmpty();
    }
    /// The class the analyst sees: the corrected one if set, else the model's top class.
    int effectiveClass() const { return correctedClass >= 0 ? correctedClass : topClass; }
};

/// Any thread (plain value). An analyst's decision on one detection, as a whole.
struct ReviewEdit {
    qint64 detectionId = 0;
    ReviewState state = ReviewState::Unreviewed;
    int correctedClass = -1;
    QString note;
    double decisionSeconds = qQNaN(); // NaN: not timed
};

/// Any thread (plain value). One annotated anomalous interval of a video.
struct GroundTruthInterval {
    qint64 startFrame = 0;
    qint64 endFrame = 0; // exclusive
    QString className;
};

/// Any thread (plain value). An interval an analyst labelled by hand.
enum class LabelSource { Manual, Model, Import };

struct LabelRecord {
    qint64 id = 0;         // 0 until stored
    qint64 videoId = 0;
    qint64 startFrame = 0;
    qint64 endFrame = 0;   // exclusive
    QString className;
    QString note;
    QDateTime created;     // set by the store
    QDateTime modified;
    QString author;        // who made it; the store's author when left empty
    LabelSource source = LabelSource::Manual;
    // Source Model: what the model said (kept: detections are replaced on re-scoring).
    qint64 modelId = 0;    // 0: none (or the model was removed)
    QString modelClass;
    qint64 modelStart = -1, modelEnd = -1; // the detection's [start, end)
    double modelPeak = qQNaN(), modelMean = qQNaN();
    double decisionSeconds = qQNaN(); // from showing the detection to accepting it
    qint64 detectionId = 0; // the detection it was made from (ids survive re-segmentation when bounds do)

    /// Source Model only: the analyst changed its bounds or class from the model's.
    bool modifiedFromModel() const
    {
        return source == LabelSource::Model &&
               (startFrame != modelStart || endFrame != modelEnd || className.compare(modelClass, Qt::CaseInsensitive) != 0);
    }
};

/// Any thread (plain value). One label edit of the audit trail.
struct LabelAuditRecord {
    qint64 id = 0, labelId = 0, videoId = 0;
    QDateTime at;
    QString author;
    QString action;            // "add", "change" or "remove"
    QJsonObject before, after; // the label's fields; empty for none
};

/// Any thread (plain value). One analyst's decisions on the model's detections.
struct AnalystReport {
    QString author;
    int accepted = 0;  // accepted as the model said (class and, for a label made of it, bounds)
    int modified = 0;  // accepted with a corrected class, or its label's bounds or class changed
    int rejected = 0;
    double meanDecisionSeconds = qQNaN(); // over the decisions timed
    int labels = 0;    // labels of any source made by this analyst
    int decisions() const { return accepted + modified + rejected; }
    /// Accepted unchanged over all decisions: a check on over-trusting the model.
    double unchangedShare() const { return decisions() > 0 ? double(accepted) / decisions() : qQNaN(); }
};

/// Any thread (plain value). Per project.
struct DetectionSettings {
    double threshold = 0.5;
    double hysteresis = 0.1;
    double minDurationSeconds = 1.0;
    double mergeGapSeconds = 2.0;
};

/// Any thread (plain value). Unset members do not filter.
struct DetectionFilter {
    std::optional<qint64> videoId, modelId;
    QList<int> classes; // effective class (corrected, else top) is one of these
    std::optional<float> minPeak, maxPeak; // inclusive
    std::optional<ReviewState> state;
    std::optional<QDateTime> addedAfter, addedBefore; // video's added date, [after, before)
};

} // namespace vigil
