// The training worker: its own project connection (connections are per thread), the base
// model loaded with its text encoder, and the Trainer driven epoch by epoch.
#include "training/TrainingWorker.h"

#include "model/Error.h"
#include "model/NewClasses.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "training/TrainingData.h"
#include "training/TrainedVersion.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace vigil {

namespace {

// The model trained: the base, with the classes it lacks added when some are asked for.
std::shared_ptr<const AnomalyClipModel> loadBase(const TrainingRequest& request)
{
    ModelLoadOptions load;
    load.checkpointPath = QFile::encodeName(request.base.checkpointPath).toStdString();
    load.centroidPath = QFile::encodeName(request.base.centroidPath).toStdString();
    load.vocabularyPath = QFile::encodeName(request.vocabularyPath).toStdString();
    load.keepTextEncoder = true;
    std::shared_ptr<const AnomalyClipModel> base = AnomalyClipModel::load(load, request.labels);
    if (request.newClasses.isEmpty())
        return base;
    if (request.vocabularyPath.isEmpty())
        throw Error("new classes need CLIP's vocabulary file (bpe_simple_vocab_16e6.txt.gz) for their prompts");
    std::vector<std::string> names;
    for (const QString& name : request.newClasses)
        names.push_back(name.toStdString());
    return withNewClasses(*base, names, load.vocabularyPath);
}


} // namespace

QString modelVersionFolder(const QString& projectPath, const QString& name)
{
    const QFileInfo info(projectPath);
    return QDir(info.absolutePath()).filePath(info.completeBaseName() + QStringLiteral(".models/") + name);
}

void TrainingWorker::check(const TrainingRequest& request)
{
    try {
        const auto store = ProjectStore::open(request.projectPath, ProjectStore::OpenMode::OpenExisting);
        const auto base = loadBase(request);
        const ProjectTrainingSet set = projectTrainingVideos(*store, *base, FeatureCache(FeatureCache::defaultDirectory()));
        TrainingReadiness readiness;
        readiness.summary = Trainer::checkData(*base, set.videos, {}, request.options);
        for (const std::string& name : base->labels().modelOrderNames())
            readiness.classNames << QString::fromStdString(name);
        readiness.normalId = base->labels().normalId();
        readiness.videos = int(set.videos.size());
        readiness.skipped = set.skipped;
        readiness.missingClasses = classesNotInModel(*store, base->labels());
        for (const VideoRecord& video : store->videos())
            if (set.unscored.contains(video.path))
                readiness.unscored << video.id;
        if (set.videos.empty())
            readiness.summary.problems.insert(readiness.summary.problems.begin(),
                                              "no video with a class and cached features: set the videos' classes "
                                              "(import annotations) or label them, and score them");
        emit checked(readiness);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

void TrainingWorker::run(const TrainingRequest& request)
{
    m_cancel = false;
    try {
        const auto store = ProjectStore::open(request.projectPath, ProjectStore::OpenMode::OpenExisting);
        for (const ModelRecord& m : store->models())
            if (m.name == request.newName)
                throw Error("the project has a model named '" + request.newName.toStdString() + "' already");
        const QString folder = modelVersionFolder(store->path(), request.newName);
        const QString statePath = QDir(folder).filePath(QStringLiteral("training-state.pt"));
        if (!QDir().mkpath(folder))
            throw Error(QFile::encodeName(folder).toStdString() + ": cannot create the model's folder");
        const auto base = loadBase(request);
        ProjectTrainingSet set = projectTrainingVideos(*store, *base, FeatureCache(FeatureCache::defaultDirectory()));
        QHash<QString, qint64> ids;
        for (qsizetype i = 0; i < set.videoIds.size(); ++i)
            ids.insert(QString::fromStdString(set.videos[size_t(i)].name), set.videoIds[i]);
        Trainer trainer(base, std::move(set.videos), {}, request.options);
        if (request.resume && QFileInfo::exists(statePath))
            trainer.loadState(QFile::encodeName(statePath).toStdString());
        QStringList trainNames, validationNames;
        for (const std::string& n : trainer.trainNames())
            trainNames << QString::fromStdString(n);
        for (const std::string& n : trainer.validationNames())
            validationNames << QString::fromStdString(n);
        emit started(trainer.epochsDone(), request.options.epochs, trainNames, validationNames);
        for (const EpochReport& earlier : trainer.history())
            emit epochFinished(earlier);
        while (!trainer.finished()) {
            const int epoch = trainer.epochsDone() + 1;
            EpochReport report;
            try {
                report = trainer.runEpoch([&](int step, int steps) {
                    emit stepDone(epoch, step, steps);
                    return !m_cancel.load();
                });
            } catch (const Cancelled&) {
                emit cancelled(trainer.epochsDone());
                return;
            }
            trainer.saveState(QFile::encodeName(statePath).toStdString());
            emit epochFinished(report);
        }
        TrainedVersion version;
        version.base = request.base;
        version.name = request.newName;
        version.folder = folder;
        version.videoIds = ids;
        version.addedClasses = request.newClasses;
        const ModelRecord tuned = saveTrainedVersion(*store, trainer, base->labels(), version);
        QFile::remove(statePath); // finished: nothing to resume
        emit finished(tuned, trainer.history()[size_t(trainer.bestEpoch() - 1)]);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

} // namespace vigil
