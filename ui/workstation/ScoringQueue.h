// The workstation's scoring queue: one ScoringController (its worker thread and loaded
// model) kept while the model and device stay, each finished video stored in the project
// at once, so that nothing scored is lost when the application stops.
#pragma once

#include "scoring/ScoringTypes.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <memory>

namespace vigil {

class ProjectSession;
class ScoringController;

/// GUI thread.
class ScoringQueue : public QObject {
    Q_OBJECT
public:
    /// How the next run scores; read when its controller is made.
    struct Options {
        bool safeMode = false; // the CPU whatever the device chosen
        int threads = 0, batch = 16, stride = 1;
    };

    explicit ScoringQueue(const ProjectSession& session, QObject* parent = nullptr);
    ~ScoringQueue() override;

    /// The next run takes these; a running one finishes with its own.
    void setOptions(const Options& options);
    /// Drops the controller now (a new model, device or project): the next run loads anew.
    void reset();
    /// reset(), and results still on their way are not stored (another project is open).
    void clear();
    /// Scores the given videos (or, when empty, every unscored one) in the background.
    void score(QList<qint64> videoIds);
    void setPaused(bool paused);
    void cancel();

signals:
    void queued(const QStringList& videoPaths);
    void progress(const QString& videoPath, qint64 done, qint64 total, double framesPerSecond, double secondsLeft);
    /// Provisional scores of a video still being encoded.
    void partialScores(qint64 videoId, qint64 firstFrame, const QVector<float>& scores);
    /// One video's end: "Done", "Failed: ...", "Cancelled".
    void videoEnded(const QString& videoPath, const QString& state);
    /// A video's scores and detections are in the project.
    void videoStored(qint64 videoId);
    void finished(const QString& message);
    void errorOccurred(const QString& message);

private:
    bool makeController();
    void onScored(const ScoringResult& result);

    const ProjectSession& m_session;
    Options m_options;
    std::unique_ptr<ScoringController> m_scoring;
    bool m_busy = false, m_stale = false;
    QHash<QString, qint64> m_ids; // video path -> id, for results
};

} // namespace vigil
