// Datasets' temporal annotation files read into ground-truth intervals by video name.
// UCF-Crime's "Temporal_Anomaly_Annotation" lines: `Name_x264.mp4  Class  s1  e1  s2  e2`
// (frame numbers, -1 where a video has one interval or none).
#pragma once

#include "project/ProjectTypes.h"

#include <QHash>
#include <QString>

namespace vigil {

/// Any thread. Video file name (as in the file) -> its intervals. Throws vigil::Error
/// naming the file and the line when a line does not parse.
QHash<QString, QList<GroundTruthInterval>> readUcfCrimeAnnotations(const QString& path);

} // namespace vigil
