// Per-video AUC and AP in the videos list: computed off the GUI thread for the model shown,
// against the research window's truth (ResearchController::truthSource), whenever the
// project is opened or scored or that truth changes, and written after each video's name
// (on a second line, "AUC 0.91 AP 0.40", the truth in its tooltip) each time the list is rebuilt. Only
// videos with both normal and abnormal frames have an AUC.
#pragma once

#include "review/TruthSource.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QThread>

class QListWidget;

namespace vigil {

class WorkstationController;

/// GUI thread.
class VideoMetricsController : public QObject {
    Q_OBJECT
public:
    VideoMetricsController(WorkstationController* workstation, QListWidget* list, QObject* parent);
    ~VideoMetricsController() override;

    /// Recomputes for the workstation's model (after scoring, a new model, an import).
    void refresh();
    /// Video id -> (AUC, AP); videos without frames of both kinds are absent.
    const QHash<qint64, QPair<double, double>>& metrics() const { return m_metrics; }

signals:
    void updated();

private:
    void decorate();

    WorkstationController* m_workstation;
    QListWidget* m_list;
    QHash<qint64, QPair<double, double>> m_metrics;
    TruthSource m_truth = TruthSource::Both;
    int m_request = 0;
    QList<QPointer<QThread>> m_threads;
};

} // namespace vigil
