// Workstation logic. Scores and detections go to the project as soon as they exist, so
// nothing is lost when the application stops.
#include "WorkstationController.h"

#include "diagnostics/CrashGuard.h"
#include "model/Error.h"
#include "project/AnnotationFile.h"
#include "project/ProjectStore.h"
#include "review/LabelEditor.h"
#include "review/ReviewCommands.h"
#include "review/Segmenter.h"
#include "scoring/FeatureCache.h"
#include "scoring/ProjectScoring.h"
#include "scoring/ScoringController.h"

#include <QDebug>
#include <QDirIterator>
#include <QSet>
#include <QStandardPaths>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace vigil {


WorkstationController::WorkstationController(QObject* parent)
    : QObject(parent)
    , m_labelEditor(new LabelEditor(&m_labelUndo, this))
{
    m_undoGroup.addStack(&m_undo);
    m_undoGroup.addStack(&m_labelUndo);
    m_undoGroup.setActiveStack(&m_undo);
    m_labelEditor->setSuggest([this](qint64 start, qint64 end) { return suggestedClass(start, end); });
    setSafeMode(false);
    connect(m_labelEditor, &LabelEditor::errorOccurred, this, &WorkstationController::errorOccurred);
    m_probeThread.setObjectName(QStringLiteral("vigil-probe"));
    m_prober = new QObject;
    m_prober->moveToThread(&m_probeThread);
    connect(&m_probeThread, &QThread::finished, m_prober, &QObject::deleteLater);
    m_probeThread.start();
}

WorkstationController::~WorkstationController()
{
    m_probeThread.requestInterruption();
    m_probeThread.quit();
    m_probeThread.wait();
}

qint64 WorkstationController::storedModelId(const ModelRecord& model)
{
    if (!m_store->isReadOnly())
        return m_store->ensureModel(model);
    for (const ModelRecord& m : m_store->models()) // read-only: only a model it has
        if (m.checkpointPath == model.checkpointPath && m.headFingerprint == model.headFingerprint)
            return m.id;
    return 0;
}

