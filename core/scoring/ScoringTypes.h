// Values the scoring worker sends across threads: settings in, progress and results out.
// Results share their large arrays read-only, so queued signals copy pointers only.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/InferenceSession.h"
#include "scoring/FeatureExtractor.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace vigil {

/// What the worker loads and how it runs. Plain value.
struct ScoringSettings {
    ModelLoadOptions model;
    LabelSet labels = LabelSet::resolve("ucf");
    SessionOptions session;
    ExtractionOptions extraction;
    QString cacheDirectory; // empty: no feature cache
    bool provisionalScores = true; // emit partialScores while a video is being encoded
};

struct ScoringProgress {
    QString videoPath;
    qint64 framesDone = 0;
    qint64 framesTotal = 0;
    double framesPerSecond = 0;
    double secondsLeft = -1;
};

/// Where one video's time went, in seconds. Decoding and preprocessing run on their own
/// threads beside the encoder: their times overlap the encoder's.
struct ScoringTimings {
    double decode = 0, preprocess = 0, encode = 0;
    double encodeWait = 0;      // the encoder waiting for frames
    double head = 0;            // the temporal head over the whole video
    double cacheWrite = 0;      // the feature cache entry
    double firstBatchAfter = -1; // from the video's start to its first encoder batch; -1 none
};

struct ScoringResult {
    QString videoPath;
    VideoInfo video;
    int stride = 1;
    bool fromCache = false;      // features read from the cache, no decoding
    bool cacheByName = false;    // ... from features imported under the video's name
    QString cachePath;           // the cache entry used or written; empty without a cache
    QString decodeWarning;       // damage found while decoding; empty when clean
    QStringList notes;           // other things the user should know (a cache entry skipped...)
    qint64 framesEncoded = 0;
    double seconds = 0;          // whole video: decode, encode, score
    ScoringTimings timings;
    std::shared_ptr<const std::vector<float>> features; // [frames, dim]
    int dim = 0;
    std::shared_ptr<const VideoScores> scores;
    double framesPerSecond() const { return seconds > 0 && scores ? double(scores->frames) / seconds : 0; }
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::ScoringProgress)
Q_DECLARE_METATYPE(vigil::ScoringResult)
