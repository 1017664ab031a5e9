// Scoring thread ownership.
#include "scoring/ScoringController.h"

namespace vigil {

ScoringController::ScoringController(const ScoringSettings& settings, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ScoringProgress>();
    qRegisterMetaType<ScoringResult>();
    m_thread.setObjectName(QStringLiteral("vigil-scoring"));
    m_worker = new ScoringWorker(settings);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ScoringController::~ScoringController()
{
    m_worker->cancelAll();
    m_worker->setPaused(false);
    m_thread.quit();
    m_thread.wait();
}

void ScoringController::enqueue(const QStringList& videoPaths)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, videoPaths] { worker->enqueue(videoPaths); },
                              Qt::QueuedConnection);
}

} // namespace vigil
