// Internal to core/project: detections and their review state.
#include "project/DetectionTable.h"

#include "project/ReviewInheritance.h"
#include "project/SqlConnection.h"

#include <QHash>
#include <QSqlQuery>

#include <cmath>

namespace vigil {

namespace {

const QString kColumns = QStringLiteral(
    "d.id, d.video_id, d.model_id, d.start_frame, d.end_frame, d.peak_frame, d.peak_score, d.mean_score,"
    " d.top_class, d.top_class_probability, d.state, d.corrected_class, d.note, d.reviewed_at, d.reviewed_by,"
    " d.decision_seconds");

QVariant seconds(double value) { return std::isfinite(value) ? QVariant(value) : QVariant(); }

DetectionRecord readRow(const QSqlQuery& query)
{
    DetectionRecord d;
    d.id = query.value(0).toLongLong();
    d.videoId = query.value(1).toLongLong();
    d.modelId = query.value(2).toLongLong();
    d.startFrame = query.value(3).toLongLong();
    d.endFrame = query.value(4).toLongLong();
    d.peakFrame = query.value(5).toLongLong();
    d.peakScore = query.value(6).toFloat();
    d.meanScore = query.value(7).toFloat();
    d.topClass = query.value(8).toInt();
    d.topClassProbability = query.value(9).toFloat();
    d.state = ReviewState(query.value(10).toInt());
    d.correctedClass = query.value(11).toInt();
    d.note = query.value(12).toString();
    d.reviewedAt = fromDbTime(query.value(13));
    d.reviewedBy = query.value(14).toString();
    d.decisionSeconds = query.value(15).isNull() ? qQNaN() : query.value(15).toDouble();
    return d;
}

} // namespace

DetectionTable::DetectionTable(SqlConnection& sql)
    : m_sql(sql)
{
}

QList<DetectionRecord> DetectionTable::track(qint64 videoId, qint64 modelId, const QString& action) const
{
    QSqlQuery query = m_sql.prepare(QStringLiteral("SELECT %1 FROM detections d WHERE d.video_id = ? AND d.model_id = ?"
                                                   " ORDER BY d.start_frame")
                                        .arg(kColumns),
                                    action);
    query.addBindValue(videoId);
    query.addBindValue(modelId);
    m_sql.exec(query, action);
    QList<DetectionRecord> detections;
    while (query.next())
        detections.append(readRow(query));
    return detections;
}

void DetectionTable::replace(qint64 videoId, qint64 modelId, QList<DetectionRecord>& detections)
{
    const QString action = QStringLiteral("replace the detections of video %1 (model %2)").arg(videoId).arg(modelId);
    QList<DetectionRecord> fresh = detections;
    m_sql.transaction(action, [&] {
        const QList<DetectionRecord> previous = track(videoId, modelId, action);
        inheritReviews(previous, fresh);

        // A detection that comes back with the same bounds keeps its id, so the views'
        // selection survives a re-segmentation that did not touch it.
        QHash<QPair<qint64, qint64>, qint64> sameBounds;
        for (const DetectionRecord& old : previous)
            sameBounds.insert({old.startFrame, old.endFrame}, old.id);

        QSqlQuery remove = m_sql.prepare(QStringLiteral("DELETE FROM detections WHERE video_id = ? AND model_id = ?"), action);
        remove.addBindValue(videoId);
        remove.addBindValue(modelId);
        m_sql.exec(remove, action);

        QSqlQuery insert = m_sql.prepare(QStringLiteral(
            "INSERT INTO detections (id, video_id, model_id, start_frame, end_frame, peak_frame, peak_score,"
            " mean_score, top_class, top_class_probability, state, corrected_class, note, reviewed_at, reviewed_by,"
            " decision_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), action);
        for (DetectionRecord& d : fresh) {
            d.videoId = videoId;
            d.modelId = modelId;
            const qint64 keptId = sameBounds.take({d.startFrame, d.endFrame});
            insert.bindValue(0, keptId ? QVariant(keptId) : QVariant());
            insert.bindValue(1, videoId);
            insert.bindValue(2, modelId);
            insert.bindValue(3, d.startFrame);
            insert.bindValue(4, d.endFrame);
            insert.bindValue(5, d.peakFrame);
            insert.bindValue(6, double(d.peakScore));
            insert.bindValue(7, double(d.meanScore));
            insert.bindValue(8, d.topClass);
            insert.bindValue(9, double(d.topClassProbability));
            insert.bindValue(10, int(d.state));
            insert.bindValue(11, d.correctedClass);
            insert.bindValue(12, toDbText(d.note));
            insert.bindValue(13, toDbTime(d.reviewedAt));
            insert.bindValue(14, toDbText(d.reviewedBy));
            insert.bindValue(15, seconds(d.decisionSeconds));
            m_sql.exec(insert, QStringLiteral("%1: store frames %2-%3").arg(action).arg(d.startFrame).arg(d.endFrame));
            d.id = insert.lastInsertId().toLongLong();
        }
    });
    detections = fresh;
}

QList<DetectionRecord> DetectionTable::query(const DetectionFilter& filter) const
{
    QStringList where;
    QVariantList values;
    if (filter.videoId) {
        where << QStringLiteral("d.video_id = ?");
        values << *filter.videoId;
    }
    if (filter.modelId) {
        where << QStringLiteral("d.model_id = ?");
        values << *filter.modelId;
    }
    if (!filter.classes.isEmpty()) {
        QStringList marks;
        for (int cls : filter.classes) {
            marks << QStringLiteral("?");
            values << cls;
        }
        where << QStringLiteral("(CASE WHEN d.corrected_class >= 0 THEN d.corrected_class ELSE d.top_class END)"
                                " IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    // Scores were stored from floats, so comparing with the float bounds widened the same
    // way is exact.
    if (filter.minPeak) {
        where << QStringLiteral("d.peak_score >= ?");
        values << double(*filter.minPeak);
    }
    if (filter.maxPeak) {
        where << QStringLiteral("d.peak_score <= ?");
        values << double(*filter.maxPeak);
    }
    if (filter.state) {
        where << QStringLiteral("d.state = ?");
        values << int(*filter.state);
    }
    if (filter.addedAfter) {
        where << QStringLiteral("v.added >= ?");
        values << toDbTime(*filter.addedAfter);
    }
    if (filter.addedBefore) {
        where << QStringLiteral("v.added < ?");
        values << toDbTime(*filter.addedBefore);
    }
    QString sql = QStringLiteral("SELECT %1 FROM detections d JOIN videos v ON v.id = d.video_id").arg(kColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY d.peak_score DESC, d.id");

    const QString action = QStringLiteral("list detections");
    QSqlQuery query = m_sql.prepare(sql, action);
    for (const QVariant& value : values)
        query.addBindValue(value);
    m_sql.exec(query, action);
    QList<DetectionRecord> detections;
    while (query.next())
        detections.append(readRow(query));
    return detections;
}

void DetectionTable::update(qint64 id, const QString& column, const QVariant& value, const QDateTime& now,
                            const QString& action)
{
    QSqlQuery query = m_sql.prepare(
        QStringLiteral("UPDATE detections SET %1 = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?").arg(column), action);
    query.addBindValue(value);
    query.addBindValue(toDbTime(now));
    query.addBindValue(toDbText(m_sql.author()));
    query.addBindValue(id);
    m_sql.exec(query, action);
    if (query.numRowsAffected() != 1)
        m_sql.fail(action, QStringLiteral("no detection with id %1").arg(id));
}

void DetectionTable::applyReviews(const QList<ReviewEdit>& edits)
{
    const QString action = QStringLiteral("save the review of %1 detection(s)").arg(edits.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_sql.transaction(action, [&] {
        QSqlQuery query = m_sql.prepare(
            QStringLiteral("UPDATE detections SET state = ?, corrected_class = ?, note = ?, reviewed_at = ?, reviewed_by = ?,"
                           " decision_seconds = ? WHERE id = ?"),
            action);
        for (const ReviewEdit& edit : edits) {
            query.bindValue(0, int(edit.state));
            query.bindValue(1, edit.correctedClass);
            query.bindValue(2, toDbText(edit.note));
            query.bindValue(3, toDbTime(now));
            query.bindValue(4, toDbText(m_sql.author()));
            query.bindValue(5, seconds(edit.decisionSeconds));
            query.bindValue(6, edit.detectionId);
            m_sql.exec(query, action);
            if (query.numRowsAffected() != 1)
                m_sql.fail(action, QStringLiteral("no detection with id %1").arg(edit.detectionId));
        }
    });
}

void DetectionTable::setReviewState(const QList<qint64>& ids, ReviewState state, double decisionSeconds)
{
    const QString action = QStringLiteral("set the review state of %1 detection(s)").arg(ids.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_sql.transaction(action, [&] {
        for (qint64 id : ids) {
            update(id, QStringLiteral("state"), int(state), now, action);
            if (std::isfinite(decisionSeconds))
                update(id, QStringLiteral("decision_seconds"), decisionSeconds, now, action);
        }
    });
}

void DetectionTable::setCorrectedClass(qint64 id, int cls)
{
    const QString action = QStringLiteral("set the class of detection %1").arg(id);
    m_sql.transaction(action, [&] { update(id, QStringLiteral("corrected_class"), cls, QDateTime::currentDateTimeUtc(), action); });
}

void DetectionTable::setNote(qint64 id, const QString& note)
{
    const QString action = QStringLiteral("set the note of detection %1").arg(id);
    m_sql.transaction(action, [&] { update(id, QStringLiteral("note"), toDbText(note), QDateTime::currentDateTimeUtc(), action); });
}

} // namespace vigil
