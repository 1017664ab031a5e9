// Internal to core/project: the analysts' labels (hand-marked intervals of a video).
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
    QList<LabelRecord> forVideo(qint64 videoId) const;
    std::optional<LabelRecord> find(qint64 id) const;
    qint64 count() const;

private:
    qint64 insertRow(const LabelRecord& label, const QString& action);
    void updateRow(const LabelRecord& label, const QString& action);
    void removeRow(qint64 id, const QString& action);
    static void check(const LabelRecord& label, const QString& action, const SqlConnection& sql);

    SqlConnection& m_sql;
};

} // namespace vigil
