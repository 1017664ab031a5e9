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

/// Thread of `store`. Saves the track of (videoId, modelId) and replaces its detections
/// with a segmentation under the project's settings (review states carry over). Returns
/// the number of detections. Throws vigil::Error.
int storeScoringResult(ProjectStore& store, qint64 videoId, qint64 modelId, const ScoringResult& result,
                       const QStringList& classNames, double framesPerSecond);

} // namespace vigil
