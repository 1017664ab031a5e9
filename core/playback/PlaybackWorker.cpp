// Playback: the wall clock decides which frame is due; the decoder reads forward to it
// (frames in between are decoded but not shown) or seeks when it is behind or far ahead.
#include "playback/PlaybackWorker.h"

#include "model/Error.h"
#include "playback/ProxyJob.h"
#include "video/FrameDecoder.h"
#include "video/ProxyBuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

// Reading forward is cheaper than a seek for short distances (a seek decodes from the
// previous keyframe anyway).
constexpr int64_t kMaxReadAhead = 48;
constexpr int kTickMs = 5;
// Going back a little (a step, reverse play, a short scrub) decodes this many frames
// before the target as well, so the following steps back are served from the cache.
// Each costs one conversion to RGB; the seek to the keyframe is paid once for all.
constexpr int64_t kBackFill = 32;

} // namespace

PlaybackWorker::PlaybackWorker(QObject* parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackWorker::tick);
}

PlaybackWorker::~PlaybackWorker()
{
    retireProxyJob();
    for (auto& job : m_retiredJobs)
        job->cancel(); // then each destructor waits for its thread
}

void PlaybackWorker::setProxySettings(const ProxySettings& settings)
{
    m_proxySettings = settings;
}

void PlaybackWorker::openVideo(const QString& path)
{
    pause();
    if (m_proxyJobSource != path)
        retireProxyJob(); // a proxy still being made for the previous video
    m_proxy.reset();
    m_proxyShown = -1;
    m_decoder.reset();
    m_cache.clear();
    m_shown = m_exactShown = m_decoderNext = -1;
    try {
        m_decoder = std::make_unique<FrameDecoder>(QFile::encodeName(path).toStdString());
    } catch (const std::exception& e) {
        emit failed(path, QString::fromStdString(e.what()));
        return;
    }
    m_decoderNext = 0;
    const VideoInfo& info = m_decoder->info();
    m_video = PlaybackVideo{path, info.frameCount, info.frameRate, info.width, info.height, info.durationSeconds,
                            std::make_shared<const std::vector<double>>(m_decoder->timestamps())};
    emit opened(m_video);
    showFrame(0);
    openProxy(true);
}

// Keyed by the file's path, size and modification time: an edited or replaced file gets a
// new proxy.
QString PlaybackWorker::proxyPath() const
{
    const QFileInfo info(m_video.path);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QFile::encodeName(info.absoluteFilePath()));
    hash.addData(QByteArray::number(info.size()) + '/' + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + "/1");
    return m_proxySettings.directory + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex()) + QStringLiteral(".mkv");
}

void PlaybackWorker::retireProxyJob()
{
    if (m_proxyJob) {
        m_proxyJob->cancel();
        m_retiredJobs.push_back(std::move(m_proxyJob));
        m_proxyJobSource.clear();
    }
    // Ended jobs are joined at once; a cancelled one may still be indexing a long file and
    // is joined later rather than holding up the player.
    m_retiredJobs.erase(std::remove_if(m_retiredJobs.begin(), m_retiredJobs.end(),
                                       [](const std::unique_ptr<ProxyJob>& job) { return job->finished(); }),
                        m_retiredJobs.end());
}

