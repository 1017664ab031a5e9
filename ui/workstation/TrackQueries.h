// What the views ask of an open video's score track, frame by frame. The track stores
// p(class) per frame; the views show p(class | abnormal) = p(class) / score, the normal
// class left out.
#pragma once

#include "project/ProjectTypes.h"

#include <QVector>

#include <memory>
#include <vector>

namespace vigil {

/// Any thread (plain functions on a value).
/// The abnormal class with the highest p(class | abnormal) at `frame`, and that probability;
/// -1 when the frame is out of range, unscored or has no class probabilities.
int topAbnormalClass(const ScoreTrack& track, qint64 frame, float* probability);

/// p(class | abnormal) of the abnormal classes (model order) at `frame`; empty out of range.
QVector<double> abnormalClassProbabilities(const ScoreTrack& track, qint64 frame);

/// [frames, classes - 1] of p(class | abnormal), row-major; null without class probabilities.
std::shared_ptr<const std::vector<float>> abnormalClassMatrix(const ScoreTrack& track);

/// The class (model order) with the highest mean p(class | abnormal) over frames
/// [start, end); -1 when the span is empty or the track has no class probabilities.
int dominantAbnormalClass(const ScoreTrack& track, qint64 start, qint64 end);

} // namespace vigil
