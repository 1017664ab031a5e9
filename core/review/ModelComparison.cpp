#include "review/ModelComparison.h"

#include "model/Error.h"
#include "project/ProjectStore.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

QString videoName(const VideoRecord& v) { return QFileInfo(v.path).completeBaseName(); }

std::optional<ModelRecord> findModel(const ProjectStore& store, qint64 id)
{
    for (const ModelRecord& m : store.models())
        if (m.id == id)
            return m;
    return std::nullopt;
}

struct Counts {
    qint64 falsePositives = 0, missed = 0;
};

Counts countErrors(const std::vector<float>& scores, const std::vector<int>& labels, int normalId, double threshold)
{
    Counts c;
    for (size_t t = 0; t < scores.size(); ++t) {
        const bool alarm = double(scores[t]) >= threshold;
        if (labels[t] == normalId)
            c.falsePositives += alarm;
        else
            c.missed += !alarm;
    }
    return c;
}

} // namespace

Evaluation evaluateProjectModel(const ProjectStore& store, qint64 modelId, TruthSource source, QList<qint64>* videoIds)
{
    QList<EvaluationVideo> videos;
    QStringList classNames, leftOut;
    int normalId = 0;
    for (const VideoRecord& v : store.videos()) {
        const std::optional<ScoreTrack> track = store.scores(v.id, modelId);
        if (!track)
            continue;
        classNames = track->classNames;
        normalId = track->normalId;
        VideoTruth truth = videoTruth(store, v, source, classNames.value(normalId));
        if (!truth.known) {
            leftOut << videoName(v);
            continue;
        }
        videos << EvaluationVideo{videoName(v), track->scores, track->classProbs, std::move(truth.intervals)};
        if (videoIds)
            *videoIds << v.id;
    }
    if (videos.isEmpty() && leftOut.isEmpty())
        throw Error("no video of the project has scores of this model");
    if (videos.isEmpty())
        throw Error("none of the " + std::to_string(leftOut.size()) + " video(s) scored by this model has a known truth under '" +
                    truthSourceName(source).toStdString() + "' (intervals, or a normal video class)");
    Evaluation e = evaluate(videos, classNames, normalId);
    e.truth = truthSourceName(source);
    e.leftOut = leftOut;
    return e;
}

