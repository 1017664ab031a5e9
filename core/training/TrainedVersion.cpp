#include "training/TrainedVersion.h"

#include "model/Error.h"
#include "project/ProjectStore.h"
#include "project/TextFile.h"
#include "training/TrainingJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace vigil {

QString classListPath(const QString& folder) { return QDir(folder).filePath(QStringLiteral("classes.csv")); }

void writeClassList(const QString& path, const LabelSet& labels)
{
    QByteArray text = "id,name\n";
    const std::vector<std::string>& names = labels.fileOrderNames();
    for (size_t i = 0; i < names.size(); ++i)
        text += QByteArray::number(qulonglong(i)) + ',' + QByteArray::fromStdString(names[i]) + '\n';
    writeFileAtomically(path, text);
}

ModelRecord saveTrainedVersion(ProjectStore& store, const Trainer& trainer, const LabelSet& labels,
                               const TrainedVersion& version)
{
    if (!QDir().mkpath(version.folder))
        throw Error(QFile::encodeName(version.folder).toStdString() + ": cannot create the model's folder");
    ModelRecord tuned;
    tuned.name = version.name;
    tuned.checkpointPath = QDir(version.folder).filePath(QStringLiteral("last.ckpt"));
    tuned.centroidPath = QDir(version.folder).filePath(QStringLiteral("ncentroid.pt"));
    tuned.labels = version.base.labels;
    if (!version.addedClasses.isEmpty()) {
        // Class names are not in a checkpoint (section 8): the new list goes beside it, in
        // the labels files' form, so the authors' code can load it too.
        tuned.labels = classListPath(version.folder);
        writeClassList(tuned.labels, labels);
    }
    trainer.exportBest(QFile::encodeName(tuned.checkpointPath).toStdString(), QFile::encodeName(tuned.centroidPath).toStdString());

    ModelVersionRecord record;
    record.parentModelId = store.ensureModel(version.base);
    tuned.id = store.ensureModel(tuned);
    record.modelId = tuned.id;
    record.data[QStringLiteral("train")] = trainingVideosJson(trainer.trainNames(), version.videoIds);
    record.data[QStringLiteral("validation")] = trainingVideosJson(trainer.validationNames(), version.videoIds);
    record.data[QStringLiteral("label_revision")] = store.labelRevision();
    QJsonArray labelled;
    for (const int64_t frames : trainer.summary().labelledFrames)
        labelled.append(double(frames));
    record.data[QStringLiteral("labelled_frames")] = labelled;
    record.data[QStringLiteral("added_classes")] = QJsonArray::fromStringList(version.addedClasses);
    record.options = trainingOptionsJson(trainer.options());
    record.metrics = trainingHistoryJson(trainer.history(), trainer.bestEpoch());
    store.addModelVersion(record);
    return tuned;
}

} // namespace vigil
