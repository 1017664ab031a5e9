// vigil-cli eval: the paper's frame-level metrics of scores against ground truth, from a
// folder of scores CSV files and an annotation file, or from a project.
#include "CliCommon.h"

#include "model/Error.h"
#include "model/ScoresCsv.h"
#include "project/AnnotationFile.h"
#include "project/ProjectStore.h"
#include "review/Evaluation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace vigil::cli {

namespace {

QString figure(double value)
{
    return std::isfinite(value) ? QString::number(value, 'f', 4) : QStringLiteral("-");
}

void printTable(const Evaluation& e)
{
    QTextStream out(stdout);
    const FrameMetrics& m = e.metrics;
    out << tr("%1 frames (%2 abnormal) in %n video(s)", nullptr, int(e.videos.size())).arg(m.frames).arg(m.abnormalFrames)
        << Qt::endl;
    out << tr("AUC-ROC %1   AP %2   optimal threshold %3").arg(figure(m.aucRoc), figure(m.aucPr), figure(m.optimalThreshold))
        << Qt::endl;
    out << tr("mAUC %1   mAP %2   mean top-1 %3   mean top-5 %4")
               .arg(figure(m.meanClassAucRoc), figure(m.meanClassAucPr), figure(m.meanTop1Accuracy), figure(m.meanTop5Accuracy))
        << Qt::endl
        << Qt::endl;
    int width = 5;
    for (const QString& name : e.classNames)
        width = std::max(width, int(name.size()));
    out << tr("class").leftJustified(width + 2) << tr("    AUC      AP   top-1   top-5") << Qt::endl;
    for (int c = 0; c < e.classNames.size(); ++c) {
        out << e.classNames[c].leftJustified(width + 2) << figure(m.classAucRoc[size_t(c)]).rightJustified(7)
            << figure(m.classAucPr[size_t(c)]).rightJustified(8) << figure(m.top1Accuracy[size_t(c)]).rightJustified(8)
            << figure(m.top5Accuracy[size_t(c)]).rightJustified(8) << (c == e.normalId ? tr("  (normal)") : QString())
            << Qt::endl;
    }
    out << Qt::endl << tr("per video: frames, abnormal frames, AUC-ROC, AP") << Qt::endl;
    for (const VideoEvaluation& v : e.videos)
        out << "  " << v.name << "  " << v.frames << "  " << v.abnormalFrames << "  " << figure(v.aucRoc) << "  "
            << figure(v.aucPr) << Qt::endl;
}

void writeJson(const QString& path, const Evaluation& e)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
    file.write(QJsonDocument(evaluationJson(e)).toJson());
    if (!file.commit())
        throw Error(QFile::encodeName(path).toStdString() + ": write failed (" + file.errorString().toStdString() + ")");
}

Evaluation evaluateFiles(const QString& scoresDir, const QString& annotationsPath, const LabelSet& labels)
{
    const Annotations annotations = readAnnotations(annotationsPath);
    QStringList names = annotations.videos.keys();
    names.sort();
    QStringList classNames;
    for (const std::string& name : labels.modelOrderNames())
        classNames << QString::fromStdString(name);
    QList<EvaluationVideo> videos;
    for (const QString& name : names) {
        const QString csv = QDir(scoresDir).filePath(name + QStringLiteral(".scores.csv"));
        if (!QFileInfo::exists(csv))
            throw Error(QFile::encodeName(csv).toStdString() + ": no scores for video '" + name.toStdString() +
                        "' of the annotations (score it with 'vigil-cli score --out-dir')");
        const VideoScores scores = readScoresCsvFile(QFile::encodeName(csv).toStdString(), labels);
        videos << EvaluationVideo{name, scores.scores, scores.classProbs, annotations.videos.value(name)};
    }
    return evaluate(videos, classNames, labels.normalId());
}

