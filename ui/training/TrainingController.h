// Fine-tuning in the workstation: the Train menu, the dialog with its readiness check, the
// run panel in a dock, and the worker thread the runs go on. When a run ends, its model
// becomes the workstation's and the project is re-scored with it (cached features).
#pragma once

#include "training/TrainingWorker.h"

#include <QObject>
#include <QPointer>
#include <QThread>

class QAction;
class QDockWidget;
class QMenu;
class QMainWindow;

namespace vigil {

class TrainingDialog;
class TrainingPanel;
class WorkstationController;

/// GUI thread.
class TrainingController : public QObject {
    Q_OBJECT
public:
    TrainingController(WorkstationController* workstation, QMainWindow* window);
    ~TrainingController() override;

    /// Adds the Train menu to the window's menu bar and the run panel's dock (hidden).
    void install();
    /// Fine-Tune Model...: the dialog, checked against the project, then the run.
    void openDialog();
    /// Makes one of the project's models the workstation's and the project's active one.
    void chooseVersion();
    TrainingPanel* panel() const { return m_panel; }
    QMenu* menu() const { return m_menu; }
    /// Needs a model to start from: the main window marks it when there is none.
    QAction* fineTuneAction() const { return m_fineTune; }
    QDockWidget* dock() const { return m_dock; }
    TrainingDialog* dialog() const;
    bool running() const { return m_running; }

signals:
    /// A run ended with a new model, now the workstation's.
    void modelTrained(const QString& name);

private:
    void check();
    void run(bool resume);
    QString suggestedName() const;

    WorkstationController* m_workstation;
    QMainWindow* m_window;
    QThread m_thread;
    TrainingWorker* m_worker = nullptr;
    TrainingPanel* m_panel = nullptr;
    QAction* m_fineTune = nullptr;
    QMenu* m_menu = nullptr;
    QDockWidget* m_dock = nullptr;
    QPointer<TrainingDialog> m_dialog;
    TrainingRequest m_request;
    bool m_running = false;
    int m_pendingScores = 0; // videos the dialog asked to score, still to end
};

} // namespace vigil
