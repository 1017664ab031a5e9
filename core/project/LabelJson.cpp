#include "project/LabelJson.h"

#include <cmath>

namespace vigil {

namespace {

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null); }

QString isoTime(const QDateTime& time) { return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString(); }

} // namespace

QString labelSourceName(LabelSource source)
{
    switch (source) {
    case LabelSource::Model:
        return QStringLiteral("model");
    case LabelSource::Import:
        return QStringLiteral("import");
    case LabelSource::Manual:
        break;
    }
    return QStringLiteral("manual");
}

std::optional<LabelSource> labelSourceFromName(const QString& name)
{
    for (const LabelSource s : {LabelSource::Manual, LabelSource::Model, LabelSource::Import})
        if (labelSourceName(s) == name)
            return s;
    return std::nullopt;
}

QJsonObject labelJson(const LabelRecord& l)
{
    QJsonObject json;
    json[QStringLiteral("start_frame")] = double(l.startFrame);
    json[QStringLiteral("end_frame")] = double(l.endFrame);
    json[QStringLiteral("class")] = l.className;
    json[QStringLiteral("note")] = l.note;
    json[QStringLiteral("author")] = l.author;
    json[QStringLiteral("source")] = labelSourceName(l.source);
    json[QStringLiteral("created")] = isoTime(l.created);
    json[QStringLiteral("modified")] = isoTime(l.modified);
    if (l.source == LabelSource::Model) {
        json[QStringLiteral("model_id")] = double(l.modelId);
        json[QStringLiteral("model_class")] = l.modelClass;
        json[QStringLiteral("model_start")] = double(l.modelStart);
        json[QStringLiteral("model_end")] = double(l.modelEnd);
        json[QStringLiteral("model_peak")] = number(l.modelPeak);
        json[QStringLiteral("model_mean")] = number(l.modelMean);
        json[QStringLiteral("decision_seconds")] = number(l.decisionSeconds);
        json[QStringLiteral("detection_id")] = double(l.detectionId);
        json[QStringLiteral("decision")] = l.modifiedFromModel() ? QStringLiteral("modified") : QStringLiteral("accepted");
    }
    return json;
}

LabelRecord labelFromJson(const QJsonObject& json, QString* problem)
{
    LabelRecord l;
    auto integer = [&](const char* key, qint64 fallback, bool required) -> qint64 {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return fallback;
        const double d = v.toDouble(qQNaN());
        if (!v.isDouble() || d != std::floor(d)) {
            if (problem->isEmpty())
                *problem = QStringLiteral("'%1' must be a whole number").arg(QLatin1String(key));
            return fallback;
        }
        return qint64(d);
    };
    auto real = [&](const char* key) {
        const QJsonValue v = json.value(QLatin1String(key));
        return v.isDouble() ? v.toDouble() : qQNaN();
    };
    auto text = [&](const char* key) { return json.value(QLatin1String(key)).toString(); };
    auto time = [&](const char* key) {
        const QString t = text(key);
        const QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (!t.isEmpty() && !parsed.isValid() && problem->isEmpty())
            *problem = QStringLiteral("'%1' is not an ISO 8601 time: %2").arg(QLatin1String(key), t);
        return parsed;
    };
    l.startFrame = integer("start_frame", 0, true);
    l.endFrame = integer("end_frame", 0, true);
    l.className = text("class");
    l.note = text("note");
    l.author = text("author");
    l.created = time("created");
    l.modified = time("modified");
    const QString source = json.value(QStringLiteral("source")).toString(QStringLiteral("manual"));
    if (const std::optional<LabelSource> s = labelSourceFromName(source))
        l.source = *s;
    else if (problem->isEmpty())
        *problem = QStringLiteral("unknown source '%1' (manual, model or import)").arg(source);
    if (l.source == LabelSource::Model) {
        l.modelId = integer("model_id", 0, false);
        l.modelClass = text("model_class");
        l.modelStart = integer("model_start", -1, false);
        l.modelEnd = integer("model_end", -1, false);
        l.modelPeak = real("model_peak");
        l.modelMean = real("model_mean");
        l.decisionSeconds = real("decision_seconds");
        l.detectionId = integer("detection_id", 0, false);
    }
    return l;
}

} // namespace vigil
