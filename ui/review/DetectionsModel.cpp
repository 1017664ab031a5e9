// Detections table model.
#include "review/DetectionsModel.h"

#include "review/TimeText.h"

#include <QBrush>
#include <QColor>

namespace vigil {

DetectionsModel::DetectionsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DetectionsModel::setDetections(const QList<DetectionRecord>& detections, const QHash<qint64, QPair<QString, double>>& videos,
                                    const QStringList& classNames)
{
    beginResetModel();
    m_detections = detections;
    m_videos = videos;
    m_classNames = classNames;
    endResetModel();
}

void DetectionsModel::updateDetection(const DetectionRecord& detection)
{
    const int row = rowOfId(detection.id);
    if (row < 0)
        return;
    m_detections[row] = detection;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const DetectionRecord* DetectionsModel::detection(int row) const
{
    return row >= 0 && row < m_detections.size() ? &m_detections[row] : nullptr;
}

int DetectionsModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_detections.size(); ++row)
        if (m_detections[row].id == id)
            return row;
    return -1;
}

int DetectionsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_detections.size()); }
int DetectionsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DetectionsModel::data(const QModelIndex& index, int role) const
{
    const DetectionRecord* d = detection(index.row());
    if (!d)
        return {};
    const QPair<QString, double> video = m_videos.value(d->videoId, qMakePair(QString(), 30.0));
    const double fps = video.second > 0 ? video.second : 30;
    const int cls = d->effectiveClass();
    switch (role) {
    case IdRole:
        return d->id;
    case VideoIdRole:
        return d->videoId;
    case StartFrameRole:
        return d->startFrame;
    case EndFrameRole:
        return d->endFrame;
    case PeakScoreRole:
        return d->peakScore;
    case EffectiveClassRole:
        return cls;
    case StateRole:
        return int(d->state);
    case SortRole:
        switch (index.column()) {
        case PeakColumn:
            return d->peakScore;
        case StartColumn:
            return d->startFrame;
        case DurationColumn:
            return d->endFrame - d->startFrame;
        case StateColumn:
            return int(d->state);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case VideoColumn:
            return video.first;
        case ClassColumn: {
            const QString name = m_classNames.value(cls, tr("unknown"));
            return d->correctedClass >= 0 ? tr("%1 (corrected)").arg(name)
                                          : tr("%1 %2%").arg(name).arg(d->topClassProbability * 100, 0, 'f', 0);
        }
        case PeakColumn:
            return QString::number(d->peakScore, 'f', 3);
        case StartColumn:
            return timeText(double(d->startFrame) / fps);
        case DurationColumn:
            return tr("%1 s").arg(double(d->endFrame - d->startFrame) / fps, 0, 'f', 1);
        case StateColumn:
            return d->state == ReviewState::Accepted ? tr("Accepted") : d->state == ReviewState::Rejected ? tr("Rejected") : tr("To review");
        case NoteColumn:
            return d->note;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && d->state != ReviewState::Unreviewed)
            return QBrush(d->state == ReviewState::Accepted ? QColor(30, 130, 60) : QColor(120, 120, 120));
        break;
    }
    return {};
}

QVariant DetectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VideoColumn:
        return tr("Video");
    case ClassColumn:
        return tr("Class");
    case PeakColumn:
        return tr("Peak");
    case StartColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case StateColumn:
        return tr("State");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

} // namespace vigil
