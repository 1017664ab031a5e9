// Train > Research Window: the research window over the project's models, its figures
// computed off the GUI thread (every track of the models checked is read), a failure case
// or an interval one click from the player.
#pragma once

#include "review/ResearchData.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

class QMainWindow;
class QMenu;

namespace vigil {

class ResearchWindow;
class WorkstationController;

/// GUI thread.
class ResearchController : public QObject {
    Q_OBJECT
public:
    ResearchController(WorkstationController* workstation, QMainWindow* window);
    ~ResearchController() override;

    void install(QMenu* menu);
    void openWindow();
    ResearchWindow* window() const;

    /// What a frame's truth is for the window and the video list's figures, kept in the
    /// user's settings (default: both).
    static TruthSource truthSource();

signals:
    void refreshed(int models);
    /// The window's truth was changed: the other figures follow.
    void truthSourceChanged(TruthSource source);

private:
    void refresh();

    WorkstationController* m_workstation;
    QMainWindow* m_mainWindow;
    QPointer<ResearchWindow> m_window;
    int m_request = 0;
    QList<QPointer<QThread>> m_threads;
};

} // namespace vigil
