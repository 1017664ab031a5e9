// Internal to core/project: the analysts' labels (hand-marked intervals of a video), the
// audit trail every label write adds to in its own transaction, the analysts' own classes,
// and the per-analyst report on decisions about the model's detections.
#pragma once

#include "project/ProjectTypes.h"

namespace vigil {

class SqlConnection;

/// The thread of its SqlConnection.
class LabelTable {
public:
    explicit LabelTable(SqlConnection& sql);

    /// See ProjectStore::addLabel.
    qint64 add(const LabelRecord& label);
    void update(const LabelRecord& label);
    void remove(qint64 id);
    /// See ProjectStore::writeLabels.
    void write(QList<LabelRecord>& labels, const QList<qint64>& removals);
    /// Inside the caller's transaction (ProjectStore::replaceLabels): an import, times and
    /// authors kept as given; returns how many labels were removed.
    int replaceRows(const QList<qint64>& videoIds, QList<LabelRecord>& labels, const QString& action);
    QList<LabelRecord> forVideo(qint64 videoId) const;
    QList<LabelRecord> all() const; // by video, then start
    std::optional<LabelRecord> find(qint64 id) const;
    qint64 count() const;

    QList<LabelAuditRecord> history(qint64 labelId) const;
    QList<LabelAuditRecord> videoHistory(qint64 videoId) const;

    QStringList customClasses() const;
    void addCustomClass(const QString& name);
    /// Inside the caller's transaction.
    void addCustomClassRow(const QString& name, const QString& action);
    void removeCustomClass(const QString& name);

    QList<AnalystReport> analystReports() const;

private:
    qint64 insertRow(const LabelRecord& label, const QString& action, bool keepTimes = false);
    void updateRow(const LabelRecord& label, const QString& action);
    void removeRow(qint64 id, const QString& action);
    void audit(qint64 labelId, qint64 videoId, const QString& kind, const std::optional<LabelRecord>& before,
               const std::optional<LabelRecord>& after, const QString& action);
    QList<LabelAuditRecord> auditRows(const QString& where, qint64 key, const QString& action) const;
    static void check(const LabelRecord& label, const QString& action, const SqlConnection& sql);

    SqlConnection& m_sql;
};

} // namespace vigil