void WorkstationController::openProject(const QString& path, bool create)
{
    // One Vigil edits a project at a time: a second one gets it read-only. The lock names
    // its holder's process, so one left by a crash is taken over.
    const bool created = create && !QFileInfo::exists(path);
    auto lock = std::make_unique<QLockFile>(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
    lock->setStaleLockTime(0); // never stale by age alone: a long review keeps its lock
    const bool mine = lock->tryLock(0);
    auto store = ProjectStore::open(path, !mine   ? ProjectStore::OpenMode::ReadOnly
                                          : create ? ProjectStore::OpenMode::CreateIfMissing
                                                   : ProjectStore::OpenMode::OpenExisting);
    m_lock = mine ? std::move(lock) : nullptr;
    m_scoring.reset();
    m_scoringIds.clear();
    m_undo.clear(); // its commands name detections of the old project
    m_labelUndo.clear(); // and labels
    m_store = std::move(store);
    if (created && !m_store->isReadOnly())
        m_store->setDetectionSettings(m_preferences.newProjectDetection);
    if (!m_preferences.author.isEmpty())
        m_store->setAuthor(m_preferences.author);
    m_labelEditor->setProject(m_store.get());
    m_settings = m_store->detectionSettings();
    m_videoId = 0;
    m_track.reset();
    m_detections.clear();
    m_player.closeVideo();
    if (m_model) {
        m_model->id = storedModelId(*m_model);
    } else if (const QList<ModelRecord> models = m_store->models(); !models.isEmpty()) {
        // A reopened project shows the scores of the model it was last scored with, at
        // the precision it was scored at.
        m_model = models.last();
        m_precision = precisionOf(*m_model);
        if (m_precision == Precision::Int8)
            m_device = ComputeDevice::Cpu;
        else if (m_precision == Precision::Float16)
            m_device = ComputeDevice::Cuda;
        loadLabels();
    }
    emit projectOpened(m_store->path());
    emit modelChanged();
    emit videosChanged();
    if (m_store->isReadOnly())
        emit errorOccurred(mine ? tr("%1 is read-only here (the file or its folder is not writable): it is shown, not changed")
                                      .arg(m_store->path())
                                : tr("Another Vigil has %1 open: it is shown read-only here, and edits are refused")
                                      .arg(m_store->path()));
}

void WorkstationController::saveProjectAs(const QString& path)
{
    if (!m_store)
        return;
    m_store->saveCopyAs(path);
    const qint64 video = m_videoId;
    openProject(path, false);
    if (video)
        selectVideo(video);
}

QString WorkstationController::projectPath() const { return m_store ? m_store->path() : QString(); }

void WorkstationController::addVideos(const QStringList& paths) { probeAndAdd(paths, false); }

void WorkstationController::probeAndAdd(const QStringList& paths, bool scoreAfter)
{
    if (!m_store || paths.isEmpty())
        return;
    const QString project = m_store->path();
    // Probing demuxes each file (and a folder walk may be long): never on the GUI thread.
    QMetaObject::invokeMethod(m_prober, [this, paths, scoreAfter, project] {
        const QStringList files = videoFilesIn(paths);
        QList<VideoRecord> records;
        QStringList problems;
        for (const QString& file : files) {
            if (QThread::currentThread()->isInterruptionRequested())
                return;
            try {
                records << probeVideo(file);
            } catch (const std::exception& e) {
                problems << QString::fromStdString(e.what());
            }
        }
        // Back on the GUI thread. Safe: the controller's destructor waits for this thread,
        // and its QObject base drops events still posted to it.
        QMetaObject::invokeMethod(
            this,
            [this, records, problems, scoreAfter, project] {
                if (m_store && m_store->path() == project) // not into a project opened since
                    onProbed(records, problems, scoreAfter);
            },
            Qt::QueuedConnection);
    });
}

void WorkstationController::addAndScoreVideos(const QStringList& paths)
{
    probeAndAdd(paths, true);
}

void WorkstationController::onProbed(const QList<VideoRecord>& records, const QStringList& problems, bool scoreAfter)
{
    if (!m_store)
        return;
    int relinked = 0;
    QList<VideoRecord> fresh;
    try {
        const QList<VideoRecord> existing = m_store->videos();
        for (const VideoRecord& r : records) {
            // A moved video: same content as a missing one.
            auto moved = std::find_if(existing.begin(), existing.end(), [&](const VideoRecord& v) {
                return v.missing && !r.fingerprint.isEmpty() && v.fingerprint == r.fingerprint;
            });
            if (moved != existing.end()) {
                m_store->relinkVideo(moved->id, r.path);
                ++relinked;
            } else {
                fresh << r;
            }
        }
        const qsizetype before = existing.size();
        m_store->addVideos(fresh);
        emit videosChanged();
        emit videosAdded(int(m_store->videos().size() - before), relinked, problems);
        if (scoreAfter) {
            QList<qint64> ids;
            for (const VideoRecord& r : records)
                if (const std::optional<VideoRecord> v = m_store->findByFingerprint(r.fingerprint))
                    ids << v->id;
            if (m_model)
                for (auto it = ids.begin(); it != ids.end();)
                    it = m_store->hasScores(*it, m_model->id) ? ids.erase(it) : it + 1;
            if (!ids.isEmpty())
                scoreVideos(ids);
        }
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

int WorkstationController::importGroundTruth(const QString& annotationPath)
{
    if (!m_store)
        return 0;
    const AnnotationImport imported = importAnnotations(*m_store, annotationPath);
    const int matched = imported.matched;
    m_lastImport = imported;
    QVector<QPair<qint64, qint64>> truth;
    for (const GroundTruthInterval& interval : currentGroundTruth())
        truth << qMakePair(interval.startFrame, interval.endFrame);
    emit groundTruthChanged(truth);
    return matched;
}

QList<GroundTruthInterval> WorkstationController::currentGroundTruth() const
{
    return m_store && m_videoId ? m_store->groundTruth(m_videoId) : QList<GroundTruthInterval>();
}

void WorkstationController::relinkVideo(qint64 videoId, const QString& path)
{
    if (!m_store)
        return;
    try {
        m_store->relinkVideo(videoId, QFileInfo(path).absoluteFilePath());
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    trackReplaced(videoId);
}

// A video's scores or detections were replaced: review steps naming the old detections
// cannot be undone any more, and the open video shows the new ones.
void WorkstationController::trackReplaced(qint64 videoId)
{
    m_undo.clear();
    emit videosChanged();
    if (videoId == m_videoId)
        loadTrack(); // the player keeps its place
}

QList<VideoRecord> WorkstationController::videos() const { return m_store ? m_store->videos() : QList<VideoRecord>(); }

void WorkstationController::setSafeMode(bool safe)
{
    m_safeMode = safe;
    applyProxySettings();
    m_scoring.reset();
}

void WorkstationController::applyProxySettings()
{
    // Long-GOP videos get a seek proxy beside the feature cache; none in Safe Mode (seeks
    // stay exact, decoded from the keyframe).
    const bool safe = m_safeMode;
    ProxySettings proxies;
    if (!safe)
        proxies.directory = m_preferences.proxyFolder.isEmpty()
                                ? builtInProxyDirectory()
                                : m_preferences.proxyFolder;
    if (m_preferences.proxyBytes > 0)
        proxies.maxBytes = m_preferences.proxyBytes;
    m_player.setProxySettings(proxies);
}

void WorkstationController::setPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    if (m_store && !preferences.author.isEmpty())
        m_store->setAuthor(preferences.author);
    applyProxySettings();
    // The next scoring run takes the new options; a running one finishes with its own.
    m_scoringStale = true;
}

void WorkstationController::setDevice(ComputeDevice device, Precision precision)
{
    m_device = device;
    const bool changed = precision != m_precision;
    m_precision = precision;
    if (changed && m_model) {
        // Another precision scores as a model of its own: its scores, detections and reviews.
        m_model = modelAtPrecision(*m_model, precision);
        if (m_store)
            m_model->id = storedModelId(*m_model);
        if (m_videoId)
            selectVideo(m_videoId);
        emit videosChanged(); // which videos this model has scored
    }
    m_scoring.reset(); // the next scoring run starts a session on the new device
}

void WorkstationController::loadLabels()
{
    // Resolved once per model: views ask for the class names on every refresh.
    m_labels.reset();
    if (!m_model)
        return;
    try {
        m_labels = LabelSet::resolve(m_model->labels.toStdString());
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

void WorkstationController::setModel(const ModelRecord& model)
{
    m_model = modelAtPrecision(model, m_precision);
    loadLabels();
    m_scoring.reset(); // the next scoring run loads the new model
    qInfo().noquote() << "model chosen:" << m_model->checkpointPath << "centroid" << m_model->centroidPath << "classes" << m_model->labels;
    emit modelChanged();
    if (m_store)
        m_model->id = storedModelId(*m_model);
    if (m_videoId)
        selectVideo(m_videoId);
}

void WorkstationController::selectVideo(qint64 videoId)
{
    if (!m_store)
        return;
    const std::optional<VideoRecord> video = m_store->video(videoId);
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
    m_track.reset();
    if (m_model && m_model->id && m_videoId)
        m_track = m_store->scores(m_videoId, m_model->id);
    emit scoresChanged(m_track ? QVector<float>(m_track->scores.begin(), m_track->scores.end()) : QVector<float>());
    std::shared_ptr<std::vector<float>> conditional;
    if (m_track && !m_track->classProbs.empty()) {
        // p(c | abnormal) = p(c) / score, the normal column left out.
        conditional = std::make_shared<std::vector<float>>();
        conditional->reserve(size_t(m_track->frames) * size_t(m_track->classes - 1));
        for (qint64 t = 0; t < m_track->frames; ++t) {
            const float a = m_track->scores[size_t(t)];
            const float* row = m_track->classProbs.data() + t * m_track->classes;
            for (int c = 0; c < m_track->classes; ++c)
                if (c != m_track->normalId)
                    conditional->push_back(a > 0 ? row[c] / a : 0.0f);
        }
    }
    emit classProbabilitiesChanged(conditional, abnormalClassNames());
    QVector<QPair<qint64, qint64>> truth;
    for (const GroundTruthInterval& interval : m_store->groundTruth(m_videoId))
        truth << qMakePair(interval.startFrame, interval.endFrame);
    emit groundTruthChanged(truth);
    // The stored detections carry the analyst's review states (and ids).
    reloadDetections();
}

void WorkstationController::resegment()
{
    m_detections.clear();
    if (m_track)
        m_detections = segmentTrack(*m_track, m_settings, m_fps);
    emit detectionsPreviewed(int(m_detections.size()),
                           m_track ? alarmsPerHour(size_t(m_detections.size()), m_track->frames, m_fps) : 0.0);
}

void WorkstationController::setThreshold(double threshold, bool store)
{
    m_settings.threshold = std::clamp(threshold, 0.0, 1.0);
    resegment();
    if (!store || !m_store)
        return;
    try {
        m_store->setDetectionSettings(m_settings);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    resegmentProject();
}

void WorkstationController::setDetectionSettings(const DetectionSettings& settings)
{
    m_settings = settings;
    setThreshold(settings.threshold, true);
}

void WorkstationController::resegmentProject()
{
    // The open video now, so the analyst sees the result at once; every other scored video
    // of the model on the background thread with a connection of its own, so that a
    // project of thousands of videos never blocks the window. Review states carry over
    // (ProjectStore::replaceDetections reads and writes in one transaction).
    if (!m_store || !m_model)
        return;
    m_undo.clear(); // re-segmenting replaces detections, and their ids with them
    const qint64 modelId = m_model->id;
    try {
        if (m_track) {
            QList<DetectionRecord> detections = segmentTrack(*m_track, m_settings, m_fps);
            m_store->replaceDetections(m_videoId, modelId, detections);
        }
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
    reloadDetections();
    const QString path = m_store->path();
    const DetectionSettings settings = m_settings;
    const qint64 skip = m_track ? m_videoId : 0;
    QMetaObject::invokeMethod(m_prober, [this, path, settings, modelId, skip] {
        QString error;
        try {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
            for (const VideoRecord& video : store->videos()) {
                if (QThread::currentThread()->isInterruptionRequested())
                    return;
                if (video.id == skip)
                    continue;
                const std::optional<ScoreTrack> track = store->scores(video.id, modelId);
                if (!track)
                    continue;
                QList<DetectionRecord> detections = segmentTrack(*track, settings, video.frameRate);
                store->replaceDetections(video.id, modelId, detections);
            }
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, error] {
            if (!error.isEmpty())
                emit errorOccurred(error);
            emit projectResegmented();
            reloadDetections();
        }, Qt::QueuedConnection);
    });
}


void WorkstationController::pushReview(const QString& text, const QList<qint64>& ids,
                                       const std::function<void(ReviewValues&)>& change)
{
    if (!m_store || ids.isEmpty())
        return;
    QHash<qint64, ReviewValues> before, after;
    const QSet<qint64> wanted(ids.begin(), ids.end());
    for (const DetectionRecord& d : detections({})) {
        if (!wanted.contains(d.id))
            continue;
        const ReviewValues old{d.state, d.correctedClass, d.note, d.decisionSeconds};
        before.insert(d.id, old);
        ReviewValues changed = old;
        change(changed);
        after.insert(d.id, changed);
    }
    if (after.isEmpty())
        return;
    auto apply = [this](const QHash<qint64, ReviewValues>& values) {
        QList<ReviewEdit> edits;
        for (auto it = values.begin(); it != values.end(); ++it)
            edits << ReviewEdit{it.key(), it.value().state, it.value().correctedClass, it.value().note, it.value().decisionSeconds};
        try {
            m_store->applyReviews(edits); // one transaction, all or nothing
        } catch (const std::exception& e) {
            emit errorOccurred(QString::fromStdString(e.what()));
        }
        reloadDetections();
    };
    m_undo.push(new ReviewCommand(text, before, after, apply));
}

void WorkstationController::setReviewState(const QList<qint64>& detectionIds, ReviewState state)
{
    const QString text = state == ReviewState::Accepted ? tr("Accept %n detection(s)", nullptr, int(detectionIds.size()))
                         : state == ReviewState::Rejected ? tr("Reject %n detection(s)", nullptr, int(detectionIds.size()))
                                                          : tr("Unmark %n detection(s)", nullptr, int(detectionIds.size()));
    // The decision on the detection being shown is timed (the report's decision times).
    const double seconds = state == ReviewState::Unreviewed ? qQNaN() : decisionSecondsFor(detectionIds);
    pushReview(text, detectionIds, [state, seconds](ReviewValues& v) {
        v.state = state;
        if (std::isfinite(seconds))
            v.decisionSeconds = seconds;
    });
}

double WorkstationController::decisionSecondsFor(const QList<qint64>& ids) const
{
    if (ids.size() != 1 || ids.first() != m_decisionDetection || !m_decisionClock.isValid())
        return qQNaN();
    return double(m_decisionClock.elapsed()) / 1000.0;
}

void WorkstationController::makeLabels(const QList<qint64>& detectionIds)
{
    if (!m_store || !m_model)
        return;
    const QStringList names = classNames();
    QList<LabelRecord> labels;
    for (const DetectionRecord& d : m_detections) {
        if (!detectionIds.contains(d.id))
            continue;
        LabelRecord l;
        l.videoId = d.videoId;
        l.startFrame = d.startFrame;
        l.endFrame = d.endFrame;
        l.className = names.value(d.effectiveClass());
        l.source = LabelSource::Model;
        l.modelId = m_model->id;
        l.modelClass = names.value(d.topClass);
        l.modelStart = d.startFrame;
        l.modelEnd = d.endFrame;
        l.modelPeak = d.peakScore;
        l.modelMean = d.meanScore;
        l.decisionSeconds = decisionSecondsFor({d.id});
        l.detectionId = d.id;
        if (!l.className.isEmpty())
            labels << l;
    }
    m_labelEditor->addLabels(labels, tr("Make %n label(s) from detections", nullptr, int(labels.size())));
}

void WorkstationController::setCorrectedClass(const QList<qint64>& detectionIds, int cls)
{
    pushReview(tr("Change the class of %n detection(s)", nullptr, int(detectionIds.size())), detectionIds,
               [cls](ReviewValues& v) { v.correctedClass = cls; });
}

void WorkstationController::setNote(qint64 detectionId, const QString& note)
{
    pushReview(tr("Note on a detection"), {detectionId}, [note](ReviewValues& v) { v.note = note; });
}

QList<DetectionRecord> WorkstationController::detections(DetectionFilter filter) const
{
    if (!m_store || !m_model)
        return {};
    filter.modelId = m_model->id;
    return m_store->detections(filter);
}

QStringList WorkstationController::classNames() const
{
    QStringList names;
    if (m_labels)
        for (const std::string& name : m_labels->modelOrderNames())
            names << QString::fromStdString(name);
    return names;
}

int WorkstationController::normalId() const { return m_labels ? m_labels->normalId() : -1; }

void WorkstationController::playDetection(const DetectionRecord& detection)
{
    m_decisionDetection = detection.id;
    m_decisionClock.start();
    if (detection.videoId != m_videoId)
        selectVideo(detection.videoId);
    constexpr double kContextSeconds = 4.0;
    m_player.seek(std::max<qint64>(0, detection.startFrame - qint64(std::lround(kContextSeconds * m_fps))));
    m_player.play(1.0);
}

void WorkstationController::reloadDetections()
{
    if (m_store && m_track) {
        DetectionFilter filter;
        filter.videoId = m_videoId;
        filter.modelId = m_track->modelId;
        m_detections = m_store->detections(filter);
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
    topClass->clear();
    *probability = 0;
    if (!m_track->classProbs.empty() && *score > 0) {
        const float* row = m_track->classProbs.data() + frame * m_track->classes;
        int best = -1;
        for (int c = 0; c < m_track->classes; ++c)
            if (c != m_track->normalId && (best < 0 || row[c] > row[best]))
                best = c;
        if (best >= 0) {
            *topClass = m_track->classNames.value(best);
            *probability = row[best] / *score; // p(c | abnormal)
        }
    }
    return true;
}

QVector<double> WorkstationController::frameClassProbabilities(qint64 frame) const
{
    QVector<double> p;
    if (!m_track || m_track->classProbs.empty() || frame < 0 || frame >= m_track->frames)
        return p;
    const float score = m_track->scores[size_t(frame)];
    const float* row = m_track->classProbs.data() + frame * m_track->classes;
    for (int c = 0; c < m_track->classes; ++c)
        if (c != m_track->normalId)
            p << (score > 0 ? double(row[c]) / double(score) : 0.0);
    return p;
}

void WorkstationController::setLabelsActive(bool labels)
{
    m_undoGroup.setActiveStack(labels ? &m_labelUndo : &m_undo);
}

QString WorkstationController::suggestedClass(qint64 start, qint64 end) const
{
    const QStringList names = abnormalClassNames();
    if (names.isEmpty())
        return QStringLiteral("Anomaly"); // stored: the same in every language
    if (!m_track || m_track->classProbs.empty())
        return names.first();
    const qint64 first = std::clamp<qint64>(start, 0, m_track->frames), last = std::clamp<qint64>(end, first, m_track->frames);
    std::vector<double> sums(size_t(m_track->classes), 0.0);
    for (qint64 t = first; t < last; ++t) {
        const float score = m_track->scores[size_t(t)];
        const float* row = m_track->classProbs.data() + t * m_track->classes;
        for (int c = 0; c < m_track->classes; ++c)
            sums[size_t(c)] += score > 0 ? double(row[c]) / double(score) : 0.0;
    }
    int best = -1;
    for (int c = 0; c < m_track->classes; ++c)
        if (c != m_track->normalId && (best < 0 || sums[size_t(c)] > sums[size_t(best)]))
            best = c;
    const QStringList all = classNames();
    return best >= 0 && best < all.size() && last > first ? all[best] : names.first();
}

QStringList WorkstationController::abnormalClassNames() const
{
    QStringList names = classNames();
    const int normal = normalId();
    if (normal >= 0 && normal < names.size())
        names.removeAt(normal);
    return names;
}

void WorkstationController::scoreVideos(QList<qint64> videoIds)
{
    if (!m_store)
        return;
    if (!m_model) {
        emit errorOccurred(tr("Choose a model first (Score > Choose Model)."));
        return;
    }
    if (videoIds.isEmpty())
        videoIds = m_store->unscoredVideos(m_model->id);
    if (m_scoringStale && !m_scoringBusy) {
        m_scoring.reset();
        m_scoringStale = false;
    }
    if (!m_scoring) {
        ScoringSettings settings;
        settings.model.checkpointPath = QFile::encodeName(m_model->checkpointPath).toStdString();
        settings.model.centroidPath = QFile::encodeName(m_model->centroidPath).toStdString();
        if (!m_labels) {
            emit errorOccurred(tr("The class list '%1' cannot be read").arg(m_model->labels));
            return;
        }
        settings.labels = *m_labels;
        settings.cacheDirectory = FeatureCache::defaultDirectory();
        settings.session.device = m_safeMode ? ComputeDevice::Cpu : m_device;
        settings.session.precision = m_precision;
        settings.session.threads = m_preferences.threads;
        settings.extraction.batchSize = m_preferences.batch;
        settings.extraction.stride = m_preferences.stride;
        if (m_safeMode && m_precision == Precision::Float16) {
            emit errorOccurred(tr("Safe Mode scores on the CPU only, and fp16 runs on a GPU: choose CPU in Score > Choose Model, or restart normally."));
            return;
        }
        m_scoring = std::make_unique<ScoringController>(settings);
        ScoringWorker* worker = m_scoring->worker();
        connect(worker, &ScoringWorker::progress, this, [this](const ScoringProgress& p) {
            emit scoringProgress(p.videoPath, p.framesDone, p.framesTotal, p.framesPerSecond, p.secondsLeft);
        });
        connect(worker, &ScoringWorker::partialScores, this, [this](const QString& path, qint64 first, const QVector<float>& s) {
            if (m_scoringIds.value(path) == m_videoId && !m_track)
                emit scoresAppended(first, s);
        });
        connect(worker, &ScoringWorker::videoFinished, this, &WorkstationController::onScored);
        connect(worker, &ScoringWorker::videoFailed, this, [this](const QString& path, const QString& message) {
            qWarning().noquote() << "scoring failed:" << path << "-" << message;
            emit scoringVideoEnded(path, tr("Failed: %1").arg(message));
            emit errorOccurred(tr("%1 could not be scored: %2").arg(QFileInfo(path).fileName(), message));
        });
        connect(worker, &ScoringWorker::videoCancelled, this, [this](const QString& path) {
            qInfo().noquote() << "scoring cancelled:" << path;
            emit scoringVideoEnded(path, tr("Cancelled"));
        });
        connect(worker, &ScoringWorker::idle, this, [this] {
            m_scoringBusy = false;
            qInfo().noquote() << "scoring: queue done";
            emit scoringFinished(tr("Scoring done"));
        });
        connect(worker, &ScoringWorker::modelReady, this, [this](const QString& device) {
            qInfo().noquote() << "scoring: model loaded on" << device;
            emit scoringFinished(tr("Model loaded, scoring on %1").arg(device));
        });
    }
    QStringList paths;
    for (qint64 id : videoIds) {
        const std::optional<VideoRecord> video = m_store->video(id);
        if (!video || video->missing)
            continue;
        m_scoringIds[video->path] = id;
        paths << video->path;
    }
    if (paths.isEmpty()) {
        emit scoringFinished(tr("Nothing to score"));
        return;
    }
    qInfo().noquote() << "scoring started:" << paths.size() << "video(s) with" << m_model->checkpointPath
                      << "encoder" << m_model->encoderFingerprint.left(16) << "head" << m_model->headFingerprint.left(16);
    CrashGuard::setLastAction(QStringLiteral("scoring %1 video(s)").arg(paths.size()));
    emit scoringQueued(paths);
    m_scoringBusy = true;
    m_scoring->enqueue(paths);
}

void WorkstationController::setScoringPaused(bool paused)
{
    if (m_scoring)
        m_scoring->setPaused(paused);
}

void WorkstationController::cancelScoring()
{
    if (m_scoring) {
        m_scoring->setPaused(false);
        m_scoring->cancelAll();
    }
}

void WorkstationController::onScored(const ScoringResult& result)
{
    qInfo().noquote() << "scored:" << result.videoPath << result.framesEncoded << "frames encoded in"
                      << QString::number(result.seconds, 'f', 1) << "s" << (result.fromCache ? "(cached features)" : "");
    emit scoringVideoEnded(result.videoPath, result.fromCache ? tr("Done (cached features)") : tr("Done"));
    if (!m_store || !m_model)
        return;
    const qint64 videoId = m_scoringIds.value(result.videoPath);
    if (!videoId)
        return;
    try {
        const QStringList classNames = this->classNames();
        const std::optional<VideoRecord> video = m_store->video(videoId);
        storeScoringResult(*m_store, videoId, m_model->id, result, classNames, video ? video->frameRate : 30);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    trackReplaced(videoId);
}

} // namespace vigil
