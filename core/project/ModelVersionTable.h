// Internal to core/project: fine-tuned model versions and the project's active model.
#pragma once

#include "project/ProjectTypes.h"

namespace vigil {

class SqlConnection;

/// The thread of its SqlConnection.
class ModelVersionTable {
public:
    explicit ModelVersionTable(SqlConnection& sql);

    /// See ProjectStore::addModelVersion.
    void add(const ModelVersionRecord& version);
    QList<ModelVersionRecord> all() const; // by model id
    std::optional<ModelVersionRecord> find(qint64 modelId) const;
    /// 0 when none was set (or its model is gone).
    qint64 activeModelId() const;
    void setActiveModelId(qint64 modelId);

private:
    SqlConnection& m_sql;
};

} // namespace vigil