Evaluation evaluateProject(const QString& path, const QString& modelName)
{
    if (!QFileInfo::exists(path))
        throw Error(QFile::encodeName(path).toStdString() + ": no such project");
    const auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
    const QList<VideoRecord> allVideos = store->videos();
    QList<ModelRecord> candidates;
    QStringList withScores;
    for (const ModelRecord& m : store->models()) {
        bool scored = false;
        for (const VideoRecord& v : allVideos)
            scored = scored || store->hasScores(v.id, m.id);
        if (!scored)
            continue;
        withScores << m.name;
        if (modelName.isEmpty() || m.name == modelName)
            candidates << m;
    }
    if (withScores.isEmpty())
        throw Error(QFile::encodeName(path).toStdString() + ": no video of the project has scores");
    if (candidates.isEmpty())
        throw Error("no model named '" + modelName.toStdString() + "' has scores; the project's: " +
                    withScores.join(QStringLiteral(", ")).toStdString());
    if (candidates.size() > 1)
        throw Error("several models have scores (" + withScores.join(QStringLiteral(", ")).toStdString() +
                    "): choose one with --model");
    const ModelRecord& model = candidates.first();
    QList<EvaluationVideo> videos;
    QStringList classNames;
    int normalId = 0;
    for (const VideoRecord& v : allVideos) {
        const std::optional<ScoreTrack> track = store->scores(v.id, model.id);
        if (!track)
            continue;
        classNames = track->classNames;
        normalId = track->normalId;
        videos << EvaluationVideo{QFileInfo(v.path).completeBaseName(), track->scores, track->classProbs,
                                  store->groundTruth(v.id)};
    }
    return evaluate(videos, classNames, normalId);
}

} // namespace

int eval(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The paper's frame-level metrics (AUC-ROC, AP, optimal threshold, per-class AUC and AP, their\n"
           "means, top-1 and top-5 accuracy) of scores against ground truth, over all frames of all videos.\n"
           "  From files: --scores-dir DIR (DIR/<video>.scores.csv, as 'vigil-cli score' writes them)\n"
           "              --annotations FILE (UCF-Crime form 'Name Class s1 e1 s2 e2', -1 for none;\n"
           "              also XD-Violence annotations.txt or ShanghaiTech masks) --classes ucf|xd|sht|FILE\n"
           "  From a project: --project P.vigil [--model NAME]: every video with scores of the model;\n"
           "              a video without ground-truth intervals counts as normal."));
    parser.addHelpOption();
    const QCommandLineOption scoresDir(QStringLiteral("scores-dir"), tr("Folder of <video>.scores.csv files."), tr("DIR"));
    const QCommandLineOption annotations(QStringLiteral("annotations"), tr("Ground-truth annotation file."), tr("FILE"));
    const QCommandLineOption classes(QStringLiteral("classes"), tr("Class list: ucf, xd, sht or an id,name CSV."), tr("LABELS"));
    const QCommandLineOption normal(QStringLiteral("normal"), tr("Name of the normal class (default 'normal')."), tr("NAME"),
                                    QStringLiteral("normal"));
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("Evaluate a project's scores and ground truth."), tr("P.vigil"));
    const QCommandLineOption modelName(QStringLiteral("model"), tr("With --project: the model whose scores to evaluate."), tr("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Also write the metrics as JSON."), tr("OUT.json"));
    parser.addOptions({scoresDir, annotations, classes, normal, projectPath, modelName, json});
    parseOrExit(parser, arguments, QStringLiteral("eval"));
    const bool fromProject = parser.isSet(projectPath);
    if (fromProject && (parser.isSet(scoresDir) || parser.isSet(annotations)))
        die(tr("give either --project or --scores-dir with --annotations, not both"), kExitUsage);
    if (!fromProject)
        for (const QCommandLineOption* required : {&scoresDir, &annotations, &classes})
            if (!parser.isSet(*required))
                die(tr("missing --%1 (see 'vigil-cli eval --help')").arg(required->names().first()), kExitUsage);
    try {
        const Evaluation result =
            fromProject ? evaluateProject(parser.value(projectPath), parser.value(modelName))
                        : evaluateFiles(parser.value(scoresDir), parser.value(annotations),
                                        LabelSet::resolve(parser.value(classes).toStdString(), parser.value(normal).toStdString()));
        printTable(result);
        if (parser.isSet(json))
            writeJson(parser.value(json), result);
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
