// Model versions: one row per fine-tuned model; the active model in the meta table.
#include "project/ModelVersionTable.h"

#include "project/SqlConnection.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace vigil {

namespace {

const QString kColumns = QStringLiteral("model_id, parent_model_id, data, options, metrics, created");
const QString kActiveKey = QStringLiteral("active_model_id");

QJsonObject objectFrom(const QVariant& text) { return QJsonDocument::fromJson(text.toString().toUtf8()).object(); }
QString textOf(const QJsonObject& object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

ModelVersionRecord versionFrom(const QSqlQuery& query)
{
    ModelVersionRecord v;
    v.modelId = query.value(0).toLongLong();
    v.parentModelId = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
    v.data = objectFrom(query.value(2));
    v.options = objectFrom(query.value(3));
    v.metrics = objectFrom(query.value(4));
    v.created = fromDbTime(query.value(5));
    return v;
}

} // namespace

ModelVersionTable::ModelVersionTable(SqlConnection& sql)
    : m_sql(sql)
{
}

void ModelVersionTable::add(const ModelVersionRecord& version)
{
    const QString action = QStringLiteral("record model version %1").arg(version.modelId);
    m_sql.transaction(action, [&] {
        QSqlQuery insert = m_sql.prepare(
            QStringLiteral("INSERT OR REPLACE INTO model_versions (%1) VALUES (?, ?, ?, ?, ?, ?)").arg(kColumns), action);
        insert.addBindValue(version.modelId);
        insert.addBindValue(version.parentModelId > 0 ? QVariant(version.parentModelId) : QVariant());
        insert.addBindValue(textOf(version.data));
        insert.addBindValue(textOf(version.options));
        insert.addBindValue(textOf(version.metrics));
        insert.addBindValue(toDbTime(version.created.isValid() ? version.created : QDateTime::currentDateTimeUtc()));
        m_sql.exec(insert, action);
    });
}

QList<ModelVersionRecord> ModelVersionTable::all() const
{
    QSqlQuery query = m_sql.run(QStringLiteral("SELECT %1 FROM model_versions ORDER BY model_id").arg(kColumns),
                                QStringLiteral("list the model versions"));
    QList<ModelVersionRecord> versions;
    while (query.next())
        versions << versionFrom(query);
    return versions;
}

std::optional<ModelVersionRecord> ModelVersionTable::find(qint64 modelId) const
{
    const QString action = QStringLiteral("read model version %1").arg(modelId);
    QSqlQuery query = m_sql.prepare(QStringLiteral("SELECT %1 FROM model_versions WHERE model_id = ?").arg(kColumns), action);
    query.addBindValue(modelId);
    m_sql.exec(query, action);
    if (!query.next())
        return std::nullopt;
    return versionFrom(query);
}

qint64 ModelVersionTable::activeModelId() const
{
    const QVariant id = m_sql.scalar(
        QStringLiteral("SELECT m.id FROM meta JOIN models m ON m.id = CAST(meta.value AS INTEGER) WHERE meta.key = '%1'")
            .arg(kActiveKey),
        QStringLiteral("read the active model"));
    return id.isValid() ? id.toLongLong() : 0;
}

void ModelVersionTable::setActiveModelId(qint64 modelId)
{
    const QString action = QStringLiteral("set the active model to %1").arg(modelId);
    m_sql.transaction(action, [&] {
        QSqlQuery query = m_sql.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), action);
        query.addBindValue(kActiveKey);
        query.addBindValue(QString::number(modelId));
        m_sql.exec(query, action);
    });
}

} // namespace vigil
