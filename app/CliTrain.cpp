// vigil-cli train: fine-tune a checkpoint on a dataset's cached features (the paper's
// objective, optionally with frame-level supervision), one line per epoch, a progress bar
// on a terminal, Ctrl-C to stop (resumable with --state), the best epoch exported.
#include "CliCommon.h"

#include "model/Error.h"
#include "model/NewClasses.h"
#include "model/Trainer.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "scoring/ProjectScoring.h"
#include "training/TrainingData.h"
#include "training/TrainedVersion.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace vigil::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

QString number(double value, int precision = 4)
{
    return std::isfinite(value) ? QString::number(value, 'f', precision) : QStringLiteral("-");
}

QString epochLine(const EpochReport& r)
{
    const LossTerms& l = r.loss;
    QString line = tr("epoch %1/%2: loss %3 (dir_abn %4 dir_nor %5 topk_abn %6 bottomk_abn %7 topk_nor %8 smooth %9 "
                      "sparse %10")
                       .arg(r.epoch)
                       .arg(r.epochs)
                       .arg(number(l.total), number(l.dirAbnormal), number(l.dirNormal), number(l.topkAbnormal),
                            number(l.bottomkAbnormal), number(l.topkNormal), number(l.smooth, 5), number(l.sparse, 5));
    if (l.frame != 0)
        line += tr(" frame %1").arg(number(l.frame));
    line += tr("), lr %1, val AUC %2 AP %3, %4 s")
                .arg(QString::number(r.learningRate, 'g', 3), number(r.validationAuc), number(r.validationAp))
                .arg(r.seconds, 0, 'f', 1);
    if (r.best)
        line += tr(", best");
    return line;
}

// Runs the remaining epochs, one line each; false when stopped (Ctrl-C).
bool runEpochs(Trainer& trainer, const QString& statePath)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const int epochs = trainer.options().epochs;
    while (!trainer.finished()) {
        QElapsedTimer timer;
        timer.start();
        const int epoch = trainer.epochsDone() + 1;
        EpochReport report;
        try {
            report = trainer.runEpoch([&](int step, int steps) {
                if (terminal) {
                    const double perStep = double(timer.elapsed()) / 1000.0 / step;
                    const int filled = 30 * step / steps;
                    std::fprintf(stderr, "\repoch %d/%d [%s%s] step %d/%d, %.1f s/step, %.0f s left  ", epoch, epochs,
                                 std::string(size_t(filled), '#').c_str(), std::string(size_t(30 - filled), ' ').c_str(), step,
                                 steps, perStep, perStep * (steps - step));
                    std::fflush(stderr);
                }
                return !g_interrupted.load();
            });
        } catch (const Cancelled&) {
            if (terminal)
                std::fprintf(stderr, "\n");
            err << tr("vigil-cli: stopped during epoch %1; nothing written").arg(epoch)
                << (statePath.isEmpty() ? QString() : tr(", resume with --state %1 (after epoch %2)").arg(statePath).arg(epoch - 1))
                << Qt::endl;
            return false;
        }
        if (terminal)
            std::fprintf(stderr, "\r%*s\r", 100, "");
        out << epochLine(report) << Qt::endl;
        if (!statePath.isEmpty())
            trainer.saveState(QFile::encodeName(statePath).toStdString());
    }
    return true;
}


} // namespace

