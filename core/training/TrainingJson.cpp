// Training runs as JSON.
#include "training/TrainingJson.h"

#include <QJsonArray>

#include <cmath>

namespace vigil {

namespace {

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null); }

} // namespace

QJsonArray trainingVideosJson(const std::vector<std::string>& names, const QHash<QString, qint64>& ids)
{
    QJsonArray list;
    for (const std::string& name : names) {
        QJsonObject row;
        row[QStringLiteral("name")] = QString::fromStdString(name);
        row[QStringLiteral("video_id")] = double(ids.value(QString::fromStdString(name)));
        list.append(row);
    }
    return list;
}

QJsonObject trainingOptionsJson(const TrainingOptions& o)
{
    QJsonObject json;
    json[QStringLiteral("epochs")] = o.epochs;
    json[QStringLiteral("warmup_epochs")] = o.warmupEpochs;
    json[QStringLiteral("learning_rate")] = o.learningRate;
    json[QStringLiteral("weight_decay")] = o.weightDecay;
    json[QStringLiteral("batch_size")] = o.batchSize;
    json[QStringLiteral("segment_dropout")] = o.segmentDropout;
    json[QStringLiteral("frame_supervision")] = o.frameSupervision;
    json[QStringLiteral("recompute_centroid")] = o.recomputeCentroid;
    json[QStringLiteral("validation_fraction")] = o.validationFraction;
    json[QStringLiteral("seed")] = QString::number(o.seed);
    return json;
}

QJsonObject trainingHistoryJson(const std::vector<EpochReport>& history, int bestEpoch)
{
    QJsonArray epochs;
    for (const EpochReport& r : history) {
        QJsonObject e;
        e[QStringLiteral("epoch")] = r.epoch;
        e[QStringLiteral("steps")] = r.steps;
        e[QStringLiteral("loss")] = number(r.loss.total);
        e[QStringLiteral("dir_abn")] = number(r.loss.dirAbnormal);
        e[QStringLiteral("dir_nor")] = number(r.loss.dirNormal);
        e[QStringLiteral("topk_abn")] = number(r.loss.topkAbnormal);
        e[QStringLiteral("bottomk_abn")] = number(r.loss.bottomkAbnormal);
        e[QStringLiteral("topk_nor")] = number(r.loss.topkNormal);
        e[QStringLiteral("smooth")] = number(r.loss.smooth);
        e[QStringLiteral("sparse")] = number(r.loss.sparse);
        e[QStringLiteral("frame")] = number(r.loss.frame);
        e[QStringLiteral("learning_rate")] = r.learningRate;
        e[QStringLiteral("validation_auc")] = number(r.validationAuc);
        e[QStringLiteral("validation_ap")] = number(r.validationAp);
        e[QStringLiteral("seconds")] = r.seconds;
        epochs.append(e);
    }
    QJsonObject json;
    json[QStringLiteral("best_epoch")] = bestEpoch;
    if (bestEpoch >= 1 && size_t(bestEpoch) <= history.size()) {
        json[QStringLiteral("validation_auc")] = number(history[size_t(bestEpoch - 1)].validationAuc);
        json[QStringLiteral("validation_ap")] = number(history[size_t(bestEpoch - 1)].validationAp);
    }
    json[QStringLiteral("epochs")] = epochs;
    return json;
}

} // namespace vigil
