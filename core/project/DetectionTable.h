// Internal to core/project: detections and their review state: replacing a track's
// segmentation (carrying reviews over), the filtered project-wide query, review edits.
#pragma once

#include "project/ProjectTypes.h"

namespace vigil {

class SqlConnection;

/// The thread of its SqlConnection.
class DetectionTable {
public:
    explicit DetectionTable(SqlConnection& sql);

    /// See ProjectStore::replaceDetections.
    void replace(qint64 videoId, qint64 modelId, QList<DetectionRecord>& detections);
    QList<DetectionRecord> query(const DetectionFilter& filter) const;
    void setReviewState(const QList<qint64>& ids, ReviewState state, double decisionSeconds);
    void setCorrectedClass(qint64 id, int cls);
    void setNote(qint64 id, const QString& note);
    void applyReviews(const QList<ReviewEdit>& edits);

private:
    QList<DetectionRecord> track(qint64 videoId, qint64 modelId, const QString& action) const;
    void update(qint64 id, const QString& column, const QVariant& value, const QDateTime& now, const QString& action);

    SqlConnection& m_sql;
};

} // namespace vigil
