// Owns the scoring thread and its worker: starts them, forwards requests, and on
// destruction cancels the work and waits for the thread, so no work outlives its owner.
#pragma once

#include "scoring/ScoringWorker.h"

#include <QObject>
#include <QThread>

namespace vigil {

/// Create, use and destroy on one thread (the GUI's or the CLI's main thread). Connect
/// to worker()'s signals: they arrive queued, on the owner's thread.
class ScoringController : public QObject {
    Q_OBJECT
public:
    explicit ScoringController(const ScoringSettings& settings, QObject* parent = nullptr);
    ~ScoringController() override;

    ScoringWorker* worker() const { return m_worker; }
    void enqueue(const QStringList& videoPaths);
    void setPaused(bool paused) { m_worker->setPaused(paused); }
    void cancelCurrent() { m_worker->cancelCurrent(); }
    void cancelAll() { m_worker->cancelAll(); }

private:
    QThread m_thread;
    ScoringWorker* m_worker = nullptr;
};

} // namespace vigil
