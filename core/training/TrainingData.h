// Training videos for the Trainer from a dataset on disk: an annotation file naming each
// video with its class (and, where known, its abnormal intervals) and a folder of
// per-video CLIP features named after the videos. Qt Core; any thread.
#pragma once

#include "model/LabelSet.h"
#include "model/Trainer.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace vigil {

class FeatureCache;
class ProjectStore;

/// Reads `annotationsPath` (UCF-Crime form `Name Class s1 e1 s2 e2`, -1 for none; also
/// XD-Violence's annotations.txt) and, for each video, `featuresDir/<name>.npy` ([T, D] or
/// [T, 1, D]). A video's class is its weak label; its intervals, when it has some, label
/// its frames (inside: the class, outside: normal); a normal video's frames are all normal.
/// Throws vigil::Error naming the file, the video and what is wrong (an unknown class, a
/// missing or misshapen features file), before anything is trained.
std::vector<TrainingVideo> trainingVideosFromFiles(const QString& featuresDir, const QString& annotationsPath,
                                                   const LabelSet& labels, int dim);

/// A project's videos as training data, parallel lists. Plain value.
struct ProjectTrainingSet {
    std::vector<TrainingVideo> videos;
    QList<qint64> videoIds;
    QStringList skipped;  // "name: why" for videos left out (no class known, unknown class, file missing)
    QStringList unscored; // paths of videos with a class but no cached features of the model's encoder
};

/// Thread of `store`. Every video with a class: its own (set from the annotations' weak
/// labels), else the class covering most of its analyst-labelled frames. Its frames are
/// labelled by its ground truth and the analysts' labels (those win where both are), the
/// rest normal; a normal video's frames are all normal. Features come from `cache` under
/// the base model's image encoder (fp32).
ProjectTrainingSet projectTrainingVideos(const ProjectStore& store, const AnomalyClipModel& base, const FeatureCache& cache);

/// Classes the project's videos use (as their own class, in ground truth or in labels) that
/// `labels` lacks, each with the number of videos using it; spelled as first met. Thread
/// of `store`.
QMap<QString, int> classesNotInModel(const ProjectStore& store, const LabelSet& labels);

/// Model-order index of a class name (ignoring case, '_' and ' ' alike); "" is normal;
/// -1 when the labels have no such class.
int classIndex(const LabelSet& labels, const QString& name);

} // namespace vigil
