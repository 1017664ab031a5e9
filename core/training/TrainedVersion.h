// The end of a training run in a project: the best epoch written beside the project as a
// checkpoint the authors' code loads (with its class list when classes were added) and
// recorded as a model version. One step shared by vigil-cli train and the training worker.
#pragma once

#include "model/LabelSet.h"
#include "model/Trainer.h"
#include "project/ProjectTypes.h"

#include <QHash>
#include <QStringList>

namespace vigil {

class ProjectStore;

/// Plain value.
struct TrainedVersion {
    ModelRecord base;                  // the model fine-tuned
    QString name;                      // the new model's name
    QString folder;                    // where its files go (modelVersionFolder)
    QHash<QString, qint64> videoIds;   // training video name -> project video id
    QStringList addedClasses;          // classes the base lacked (withNewClasses)
};

/// Writes `folder`/last.ckpt and ncentroid.pt (and classes.csv, the `id,name` list of
/// `labels`, when classes were added: the new model's labels are then that file), records
/// both models and the version (parent, videos, label revision, labelled frames, added
/// classes, options, history). Thread of `store`; throws vigil::Error.
ModelRecord saveTrainedVersion(ProjectStore& store, const Trainer& trainer, const LabelSet& labels,
                               const TrainedVersion& version);

/// The file saveTrainedVersion() writes for a model with added classes.
QString classListPath(const QString& folder);
/// `labels` as an `id,name` file in file order (the form LabelSet::resolve reads), written
/// atomically; throws vigil::Error naming the file.
void writeClassList(const QString& path, const LabelSet& labels);

} // namespace vigil
