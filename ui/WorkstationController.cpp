// Workstation logic. Scores and detections go to the project as soon as they exist, so
// nothing is lost when the application stops.
#include "WorkstationController.h"

#include "project/ProjectStore.h"
#include "review/LabelEditor.h"
#include "review/Segmenter.h"
#include "workstation/TrackQueries.h"

#include <algorithm>
#include <cmath>

namespace vigil {

WorkstationController::WorkstationController(QObject* parent)
    : QObject(parent)
    , m_labelEditor(new LabelEditor(&m_labelUndo, this))
    , m_review(m_session, m_labelEditor)
    , m_tuning(m_session)
    , m_scoring(m_session)
{
    m_undoGroup.addStack(m_review.undoStack());
    m_undoGroup.addStack(&m_labelUndo);
    m_undoGroup.setActiveStack(m_review.undoStack());
    m_labelEditor->setSuggest([this](qint64 start, qint64 end) { return suggestedClass(start, end); });
    setSafeMode(false);
    connect(m_labelEditor, &LabelEditor::errorOccurred, this, &WorkstationController::errorOccurred);

    connect(&m_session, &ProjectSession::videosChanged, this, &WorkstationController::videosChanged);
    connect(&m_session, &ProjectSession::videosAdded, this, &WorkstationController::videosAdded);
    connect(&m_session, &ProjectSession::scoreRequested, this, &WorkstationController::scoreVideos);
    connect(&m_session, &ProjectSession::errorOccurred, this, &WorkstationController::errorOccurred);

    connect(&m_review, &ReviewDecisions::applied, this, &WorkstationController::reloadDetections);
    connect(&m_review, &ReviewDecisions::errorOccurred, this, &WorkstationController::errorOccurred);

    connect(&m_tuning, &DetectionTuning::errorOccurred, this, &WorkstationController::errorOccurred);
    connect(&m_tuning, &DetectionTuning::projectResegmented, this, [this] {
        emit projectResegmented();
        reloadDetections();
    });

    connect(&m_scoring, &ScoringQueue::queued, this, &WorkstationController::scoringQueued);
    connect(&m_scoring, &ScoringQueue::progress, this, &WorkstationController::scoringProgress);
    connect(&m_scoring, &ScoringQueue::videoEnded, this, &WorkstationController::scoringVideoEnded);
    connect(&m_scoring, &ScoringQueue::finished, this, &WorkstationController::scoringFinished);
    connect(&m_scoring, &ScoringQueue::errorOccurred, this, &WorkstationController::errorOccurred);
    connect(&m_scoring, &ScoringQueue::videoStored, this, &WorkstationController::trackReplaced);
    connect(&m_scoring, &ScoringQueue::partialScores, this, [this](qint64 videoId, qint64 first, const QVector<float>& s) {
        if (videoId == m_videoId && !m_track) // a scored video shows its stored track
            emit scoresAppended(first, s);
    });
}

WorkstationController::~WorkstationController() = default;

void WorkstationController::openProject(const QString& path, bool create)
{
    m_session.openProject(path, create); // throws before anything changed
    m_scoring.clear();
    m_review.undoStack()->clear(); // its commands name detections of the old project
    m_labelUndo.clear();           // and labels
    m_labelEditor->setProject(m_session.store());
    m_tuning.load();
    m_videoId = 0;
    m_track.reset();
    m_detections.clear();
    m_player.closeVideo();
    emit projectOpened(m_session.path());
    emit modelChanged();
    emit videosChanged();
    if (m_session.store()->isReadOnly())
        emit errorOccurred(!m_session.lockedByOther()
                               ? tr("%1 is read-only here (the file or its folder is not writable): it is shown, not changed")
                                     .arg(m_session.path())
                               : tr("Another Vigil has %1 open: it is shown read-only here, and edits are refused")
                                     .arg(m_session.path()));
}

void WorkstationController::saveProjectAs(const QString& path)
{
    if (!m_session.store())
        return;
    m_session.store()->saveCopyAs(path);
    const qint64 video = m_videoId;
    openProject(path, false);
    if (video)
        selectVideo(video);
}

int WorkstationController::importGroundTruth(const QString& annotationPath)
{
    if (!m_session.store())
        return 0;
    const int matched = m_session.importGroundTruth(annotationPath).matched;
    QVector<QPair<qint64, qint64>> truth;
    for (const GroundTruthInterval& interval : currentGroundTruth())
        truth << qMakePair(interval.startFrame, interval.endFrame);
    emit groundTruthChanged(truth);
    return matched;
}

QList<GroundTruthInterval> WorkstationController::currentGroundTruth() const
{
    ProjectStore* store = m_session.store();
    return store && m_videoId ? store->groundTruth(m_videoId) : QList<GroundTruthInterval>();
}

void WorkstationController::relinkVideo(qint64 videoId, const QString& path)
{
    if (m_session.relinkVideo(videoId, path))
        trackReplaced(videoId);
}

// Review steps naming the old detections cannot be undone any more, and the open video
// shows the new ones.
void WorkstationController::trackReplaced(qint64 videoId)
{
    m_review.undoStack()->clear();
    emit videosChanged();
    if (videoId == m_videoId)
        loadTrack(); // the player keeps its place
}

void WorkstationController::setSafeMode(bool safe)
{
    m_safeMode = safe;
    applyProxySettings();
    m_scoring.setOptions({safe, m_preferences.threads, m_preferences.batch, m_preferences.stride});
    m_scoring.reset(); // Safe Mode scores on the CPU: the next run starts a session there
}

void WorkstationController::applyProxySettings()
{
    // Long-GOP videos get a seek proxy beside the feature cache; none in Safe Mode (seeks
    // stay exact, decoded from the keyframe).
    ProxySettings proxies;
    if (!m_safeMode)
        proxies.directory = m_preferences.proxyFolder.isEmpty() ? builtInProxyDirectory() : m_preferences.proxyFolder;
    if (m_preferences.proxyBytes > 0)
        proxies.maxBytes = m_preferences.proxyBytes;
    m_player.setProxySettings(proxies);
}

void WorkstationController::setPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    m_session.setAuthor(preferences.author);
    m_session.setNewProjectDetection(preferences.newProjectDetection);
    applyProxySettings();
    // The next scoring run takes the new options; a running one finishes with its own.
    m_scoring.setOptions({m_safeMode, preferences.threads, preferences.batch, preferences.stride});
}

