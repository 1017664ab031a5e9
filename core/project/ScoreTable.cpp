// Internal to core/project: score tracks as float32 little-endian blobs.
#include "project/ScoreTable.h"

#include "project/SqlConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtEndian>

#include <cstring>

namespace vigil {

ScoreTable::ScoreTable(SqlConnection& sql)
    : m_sql(sql)
{
}

QByteArray ScoreTable::encode(const std::vector<float>& values)
{
    QByteArray blob(qsizetype(values.size() * sizeof(float)), Qt::Uninitialized);
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    if (!values.empty())
        std::memcpy(blob.data(), values.data(), size_t(blob.size()));
#else
    for (size_t i = 0; i < values.size(); ++i)
        qToLittleEndian(values[i], blob.data() + i * sizeof(float));
#endif
    return blob;
}

std::optional<std::vector<float>> ScoreTable::decode(const QByteArray& blob)
{
    if (blob.size() % qsizetype(sizeof(float)) != 0)
        return std::nullopt;
    std::vector<float> values(size_t(blob.size()) / sizeof(float));
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    if (!values.empty())
        std::memcpy(values.data(), blob.constData(), size_t(blob.size()));
#else
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = qFromLittleEndian<float>(blob.constData() + i * sizeof(float));
#endif
    return values;
}

void ScoreTable::save(const ScoreTrack& track)
{
    const QString action = QStringLiteral("save the scores of video %1 (model %2)").arg(track.videoId).arg(track.modelId);
    if (track.frames < 0 || track.classes < 0 || track.stride < 1)
        m_sql.fail(action, QStringLiteral("frames %1, classes %2, stride %3 out of range")
                               .arg(track.frames).arg(track.classes).arg(track.stride));
    if (qint64(track.scores.size()) != track.frames)
        m_sql.fail(action, QStringLiteral("%1 scores for %2 frames").arg(track.scores.size()).arg(track.frames));
    if (qint64(track.classProbs.size()) != track.frames * track.classes)
        m_sql.fail(action, QStringLiteral("%1 class probabilities for %2 frames x %3 classes")
                               .arg(track.classProbs.size()).arg(track.frames).arg(track.classes));
    if (track.classNames.size() != track.classes)
        m_sql.fail(action, QStringLiteral("%1 class names for %2 classes").arg(track.classNames.size()).arg(track.classes));

    const QByteArray classNames = QJsonDocument(QJsonArray::fromStringList(track.classNames)).toJson(QJsonDocument::Compact);
    const QDateTime created = track.created.isValid() ? track.created : QDateTime::currentDateTimeUtc();
    m_sql.transaction(action, [&] {
        QSqlQuery query = m_sql.prepare(QStringLiteral(
            "INSERT INTO score_tracks (video_id, model_id, frames, classes, normal_id, class_names, stride,"
            " blob_format, scores, class_probs, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (video_id, model_id) DO UPDATE SET frames = excluded.frames,"
            " classes = excluded.classes, normal_id = excluded.normal_id, class_names = excluded.class_names,"
            " stride = excluded.stride, blob_format = excluded.blob_format, scores = excluded.scores,"
            " class_probs = excluded.class_probs, created = excluded.created"), action);
        query.addBindValue(track.videoId);
        query.addBindValue(track.modelId);
        query.addBindValue(track.frames);
        query.addBindValue(track.classes);
        query.addBindValue(track.normalId);
        query.addBindValue(QString::fromUtf8(classNames));
        query.addBindValue(track.stride);
        query.addBindValue(kRawFloat32Le);
        query.addBindValue(encode(track.scores));
        query.addBindValue(encode(track.classProbs));
        query.addBindValue(toDbTime(created));
        m_sql.exec(query, action);
    });
}

std::optional<ScoreTrack> ScoreTable::load(qint64 videoId, qint64 modelId) const
{
    const QString action = QStringLiteral("read the scores of video %1 (model %2)").arg(videoId).arg(modelId);
    QSqlQuery query = m_sql.prepare(QStringLiteral(
        "SELECT frames, classes, normal_id, class_names, stride, blob_format, scores, class_probs, created"
        " FROM score_tracks WHERE video_id = ? AND model_id = ?"), action);
    query.addBindValue(videoId);
    query.addBindValue(modelId);
    m_sql.exec(query, action);
    if (!query.next())
        return std::nullopt;

    ScoreTrack track;
    track.videoId = videoId;
    track.modelId = modelId;
    track.frames = query.value(0).toLongLong();
    track.classes = query.value(1).toInt();
    track.normalId = query.value(2).toInt();
    const QJsonArray names = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array();
    for (const QJsonValue& name : names)
        track.classNames.append(name.toString());
    track.stride = query.value(4).toInt();
    const int format = query.value(5).toInt();
    if (format != kRawFloat32Le)
        m_sql.fail(action, QStringLiteral("unknown score blob format %1 (written by a newer Vigil?)").arg(format));
    std::optional<std::vector<float>> scores = ScoreTable::decode(query.value(6).toByteArray());
    std::optional<std::vector<float>> probs = ScoreTable::decode(query.value(7).toByteArray());
    track.created = fromDbTime(query.value(8));
    query.finish();
    if (!scores || !probs || qint64(scores->size()) != track.frames
        || qint64(probs->size()) != track.frames * track.classes || track.classNames.size() != track.classes) {
        m_sql.fail(action, QStringLiteral("the stored track is damaged (its sizes disagree with %1 frames x %2 classes)")
                               .arg(track.frames).arg(track.classes));
    }
    track.scores = std::move(*scores);
    track.classProbs = std::move(*probs);
    return track;
}

bool ScoreTable::has(qint64 videoId, qint64 modelId) const
{
    const QString action = QStringLiteral("look up the scores of video %1 (model %2)").arg(videoId).arg(modelId);
    QSqlQuery query = m_sql.prepare(
        QStringLiteral("SELECT 1 FROM score_tracks WHERE video_id = ? AND model_id = ?"), action);
    query.addBindValue(videoId);
    query.addBindValue(modelId);
    m_sql.exec(query, action);
    return query.next();
}

QList<qint64> ScoreTable::unscoredVideos(qint64 modelId) const
{
    const QString action = QStringLiteral("list the videos unscored by model %1").arg(modelId);
    QSqlQuery query = m_sql.prepare(QStringLiteral(
        "SELECT id FROM videos v WHERE NOT EXISTS"
        " (SELECT 1 FROM score_tracks s WHERE s.video_id = v.id AND s.model_id = ?) ORDER BY id"), action);
    query.addBindValue(modelId);
    m_sql.exec(query, action);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

} // namespace vigil
