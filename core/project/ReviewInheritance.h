// Carries the analyst's review over to a new segmentation of the same track, so moving
// the threshold (which re-segments) never loses an accepted, rejected, reclassified or
// annotated detection.
#pragma once

#include "project/ProjectTypes.h"

#include <QList>

namespace vigil {

/// Any thread (pure function).
/// Each detection of `fresh` that has no review of its own takes the review of the
/// reviewed detections of `previous` overlapping it ([start, end) intersect): the state
/// and the corrected class each from the one with the largest overlap that set it (the
/// earlier on a tie), the distinct notes of all of them in time order, one per line, and
/// the latest reviewedAt.
void inheritReviews(const QList<DetectionRecord>& previous, QList<DetectionRecord>& fresh);

} // namespace vigil