void WorkstationController::setDevice(ComputeDevice device, Precision precision)
{
    m_session.setDevice(device);
    if (m_session.setPrecision(precision)) {
        if (m_videoId)
            selectVideo(m_videoId);
        emit videosChanged(); // which videos this model has scored
    }
    m_scoring.reset(); // the next scoring run starts a session on the new device
}

void WorkstationController::setModel(const ModelRecord& model)
{
    m_session.setModel(model);
    m_scoring.reset(); // the next scoring run loads the new model
    emit modelChanged();
    if (m_videoId)
        selectVideo(m_videoId);
}

void WorkstationController::selectVideo(qint64 videoId)
{
    ProjectStore* store = m_session.store();
    if (!store)
        return;
    const std::optional<VideoRecord> video = store->video(videoId);
    if (!video)
        return;
    m_videoId = videoId;
    m_fps = video->frameRate > 0 ? video->frameRate : 30;
    m_detections.clear();
    emit videoOpened(videoId, video->path, video->frameCount, m_fps);
    m_labelEditor->setVideo(videoId, video->frameCount);
    if (video->missing) {
        m_player.closeVideo();
        emit errorOccurred(tr("%1 is missing: relink it or restore the file").arg(video->path));
    } else {
        m_player.openVideo(video->path);
    }
    loadTrack();
}

