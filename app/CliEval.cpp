// vigil-cli eval: the paper's frame-level metrics of scores against ground truth, from a
// folder of scores CSV files and an annotation file, or from a project.
#include "CliCommon.h"

#include "model/Error.h"
#include "model/ScoresCsv.h"
#include "project/AnnotationFile.h"
#include "project/ProjectStore.h"
#include "review/Evaluation.h"
#include "review/ModelComparison.h"

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
    out << tr("truth: %1").arg(e.truth) << Qt::endl;
    out << tr("%1 frames (%2 abnormal) in %n video(s)", nullptr, int(e.videos.size())).arg(m.frames).arg(m.abnormalFrames)
        << Qt::endl;
    if (!e.leftOut.isEmpty())
        out << tr("left out, no known truth: %1").arg(e.leftOut.join(QStringLiteral(", "))) << Qt::endl;
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

void writeJsonFile(const QString& path, const QJsonObject& json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
    file.write(QJsonDocument(json).toJson());
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
    Evaluation e = evaluate(videos, classNames, labels.normalId());
    e.truth = QStringLiteral("annotation file ") + QFileInfo(annotationsPath).fileName();
    return e;
}

// The project's model of that name with scores, or the only one with scores.
ModelRecord scoredModel(const ProjectStore& store, const QString& modelName)
{
    const QList<VideoRecord> allVideos = store.videos();
    QList<ModelRecord> candidates;
    QStringList withScores;
    for (const ModelRecord& m : store.models()) {
        bool scored = false;
        for (const VideoRecord& v : allVideos)
            scored = scored || store.hasScores(v.id, m.id);
        if (!scored)
            continue;
        withScores << m.name;
        if (modelName.isEmpty() || m.name == modelName)
            candidates << m;
    }
    if (withScores.isEmpty())
        throw Error(QFile::encodeName(store.path()).toStdString() + ": no video of the project has scores");
    if (candidates.isEmpty())
        throw Error("no model named '" + modelName.toStdString() + "' has scores; the project's: " +
                    withScores.join(QStringLiteral(", ")).toStdString());
    if (candidates.size() > 1)
        throw Error("several models have scores (" + withScores.join(QStringLiteral(", ")).toStdString() +
                    "): choose one with --model");
    return candidates.first();
}

std::unique_ptr<ProjectStore> openProject(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw Error(QFile::encodeName(path).toStdString() + ": no such project");
    return ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
}

QString change(double value)
{
    return std::isfinite(value) ? (value >= 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'f', 4)
                                : QStringLiteral("-");
}

QString change(qint64 value) { return (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value); }

