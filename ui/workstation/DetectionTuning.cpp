#include "DetectionTuning.h"

#include "ProjectSession.h"

#include "project/ProjectStore.h"
#include "scoring/ProjectScoring.h"

#include <algorithm>

namespace vigil {

DetectionTuning::DetectionTuning(const ProjectSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    m_thread.setObjectName(QStringLiteral("vigil-resegment"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DetectionTuning::~DetectionTuning()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void DetectionTuning::load()
{
    if (m_session.store())
        m_settings = m_session.store()->detectionSettings();
}

void DetectionTuning::setThreshold(double threshold) { m_settings.threshold = std::clamp(threshold, 0.0, 1.0); }

QList<DetectionRecord> DetectionTuning::preview(const ScoreTrack& track, double framesPerSecond) const
{
    return segmentTrack(track, m_settings, framesPerSecond);
}

bool DetectionTuning::storeAndResegment(const ScoreTrack* open, qint64 openVideo, double framesPerSecond)
{
    ProjectStore* store = m_session.store();
    if (!store)
        return false;
    try {
        store->setDetectionSettings(m_settings);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    if (!m_session.model())
        return true;
    // Review states carry over: ProjectStore::replaceDetections reads and writes in one
    // transaction.
    const qint64 modelId = m_session.model()->id;
    try {
        if (open) {
            QList<DetectionRecord> detections = segmentTrack(*open, m_settings, framesPerSecond);
            store->replaceDetections(openVideo, modelId, detections);
        }
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
    const QString path = store->path();
    const DetectionSettings settings = m_settings;
    const qint64 skip = open ? openVideo : 0;
    QMetaObject::invokeMethod(m_worker, [this, path, settings, modelId, skip] {
        QString error;
        try {
            auto own = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
            for (const VideoRecord& video : own->videos()) {
                if (QThread::currentThread()->isInterruptionRequested())
                    return;
                if (video.id == skip)
                    continue;
                const std::optional<ScoreTrack> track = own->scores(video.id, modelId);
                if (!track)
                    continue;
                QList<DetectionRecord> detections = segmentTrack(*track, settings, video.frameRate);
                own->replaceDetections(video.id, modelId, detections);
            }
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, error] {
            if (!error.isEmpty())
                emit errorOccurred(error);
            emit projectResegmented();
        }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace vigil
