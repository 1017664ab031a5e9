// The project's detection settings (threshold, smoothing, minimum length...) and the
// re-segmentation they cause: the open video at once, every other scored video on a thread
// of its own with a connection of its own, so that thousands of videos never block the window.
#pragma once

#include "project/ProjectTypes.h"

#include <QObject>
#include <QThread>

namespace vigil {

class ProjectSession;

/// GUI thread.
class DetectionTuning : public QObject {
    Q_OBJECT
public:
    explicit DetectionTuning(const ProjectSession& session, QObject* parent = nullptr);
    ~DetectionTuning() override;

    /// Reads the open project's settings.
    void load();
    const DetectionSettings& settings() const { return m_settings; }
    void setSettings(const DetectionSettings& settings) { m_settings = settings; }
    /// Clamped to [0, 1]; not yet stored.
    void setThreshold(double threshold);
    /// The detections the settings give a track, not stored.
    QList<DetectionRecord> preview(const ScoreTrack& track, double framesPerSecond) const;
    /// Stores the settings and re-segments the project with them: `open` (the track of
    /// `openVideo`, the video shown; may be null) at once, the others in the background; projectResegmented() follows.
    /// False (and errorOccurred) when the settings could not be stored.
    bool storeAndResegment(const ScoreTrack* open, qint64 openVideo, double framesPerSecond);

signals:
    void projectResegmented();
    void errorOccurred(const QString& message);

private:
    const ProjectSession& m_session;
    DetectionSettings m_settings;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread
};

} // namespace vigil
