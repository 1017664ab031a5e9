// A training run as JSON, for the project's model versions and for the JSON the CLI and
// the windows show: the options it ran with and what each epoch measured. Any thread.
#pragma once

#include "model/Trainer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace vigil {

QJsonObject trainingOptionsJson(const TrainingOptions& options);
/// {"best_epoch", "validation_auc", "validation_ap", "epochs": [{epoch, loss terms, lr,
/// validation_auc, validation_ap, seconds}]}; NaN as null.
QJsonObject trainingHistoryJson(const std::vector<EpochReport>& history, int bestEpoch);

/// [{"name", "video_id"}] of the named videos (ids from `ids`; 0 for a name it lacks).
QJsonArray trainingVideosJson(const std::vector<std::string>& names, const QHash<QString, qint64>& ids);

} // namespace vigil
