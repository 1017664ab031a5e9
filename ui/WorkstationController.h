// The review workstation: the open project (ProjectSession), the video shown with its
// scores and detections, the player, and the parts that change them: review decisions,
// detection settings and the scoring queue (ui/workstation/). Views stay dumb; MainWindow
// and the dock controllers connect them to this, which keeps the parts in step.
#pragma once

#include "playback/PlaybackController.h"
#include "project/AnnotationFile.h"
#include "project/ProjectTypes.h"
#include "scoring/ScoringTypes.h"
#include "workstation/DetectionTuning.h"
#include "workstation/ProjectSession.h"
#include "workstation/ReviewDecisions.h"
#include "workstation/ScoringQueue.h"

#include <QObject>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVector>

#include <memory>
#include <optional>

namespace vigil {

class LabelEditor;
class ProjectStore;

/// GUI thread.
class WorkstationController : public QObject {
    Q_OBJECT
public:
    explicit WorkstationController(QObject* parent = nullptr);
    ~WorkstationController() override;

    /// Opens (creating when asked) a project; throws vigil::Error naming the file.
    void openProject(const QString& path, bool create);
    ProjectStore* store() const { return m_session.store(); }
    /// Copies the open project to `path` and continues in the copy.
    void saveProjectAs(const QString& path);
    QString projectPath() const { return m_session.path(); }

    /// Probes and adds video files (folders are searched recursively) on a background
    /// thread; videosAdded() follows. A missing video of the same content is relinked to
    /// the new path instead of added twice.
    void addVideos(const QStringList& paths) { m_session.addVideos(paths, false); }
    /// addVideos(), then scores what the folders and files hold (new and already present).
    void addAndScoreVideos(const QStringList& paths) { m_session.addVideos(paths, true); }
    /// Imports a dataset's temporal annotations (UCF-Crime or XD-Violence text, or a folder
    /// of ShanghaiTech frame masks; see AnnotationFile.h) for the project's videos of the
    /// same name. Returns how many videos got ground truth; throws vigil::Error.
    int importGroundTruth(const QString& annotationPath);
    QList<GroundTruthInterval> currentGroundTruth() const;
    /// What the last importGroundTruth() matched, left out and cut.
    const AnnotationImport& lastImport() const { return m_session.lastImport(); }
    /// Points a (moved) video at a new file.
    void relinkVideo(qint64 videoId, const QString& path);
    QList<VideoRecord> videos() const { return m_session.videos(); }

    /// The model used for scoring and shown; registered in the project.
    void setModel(const ModelRecord& model);
    std::optional<ModelRecord> model() const { return m_session.model(); }
    /// Where scoring runs: Auto picks CUDA when LibTorch has it and a GPU is present; int8
    /// on the CPU, fp16 on CUDA.
    void setDevice(ComputeDevice device, Precision precision = Precision::Float32);
    /// Safe Mode: scoring on the CPU whatever the device chosen, no seek proxies.
    void setSafeMode(bool safe);
    bool safeMode() const { return m_safeMode; }
    ComputeDevice device() const { return m_session.device(); }
    Precision precision() const { return m_session.precision(); }

    /// The user's settings the workstation follows (Edit > Settings), applied by the
    /// settings controller; plain value.
    struct Preferences {
        int threads = 0, batch = 16, stride = 1;
        QString proxyFolder;                 // empty: the built-in one
        qint64 proxyBytes = qint64(20) << 30;
        QString author;                      // the analyst the audit trail names; empty: the store's
        DetectionSettings newProjectDetection; // a project created from now on starts with these
    };
    void setPreferences(const Preferences& preferences);
    const Preferences& preferences() const { return m_preferences; }

    void selectVideo(qint64 videoId);
    qint64 currentVideo() const { return m_videoId; }
    const std::optional<ScoreTrack>& currentTrack() const { return m_track; }
    const QList<DetectionRecord>& currentDetections() const { return m_detections; }

    /// Scores the given videos (or, when empty, every unscored one) in the background.
    void scoreVideos(QList<qint64> videoIds);
    void setScoringPaused(bool paused) { m_scoring.setPaused(paused); }
    void cancelScoring() { m_scoring.cancel(); }

