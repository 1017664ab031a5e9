// Train > Compare Models: the comparison dialog, the comparison computed off the GUI thread
// (every track of both models is read and ranked), a row opening its video, and the
// timeline overlay of the other model's scores on each video opened.
#pragma once

#include "review/ModelComparison.h"

#include <QObject>
#include <QList>
#include <QPointer>
#include <QThread>

class QMainWindow;
class QMenu;

namespace vigil {

class ComparisonDialog;
class ScoreTimeline;
class WorkstationController;

/// GUI thread.
class ComparisonController : public QObject {
    Q_OBJECT
public:
    ComparisonController(WorkstationController* workstation, ScoreTimeline* timeline, QMainWindow* window);
    ~ComparisonController() override;

    void install(QMenu* menu);
    /// Compare Models...: the dialog, with the active model as B and its parent (or another
    /// model) as A.
    void openDialog();
    ComparisonDialog* dialog() const;
    /// The model drawn beside the current one on the timeline; 0 for none.
    qint64 overlayModel() const { return m_overlayModel; }

signals:
    void compared(const vigil::ModelComparison& comparison);

private:
    void compare();
    void updateOverlay();

    WorkstationController* m_workstation;
    ScoreTimeline* m_timeline;
    QMainWindow* m_window;
    QPointer<ComparisonDialog> m_dialog;
    qint64 m_overlayModel = 0;
    int m_request = 0; // the latest comparison asked for; older answers are dropped
    QList<QPointer<QThread>> m_threads; // waited for on destruction
};

} // namespace vigil