void PlaybackWorker::openProxy(bool build)
{
    if (!m_decoder || m_proxySettings.directory.isEmpty())
        return;
    if (m_decoder->longestKeyframeGap() * m_video.width * m_video.height < m_proxySettings.minSeekPixels)
        return; // seeks are fast enough without one
    const QString path = proxyPath();
    if (QFileInfo::exists(path)) {
        try {
            auto proxy = std::make_unique<FrameDecoder>(QFile::encodeName(path).toStdString());
            // Fewer pictures than frames is no reason to make it again (a damaged source
            // gives the same): each picture is checked against its frame when shown.
            if (proxy->info().frameCount > 0 && proxy->info().frameCount <= m_video.frameCount) {
                m_proxy = std::move(proxy);
                QFile used(path); // marked as recently used, for pruneProxies()
                if (used.open(QIODevice::ReadOnly))
                    used.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
                emit proxyReady(m_video.path);
                return;
            }
        } catch (const std::exception&) {
        }
        QFile::remove(path); // damaged or not this video's
    }
    if (!build || (m_proxyJob && m_proxyJobSource == m_video.path))
        return;
    const QString source = m_video.path;
    const quint64 generation = ++m_proxyGeneration;
    m_proxyJobSource = source;
    m_proxyJob = std::make_unique<ProxyJob>(
        source, path,
        [this, source](int64_t done, int64_t total) { emit proxyProgress(source, done, total); },
        [this, source, generation](bool ok, const QString& error) {
            QMetaObject::invokeMethod(
                this,
                [this, source, generation, ok, error] {
                    if (generation != m_proxyGeneration)
                        return; // a job cancelled since: a newer one (or none) runs
                    m_proxyJob.reset();
                    m_proxyJobSource.clear();
                    if (ok)
                        pruneProxies();
                    if (source != m_video.path)
                        return;
                    if (ok)
                        openProxy(false);
                    else if (!error.isEmpty())
                        emit proxyFailed(source, error);
                },
                Qt::QueuedConnection);
        });
}

// Least recently used first, until the proxies fit their budget; temporary files of
// builds that died with their process go too.
void PlaybackWorker::pruneProxies()
{
    QDir dir(m_proxySettings.directory);
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    for (const QFileInfo& partial : dir.entryInfoList({QStringLiteral("*.partial")}, QDir::Files))
        if (partial.lastModified() < dayAgo)
            QFile::remove(partial.filePath());
    QFileInfoList proxies = dir.entryInfoList({QStringLiteral("*.mkv")}, QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo& proxy : proxies)
        total += proxy.size();
    const QString inUse = m_video.path.isEmpty() ? QString() : proxyPath();
    for (const QFileInfo& proxy : proxies) {
        if (total <= m_proxySettings.maxBytes)
            break;
        if (proxy.filePath() == inUse)
            continue;
        total -= proxy.size();
        QFile::remove(proxy.filePath());
    }
}

void PlaybackWorker::closeVideo()
{
    pause();
    retireProxyJob();
    m_proxy.reset();
    m_proxyShown = -1;
    m_decoder.reset();
    m_cache.clear();
    m_video = PlaybackVideo();
    m_shown = m_exactShown = m_decoderNext = -1;
    emit frameReady(FrameImage()); // views show no picture rather than the last video's
}

void PlaybackWorker::requestSeek(int64_t index)
{
    m_pendingSeek.store(index);
    if (!m_seekPosted.exchange(true))
        QMetaObject::invokeMethod(this, &PlaybackWorker::serveSeek, Qt::QueuedConnection);
}

void PlaybackWorker::serveSeek()
{
    m_seekPosted.store(false);
    const int64_t index = m_pendingSeek.exchange(-1);
    if (index < 0 || !m_decoder)
        return;
    const bool wasPlaying = m_rate != 0;
    showFrame(index, !wasPlaying);
    if (wasPlaying) {
        // Playback goes on from the new position.
        m_startTimestamp = m_decoder->timestampOf(m_shown);
        m_clock.restart();
    }
}

void PlaybackWorker::play(double rate)
{
    if (!m_decoder || rate == 0) {
        pause();
        return;
    }
    m_rate = std::clamp(rate, -16.0, 16.0);
    m_startTimestamp = m_shown >= 0 ? m_decoder->timestampOf(m_shown) : 0;
    m_clock.start();
    m_timer.start();
    emit playingChanged(true, m_rate);
}

void PlaybackWorker::pause()
{
    if (m_rate == 0)
        return;
    m_rate = 0;
    m_timer.stop();
    emit playingChanged(false, 0);
}

void PlaybackWorker::step(int64_t frames)
{
    if (!m_decoder)
        return;
    pause();
    showFrame(std::clamp<int64_t>(m_shown + frames, 0, m_video.frameCount - 1), true);
}

void PlaybackWorker::setCacheBudget(qint64 bytes)
{
    m_cache.setBudget(size_t(std::max<qint64>(0, bytes)));
}

