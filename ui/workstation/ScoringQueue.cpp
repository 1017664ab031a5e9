#include "ScoringQueue.h"

#include "ProjectSession.h"

#include "diagnostics/CrashGuard.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "scoring/ProjectScoring.h"
#include "scoring/ScoringController.h"

#include <QDebug>
#include <QFileInfo>

namespace vigil {

ScoringQueue::ScoringQueue(const ProjectSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
}

ScoringQueue::~ScoringQueue() = default;

void ScoringQueue::setOptions(const Options& options)
{
    m_options = options;
    m_stale = true;
}

void ScoringQueue::reset()
{
    m_scoring.reset();
    m_busy = false;
}

void ScoringQueue::clear()
{
    reset();
    m_ids.clear();
}

bool ScoringQueue::makeController()
{
    const ModelRecord& model = *m_session.model();
    if (!m_session.labels()) {
        emit errorOccurred(tr("The class list '%1' cannot be read").arg(model.labels));
        return false;
    }
    if (m_options.safeMode && m_session.precision() == Precision::Float16) {
        emit errorOccurred(tr("Safe Mode scores on the CPU only, and fp16 runs on a GPU: choose CPU in Score > Choose Model, or restart normally."));
        return false;
    }
    ScoringSettings settings;
    settings.model.checkpointPath = QFile::encodeName(model.checkpointPath).toStdString();
    settings.model.centroidPath = QFile::encodeName(model.centroidPath).toStdString();
    settings.labels = *m_session.labels();
    settings.cacheDirectory = FeatureCache::defaultDirectory();
    settings.session.device = m_options.safeMode ? ComputeDevice::Cpu : m_session.device();
    settings.session.precision = m_session.precision();
    settings.session.threads = m_options.threads;
    settings.extraction.batchSize = m_options.batch;
    settings.extraction.stride = m_options.stride;
    m_scoring = std::make_unique<ScoringController>(settings);
    ScoringWorker* worker = m_scoring->worker();
    connect(worker, &ScoringWorker::progress, this, [this](const ScoringProgress& p) {
        emit progress(p.videoPath, p.framesDone, p.framesTotal, p.framesPerSecond, p.secondsLeft);
    });
    connect(worker, &ScoringWorker::partialScores, this, [this](const QString& path, qint64 first, const QVector<float>& s) {
        emit partialScores(m_ids.value(path), first, s);
    });
    connect(worker, &ScoringWorker::videoFinished, this, &ScoringQueue::onScored);
    connect(worker, &ScoringWorker::videoFailed, this, [this](const QString& path, const QString& message) {
        qWarning().noquote() << "scoring failed:" << path << "-" << message;
        emit videoEnded(path, tr("Failed: %1").arg(message));
        emit errorOccurred(tr("%1 could not be scored: %2").arg(QFileInfo(path).fileName(), message));
    });
    connect(worker, &ScoringWorker::videoCancelled, this, [this](const QString& path) {
        qInfo().noquote() << "scoring cancelled:" << path;
        emit videoEnded(path, tr("Cancelled"));
    });
    connect(worker, &ScoringWorker::idle, this, [this] {
        m_busy = false;
        qInfo().noquote() << "scoring: queue done";
        emit finished(tr("Scoring done"));
    });
    connect(worker, &ScoringWorker::modelReady, this, [this](const QString& device) {
        qInfo().noquote() << "scoring: model loaded on" << device;
        emit finished(tr("Model loaded, scoring on %1").arg(device));
    });
    return true;
}

void ScoringQueue::score(QList<qint64> videoIds)
{
    ProjectStore* store = m_session.store();
    if (!store)
        return;
    if (!m_session.model()) {
        emit errorOccurred(tr("Choose a model first (Score > Choose Model)."));
        return;
    }
    const ModelRecord& model = *m_session.model();
    if (videoIds.isEmpty())
        videoIds = store->unscoredVideos(model.id);
    if (m_stale && !m_busy) {
        m_scoring.reset();
        m_stale = false;
    }
    if (!m_scoring && !makeController())
        return;
    QStringList paths;
    for (qint64 id : videoIds) {
        const std::optional<VideoRecord> video = store->video(id);
        if (!video || video->missing)
            continue;
        m_ids[video->path] = id;
        paths << video->path;
    }
    if (paths.isEmpty()) {
        emit finished(tr("Nothing to score"));
        return;
    }
    qInfo().noquote() << "scoring started:" << paths.size() << "video(s) with" << model.checkpointPath
                      << "encoder" << model.encoderFingerprint.left(16) << "head" << model.headFingerprint.left(16);
    CrashGuard::setLastAction(QStringLiteral("scoring %1 video(s)").arg(paths.size()));
    emit queued(paths);
    m_busy = true;
    m_scoring->enqueue(paths);
}

void ScoringQueue::setPaused(bool paused)
{
    if (m_scoring)
        m_scoring->setPaused(paused);
}

void ScoringQueue::cancel()
{
    if (m_scoring) {
        m_scoring->setPaused(false);
        m_scoring->cancelAll();
    }
}

void ScoringQueue::onScored(const ScoringResult& result)
{
    qInfo().noquote() << "scored:" << result.videoPath << result.framesEncoded << "frames encoded in"
                      << QString::number(result.seconds, 'f', 1) << "s" << (result.fromCache ? "(cached features)" : "");
    emit videoEnded(result.videoPath, result.fromCache ? tr("Done (cached features)") : tr("Done"));
    ProjectStore* store = m_session.store();
    if (!store || !m_session.model())
        return;
    const qint64 videoId = m_ids.value(result.videoPath);
    if (!videoId)
        return;
    try {
        const std::optional<VideoRecord> video = store->video(videoId);
        storeScoringResult(*store, videoId, m_session.model()->id, result, m_session.classNames(),
                           video ? video->frameRate : 30);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    emit videoStored(videoId);
}

} // namespace vigil
