// Frame-accurate playback on its own thread: opens a video, shows any frame by index,
// steps, and plays at a rate against the wall clock, dropping frames when decoding is
// late so playback never drifts. Scrubbing requests are coalesced: only the latest
// pending seek is decoded.
#pragma once

#include "playback/FrameCache.h"
#include "playback/FrameImage.h"
#include "playback/ProxySettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace vigil {

class FrameDecoder;
class ProxyJob;
struct VideoFrame;


/// Lives on the playback thread (see PlaybackController); its slots run there.
/// requestSeek() is a direct call from any thread.
class PlaybackWorker : public QObject {
    Q_OBJECT
public:
    explicit PlaybackWorker(QObject* parent = nullptr);
    ~PlaybackWorker() override;

    /// Any thread: asks for frame `index`; earlier pending requests are dropped.
    void requestSeek(int64_t index);
    /// The worker's thread only.
    const FrameCache& cache() const { return m_cache; }

public slots:
    void openVideo(const QString& path);
    void closeVideo();
    /// rate: 1 native speed, 0.25 ... 16; negative plays backwards.
    void play(double rate);
    void pause();
    /// Moves by `frames` from the frame shown (pauses first).
    void step(int64_t frames);
    /// Memory for recently shown frames (0 disables the cache).
    void setCacheBudget(qint64 bytes);
    /// Applies to the next video opened.
    void setProxySettings(const vigil::ProxySettings& settings);

signals:
    void opened(const vigil::PlaybackVideo& video);
    void failed(const QString& path, const QString& message);
    void frameReady(const vigil::FrameImage& frame);
    void playingChanged(bool playing, double rate);
    /// A seek proxy of the open video is being made (done of total frames) / is in use.
    void proxyProgress(const QString& path, qint64 done, qint64 total);
    void proxyReady(const QString& path);
    /// No proxy could be made: seeks stay exact, only slower.
    void proxyFailed(const QString& path, const QString& message);

private:
    void serveSeek();
    void tick();
    bool showFrame(int64_t index, bool allowProxy = false);
    bool showProxyFrame(int64_t index);
    void refine();
    void openProxy(bool build);
    void retireProxyJob();
    void pruneProxies();
    QString proxyPath() const;
    FrameImage imageOf(VideoFrame& frame) const;

    std::unique_ptr<FrameDecoder> m_decoder;
    FrameCache m_cache;
    ProxySettings m_proxySettings;
    std::unique_ptr<FrameDecoder> m_proxy;
    std::unique_ptr<ProxyJob> m_proxyJob;
    QString m_proxyJobSource;   // the video m_proxyJob makes a proxy of
    quint64 m_proxyGeneration = 0; // tells a finished job's report from an older one's
    std::vector<std::unique_ptr<ProxyJob>> m_retiredJobs; // cancelled, maybe still indexing
    int64_t m_proxyShown = -1; // the frame shown from the proxy, awaiting its exact picture
    PlaybackVideo m_video;
    int64_t m_shown = -1;       // index of the frame last emitted
    int64_t m_exactShown = -1;  // ... of the last one emitted from the video itself
    int64_t m_decoderNext = -1; // index the decoder's next read() returns, -1 unknown
    std::atomic<int64_t> m_pendingSeek{-1};
    std::atomic<bool> m_seekPosted{false};
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_rate = 0;          // 0: paused
    double m_startTimestamp = 0;
};

} // namespace vigil