void WorkstationController::loadTrack()
{
    ProjectStore* store = m_session.store();
    const std::optional<ModelRecord>& model = m_session.model();
    m_track.reset();
    if (model && model->id && m_videoId)
        m_track = store->scores(m_videoId, model->id);
    emit scoresChanged(m_track ? QVector<float>(m_track->scores.begin(), m_track->scores.end()) : QVector<float>());
    emit classProbabilitiesChanged(m_track ? abnormalClassMatrix(*m_track) : nullptr, abnormalClassNames());
    QVector<QPair<qint64, qint64>> truth;
    for (const GroundTruthInterval& interval : store->groundTruth(m_videoId))
        truth << qMakePair(interval.startFrame, interval.endFrame);
    emit groundTruthChanged(truth);
    // The stored detections carry the analyst's review states (and ids).
    reloadDetections();
}

void WorkstationController::setThreshold(double threshold, bool store)
{
    m_tuning.setThreshold(threshold);
    m_detections = m_track ? m_tuning.preview(*m_track, m_fps) : QList<DetectionRecord>();
    emit detectionsPreviewed(int(m_detections.size()),
                             m_track ? alarmsPerHour(size_t(m_detections.size()), m_track->frames, m_fps) : 0.0);
    if (!store || !m_session.store())
        return;
    if (!m_tuning.storeAndResegment(m_track ? &*m_track : nullptr, m_videoId, m_fps))
        return;
    // Re-segmenting replaced the detections, and their ids with them.
    m_review.undoStack()->clear();
    reloadDetections();
}

void WorkstationController::setDetectionSettings(const DetectionSettings& settings)
{
    m_tuning.setSettings(settings);
    setThreshold(settings.threshold, true);
}

void WorkstationController::playDetection(const DetectionRecord& detection)
{
    m_review.startDecision(detection.id);
    if (detection.videoId != m_videoId)
        selectVideo(detection.videoId);
    constexpr double kContextSeconds = 4.0;
    m_player.seek(std::max<qint64>(0, detection.startFrame - qint64(std::lround(kContextSeconds * m_fps))));
    m_player.play(1.0);
}

void WorkstationController::reloadDetections()
{
    if (m_session.store() && m_track) {
        DetectionFilter filter;
        filter.videoId = m_videoId;
        filter.modelId = m_track->modelId;
        m_detections = m_session.store()->detections(filter);
        std::sort(m_detections.begin(), m_detections.end(),
                  [](const DetectionRecord& a, const DetectionRecord& b) { return a.startFrame < b.startFrame; });
    }
    emit detectionsChanged(int(m_detections.size()),
                           m_track ? alarmsPerHour(size_t(m_detections.size()), m_track->frames, m_fps) : 0.0);
}

bool WorkstationController::frameScore(qint64 frame, float* score, QString* topClass, float* probability) const
{
    if (!m_track || frame < 0 || frame >= m_track->frames)
        return false;
    *score = m_track->scores[size_t(frame)];
    const int best = topAbnormalClass(*m_track, frame, probability);
    *topClass = best >= 0 ? m_track->classNames.value(best) : QString();
    return true;
}

QVector<double> WorkstationController::frameClassProbabilities(qint64 frame) const
{
    return m_track ? abnormalClassProbabilities(*m_track, frame) : QVector<double>();
}

void WorkstationController::setLabelsActive(bool labels)
{
    m_undoGroup.setActiveStack(labels ? &m_labelUndo : m_review.undoStack());
}

QString WorkstationController::suggestedClass(qint64 start, qint64 end) const
{
    const QStringList names = abnormalClassNames();
    if (names.isEmpty())
        return QStringLiteral("Anomaly"); // stored: the same in every language
    const int best = m_track ? dominantAbnormalClass(*m_track, start, end) : -1;
    const QStringList all = classNames();
    return best >= 0 && best < all.size() ? all[best] : names.first();
}

void WorkstationController::scoreVideos(QList<qint64> videoIds) { m_scoring.score(std::move(videoIds)); }

} // namespace vigil
