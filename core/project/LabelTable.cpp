// Labels: one row per interval; every write is one transaction.
#include "project/LabelTable.h"

#include "project/SqlConnection.h"

#include <QSqlQuery>

namespace vigil {

namespace {

const QString kColumns = QStringLiteral("id, video_id, start_frame, end_frame, class_name, note, created, modified");

LabelRecord labelFrom(const QSqlQuery& query)
{
    LabelRecord label;
    label.id = query.value(0).toLongLong();
    label.videoId = query.value(1).toLongLong();
    label.startFrame = query.value(2).toLongLong();
    label.endFrame = query.value(3).toLongLong();
    label.className = query.value(4).toString();
    label.note = query.value(5).toString();
    label.created = fromDbTime(query.value(6));
    label.modified = fromDbTime(query.value(7));
    return label;
}

} // namespace

LabelTable::LabelTable(SqlConnection& sql)
    : m_sql(sql)
{
}

// The database's CHECKs would refuse these too, but with a message no analyst can read.
void LabelTable::check(const LabelRecord& label, const QString& action, const SqlConnection& sql)
{
    if (label.startFrame < 0 || label.endFrame <= label.startFrame)
        sql.fail(action, QStringLiteral("the interval [%1, %2) is empty or negative").arg(label.startFrame).arg(label.endFrame));
    if (label.className.trimmed().isEmpty())
        sql.fail(action, QStringLiteral("a label needs a class"));
}

qint64 LabelTable::add(const LabelRecord& label)
{
    const QString action = QStringLiteral("add a label to video %1").arg(label.videoId);
    qint64 id = 0;
    m_sql.transaction(action, [&] { id = insertRow(label, action); });
    return id;
}

qint64 LabelTable::insertRow(const LabelRecord& label, const QString& action)
{
    check(label, action, m_sql);
    // An id given back (undoing a removal) restores the same row.
    QSqlQuery insert = m_sql.prepare(QStringLiteral("INSERT INTO labels (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns), action);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    insert.addBindValue(label.id > 0 ? QVariant(label.id) : QVariant());
    insert.addBindValue(label.videoId);
    insert.addBindValue(label.startFrame);
    insert.addBindValue(label.endFrame);
    insert.addBindValue(label.className.trimmed());
    insert.addBindValue(toDbText(label.note));
    insert.addBindValue(toDbTime(label.created.isValid() ? label.created : now));
    insert.addBindValue(toDbTime(now));
    m_sql.exec(insert, action);
    return insert.lastInsertId().toLongLong();
}

void LabelTable::update(const LabelRecord& label)
{
    const QString action = QStringLiteral("change label %1").arg(label.id);
    m_sql.transaction(action, [&] { updateRow(label, action); });
}

void LabelTable::updateRow(const LabelRecord& label, const QString& action)
{
    check(label, action, m_sql);
    QSqlQuery query = m_sql.prepare(QStringLiteral("UPDATE labels SET start_frame = ?, end_frame = ?, class_name = ?, "
                                                   "note = ?, modified = ? WHERE id = ? AND video_id = ?"),
                                    action);
    query.addBindValue(label.startFrame);
    query.addBindValue(label.endFrame);
    query.addBindValue(label.className.trimmed());
    query.addBindValue(toDbText(label.note));
    query.addBindValue(toDbTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(label.id);
    query.addBindValue(label.videoId); // never another video's label that reused the id
    m_sql.exec(query, action);
    if (query.numRowsAffected() != 1)
        m_sql.fail(action, QStringLiteral("there is no label %1 on video %2").arg(label.id).arg(label.videoId));
}

void LabelTable::remove(qint64 id)
{
    const QString action = QStringLiteral("remove label %1").arg(id);
    m_sql.transaction(action, [&] { removeRow(id, action); });
}

void LabelTable::removeRow(qint64 id, const QString& action)
{
    QSqlQuery query = m_sql.prepare(QStringLiteral("DELETE FROM labels WHERE id = ?"), action);
    query.addBindValue(id);
    m_sql.exec(query, action);
    if (query.numRowsAffected() != 1)
        m_sql.fail(action, QStringLiteral("there is no label %1").arg(id));
}

void LabelTable::write(QList<LabelRecord>& labels, const QList<qint64>& removals)
{
    const QString action = QStringLiteral("save %1 label change(s)").arg(labels.size() + removals.size());
    QList<LabelRecord> stored = labels; // the new ids reach the caller only when committed
    m_sql.transaction(action, [&] {
        for (const qint64 id : removals)
            removeRow(id, action);
        for (LabelRecord& label : stored) {
            if (label.id > 0 && find(label.id))
                updateRow(label, action);
            else
                label.id = insertRow(label, action);
        }
    });
    labels = stored;
}

QList<LabelRecord> LabelTable::forVideo(qint64 videoId) const
{
    const QString action = QStringLiteral("read the labels of video %1").arg(videoId);
    QSqlQuery query = m_sql.prepare(
        QStringLiteral("SELECT %1 FROM labels WHERE video_id = ? ORDER BY start_frame, id").arg(kColumns), action);
    query.addBindValue(videoId);
    m_sql.exec(query, action);
    QList<LabelRecord> labels;
    while (query.next())
        labels << labelFrom(query);
    return labels;
}

std::optional<LabelRecord> LabelTable::find(qint64 id) const
{
    const QString action = QStringLiteral("read label %1").arg(id);
    QSqlQuery query = m_sql.prepare(QStringLiteral("SELECT %1 FROM labels WHERE id = ?").arg(kColumns), action);
    query.addBindValue(id);
    m_sql.exec(query, action);
    if (!query.next())
        return std::nullopt;
    return labelFrom(query);
}

qint64 LabelTable::count() const
{
    return m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM labels"), QStringLiteral("count the labels")).toLongLong();
}

} // namespace vigil
