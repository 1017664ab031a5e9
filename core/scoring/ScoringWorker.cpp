// The scoring worker. One video per processNext() call, re-posted through the event
// loop so that enqueue() and quit() are served between videos.
#include "scoring/ScoringWorker.h"

#include "model/CpuMemoryPool.h"
#include "model/Error.h"
#include "scoring/FeatureCache.h"
#include "video/FrameDecoder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

namespace vigil {

namespace {

// Provisional scores use the head on the most recent window only: one window costs tens of
// milliseconds, where re-scoring the whole prefix would grow with the video.
constexpr int64_t kProvisionalFrames = kWindowFrames;
constexpr qint64 kProgressIntervalMs = 100;
constexpr qint64 kProvisionalIntervalMs = 250;

QString decodeWarningOf(const DecodeStatus& status)
{
    if (!status.damaged && !status.stoppedEarly)
        return {};
    return QString::fromStdString(status.message);
}

QJsonObject metaOf(const QString& path, const ExtractedFeatures& features, const AnomalyClipModel& model, Precision precision)
{
    QJsonObject meta;
    meta[QStringLiteral("video")] = QFileInfo(path).absoluteFilePath();
    meta[QStringLiteral("frames")] = double(features.frames);
    meta[QStringLiteral("dim")] = features.dim;
    meta[QStringLiteral("stride")] = features.stride;
    meta[QStringLiteral("mode")] = features.stride == 1 ? QStringLiteral("every frame")
                                                         : QStringLiteral("every %1th frame, held between (coarse)").arg(features.stride);
    meta[QStringLiteral("framesEncoded")] = double(features.framesEncoded);
    meta[QStringLiteral("frameRate")] = features.video.frameRate;
    meta[QStringLiteral("encoder")] = QString::fromStdString(featureFingerprint(model, precision));
    meta[QStringLiteral("precision")] = QString::fromLatin1(precisionName(precision));
    meta[QStringLiteral("decodeWarning")] = decodeWarningOf(features.decode);
    meta[QStringLiteral("created")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return meta;
}

} // namespace

ScoringWorker::ScoringWorker(const ScoringSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

ScoringWorker::~ScoringWorker() = default;

void ScoringWorker::cancelCurrent() { m_control.cancel(); }

void ScoringWorker::cancelAll()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.clear();
    }
    m_control.cancel();
}

void ScoringWorker::setPaused(bool paused) { m_control.setPaused(paused); }
bool ScoringWorker::isPaused() const { return m_control.isPaused(); }

int ScoringWorker::queuedCount() const
{
    std::lock_guard lock(m_queueMutex);
    return int(m_queue.size());
}

void ScoringWorker::enqueue(const QStringList& videoPaths)
{
    std::lock_guard lock(m_queueMutex);
    for (const QString& path : videoPaths)
        m_queue.push_back(path);
    if (!m_scheduled && !m_queue.empty()) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &ScoringWorker::processNext, Qt::QueuedConnection);
    }
}

bool ScoringWorker::ensureModel(QString* error)
{
    if (m_session)
        return true;
    if (!m_modelError.isEmpty()) {
        *error = m_modelError;
        return false;
    }
    try {
        QElapsedTimer timer;
        timer.start();
        m_model = AnomalyClipModel::load(m_settings.model, m_settings.labels);
        m_modelTimings.load = m_model->loadTimings();
        timer.restart();
        // Created here: the session's inference-mode guard belongs to this thread.
        m_session = std::make_unique<InferenceSession>(m_model, m_settings.session);
        m_modelTimings.session = double(timer.nsecsElapsed()) / 1e9;
        emit modelReady(QString::fromStdString(m_session->deviceDescription()));
        return true;
    } catch (const std::exception& e) {
        m_modelError = QString::fromStdString(e.what());
        *error = m_modelError;
        emit modelFailed(m_modelError);
        return false;
    }
}

void ScoringWorker::processNext()
{
    // Waits here while paused; a cancellation releases it.
    m_control.proceed();
    QString path;
    {
        std::lock_guard lock(m_queueMutex);
        if (m_queue.empty()) {
            m_scheduled = false;
            trimCpuMemoryPool(); // an idle worker holds no spare buffers
            emit idle();
            return;
        }
        path = m_queue.front();
        m_queue.pop_front();
    }
    m_control.reset();
    QString error;
    if (!ensureModel(&error)) {
        emit videoFailed(path, error);
    } else {
        try {
            emit videoFinished(scoreVideo(path));
        } catch (const Cancelled&) {
            emit videoCancelled(path);
        } catch (const std::exception& e) {
            emit videoFailed(path, QString::fromStdString(e.what()));
        }
    }
    QMetaObject::invokeMethod(this, &ScoringWorker::processNext, Qt::QueuedConnection);
}

