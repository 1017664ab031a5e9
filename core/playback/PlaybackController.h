// Owns the playback thread and its worker; destruction stops playback and waits.
#pragma once

#include "playback/PlaybackWorker.h"

#include <QObject>
#include <QThread>

namespace vigil {

/// Create, use and destroy on the GUI thread; worker()'s signals arrive queued there.
class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);
    ~PlaybackController() override;

    PlaybackWorker* worker() const { return m_worker; }
    void openVideo(const QString& path);
    void closeVideo();
    void seek(int64_t index) { m_worker->requestSeek(index); }
    void play(double rate);
    void pause();
    void step(int64_t frames);
    /// For the videos opened after it.
    void setProxySettings(const ProxySettings& settings);

private:
    QThread m_thread;
    PlaybackWorker* m_worker = nullptr;
};

} // namespace vigil