void printComparison(const ModelComparison& c)
{
    QTextStream out(stdout);
    out << tr("truth: %1").arg(truthSourceName(c.truth)) << Qt::endl;
    out << tr("%1 against %2 on %n video(s), threshold %3", nullptr, int(c.videos.size()))
               .arg(c.nameB, c.nameA)
               .arg(c.threshold, 0, 'f', 2)
        << Qt::endl;
    out << tr("AUC-ROC %1 -> %2 (%3)   AP %4 -> %5 (%6)")
               .arg(figure(c.aucA), figure(c.aucB), change(c.aucB - c.aucA), figure(c.apA), figure(c.apB), change(c.apB - c.apA))
        << Qt::endl;
    out << tr("false-positive frames %1 -> %2 (%3)   missed abnormal frames %4 -> %5 (%6)")
               .arg(c.falsePositivesA)
               .arg(c.falsePositivesB)
               .arg(change(c.falsePositivesB - c.falsePositivesA))
               .arg(c.missedA)
               .arg(c.missedB)
               .arg(change(c.missedB - c.missedA))
        << Qt::endl
        << Qt::endl;
    int width = 5;
    for (const VideoComparison& v : c.videos)
        width = std::max(width, int(v.name.size()));
    out << tr("video").leftJustified(width + 2) << tr("   frames  abnormal    AUC A    AUC B   change     FP A     FP B   change")
        << Qt::endl;
    for (const VideoComparison& v : c.videos)
        out << v.name.leftJustified(width + 2) << QString::number(v.frames).rightJustified(9)
            << QString::number(v.abnormalFrames).rightJustified(10) << figure(v.aucA).rightJustified(9)
            << figure(v.aucB).rightJustified(9) << change(v.aucChange()).rightJustified(9)
            << QString::number(v.falsePositivesA).rightJustified(9) << QString::number(v.falsePositivesB).rightJustified(9)
            << change(v.falsePositiveChange()).rightJustified(9) << Qt::endl;
    out << tr("(A: %1, B: %2; most regressed first)").arg(c.nameA, c.nameB) << Qt::endl;
    if (!c.onlyOne.isEmpty())
        out << tr("left out, scored by one model only: %1").arg(c.onlyOne.join(QStringLiteral(", "))) << Qt::endl;
    if (!c.leftOut.isEmpty())
        out << tr("left out, no known truth: %1").arg(c.leftOut.join(QStringLiteral(", "))) << Qt::endl;
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
           "  From a project: --project P.vigil [--model NAME] [--truth ground|labels|both]: every video\n"
           "              with scores of the model and a known truth. The truth: the imported ground truth,\n"
           "              the analysts' labels, or both (default; a label wins over the ground truth where\n"
           "              both cover a frame). A video with no interval counts, all normal, when its class\n"
           "              is the normal one, and is left out otherwise. The research window uses the same.\n"
           "  Two models of a project: --project P.vigil --model B --compare A [--threshold X]: per video,\n"
           "              the change in AUC and AP and in false-positive frames at the threshold (default:\n"
           "              the project's detection threshold), most regressed first."));
    parser.addHelpOption();
    const QCommandLineOption scoresDir(QStringLiteral("scores-dir"), tr("Folder of <video>.scores.csv files."), tr("DIR"));
    const QCommandLineOption annotations(QStringLiteral("annotations"), tr("Ground-truth annotation file."), tr("FILE"));
    const QCommandLineOption classes(QStringLiteral("classes"), tr("Class list: ucf, xd, sht or an id,name CSV."), tr("LABELS"));
    const QCommandLineOption normal(QStringLiteral("normal"), tr("Name of the normal class (default 'normal')."), tr("NAME"),
                                    QStringLiteral("normal"));
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("Evaluate a project's scores and ground truth."), tr("P.vigil"));
    const QCommandLineOption modelName(QStringLiteral("model"), tr("With --project: the model whose scores to evaluate."), tr("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Also write the metrics as JSON."), tr("OUT.json"));
    const QCommandLineOption compare(QStringLiteral("compare"), tr("With --project and --model: the model to compare with."),
                                     tr("NAME"));
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       tr("With --compare: the score at which a frame is an alarm (default: the project's)."),
                                       tr("X"));
    const QCommandLineOption truthSource(QStringLiteral("truth"),
                                         tr("With --project: what a frame's truth is: ground, labels or both (default both)."),
                                         tr("SOURCE"), QStringLiteral("both"));
    parser.addOptions({scoresDir, annotations, classes, normal, projectPath, modelName, json, compare, threshold, truthSource});
    parseOrExit(parser, arguments, QStringLiteral("eval"));
    const bool fromProject = parser.isSet(projectPath);
    if (fromProject && (parser.isSet(scoresDir) || parser.isSet(annotations)))
        die(tr("give either --project or --scores-dir with --annotations, not both"), kExitUsage);
    if (!fromProject)
        for (const QCommandLineOption* required : {&scoresDir, &annotations, &classes})
            if (!parser.isSet(*required))
                die(tr("missing --%1 (see 'vigil-cli eval --help')").arg(required->names().first()), kExitUsage);
    if (parser.isSet(compare) && (!fromProject || !parser.isSet(modelName)))
        die(tr("--compare needs --project and --model"), kExitUsage);
    if (parser.isSet(threshold) && !parser.isSet(compare))
        die(tr("--threshold goes with --compare"), kExitUsage);
    if (parser.isSet(truthSource) && !fromProject)
        die(tr("--truth goes with --project (a file's truth is its annotations)"), kExitUsage);
    const std::optional<TruthSource> truth = parseTruthSource(parser.value(truthSource));
    if (!truth)
        die(tr("--truth takes ground, labels or both, not '%1'").arg(parser.value(truthSource)), kExitUsage);
    try {
        if (parser.isSet(compare)) {
            const auto store = openProject(parser.value(projectPath));
            const ModelRecord b = scoredModel(*store, parser.value(modelName));
            const ModelRecord a = scoredModel(*store, parser.value(compare));
            double alarm = store->detectionSettings().threshold;
            if (parser.isSet(threshold)) {
                bool ok = false;
                alarm = parser.value(threshold).toDouble(&ok);
                if (!ok || alarm < 0 || alarm > 1)
                    die(tr("--threshold takes a score from 0 to 1"), kExitUsage);
            }
            const ModelComparison result = compareModels(*store, a.id, b.id, alarm, *truth);
            printComparison(result);
            if (parser.isSet(json))
                writeJsonFile(parser.value(json), modelComparisonJson(result));
            return 0;
        }
        std::unique_ptr<ProjectStore> store;
        if (fromProject)
            store = openProject(parser.value(projectPath));
        const Evaluation result =
            fromProject ? evaluateProjectModel(*store, scoredModel(*store, parser.value(modelName)).id, *truth)
                        : evaluateFiles(parser.value(scoresDir), parser.value(annotations),
                                        LabelSet::resolve(parser.value(classes).toStdString(), parser.value(normal).toStdString()));
        printTable(result);
        if (parser.isSet(json))
            writeJsonFile(parser.value(json), evaluationJson(result));
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