ScoringResult ScoringWorker::scoreVideo(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    const ModelConfig& config = m_model->config();
    const int stride = std::max(1, m_settings.extraction.stride);
    const QString encoder = QString::fromStdString(featureFingerprint(*m_model, m_settings.session.precision));
    ScoringResult result;
    result.videoPath = path;
    result.stride = stride;
    result.dim = config.embedDim;

    // Cancel and pause reach the head too (an hour of video takes it seconds).
    const ProgressCallback headProgress = [this](int64_t, int64_t) { return m_control.proceed(); };

    std::optional<FeatureCache> cache;
    QString fingerprint;
    if (!m_settings.cacheDirectory.isEmpty() && !encoder.isEmpty()) {
        cache.emplace(m_settings.cacheDirectory);
        fingerprint = FeatureCache::videoFingerprint(path);
        QString problem;
        std::optional<CachedFeatures> hit = cache->find(path, fingerprint, encoder, stride, config.embedDim, &problem);
        if (!problem.isEmpty())
            result.notes << tr("the cached features could not be read and were computed again: %1").arg(problem);
        if (hit && hit->byName) {
            // Imported features must have one row per frame of this video, or the scores
            // would not line up with its frames.
            const int64_t frames = FrameDecoder(QFile::encodeName(path).toStdString()).info().frameCount;
            if (hit->features.shape[0] != frames) {
                result.notes << tr("imported features %1 ignored: %2 rows for %3 frames")
                                    .arg(hit->path)
                                    .arg(hit->features.shape[0])
                                    .arg(frames);
                hit.reset();
            }
        }
        if (hit) {
            result.fromCache = true;
            result.cacheByName = hit->byName;
            result.cachePath = hit->path;
            result.decodeWarning = hit->meta.value(QStringLiteral("decodeWarning")).toString();
            const int64_t frames = hit->features.shape[0];
            emit videoStarted(path, frames);
            std::vector<float> values = hit->features.toFloat();
            hit.reset(); // the file's bytes are no longer needed
            result.features = std::make_shared<const std::vector<float>>(std::move(values));
            QElapsedTimer headTimer;
            headTimer.start();
            result.scores = std::make_shared<const VideoScores>(
                m_session->scoreFeatures(result.features->data(), frames, config.embedDim, headProgress));
            result.timings.head = double(headTimer.nsecsElapsed()) / 1e9;
            result.seconds = double(timer.nsecsElapsed()) / 1e9;
            emit progress(ScoringProgress{path, frames, frames, result.framesPerSecond(), 0});
            return result;
        }
    }

    FeatureExtractor extractor(*m_session, m_settings.extraction);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    bool started = false;
    // Provisional scores for rows [provisionalFrom, end), given `rows` pointing at row 0 of
    // the features so far: the head on the last window, at least the rows themselves
    // (strides and damage gaps can make them many).
    int64_t provisionalFrom = 0;
    QElapsedTimer sinceProvisional;
    sinceProvisional.start();
    qint64 provisionalCostMs = 0;
    auto emitProvisional = [&](const float* rows, int64_t end, int dim) {
        if (!m_settings.provisionalScores || end <= provisionalFrom)
            return;
        QElapsedTimer cost;
        cost.start();
        const int64_t frames = end - provisionalFrom;
        const int64_t begin = std::max<int64_t>(0, end - std::max(kProvisionalFrames, frames));
        const VideoScores window = m_session->scoreFeatures(rows + begin * dim, end - begin, dim);
        emit partialScores(path, provisionalFrom, QVector<float>(window.scores.end() - frames, window.scores.end()));
        provisionalFrom = end;
        provisionalCostMs = cost.elapsed();
        sinceProvisional.restart();
    };
    ExtractedFeatures features = extractor.extract(
        QFile::encodeName(path).toStdString(), &m_control,
        [&](const FeatureChunk& chunk, const ExtractionProgress& p) {
            if (!started) {
                started = true;
                emit videoStarted(path, p.framesTotal);
            }
            // A window through the head takes tens of milliseconds (ViT-B/16's head on two
            // threads: 65 ms for 512 frames), on the cores the encoder uses, and chunks come
            // as often as every 0.3 s (int8): provisional scores wait until the last ones' cost
            // is a twentieth of the time since, and 250 ms at least; the last chunk goes at once.
            const int64_t end = chunk.firstFrame + chunk.frames;
            if (chunk.frames > 0
                && (p.framesDone >= p.framesTotal
                    || sinceProvisional.elapsed() >= std::max<qint64>(kProvisionalIntervalMs, 20 * provisionalCostMs)))
                emitProvisional(chunk.values - chunk.firstFrame * chunk.dim, end, chunk.dim);
            if (sinceProgress.elapsed() >= kProgressIntervalMs || p.framesDone >= p.framesTotal) {
                sinceProgress.restart();
                emit progress(ScoringProgress{path, p.framesDone, p.framesTotal, p.framesPerSecond, p.secondsLeft});
            }
        });
    if (!started)
        emit videoStarted(path, features.frames);
    emitProvisional(features.values.data(), features.frames, features.dim); // rows still waiting
    result.video = features.video;
    result.framesEncoded = features.framesEncoded;
    result.decodeWarning = decodeWarningOf(features.decode);
    if (!m_control.proceed())
        throw Cancelled();
    result.timings.decode = features.decodeSeconds;
    result.timings.preprocess = features.preprocessSeconds;
    result.timings.encode = features.encodeSeconds;
    result.timings.encodeWait = features.encodeWaitSeconds;
    if (features.firstBatchAfterSeconds >= 0)
        result.timings.firstBatchAfter = double(timer.nsecsElapsed()) / 1e9 - features.seconds + features.firstBatchAfterSeconds;
    QElapsedTimer stageTimer;
    stageTimer.start();
    result.scores = std::make_shared<const VideoScores>(
        m_session->scoreFeatures(features.values.data(), features.frames, features.dim, headProgress));
    result.timings.head = double(stageTimer.nsecsElapsed()) / 1e9;
    // Stored last, after everything else succeeded: a cancelled or failed video leaves no entry.
    stageTimer.restart();
    if (cache)
        result.cachePath = cache->store(fingerprint, encoder, stride, features.values.data(), features.frames,
                                        features.dim, metaOf(path, features, *m_model, m_settings.session.precision));
    result.timings.cacheWrite = double(stageTimer.nsecsElapsed()) / 1e9;
    result.features = std::make_shared<const std::vector<float>>(std::move(features.values));
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    emit progress(ScoringProgress{path, result.scores->frames, result.scores->frames, result.framesPerSecond(), 0});
    return result;
}

} // namespace vigil
