// Labels: one row per interval; every write is one transaction, its audit rows inside it.
#include "project/LabelTable.h"

#include "project/LabelJson.h"
#include "project/SqlConnection.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <cmath>

namespace vigil {

namespace {

const QString kColumns = QStringLiteral(
    "id, video_id, start_frame, end_frame, class_name, note, created, modified, author, source, model_id, model_class,"
    " model_start, model_end, model_peak, model_mean, decision_seconds, detection_id");

QVariant optionalReal(double value) { return std::isfinite(value) ? QVariant(value) : QVariant(); }
QVariant optionalId(qint64 value) { return value > 0 ? QVariant(value) : QVariant(); }
QVariant optionalFrame(qint64 value) { return value >= 0 ? QVariant(value) : QVariant(); }

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
    label.author = query.value(8).toString();
    label.source = labelSourceFromName(query.value(9).toString()).value_or(LabelSource::Manual);
    label.modelId = query.value(10).toLongLong();
    label.modelClass = query.value(11).toString();
    label.modelStart = query.value(12).isNull() ? -1 : query.value(12).toLongLong();
    label.modelEnd = query.value(13).isNull() ? -1 : query.value(13).toLongLong();
    label.modelPeak = query.value(14).isNull() ? qQNaN() : query.value(14).toDouble();
    label.modelMean = query.value(15).isNull() ? qQNaN() : query.value(15).toDouble();
    label.decisionSeconds = query.value(16).isNull() ? qQNaN() : query.value(16).toDouble();
    label.detectionId = query.value(17).toLongLong();
    return label;
}

QString jsonText(const std::optional<LabelRecord>& label)
{
    return label ? QString::fromUtf8(QJsonDocument(labelJson(*label)).toJson(QJsonDocument::Compact)) : QString();
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

void LabelTable::audit(qint64 labelId, qint64 videoId, const QString& kind, const std::optional<LabelRecord>& before,
                       const std::optional<LabelRecord>& after, const QString& action)
{
    QSqlQuery insert = m_sql.prepare(
        QStringLiteral("INSERT INTO label_audit (label_id, video_id, at, author, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        action);
    insert.addBindValue(labelId);
    insert.addBindValue(videoId);
    insert.addBindValue(toDbTime(QDateTime::currentDateTimeUtc()));
    insert.addBindValue(toDbText(m_sql.author()));
    insert.addBindValue(kind);
    insert.addBindValue(toDbText(jsonText(before)));
    insert.addBindValue(toDbText(jsonText(after)));
    m_sql.exec(insert, action);
}

qint64 LabelTable::add(const LabelRecord& label)
{
    const QString action = QStringLiteral("add a label to video %1").arg(label.videoId);
    qint64 id = 0;
    m_sql.transaction(action, [&] { id = insertRow(label, action); });
    return id;
}

qint64 LabelTable::insertRow(const LabelRecord& label, const QString& action, bool keepTimes)
{
    check(label, action, m_sql);
    // An id given back (undoing a removal) restores the same row.
    QSqlQuery insert = m_sql.prepare(
        QStringLiteral("INSERT INTO labels (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns), action);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool model = label.source == LabelSource::Model;
    insert.addBindValue(label.id > 0 ? QVariant(label.id) : QVariant());
    insert.addBindValue(label.videoId);
    insert.addBindValue(label.startFrame);
    insert.addBindValue(label.endFrame);
    insert.addBindValue(label.className.trimmed());
    insert.addBindValue(toDbText(label.note));
    insert.addBindValue(toDbTime(label.created.isValid() ? label.created : now));
    insert.addBindValue(toDbTime(keepTimes && label.modified.isValid() ? label.modified : now));
    insert.addBindValue(toDbText(label.author.isEmpty() ? m_sql.author() : label.author));
    insert.addBindValue(labelSourceName(label.source));
    insert.addBindValue(model ? optionalId(label.modelId) : QVariant());
    insert.addBindValue(toDbText(model ? label.modelClass : QString()));
    insert.addBindValue(model ? optionalFrame(label.modelStart) : QVariant());
    insert.addBindValue(model ? optionalFrame(label.modelEnd) : QVariant());
    insert.addBindValue(model ? optionalReal(label.modelPeak) : QVariant());
    insert.addBindValue(model ? optionalReal(label.modelMean) : QVariant());
    insert.addBindValue(model ? optionalReal(label.decisionSeconds) : QVariant());
    insert.addBindValue(model ? optionalId(label.detectionId) : QVariant());
    m_sql.exec(insert, action);
    const qint64 id = insert.lastInsertId().toLongLong();
    audit(id, label.videoId, QStringLiteral("add"), std::nullopt, find(id), action);
    return id;
}

void LabelTable::update(const LabelRecord& label)
{
    const QString action = QStringLiteral("change label %1").arg(label.id);
    m_sql.transaction(action, [&] { updateRow(label, action); });
}

void LabelTable::updateRow(const LabelRecord& label, const QString& action)
{
    check(label, action, m_sql);
    const std::optional<LabelRecord> before = find(label.id);
    if (!before || before->videoId != label.videoId) // never another video's label that reused the id
        m_sql.fail(action, QStringLiteral("there is no label %1 on video %2").arg(label.id).arg(label.videoId));
    if (before->startFrame == label.startFrame && before->endFrame == label.endFrame &&
        before->className == label.className.trimmed() && before->note == label.note)
        return; // nothing changes: no audit row, no new modified time
    QSqlQuery query = m_sql.prepare(QStringLiteral("UPDATE labels SET start_frame = ?, end_frame = ?, class_name = ?, "
                                                   "note = ?, modified = ? WHERE id = ? AND video_id = ?"),
                                    action);
    query.addBindValue(label.startFrame);
    query.addBindValue(label.endFrame);
    query.addBindValue(label.className.trimmed());
    query.addBindValue(toDbText(label.note));
    query.addBindValue(toDbTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(label.id);
    query.addBindValue(label.videoId);
    m_sql.exec(query, action);
    audit(label.id, label.videoId, QStringLiteral("change"), before, find(label.id), action);
}

void LabelTable::remove(qint64 id)
{
    const QString action = QStringLiteral("remove label %1").arg(id);
    m_sql.transaction(action, [&] { removeRow(id, action); });
}

void LabelTable::removeRow(qint64 id, const QString& action)
{
    const std::optional<LabelRecord> before = find(id);
    if (!before)
        m_sql.fail(action, QStringLiteral("there is no label %1").arg(id));
    QSqlQuery query = m_sql.prepare(QStringLiteral("DELETE FROM labels WHERE id = ?"), action);
    query.addBindValue(id);
    m_sql.exec(query, action);
    audit(id, before->videoId, QStringLiteral("remove"), before, std::nullopt, action);
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

int LabelTable::replaceRows(const QList<qint64>& videoIds, QList<LabelRecord>& labels, const QString& action)
{
    int removed = 0;
    for (const qint64 videoId : videoIds)
        for (const LabelRecord& old : forVideo(videoId)) {
            removeRow(old.id, action);
            ++removed;
        }
    for (LabelRecord& label : labels) {
        label.id = 0; // an import never takes over another label's id
        label.id = insertRow(label, action, true);
    }
    return removed;
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

QList<LabelRecord> LabelTable::all() const
{
    const QString action = QStringLiteral("read the labels");
    QSqlQuery query = m_sql.run(QStringLiteral("SELECT %1 FROM labels ORDER BY video_id, start_frame, id").arg(kColumns), action);
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

QList<LabelAuditRecord> LabelTable::auditRows(const QString& where, qint64 key, const QString& action) const
{
    QSqlQuery query = m_sql.prepare(
        QStringLiteral("SELECT id, label_id, video_id, at, author, action, before, after FROM label_audit WHERE %1 = ? ORDER BY id")
            .arg(where),
        action);
    query.addBindValue(key);
    m_sql.exec(query, action);
    QList<LabelAuditRecord> rows;
    while (query.next()) {
        LabelAuditRecord r;
        r.id = query.value(0).toLongLong();
        r.labelId = query.value(1).toLongLong();
        r.videoId = query.value(2).toLongLong();
        r.at = fromDbTime(query.value(3));
        r.author = query.value(4).toString();
        r.action = query.value(5).toString();
        r.before = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
        r.after = QJsonDocument::fromJson(query.value(7).toString().toUtf8()).object();
        rows << r;
    }
    return rows;
}

QList<LabelAuditRecord> LabelTable::history(qint64 labelId) const
{
    return auditRows(QStringLiteral("label_id"), labelId, QStringLiteral("read the history of label %1").arg(labelId));
}

QList<LabelAuditRecord> LabelTable::videoHistory(qint64 videoId) const
{
    return auditRows(QStringLiteral("video_id"), videoId, QStringLiteral("read the label history of video %1").arg(videoId));
}

QStringList LabelTable::customClasses() const
{
    QSqlQuery query = m_sql.run(QStringLiteral("SELECT name FROM custom_classes ORDER BY name"), QStringLiteral("read the custom classes"));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

void LabelTable::addCustomClass(const QString& name)
{
    const QString action = QStringLiteral("add the class '%1'").arg(name.trimmed());
    if (name.trimmed().isEmpty())
        m_sql.fail(action, QStringLiteral("a class needs a name"));
    m_sql.transaction(action, [&] { addCustomClassRow(name, action); });
}

void LabelTable::addCustomClassRow(const QString& name, const QString& action)
{
    QSqlQuery insert = m_sql.prepare(
        QStringLiteral("INSERT INTO custom_classes (name, created, author) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING"), action);
    insert.addBindValue(name.trimmed());
    insert.addBindValue(toDbTime(QDateTime::currentDateTimeUtc()));
    insert.addBindValue(toDbText(m_sql.author()));
    m_sql.exec(insert, action);
}

void LabelTable::removeCustomClass(const QString& name)
{
    const QString action = QStringLiteral("remove the class '%1'").arg(name);
    m_sql.transaction(action, [&] {
        QSqlQuery used = m_sql.prepare(QStringLiteral("SELECT COUNT(*) FROM labels WHERE class_name = ? COLLATE NOCASE"), action);
        used.addBindValue(name);
        m_sql.exec(used, action);
        if (used.next() && used.value(0).toLongLong() > 0)
            m_sql.fail(action, QStringLiteral("%1 label(s) use it").arg(used.value(0).toLongLong()));
        QSqlQuery remove = m_sql.prepare(QStringLiteral("DELETE FROM custom_classes WHERE name = ?"), action);
        remove.addBindValue(name);
        m_sql.exec(remove, action);
    });
}

QList<AnalystReport> LabelTable::analystReports() const
{
    const QString action = QStringLiteral("read the analysts' decisions");
    QHash<QString, AnalystReport> reports;
    QHash<QString, std::pair<double, int>> times; // author -> (sum of seconds, count)
    auto report = [&](const QString& author) -> AnalystReport& {
        AnalystReport& r = reports[author];
        r.author = author;
        return r;
    };
    auto timed = [&](const QString& author, const QVariant& seconds) {
        if (!seconds.isNull()) {
            times[author].first += seconds.toDouble();
            ++times[author].second;
        }
    };
    // Labels made from detections: accepted as the model said, or modified since.
    QSet<qint64> labelled; // detections counted through their label
    for (const LabelRecord& l : all()) {
        AnalystReport& r = report(l.author);
        ++r.labels;
        if (l.source != LabelSource::Model)
            continue;
        ++(l.modifiedFromModel() ? r.modified : r.accepted);
        timed(l.author, optionalReal(l.decisionSeconds));
        if (l.detectionId > 0)
            labelled.insert(l.detectionId);
    }
    // The review states of the detections not turned into labels.
    QSqlQuery query = m_sql.run(QStringLiteral("SELECT id, state, corrected_class, top_class, reviewed_by, decision_seconds "
                                               "FROM detections WHERE state IN (1, 2)"),
                                action);
    while (query.next()) {
        if (labelled.contains(query.value(0).toLongLong()))
            continue;
        const QString author = query.value(4).toString();
        AnalystReport& r = report(author);
        if (ReviewState(query.value(1).toInt()) == ReviewState::Rejected)
            ++r.rejected;
        else if (query.value(2).toInt() >= 0 && query.value(2).toInt() != query.value(3).toInt())
            ++r.modified;
        else
            ++r.accepted;
        timed(author, query.value(5));
    }
    QList<AnalystReport> list;
    for (auto it = reports.begin(); it != reports.end(); ++it) {
        if (const auto t = times.value(it.key()); t.second > 0)
            it->meanDecisionSeconds = t.first / t.second;
        list << it.value();
    }
    std::sort(list.begin(), list.end(), [](const AnalystReport& a, const AnalystReport& b) { return a.author < b.author; });
    return list;
}

} // namespace vigil
