// Playback thread ownership.
#include "playback/PlaybackController.h"

namespace vigil {

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<FrameImage>();
    qRegisterMetaType<PlaybackVideo>();
    m_thread.setObjectName(QStringLiteral("vigil-playback"));
    m_worker = new PlaybackWorker();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

PlaybackController::~PlaybackController()
{
    m_thread.quit();
    m_thread.wait();
}

void PlaybackController::openVideo(const QString& path)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->openVideo(path); }, Qt::QueuedConnection);
}

void PlaybackController::closeVideo()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->closeVideo(); }, Qt::QueuedConnection);
}

void PlaybackController::play(double rate)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, rate] { w->play(rate); }, Qt::QueuedConnection);
}

void PlaybackController::pause()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->pause(); }, Qt::QueuedConnection);
}

void PlaybackController::setProxySettings(const ProxySettings& settings)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, settings] { w->setProxySettings(settings); }, Qt::QueuedConnection);
}

void PlaybackController::step(int64_t frames)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, frames] { w->step(frames); }, Qt::QueuedConnection);
}

} // namespace vigil
