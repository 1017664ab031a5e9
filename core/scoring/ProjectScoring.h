// Between scoring and the project: a video file probed into a project record, and a
// scoring result stored as the video's score track with its detections.
#pragma once

#include "project/ProjectTypes.h"
#include "scoring/ScoringTypes.h"

#include "review/Segmenter.h"

namespace vigil {

class ProjectStore;

/// Any thread. The detections of a score track under a project's settings, for a video at
/// `framesPerSecond` (not stored; ids unset).
QList<DetectionRecord> segmentTrack(const ScoreTrack& track, const DetectionSettings& settings, double framesPerSecond);

/// Any thread. The video files `paths` name: files as given, folders searched recursively
/// for files with a video extension (mp4, mkv, avi, mov, ts...).
QStringList videoFilesIn(const QStringList& paths);

/// Any thread. Reads the file's metadata and content fingerprint; throws vigil::Error
/// naming the file when it is not a readable video.
VideoRecord probeVideo(const QString& path);

/// Any thread. The project's record of `base` scored at `precision`: scores of another
/// precision are close to fp32's, not equal, so they are kept apart as a model of their
/// own (its head fingerprint and name say the precision); fp32 gives `base` itself.
ModelRecord modelAtPrecision(ModelRecord base, Precision precision);
/// The precision a project's model record was scored at, and the record without it.
Precision precisionOf(const ModelRecord& model);
ModelRecord basePrecisionModel(const ModelRecord& model);

/// Thread of `store`. Saves the track of (videoId, modelId) and replaces its detections
/// with a segmentation under the project's settings (review states carry over). Returns
/// the number of detections. Throws vigil::Error.
int storeScoringResult(ProjectStore& store, qint64 videoId, qint64 modelId, const ScoringResult& result,
                       const QStringList& classNames, double framesPerSecond);

} // namespace vigil