ModelComparison compareModels(const ProjectStore& store, qint64 modelA, qint64 modelB, double threshold, TruthSource source)
{
    if (modelA == modelB)
        throw Error("compare two different models");
    const std::optional<ModelRecord> a = findModel(store, modelA), b = findModel(store, modelB);
    if (!a || !b)
        throw Error("no such model in the project");
    ModelComparison result;
    result.nameA = a->name;
    result.nameB = b->name;
    result.threshold = threshold;
    result.truth = source;
    std::vector<float> allA, allB;
    std::vector<uint8_t> positive;
    for (const VideoRecord& v : store.videos()) {
        const std::optional<ScoreTrack> ta = store.scores(v.id, modelA), tb = store.scores(v.id, modelB);
        if (!ta && !tb)
            continue;
        if (!ta || !tb || ta->scores.size() != tb->scores.size()) {
            result.onlyOne << videoName(v);
            continue;
        }
        // Frame labels: abnormal or not is all the comparison needs, so the two models'
        // class lists (a fine-tuned one may have more) do not have to agree.
        const QString normalClass = ta->classNames.value(ta->normalId);
        const VideoTruth truth = videoTruth(store, v, source, normalClass);
        if (!truth.known) {
            result.leftOut << videoName(v);
            continue;
        }
        std::vector<int> labels(ta->scores.size(), 0);
        for (const GroundTruthInterval& interval : truth.intervals) {
            const int abnormal = classKey(interval.className) != classKey(normalClass);
            for (qint64 f = std::max<qint64>(interval.startFrame, 0); f < std::min<qint64>(interval.endFrame, qint64(labels.size())); ++f)
                labels[size_t(f)] = abnormal;
        }
        VideoComparison row;
        row.videoId = v.id;
        row.name = videoName(v);
        row.frames = qint64(labels.size());
        std::vector<uint8_t> own(labels.size());
        for (size_t t = 0; t < labels.size(); ++t)
            row.abnormalFrames += own[t] = uint8_t(labels[t]);
        const BinaryCurve ca = binaryCurve(ta->scores.data(), own.data(), row.frames);
        const BinaryCurve cb = binaryCurve(tb->scores.data(), own.data(), row.frames);
        const bool both = ca.positives > 0 && ca.negatives > 0;
        row.aucA = both ? ca.rocAuc() : NAN;
        row.aucB = both ? cb.rocAuc() : NAN;
        row.apA = both ? ca.averagePrecision() : NAN;
        row.apB = both ? cb.averagePrecision() : NAN;
        const Counts ea = countErrors(ta->scores, labels, 0, threshold), eb = countErrors(tb->scores, labels, 0, threshold);
        row.falsePositivesA = ea.falsePositives;
        row.falsePositivesB = eb.falsePositives;
        row.missedA = ea.missed;
        row.missedB = eb.missed;
        result.falsePositivesA += ea.falsePositives;
        result.falsePositivesB += eb.falsePositives;
        result.missedA += ea.missed;
        result.missedB += eb.missed;
        allA.insert(allA.end(), ta->scores.begin(), ta->scores.end());
        allB.insert(allB.end(), tb->scores.begin(), tb->scores.end());
        positive.insert(positive.end(), own.begin(), own.end());
        result.videos << row;
    }
    if (result.videos.isEmpty())
        throw Error("'" + a->name.toStdString() + "' and '" + b->name.toStdString() + "' have no scored video in common" +
                    (result.leftOut.isEmpty() ? std::string() : " with a known truth under '" + truthSourceName(source).toStdString() + "'"));
    const BinaryCurve ca = binaryCurve(allA.data(), positive.data(), int64_t(allA.size()));
    const BinaryCurve cb = binaryCurve(allB.data(), positive.data(), int64_t(allB.size()));
    result.aucA = ca.rocAuc();
    result.aucB = cb.rocAuc();
    result.apA = ca.averagePrecision();
    result.apB = cb.averagePrecision();
    // Most regressed first; videos without an AUC (one kind of frame) after, by the change
    // in false positives.
    std::stable_sort(result.videos.begin(), result.videos.end(), [](const VideoComparison& x, const VideoComparison& y) {
        const bool xa = std::isfinite(x.aucChange()), ya = std::isfinite(y.aucChange());
        if (xa != ya)
            return xa;
        if (xa && x.aucChange() != y.aucChange())
            return x.aucChange() < y.aucChange();
        return x.falsePositiveChange() > y.falsePositiveChange();
    });
    return result;
}

QJsonObject modelComparisonJson(const ModelComparison& c)
{
    auto number = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); };
    QJsonObject json;
    json[QStringLiteral("model_a")] = c.nameA;
    json[QStringLiteral("model_b")] = c.nameB;
    json[QStringLiteral("truth")] = truthSourceName(c.truth);
    json[QStringLiteral("threshold")] = c.threshold;
    json[QStringLiteral("auc_roc_a")] = number(c.aucA);
    json[QStringLiteral("auc_roc_b")] = number(c.aucB);
    json[QStringLiteral("auc_pr_a")] = number(c.apA);
    json[QStringLiteral("auc_pr_b")] = number(c.apB);
    json[QStringLiteral("false_positives_a")] = double(c.falsePositivesA);
    json[QStringLiteral("false_positives_b")] = double(c.falsePositivesB);
    json[QStringLiteral("missed_a")] = double(c.missedA);
    json[QStringLiteral("missed_b")] = double(c.missedB);
    QJsonArray videos;
    for (const VideoComparison& v : c.videos) {
        QJsonObject row;
        row[QStringLiteral("name")] = v.name;
        row[QStringLiteral("frames")] = double(v.frames);
        row[QStringLiteral("abnormal_frames")] = double(v.abnormalFrames);
        row[QStringLiteral("auc_roc_a")] = number(v.aucA);
        row[QStringLiteral("auc_roc_b")] = number(v.aucB);
        row[QStringLiteral("auc_pr_a")] = number(v.apA);
        row[QStringLiteral("auc_pr_b")] = number(v.apB);
        row[QStringLiteral("false_positives_a")] = double(v.falsePositivesA);
        row[QStringLiteral("false_positives_b")] = double(v.falsePositivesB);
        row[QStringLiteral("missed_a")] = double(v.missedA);
        row[QStringLiteral("missed_b")] = double(v.missedB);
        videos.append(row);
    }
    json[QStringLiteral("videos")] = videos;
    json[QStringLiteral("only_one")] = QJsonArray::fromStringList(c.onlyOne);
    json[QStringLiteral("left_out")] = QJsonArray::fromStringList(c.leftOut);
    return json;
}

} // namespace vigil