    /// Re-segments the open video at once; `store` also saves settings and detections.
    void setThreshold(double threshold, bool store);
    double threshold() const { return m_tuning.settings().threshold; }
    DetectionSettings detectionSettings() const { return m_tuning.settings(); }
    /// Saves the project's detection settings and re-segments every scored video.
    void setDetectionSettings(const DetectionSettings& settings);
    /// Review edits: each is one undoable step on undoStack(), stored at once.
    void setReviewState(const QList<qint64>& detectionIds, ReviewState state) { m_review.setReviewState(detectionIds, state); }
    void setCorrectedClass(const QList<qint64>& detectionIds, int cls) { m_review.setCorrectedClass(detectionIds, cls); }
    void setNote(qint64 detectionId, const QString& note) { m_review.setNote(detectionId, note); }
    /// Labels of the detections' bounds and classes (corrected, else the model's), each
    /// keeping what the model said (model, class, peak and mean score) and, for the one
    /// shown, how long the analyst took. One undo step.
    void makeLabels(const QList<qint64>& detectionIds) { m_review.makeLabels(m_detections, detectionIds); }
    QUndoStack* undoStack() { return m_review.undoStack(); }
    /// The analyst's label edits have a stack of their own: detections are replaced (and
    /// their stack cleared) whenever a video is scored or re-segmented; labels are not.
    QUndoStack* labelUndoStack() { return &m_labelUndo; }
    /// Both stacks; Edit > Undo acts on the active one (setLabelsActive).
    QUndoGroup* undoGroup() { return &m_undoGroup; }
    void setLabelsActive(bool labels);
    /// The analyst's labels on the open video (marks, edits; undoable).
    LabelEditor* labels() const { return m_labelEditor; }
    /// The abnormal class with the highest mean p(class | abnormal) over frames [start, end)
    /// of the open video; the first abnormal class when unscored; "Anomaly" without a model.
    QString suggestedClass(qint64 start, qint64 end) const;
    /// Detections of the current model matching `filter` (all videos unless it says).
    QList<DetectionRecord> detections(DetectionFilter filter) const { return m_session.detections(filter); }
    /// The current model's class names (model order) and normal class.
    QStringList classNames() const { return m_session.classNames(); }
    int normalId() const { return m_session.normalId(); }
    /// Opens the detection's video if needed, seeks 4 s before it and plays.
    void playDetection(const DetectionRecord& detection);

    PlaybackController& player() { return m_player; }
    /// Score, top class name and its p(class | abnormal) at a frame of the open video.
    bool frameScore(qint64 frame, float* score, QString* topClass, float* probability) const;
    /// p(class | abnormal) of the abnormal classes (model order, normal left out) at a frame.
    QVector<double> frameClassProbabilities(qint64 frame) const;
    /// The abnormal class names in that order.
    QStringList abnormalClassNames() const { return m_session.abnormalClassNames(); }

signals:
    void projectOpened(const QString& path);
    /// A model was chosen (or came with the project opened): scoring can start.
    void modelChanged();
    void videosChanged();
    void groundTruthChanged(const QVector<QPair<qint64, qint64>>& intervals);
    /// A background add finished: how many were new, how many relinked, what failed.
    void videosAdded(int added, int relinked, const QStringList& problems);
    void videoOpened(qint64 videoId, const QString& path, qint64 frames, double fps);
    void scoresChanged(const QVector<float>& scores);
    /// p(class | abnormal) [frames, abnormal classes] of the open video; null when unscored.
    void classProbabilitiesChanged(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames);
    void scoresAppended(qint64 firstFrame, const QVector<float>& scores);
    void detectionsChanged(int count, double alarmsPerHour);
    /// While the threshold is dragged: the open video's count, not yet stored.
    void detectionsPreviewed(int count, double alarmsPerHour);
    /// The background re-segmentation of the whole project (after a settings change) ended.
    void projectResegmented();
    void scoringQueued(const QStringList& videoPaths);
    void scoringProgress(const QString& videoPath, qint64 done, qint64 total, double framesPerSecond, double secondsLeft);
    /// One video's end: "Done", "Failed: ...", "Cancelled".
    void scoringVideoEnded(const QString& videoPath, const QString& state);
    void scoringFinished(const QString& message);
    void errorOccurred(const QString& message);

private:
    void applyProxySettings();
    void loadTrack();
    void reloadDetections();
    // A video's scores or detections were replaced.
    void trackReplaced(qint64 videoId);

    ProjectSession m_session;
    PlaybackController m_player;
    QUndoStack m_labelUndo;
    LabelEditor* m_labelEditor = nullptr;
    ReviewDecisions m_review;
    DetectionTuning m_tuning;
    ScoringQueue m_scoring;
    QUndoGroup m_undoGroup;
    bool m_safeMode = false;
    Preferences m_preferences;
    // The video shown.
    qint64 m_videoId = 0;
    double m_fps = 30;
    std::optional<ScoreTrack> m_track;
    QList<DetectionRecord> m_detections;
};

} // namespace vigil
