// Scores a queue of videos on its own thread: model loaded once, features from the cache
// or the decoding pipeline, then the head. Reports progress, provisional scores while
// encoding, and each video's result or failure without stopping the queue.
#pragma once

#include "scoring/JobControl.h"
#include "scoring/ScoringTypes.h"

#include <QObject>
#include <QStringList>

#include <deque>
#include <memory>
#include <mutex>

namespace vigil {

class InferenceSession;

/// Lives on a worker thread (see ScoringController). Slots run there; cancelCurrent(),
/// cancelAll() and setPaused() are direct calls from any thread.
class ScoringWorker : public QObject {
    Q_OBJECT
public:
    explicit ScoringWorker(const ScoringSettings& settings, QObject* parent = nullptr);
    ~ScoringWorker() override;

    /// Any thread. Stops the current video (nothing of it is kept); the queue goes on.
    void cancelCurrent();
    /// Any thread. Empties the queue and stops the current video.
    void cancelAll();
    /// Any thread. A paused worker stops between batches and before the next video.
    void setPaused(bool paused);
    bool isPaused() const;
    /// Any thread: videos waiting, the current one excluded.
    int queuedCount() const;

    struct ModelTimings {
        ModelLoadTimings load;
        double session = 0; // the inference session (device copy, int8 layers)
    };
    /// Set before modelReady is emitted and not changed after: read it from the thread
    /// that received the signal.
    const ModelTimings& modelTimings() const { return m_modelTimings; }

public slots:
    void enqueue(const QStringList& videoPaths);

signals:
    void modelReady(const QString& deviceDescription);
    /// The model could not be loaded (once); each queued video then fails with the message.
    void modelFailed(const QString& message);
    void videoStarted(const QString& videoPath, qint64 frameCount);
    void progress(const vigil::ScoringProgress& progress);
    /// Provisional scores of frames [firstFrame, firstFrame + scores.size()), computed on
    /// the frames encoded so far; the final ones come with videoFinished.
    void partialScores(const QString& videoPath, qint64 firstFrame, const QVector<float>& scores);
    void videoFinished(const vigil::ScoringResult& result);
    void videoFailed(const QString& videoPath, const QString& message);
    void videoCancelled(const QString& videoPath);
    /// The queue ran empty.
    void idle();

private:
    void processNext();
    bool ensureModel(QString* error);
    ScoringResult scoreVideo(const QString& path);

    ScoringSettings m_settings;
    std::shared_ptr<const AnomalyClipModel> m_model;
    std::unique_ptr<InferenceSession> m_session;
    QString m_modelError;
    ModelTimings m_modelTimings;
    JobControl m_control;
    mutable std::mutex m_queueMutex;
    std::deque<QString> m_queue;
    bool m_scheduled = false; // a processNext() is queued or running
};

} // namespace vigil