void PlaybackWorker::tick()
{
    if (!m_decoder || m_rate == 0)
        return;
    const double due = m_startTimestamp + double(m_clock.nsecsElapsed()) / 1e9 * m_rate;
    const int64_t last = m_video.frameCount - 1;
    int64_t target = m_decoder->frameAt(std::max(0.0, due));
    if (due > m_decoder->timestampOf(last) + 1.0 / std::max(1.0, m_video.frameRate) || (m_rate < 0 && due <= 0)) {
        showFrame(m_rate > 0 ? last : 0);
        pause();
        return;
    }
    target = std::clamp<int64_t>(target, 0, last);
    if (target != m_shown)
        showFrame(target);
}

bool PlaybackWorker::showFrame(int64_t index, bool allowProxy)
{
    if (!m_decoder || m_video.frameCount == 0)
        return false;
    index = std::clamp<int64_t>(index, 0, m_video.frameCount - 1);
    m_proxyShown = -1;
    if (auto cached = m_cache.take(index)) {
        m_shown = m_exactShown = index;
        emit frameReady(*cached);
        return true;
    }
    try {
        int64_t fillFrom = index;
        if (m_decoderNext < 0 || index < m_decoderNext || index - m_decoderNext > kMaxReadAhead) {
            // A long decode from the keyframe: the proxy's picture first, the exact frame
            // once no newer request waits (see refine()).
            if (allowProxy && m_proxy && index - m_decoder->keyframeBefore(index) > m_proxySettings.minPreroll
                && showProxyFrame(index))
                return true;
            // (Measured from the last exact frame: a proxy picture shown meanwhile does not count.)
            if (m_exactShown >= 0 && index < m_exactShown && m_exactShown - index <= kBackFill) {
                const int64_t fill
                    = std::clamp<int64_t>(m_cache.capacityFor(m_video.width, m_video.height) / 2, 1, kBackFill);
                fillFrom = std::max<int64_t>(0, index - fill + 1);
                // Frames already held need not be decoded again.
                while (fillFrom < index && m_cache.contains(fillFrom))
                    ++fillFrom;
            }
            m_decoder->seek(fillFrom);
            m_decoderNext = fillFrom;
        }
        VideoFrame frame;
        while (m_decoder->read(frame)) {
            m_decoderNext = frame.index + 1;
            if (frame.index >= index) {
                const FrameImage image = imageOf(frame);
                m_cache.insert(image);
                m_shown = m_exactShown = frame.index;
                emit frameReady(image);
                return true;
            }
            if (frame.index >= fillFrom)
                m_cache.insert(imageOf(frame));
        }
        m_decoderNext = -1; // the decoder stopped before the frame (damaged file)
        emit failed(m_video.path, QString::fromStdString(m_decoder->status().message));
    } catch (const std::exception& e) {
        m_decoderNext = -1;
        emit failed(m_video.path, QString::fromStdString(e.what()));
    }
    pause();
    return false;
}

bool PlaybackWorker::showProxyFrame(int64_t index)
{
    try {
        m_proxy->seek(index);
        VideoFrame frame;
        if (!m_proxy->read(frame) || proxySourceIndex(frame.timestampSeconds) != index)
            return false;
        FrameImage image = imageOf(frame);
        image.index = index;
        image.timestampSeconds = m_decoder->timestampOf(index);
        image.proxy = true;
        m_shown = index;
        m_proxyShown = index;
        emit frameReady(image);
        QTimer::singleShot(0, this, &PlaybackWorker::refine);
        return true;
    } catch (const std::exception&) {
        m_proxy.reset(); // unreadable: exact seeks only from now on
        return false;
    }
}

// Runs after the events already queued: when the analyst is still scrubbing, a newer seek
// is waiting and this frame's exact decode is skipped.
void PlaybackWorker::refine()
{
    if (m_proxyShown < 0 || m_pendingSeek.load() >= 0)
        return;
    showFrame(m_proxyShown, false);
}

FrameImage PlaybackWorker::imageOf(VideoFrame& frame) const
{
    FrameImage image;
    image.index = frame.index;
    image.timestampSeconds = frame.timestampSeconds;
    image.width = frame.width;
    image.height = frame.height;
    image.rgb = std::make_shared<const std::vector<uint8_t>>(std::move(frame.rgb));
    return image;
}

} // namespace vigil
