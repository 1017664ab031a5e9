// vigil-cli project create|add|info|truth|score: a project file handled headless, as the
// desktop application does it (same store, same scoring worker, same detections).
#include "CliCommon.h"

#include "settings/SettingsTable.h"

#include "model/Error.h"
#include "model/NpyArray.h"
#include "project/AnnotationFile.h"
#include "project/LabelInterchange.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "scoring/ProjectScoring.h"
#include "scoring/ScoringController.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>

namespace vigil::cli {

namespace {

std::unique_ptr<ProjectStore> openStore(const QString& path, bool create)
{
    return ProjectStore::open(path, create ? ProjectStore::OpenMode::CreateIfMissing : ProjectStore::OpenMode::OpenExisting);
}

int projectScore(ProjectStore& store, const QCommandLineParser& parser, const ModelOptions& model, int batch, int stride)
{
    ScoringSettings settings;
    settings.labels = model.labels(parser);
    settings.model = model.loadOptions(parser);
    settings.session = model.sessionOptions(parser);
    settings.extraction.batchSize = batch;
    settings.extraction.stride = stride;
    settings.provisionalScores = false;
    settings.cacheDirectory = FeatureCache::defaultDirectory();
    ModelRecord record;
    record.checkpointPath = QFileInfo(parser.value(model.checkpoint)).absoluteFilePath();
    record.centroidPath = QFileInfo(parser.value(model.centroid)).absoluteFilePath();
    record.labels = parser.value(model.classes);
    record.name = QFileInfo(QFileInfo(record.checkpointPath).path()).fileName();
    record = modelAtPrecision(record, settings.session.precision); // int8 scores kept apart from fp32's
    return scoreUnscored(store, settings, record);
}

} // namespace

int scoreUnscored(ProjectStore& store, const ScoringSettings& settings, const ModelRecord& record)
{
    // Registered in the project once it has loaded: a wrong checkpoint leaves no model behind.
    qint64 modelId = 0;
    for (const ModelRecord& m : store.models())
        if (m.checkpointPath == record.checkpointPath && m.headFingerprint == record.headFingerprint)
            modelId = m.id;
    QStringList classNames;
    for (const std::string& name : settings.labels.modelOrderNames())
        classNames << QString::fromStdString(name);

    QHash<QString, VideoRecord> byPath;
    QStringList paths;
    QList<qint64> unscored;
    if (modelId) {
        unscored = store.unscoredVideos(modelId);
    } else {
        for (const VideoRecord& v : store.videos())
            unscored << v.id;
    }
    for (qint64 id : unscored) {
        const std::optional<VideoRecord> video = store.video(id);
        if (!video)
            continue;
        if (video->missing) {
            QTextStream(stderr) << QFileInfo(video->path).completeBaseName() << ": missing: " << video->path << Qt::endl;
            continue;
        }
        byPath.insert(video->path, *video);
        paths << video->path;
    }
    if (paths.isEmpty()) {
        QTextStream(stdout) << tr("nothing to score: every video of the project has scores of this model") << Qt::endl;
        return 0;
    }
    ScoringController controller(settings);
    int failures = 0;
    QTextStream out(stdout);
    bool modelFailed = false;
    QObject::connect(controller.worker(), &ScoringWorker::modelReady, qApp, [&] {
        try {
            modelId = store.ensureModel(record);
        } catch (const std::exception& e) {
            QTextStream(stderr) << "vigil-cli: " << e.what() << Qt::endl;
            controller.cancelAll();
        }
    });
    QObject::connect(controller.worker(), &ScoringWorker::modelFailed, qApp, [&](const QString& message) {
        modelFailed = true;
        QTextStream(stderr) << "vigil-cli: " << message.simplified() << Qt::endl;
    });
    QObject::connect(controller.worker(), &ScoringWorker::videoFinished, qApp, [&](const ScoringResult& r) {
        const VideoRecord& video = byPath[r.videoPath];
        if (!modelId)
            return;
        try {
            const int detections = storeScoringResult(store, video.id, modelId, r, classNames, video.frameRate);
            out << tr("%1: %2 frames in %3 s = %4 frames/s, %n detection(s)", nullptr, detections)
                       .arg(QFileInfo(r.videoPath).completeBaseName())
                       .arg(r.scores->frames)
                       .arg(r.seconds, 0, 'f', 2)
                       .arg(r.framesPerSecond(), 0, 'f', 2)
                << (r.fromCache ? (r.cacheByName ? tr(", from imported features") : tr(", from cached features")) : QString())
                << Qt::endl;
        } catch (const std::exception& e) {
            ++failures;
            QTextStream(stderr) << QFileInfo(r.videoPath).completeBaseName() << ": failed: " << e.what() << Qt::endl;
        }
    });
    QObject::connect(controller.worker(), &ScoringWorker::videoFailed, qApp, [&](const QString& path, const QString& message) {
        ++failures;
        if (!modelFailed)
            QTextStream(stderr) << QFileInfo(path).completeBaseName() << ": failed: " << message.simplified() << Qt::endl;
    });
    QObject::connect(controller.worker(), &ScoringWorker::idle, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    controller.enqueue(paths);
    QCoreApplication::exec();
    return failures == 0 ? 0 : kExitError;
}

int project(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Work on a Vigil project file without the desktop application.\n"
           "  create   create an empty project\n"
           "  add      add videos (folders are searched recursively)\n"
           "  info     list the project's videos, models, scores, detections, labels and ground truth\n"
           "  truth    import ground truth for the project's videos: a UCF-Crime or XD-Violence\n"
           "           annotation file, or a folder of ShanghaiTech .npy frame masks"
           "\n  score    score the project's unscored videos with the given model (model options as 'score')"
           "\n  activate make --model NAME the project's active model (the one the application scores with)"
           "\n  import-dataset  a dataset folder in one step: --videos DIR (searched recursively), --annotations FILE\n"
           "           (UCF-Crime or XD-Violence form, or a ShanghaiTech mask folder) as ground truth and labels,\n"
           "           --classes, and with --features DIR and the model options the authors' <video>.npy\n"
           "           features into the feature cache (the project is created when missing)"));
    parser.addHelpOption();
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("The project file (*.vigil)."), tr("P.vigil"));
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Frames in the encoder at once, split between its threads (default 16)."), tr("N"), QStringLiteral("16"));
    const QCommandLineOption stride(QStringLiteral("stride"), tr("Encode every K-th frame (default 1)."), tr("K"), QStringLiteral("1"));
    const QCommandLineOption modelName(QStringLiteral("model"), tr("activate: the model's name."), tr("NAME"));
    const QCommandLineOption videosDir(QStringLiteral("videos"), tr("import-dataset: the dataset's videos."), tr("DIR"));
    const QCommandLineOption annotationsFile(QStringLiteral("annotations"), tr("import-dataset: its annotations."), tr("FILE"));
    const QCommandLineOption featuresDir(QStringLiteral("features"), tr("import-dataset: its per-video .npy features."), tr("DIR"));
    parser.addOptions({projectPath, batch, stride, modelName, videosDir, annotationsFile, featuresDir});
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("create, add, info, truth, score or activate"),
                                 QStringLiteral("create|add|info|truth|score|activate"));
    parser.addPositionalArgument(QStringLiteral("VIDEO"), tr("Videos or folders (add); the annotations (truth)."), QStringLiteral("[VIDEO...]"));
    parseOrExit(parser, arguments, QStringLiteral("project"), true);
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        die(tr("missing action: create, add, info, truth or score (see 'vigil-cli project --help')"), kExitUsage);
    const QString action = positional.takeFirst();
    if (!parser.isSet(projectPath))
        die(tr("missing --project (see 'vigil-cli project --help')"), kExitUsage);
    const QString path = parser.value(projectPath);
    try {
        if (action == QLatin1String("create")) {
            if (QFileInfo::exists(path))
                die(tr("%1 already exists").arg(path));
            auto store = openStore(path, true);
            QTextStream(stdout) << tr("created %1 (schema %2)").arg(store->path()).arg(store->schemaVersion()) << Qt::endl;
        } else if (action == QLatin1String("add")) {
            if (positional.isEmpty())
                die(tr("no video given"), kExitUsage);
            // Not created here: a mistyped project name would silently start a new project.
            if (!QFileInfo::exists(path))
                die(tr("%1: no such project (make it with 'vigil-cli project create')").arg(path));
            auto store = openStore(path, false);
            QList<VideoRecord> records;
            int failures = 0;
            for (const QString& file : videoFilesIn(positional)) {
                try {
                    records << probeVideo(file);
                } catch (const std::exception& e) {
                    ++failures;
                    QTextStream(stderr) << "vigil-cli: " << QString::fromStdString(e.what()) << Qt::endl;
                }
            }
            const qsizetype before = store->videos().size();
            store->addVideos(records);
            QTextStream(stdout) << tr("%1 video(s) added, %2 in the project").arg(store->videos().size() - before).arg(store->videos().size())
                                << Qt::endl;
            return failures == 0 ? 0 : kExitError;
        } else if (action == QLatin1String("info")) {
            auto store = openStore(path, false);
            QTextStream out(stdout);
            const QList<ModelRecord> models = store->models();
            const QList<VideoRecord> videos = store->videos();
            const QHash<qint64, qint64> labelCounts = store->labelCountsByVideo();
            const QHash<qint64, qint64> truthCounts = store->groundTruthCountsByVideo();
            out << tr("project %1, schema %2, %3 video(s), %4 model(s)")
                       .arg(store->path())
                       .arg(store->schemaVersion())
                       .arg(videos.size())
                       .arg(models.size())
                << Qt::endl;
            for (const VideoRecord& v : videos) {
                out << "  " << v.id << "  " << v.path << "  " << v.frameCount << " frames  " << QString::number(v.frameRate, 'f', 2)
                    << " fps";
                if (v.missing)
                    out << "  " << tr("MISSING");
                for (const ModelRecord& m : models) {
                    if (!store->hasScores(v.id, m.id))
                        continue;
                    DetectionFilter filter;
                    filter.videoId = v.id;
                    filter.modelId = m.id;
                    out << "  " << tr("scored by %1: %2 detection(s)").arg(m.name).arg(store->detections(filter).size());
                }
                if (const qint64 labels = labelCounts.value(v.id))
                    out << "  " << tr("%n label(s)", nullptr, int(labels));
                if (const qint64 truth = truthCounts.value(v.id))
                    out << "  " << tr("%n ground-truth interval(s)", nullptr, int(truth));
                if (!v.videoClass.isEmpty())
                    out << "  " << tr("class %1").arg(v.videoClass);
                out << Qt::endl;
            }
            const qint64 active = store->activeModelId();
            QHash<qint64, QString> modelNames;
            for (const ModelRecord& m : models)
                modelNames.insert(m.id, m.name);
            if (active)
                out << tr("active model: %1").arg(modelNames.value(active)) << Qt::endl;
            for (const ModelVersionRecord& version : store->modelVersions()) {
                const QJsonObject& metrics = version.metrics;
                out << tr("model %1: fine-tuned from %2 on %3 video(s) (%4 validation), epoch %5 of %6, val AUC %7, %8")
                           .arg(modelNames.value(version.modelId), modelNames.value(version.parentModelId, tr("(removed)")))
                           .arg(version.data.value(QStringLiteral("train")).toArray().size())
                           .arg(version.data.value(QStringLiteral("validation")).toArray().size())
                           .arg(metrics.value(QStringLiteral("best_epoch")).toInt())
                           .arg(metrics.value(QStringLiteral("epochs")).toArray().size())
                           .arg(metrics.value(QStringLiteral("validation_auc")).isDouble()
                                    ? QString::number(metrics.value(QStringLiteral("validation_auc")).toDouble(), 'f', 4)
                                    : QStringLiteral("-"),
                                version.created.toLocalTime().toString(Qt::ISODate))
                    << Qt::endl;
            }
        } else if (action == QLatin1String("truth")) {
            if (positional.size() != 1)
                die(tr("give one annotation file or mask folder"), kExitUsage);
            auto store = openStore(path, false);
            const AnnotationImport imported = importAnnotations(*store, positional.first());
            QTextStream(stdout) << tr("ground truth for %1 of %2 video(s)").arg(imported.matched).arg(store->videos().size()) << Qt::endl;
            QTextStream err(stderr);
            if (!imported.unmatched.isEmpty())
                err << tr("note: %n annotated video(s) not in the project, e.g. %1", nullptr, int(imported.unmatched.size()))
                           .arg(imported.unmatched.first())
                    << Qt::endl;
            if (imported.clipped)
                err << tr("note: %n interval(s) cut at their video's last frame", nullptr, imported.clipped) << Qt::endl;
        } else if (action == QLatin1String("score")) {
            model.check(parser, QStringLiteral("project score"));
            auto store = openStore(path, false);
            return projectScore(*store, parser, model, intSetting(parser, batch, settingKey::batch, 1), intSetting(parser, stride, settingKey::stride, 1));
        } else if (action == QLatin1String("import-dataset")) {
            for (const QCommandLineOption* required : {&videosDir, &annotationsFile})
                if (!parser.isSet(*required))
                    die(tr("import-dataset needs --%1").arg(required->names().first()), kExitUsage);
            if (!parser.isSet(model.classes))
                die(tr("import-dataset needs --classes (ucf, xd, sht or an id,name file)"), kExitUsage);
            if (parser.isSet(featuresDir))
                model.check(parser, QStringLiteral("project import-dataset"));
            QTextStream out(stdout), err(stderr);
            const LabelSet labels = model.labels(parser);
            auto store = openStore(path, true);
            // 1. The videos.
            QList<VideoRecord> records;
            for (const QString& file : videoFilesIn({parser.value(videosDir)})) {
                try {
                    records << probeVideo(file);
                } catch (const std::exception& e) {
                    err << "vigil-cli: " << QString::fromStdString(e.what()) << Qt::endl;
                }
            }
            const qsizetype before = store->videos().size();
            store->addVideos(records);
            out << tr("%1 video(s) added, %2 in the project").arg(store->videos().size() - before).arg(store->videos().size())
                << Qt::endl;
            // 2. The annotations: the ground truth, and the same intervals as labels.
            const QString annotations = parser.value(annotationsFile);
            const AnnotationImport truth = importAnnotations(*store, annotations);
            const Annotations read = readAnnotations(annotations);
            LabelImportOptions options;
            for (const std::string& name : labels.fileOrderNames())
                options.knownClasses << QString::fromStdString(name);
            options.knownClasses << QStringLiteral("Anomaly"); // masks and XD-Violence names without codes
            options.defaultClass = QStringLiteral("Anomaly");
            options.normalClass = QString::fromStdString(labels.modelOrderNames()[size_t(labels.normalId())]);
            options.skipUnknownVideos = true;
            const LabelFormat format = read.format == AnnotationFormat::XdViolence ? LabelFormat::Xd
                                       : read.format == AnnotationFormat::FrameMasks ? LabelFormat::Sht
                                                                                     : LabelFormat::Ucf;
            const LabelImport imported = importLabels(*store, format, annotations, options);
            out << tr("ground truth for %1 video(s); %2 label(s) on %3 video(s)").arg(truth.matched).arg(imported.labels).arg(imported.videos)
                << Qt::endl;
            if (!imported.skippedVideos.isEmpty())
                err << tr("vigil-cli: note: %n annotated video(s) are not in the folder, e.g. %1", nullptr,
                          int(imported.skippedVideos.size()))
                           .arg(imported.skippedVideos.first())
                    << Qt::endl;
            // 3. The authors' features, filed under the videos' names for this encoder.
            if (parser.isSet(featuresDir)) {
                const auto loaded = AnomalyClipModel::load(model.loadOptions(parser), labels);
                const FeatureCache cache(FeatureCache::defaultDirectory());
                const QString encoder = QString::fromStdString(loaded->imageEncoderFingerprint());
                int filed = 0;
                QStringList missing;
                for (const VideoRecord& v : store->videos()) {
                    const QString name = annotationKey(v.path);
                    const QString npy = QDir(parser.value(featuresDir)).filePath(name + QStringLiteral(".npy"));
                    if (!QFileInfo::exists(npy)) {
                        missing << name;
                        continue;
                    }
                    const NpyArray probe = readNpy(QFile::encodeName(npy).toStdString());
                    if (probe.shape.size() != 2 || probe.shape[1] != loaded->config().embedDim)
                        throw Error(QFile::encodeName(npy).toStdString() + ": expected [T, " +
                                    std::to_string(loaded->config().embedDim) + "] features for this model");
                    if (v.frameCount > 0 && probe.shape[0] != v.frameCount) {
                        // Scores must line up with frames: such features would be ignored anyway.
                        err << tr("vigil-cli: note: %1 has %2 rows for the %3 frames of %4: not used")
                                   .arg(npy)
                                   .arg(probe.shape[0])
                                   .arg(v.frameCount)
                                   .arg(name)
                            << Qt::endl;
                        continue;
                    }
                    cache.importNamed(npy, name, encoder);
                    ++filed;
                }
                out << tr("features of %1 video(s) in the cache").arg(filed) << Qt::endl;
                if (!missing.isEmpty())
                    err << tr("vigil-cli: note: no features for %n video(s), e.g. %1 (they are decoded when scored)", nullptr,
                              int(missing.size()))
                               .arg(missing.first())
                        << Qt::endl;
            }
        } else if (action == QLatin1String("activate")) {
            auto store = openStore(path, false);
            qint64 id = 0;
            QStringList names;
            for (const ModelRecord& m : store->models()) {
                names << m.name;
                if (m.name == parser.value(modelName))
                    id = m.id;
            }
            if (!id)
                die(tr("no model named '%1'; the project's: %2").arg(parser.value(modelName), names.join(QStringLiteral(", "))));
            store->setActiveModelId(id);
            QTextStream(stdout) << tr("active model: %1").arg(parser.value(modelName)) << Qt::endl;
        } else {
            die(tr("unknown action '%1': create, add, info, truth, score or activate").arg(action), kExitUsage);
        }
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