int train(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fine-tune an AnomalyCLIP checkpoint on cached CLIP features (the paper's training objective).\n"
           "--features-dir DIR holds <video>.npy ([T, D]) for every video of --annotations FILE, an annotation\n"
           "file in the UCF-Crime form 'Name Class s1 e1 s2 e2' (-1 for none): the class is the video's weak\n"
           "label, the intervals (when given) label its frames. Without --validation, a fifth of each class's\n"
           "videos is held out. The best epoch (validation AUC) is written to --out-checkpoint, a Lightning-style\n"
           "checkpoint the authors' code and Vigil load, with its normal centroid in --out-centroid.\n"
           "Ctrl-C stops after the current step; with --state FILE the run resumes from the last epoch."));
    parser.addHelpOption();
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption featuresDir(QStringLiteral("features-dir"), tr("Folder of <video>.npy features."), tr("DIR"));
    const QCommandLineOption annotations(QStringLiteral("annotations"), tr("Training videos and their classes."), tr("FILE"));
    const QCommandLineOption validation(QStringLiteral("validation"), tr("Validation videos (same form, features in DIR)."), tr("FILE"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), tr("Epochs (default 50)."), tr("N"), QStringLiteral("50"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), tr("Warm-up epochs, the first at lr 0 (default 5)."), tr("N"),
                                    QStringLiteral("5"));
    const QCommandLineOption lr(QStringLiteral("lr"), tr("Learning rate (default: the paper's for the classes, 1e-5 UCF-Crime, "
                                                         "5e-6 XD-Violence, 5e-4 ShanghaiTech)."),
                                tr("X"));
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Videos per step, half abnormal (default 64)."), tr("N"),
                                   QStringLiteral("64"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed (default 0)."), tr("S"), QStringLiteral("0"));
    const QCommandLineOption frameSupervision(QStringLiteral("frame-supervision"),
                                              tr("Weight of the frame-level term on labelled frames (default 0: off)."),
                                              tr("W"), QStringLiteral("0"));
    const QCommandLineOption keepCentroid(QStringLiteral("keep-centroid"),
                                          tr("Keep the model's normal centroid instead of the normal videos' mean."));
    const QCommandLineOption state(QStringLiteral("state"), tr("Save the run after every epoch here, and resume from it."),
                                   tr("FILE"));
    const QCommandLineOption outCheckpoint(QStringLiteral("out-checkpoint"), tr("The fine-tuned checkpoint."), tr("NEW.ckpt"));
    const QCommandLineOption outCentroid(QStringLiteral("out-centroid"), tr("Its normal centroid."), tr("NEW.pt"));
    const QCommandLineOption projectPath(QStringLiteral("project"),
                                         tr("Train on a project's videos with a class (the annotations' or the labels') and "
                                            "their labels; unscored ones are scored first. The result is a new model of the "
                                            "project, re-scored at once."),
                                         tr("P.vigil"));
    const QCommandLineOption addClass(QStringLiteral("add-class"),
                                      tr("A class the model lacks, learned with its own prompt and context (needs --vocab); "
                                         "repeat for more."),
                                      tr("NAME"));
    const QCommandLineOption outClasses(QStringLiteral("out-classes"),
                                        tr("With --add-class: the new class list (default: <out-checkpoint>.classes.csv)."),
                                        tr("FILE"));
    const QCommandLineOption outName(QStringLiteral("out"), tr("With --project: the new model's name (default: <model>-ft<N>)."),
                                     tr("NAME"));
    parser.addOptions({featuresDir, annotations, validation, epochs, warmup, lr, batch, seed, frameSupervision, keepCentroid,
                       state, outCheckpoint, outCentroid, projectPath, outName, addClass, outClasses});
    parseOrExit(parser, arguments, QStringLiteral("train"));
    model.check(parser, QStringLiteral("train"));
    const bool fromProject = parser.isSet(projectPath);
    if (fromProject && (parser.isSet(featuresDir) || parser.isSet(annotations) || parser.isSet(outCheckpoint)))
        die(tr("give either --project or --features-dir with --annotations and --out-checkpoint, not both"), kExitUsage);
    if (!fromProject)
        for (const QCommandLineOption* required : {&featuresDir, &annotations, &outCheckpoint, &outCentroid})
            if (!parser.isSet(*required))
                die(tr("missing --%1 (see 'vigil-cli train --help')").arg(required->names().first()), kExitUsage);

    TrainingOptions options;
    options.epochs = intOption(parser, epochs, 1);
    options.warmupEpochs = intOption(parser, warmup, 0);
    options.batchSize = intOption(parser, batch, 2);
    options.seed = uint64_t(intOption(parser, seed, 0));
    options.recomputeCentroid = !parser.isSet(keepCentroid);
    bool ok = true;
    options.frameSupervision = parser.value(frameSupervision).toDouble(&ok);
    if (!ok || options.frameSupervision < 0)
        die(tr("--frame-supervision takes a weight of 0 or more"), kExitUsage);
    options.learningRate = paperLearningRate(parser.value(model.classes).toStdString());
    if (parser.isSet(lr)) {
        options.learningRate = parser.value(lr).toDouble(&ok);
        if (!ok || !(options.learningRate > 0))
            die(tr("--lr takes a positive number"), kExitUsage);
    }
    const SessionOptions session = model.sessionOptions(parser);
    options.device = session.device == ComputeDevice::Auto ? ComputeDevice::Auto : session.device;
    options.threads = session.threads;

    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        const LabelSet labels = model.labels(parser);
        ModelLoadOptions load = model.loadOptions(parser);
        load.keepTextEncoder = true;
        std::shared_ptr<const AnomalyClipModel> base = AnomalyClipModel::load(load, labels);
        for (const std::string& warning : base->warnings())
            err << "vigil-cli: warning: " << QString::fromStdString(warning) << Qt::endl;
        const QStringList added = parser.values(addClass);
        if (!added.isEmpty()) {
            if (load.vocabularyPath.empty())
                throw Error("--add-class needs CLIP's vocabulary (--vocab) to make the new classes' prompts");
            std::vector<std::string> names;
            for (const QString& name : added)
                names.push_back(name.toStdString());
            base = withNewClasses(*base, names, load.vocabularyPath);
            for (const QString& name : added)
                out << tr("new class '%1': prompt \"%2\", its own context")
                           .arg(name.trimmed(),
                                QString::fromStdString(base->labels().promptText(
                                    classIndex(base->labels(), name), base->config().contextTokens)))
                    << Qt::endl;
        }
        const LabelSet& trainedLabels = base->labels();
        const int dim = base->config().embedDim;
        std::vector<TrainingVideo> trainVideos, validationVideos;
        std::unique_ptr<ProjectStore> store;
        QHash<QString, qint64> videoIds;
        ModelRecord baseRecord;
        ScoringSettings scoring;
        QString modelDir, newName;
        if (fromProject) {
            if (!QFileInfo::exists(parser.value(projectPath)))
                throw Error(QFile::encodeName(parser.value(projectPath)).toStdString() + ": no such project");
            store = ProjectStore::open(parser.value(projectPath), ProjectStore::OpenMode::OpenExisting);
            baseRecord.checkpointPath = QFileInfo(parser.value(model.checkpoint)).absoluteFilePath();
            baseRecord.centroidPath = QFileInfo(parser.value(model.centroid)).absoluteFilePath();
            baseRecord.labels = parser.value(model.classes);
            baseRecord.name = QFileInfo(QFileInfo(baseRecord.checkpointPath).path()).fileName();
            newName = parser.value(outName);
            if (newName.isEmpty()) {
                int n = 1;
                QStringList taken;
                for (const ModelRecord& m : store->models())
                    taken << m.name;
                while (taken.contains(QStringLiteral("%1-ft%2").arg(baseRecord.name).arg(n)))
                    ++n;
                newName = QStringLiteral("%1-ft%2").arg(baseRecord.name).arg(n);
            }
            for (const ModelRecord& m : store->models())
                if (m.name == newName)
                    throw Error("the project has a model named '" + newName.toStdString() + "' already: choose another --out");
            const QFileInfo projectInfo(store->path());
            modelDir = QDir(projectInfo.absolutePath()).filePath(projectInfo.completeBaseName() + QStringLiteral(".models/") + newName);
            if (QFileInfo::exists(modelDir))
                throw Error(QFile::encodeName(modelDir).toStdString() + ": exists already: choose another --out");
            scoring.labels = labels;
            scoring.model = model.loadOptions(parser);
            scoring.session = model.sessionOptions(parser);
            scoring.provisionalScores = false;
            scoring.cacheDirectory = FeatureCache::defaultDirectory();
            const FeatureCache cache(scoring.cacheDirectory);
            const QMap<QString, int> missing = classesNotInModel(*store, trainedLabels);
            for (auto it = missing.constBegin(); it != missing.constEnd(); ++it)
                err << tr("vigil-cli: note: class '%1' (%n video(s)) is not one of the model's: its videos are left out; "
                          "--add-class \"%1\" learns it",
                          nullptr, it.value())
                           .arg(it.key())
                    << Qt::endl;
            ProjectTrainingSet set = projectTrainingVideos(*store, *base, cache);
            if (!set.unscored.isEmpty()) {
                out << tr("scoring %n video(s) without cached features first", nullptr, int(set.unscored.size())) << Qt::endl;
                if (scoreUnscored(*store, scoring, baseRecord) != 0)
                    throw Error("scoring the project's videos failed: see above");
                set = projectTrainingVideos(*store, *base, cache);
            }
            for (const QString& why : set.skipped)
                err << tr("vigil-cli: note: left out %1").arg(why) << Qt::endl;
            for (qsizetype i = 0; i < set.videoIds.size(); ++i)
                videoIds.insert(QString::fromStdString(set.videos[size_t(i)].name), set.videoIds[i]);
            trainVideos = std::move(set.videos);
        } else {
            trainVideos = trainingVideosFromFiles(parser.value(featuresDir), parser.value(annotations), trainedLabels, dim);
            if (parser.isSet(validation))
                validationVideos =
                    trainingVideosFromFiles(parser.value(featuresDir), parser.value(validation), trainedLabels, dim);
        }
        Trainer trainer(base, std::move(trainVideos), std::move(validationVideos), options);
        for (const std::string& warning : trainer.summary().warnings)
            err << "vigil-cli: warning: " << QString::fromStdString(warning) << Qt::endl;
        out << tr("training on %1 video(s), validating on %2, %3 epoch(s), lr %4, batch %5, seed %6")
                   .arg(trainer.trainNames().size())
                   .arg(trainer.validationNames().size())
                   .arg(options.epochs)
                   .arg(QString::number(options.learningRate, 'g', 3))
                   .arg(options.batchSize)
                   .arg(options.seed)
            << Qt::endl;
        const QString statePath = parser.value(state);
        if (!statePath.isEmpty() && QFileInfo::exists(statePath)) {
            trainer.loadState(QFile::encodeName(statePath).toStdString());
            out << tr("resumed from %1 after epoch %2").arg(statePath).arg(trainer.epochsDone()) << Qt::endl;
            for (const EpochReport& r : trainer.history())
                out << epochLine(r) << Qt::endl;
        } else {
            const auto [auc, ap] = trainer.evaluateValidation();
            out << tr("before training: val AUC %1 AP %2").arg(number(auc), number(ap)) << Qt::endl;
        }
        if (!runEpochs(trainer, statePath))
            return kExitError;
        const EpochReport& best = trainer.history()[size_t(trainer.bestEpoch() - 1)];
        if (!fromProject) {
            trainer.exportBest(QFile::encodeName(parser.value(outCheckpoint)).toStdString(),
                               QFile::encodeName(parser.value(outCentroid)).toStdString());
            out << tr("wrote %1 and %2: epoch %3, val AUC %4 AP %5")
                       .arg(parser.value(outCheckpoint), parser.value(outCentroid))
                       .arg(best.epoch)
                       .arg(number(best.validationAuc), number(best.validationAp))
                << Qt::endl;
            if (!added.isEmpty()) {
                const QString classesPath = parser.isSet(outClasses) ? parser.value(outClasses)
                                                                     : parser.value(outCheckpoint) + QStringLiteral(".classes.csv");
                writeClassList(classesPath, trainedLabels);
                out << tr("wrote %1: its %2 classes (load it with --classes %1)").arg(classesPath).arg(trainedLabels.size())
                    << Qt::endl;
            }
            return 0;
        }
        // A model version of the project: written beside it, recorded with its data,
        // options and history, then every video re-scored (from cached features).
        TrainedVersion version;
        version.base = baseRecord;
        version.name = newName;
        version.folder = modelDir;
        version.videoIds = videoIds;
        version.addedClasses = added;
        const ModelRecord tuned = saveTrainedVersion(*store, trainer, trainedLabels, version);
        out << tr("model '%1' (epoch %2, val AUC %3 AP %4) written to %5; re-scoring the project with it")
                   .arg(newName)
                   .arg(best.epoch)
                   .arg(number(best.validationAuc), number(best.validationAp), modelDir)
            << Qt::endl;
        ScoringSettings rescoring = scoring;
        rescoring.labels = trainedLabels;
        rescoring.model.checkpointPath = tuned.checkpointPath.toStdString();
        rescoring.model.centroidPath = tuned.centroidPath.toStdString();
        return scoreUnscored(*store, rescoring, tuned);
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
