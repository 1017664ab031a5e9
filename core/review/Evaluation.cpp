// Evaluation of scores against ground truth.
#include "review/Evaluation.h"

#include "model/Error.h"

#include <QJsonArray>

#include <cmath>

namespace vigil {

QString classKey(QString name)
{
    return name.replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed().toLower();
}

namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray array;
    for (const double v : values)
        array.append(number(v));
    return array;
}

} // namespace

std::vector<int> frameLabels(qint64 frames, const QList<GroundTruthInterval>& truth, const QStringList& classNames,
                             int normalId, const QString& videoName)
{
    std::vector<int> labels(static_cast<size_t>(std::max<qint64>(frames, 0)), normalId);
    for (const GroundTruthInterval& interval : truth) {
        int cls = -1;
        for (int c = 0; c < classNames.size(); ++c)
            if (classKey(classNames[c]) == classKey(interval.className))
                cls = c;
        if (cls < 0)
            throw Error(videoName.toStdString() + ": class '" + interval.className.toStdString() +
                        "' of frames " + std::to_string(interval.startFrame) + "-" +
                        std::to_string(interval.endFrame - 1) + " is not one of the model's classes");
        for (qint64 f = std::max<qint64>(interval.startFrame, 0); f < std::min(interval.endFrame, frames); ++f)
            labels[size_t(f)] = cls;
    }
    return labels;
}

Evaluation evaluate(const QList<EvaluationVideo>& videos, const QStringList& classNames, int normalId)
{
    if (videos.isEmpty())
        throw Error("no video to evaluate");
    const int classes = int(classNames.size());
    Evaluation result;
    result.classNames = classNames;
    result.normalId = normalId;
    std::vector<float> scores, probs;
    std::vector<int> labels;
    for (const EvaluationVideo& video : videos) {
        const qint64 frames = qint64(video.scores.size());
        if (qint64(video.classProbs.size()) != frames * classes)
            throw Error(video.name.toStdString() + ": " + std::to_string(video.classProbs.size()) +
                        " class probabilities for " + std::to_string(frames) + " frames of " +
                        std::to_string(classes) + " classes");
        const std::vector<int> own = frameLabels(frames, video.truth, classNames, normalId, video.name);
        VideoEvaluation row;
        row.name = video.name;
        row.frames = frames;
        std::vector<uint8_t> positive(own.size());
        for (size_t t = 0; t < own.size(); ++t)
            row.abnormalFrames += positive[t] = own[t] != normalId;
        const BinaryCurve curve = binaryCurve(video.scores.data(), positive.data(), frames);
        const bool both = curve.positives > 0 && curve.negatives > 0;
        row.aucRoc = both ? curve.rocAuc() : NAN;
        row.aucPr = both ? curve.averagePrecision() : NAN;
        result.videos << row;
        scores.insert(scores.end(), video.scores.begin(), video.scores.end());
        probs.insert(probs.end(), video.classProbs.begin(), video.classProbs.end());
        labels.insert(labels.end(), own.begin(), own.end());
    }
    result.metrics = computeFrameMetrics(scores, probs, labels, classes, normalId);
    return result;
}

QJsonObject evaluationJson(const Evaluation& e)
{
    const FrameMetrics& m = e.metrics;
    QJsonObject json;
    json[QStringLiteral("auc_roc")] = number(m.aucRoc);
    json[QStringLiteral("auc_pr")] = number(m.aucPr);
    json[QStringLiteral("optimal_threshold")] = number(m.optimalThreshold);
    json[QStringLiteral("mc_auroc")] = numbers(m.classAucRoc);
    json[QStringLiteral("mc_aupr")] = numbers(m.classAucPr);
    json[QStringLiteral("mean_mc_auroc")] = number(m.meanClassAucRoc);
    json[QStringLiteral("mean_mc_aupr")] = number(m.meanClassAucPr);
    json[QStringLiteral("top1_accuracy")] = numbers(m.top1Accuracy);
    json[QStringLiteral("top5_accuracy")] = numbers(m.top5Accuracy);
    json[QStringLiteral("mean_top1_accuracy")] = number(m.meanTop1Accuracy);
    json[QStringLiteral("mean_top5_accuracy")] = number(m.meanTop5Accuracy);
    json[QStringLiteral("class_names")] = QJsonArray::fromStringList(e.classNames);
    json[QStringLiteral("normal_id")] = e.normalId;
    json[QStringLiteral("frames")] = double(m.frames);
    json[QStringLiteral("abnormal_frames")] = double(m.abnormalFrames);
    QJsonArray videos;
    for (const VideoEvaluation& v : e.videos) {
        QJsonObject row;
        row[QStringLiteral("name")] = v.name;
        row[QStringLiteral("frames")] = double(v.frames);
        row[QStringLiteral("abnormal_frames")] = double(v.abnormalFrames);
        row[QStringLiteral("auc_roc")] = number(v.aucRoc);
        row[QStringLiteral("auc_pr")] = number(v.aucPr);
        videos.append(row);
    }
    json[QStringLiteral("videos")] = videos;
    json[QStringLiteral("truth")] = e.truth;
    json[QStringLiteral("left_out")] = QJsonArray::fromStringList(e.leftOut);
    return json;
}

} // namespace vigil
