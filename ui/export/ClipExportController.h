// File > Export Clips: labels or detections of the project as evidence clips (the same
// export as vigil-cli export-clips), chosen in a small dialog, written off the GUI thread
// with progress and cancel, and summed up when done.
#pragma once

#include "export/ClipExport.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

class QMainWindow;
class QMenu;
class QProgressDialog;

namespace vigil {

class WorkstationController;

/// GUI thread.
class ClipExportController : public QObject {
    Q_OBJECT
public:
    ClipExportController(WorkstationController* workstation, QMainWindow* window);
    ~ClipExportController() override;

    void install(QMenu* file);
    void openDialog();
    /// Starts an export without the dialog (tests, scripts); finished() reports it.
    void start(const ClipSelection& selection, const ClipExportOptions& options);
    void cancel() { *m_cancel = true; }
    bool running() const { return m_thread != nullptr; }

signals:
    void progressed(int done, int total, const QString& current);
    void finished(const vigil::ClipBatch& batch, const QString& error);

private:
    WorkstationController* m_workstation;
    QMainWindow* m_window;
    QPointer<QThread> m_thread;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::ClipBatch)
