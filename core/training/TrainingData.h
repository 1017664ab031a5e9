// Training videos for the Trainer from a dataset on disk: an annotation file naming each
// video with its class (and, where known, its abnormal intervals) and a folder of
// per-video CLIP features named after the videos. Qt Core; any thread.
#pragma once

#include "model/LabelSet.h"
#include "model/Trainer.h"

#include <QString>

#include <vector>

namespace vigil {

/// Reads `annotationsPath` (UCF-Crime form `Name Class s1 e1 s2 e2`, -1 for none; also
/// XD-Violence's annotations.txt) and, for each video, `featuresDir/<name>.npy` ([T, D] or
/// [T, 1, D]). A video's class is its weak label; its intervals, when it has some, label
/// its frames (inside: the class, outside: normal); a normal video's frames are all normal.
/// Throws vigil::Error naming the file, the video and what is wrong (an unknown class, a
/// missing or misshapen features file), before anything is trained.
std::vector<TrainingVideo> trainingVideosFromFiles(const QString& featuresDir, const QString& annotationsPath,
                                                   const LabelSet& labels, int dim);

/// Model-order index of a class name (ignoring case, '_' and ' ' alike); "" is normal;
/// -1 when the labels have no such class.
int classIndex(const LabelSet& labels, const QString& name);

} // namespace vigil
