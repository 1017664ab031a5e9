// Between scoring and the project: a video file probed into a project record, and a
// scoring result stored as the video's score track with its detections.
#pragma once

#include "project/ProjectTypes.h"
#include "scoring/ScoringTypes.h"

#include "review/Segmenter.h"

namespace vigil {

class ProjectStore;

/// Any thread. The project's detection settings in frames of a video at `framesPerSecond`.
SegmentSettings segmentSettingsFor(const DetectionSettings& settings, double framesPerSecond);
/// Any thread. A segment as a (not yet stored) detection.
DetectionRecord detectionOf(const Segment& segment);

/// Any thread. Reads the file's metadata and content fingerprint; throws vigil::Error
/// naming the file when it is not a readable video.
VideoRecord probeVideo(const QString& path);

/// Thread of `store`. Saves the track of (videoId, modelId) and replaces its detections
/// with a segmentation under the project's settings (review states carry over). Returns
/// the number of detections. Throws vigil::Error.
int storeScoringResult(ProjectStore& store, qint64 videoId, qint64 modelId, const ScoringResult& result,
                       const QStringList& classNames, double framesPerSecond);

} // namespace vigil
