// The detections of a project as a table: video, class, peak score, start, duration,
// review state and note. Views sort and filter it through a proxy.
#pragma once

#include "project/ProjectTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace vigil {

/// GUI thread.
class DetectionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { VideoColumn, ClassColumn, PeakColumn, StartColumn, DurationColumn, StateColumn, NoteColumn, ColumnCount };
    enum Roles {
        IdRole = Qt::UserRole + 1,
        VideoIdRole,
        StartFrameRole,
        EndFrameRole,
        PeakScoreRole,
        EffectiveClassRole,
        StateRole,
        SortRole, // numbers sort as numbers
    };

    explicit DetectionsModel(QObject* parent = nullptr);

    /// videos: id -> (name, frames per second); classNames: model order.
    void setDetections(const QList<DetectionRecord>& detections, const QHash<qint64, QPair<QString, double>>& videos,
                       const QStringList& classNames);
    /// Replaces one detection (after an edit) without resetting the view.
    void updateDetection(const DetectionRecord& detection);
    const DetectionRecord* detection(int row) const;
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<DetectionRecord> m_detections;
    QHash<qint64, QPair<QString, double>> m_videos;
    QStringList m_classNames;
};

} // namespace vigil
