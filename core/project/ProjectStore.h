// A Vigil project: one SQLite file (*.vigil) holding the videos, the models used, score
// tracks per (video, model), detections and their review, and the detection settings.
// All of Vigil's SQL lives behind this class (house style rule 12).
#pragma once

#include "project/ProjectTypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

class SqlConnection;
class ScoreTable;
class DetectionTable;
class LabelTable;
class ModelVersionTable;

/// One instance per thread: call it only on the thread that opened it. Several instances
/// (threads, processes) may open the same file; each write is one transaction and waits up
/// to busy_timeout for another writer. Every failure throws Error naming the file.
class ProjectStore {
public:
    /// ReadOnly: no write reaches the file (another Vigil has it, or the file is not
    /// writable); a file that needs a schema upgrade cannot be opened so.
    enum class OpenMode { OpenExisting, CreateIfMissing, ReadOnly };
    /// PRAGMA application_id of every Vigil project: "VIGL".
    static constexpr int kApplicationId = 0x5649474C;

    /// Opens (or creates) the project at path: WAL journal, foreign keys, busy timeout,
    /// then the migrations it lacks, one transaction each. Throws Error when the file is
    /// not a Vigil project, its schema is newer than this build, or it is locked.
    static std::unique_ptr<ProjectStore> open(const QString& path, OpenMode mode);
    /// The per-user default project: <AppDataLocation>/default.vigil.
    static QString defaultProjectPath();
    /// The schema version this build writes (the highest migration compiled in).
    static int currentSchemaVersion();

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    /// Absolute path of the project file.
    QString path() const;
    int schemaVersion() const;
    /// Opened read-only: asked for, or the file (or its folder) is not writable.
    bool isReadOnly() const { return m_readOnly; }
    /// The copy of the file made before this open upgraded its schema; empty when none.
    QString migrationBackupPath() const { return m_backupPath; }
    /// Who edits through this store: the OS user unless set (tests, an --author option).
    QString author() const;
    void setAuthor(const QString& author);

    // Videos. Paths are stored absolute and cleaned; `missing` is computed on each read.
    QList<VideoRecord> videos() const; // by id
    std::optional<VideoRecord> video(qint64 id) const;
    /// One transaction: all are added or none. A path already in the project (or twice in
    /// the list) gives the existing id instead of a duplicate. Ids in list order.
    QList<qint64> addVideos(const QList<VideoRecord>& videos);
    /// The first video (lowest id) with this content fingerprint; none for "".
    std::optional<VideoRecord> findByFingerprint(const QString& fingerprint) const;
    void relinkVideo(qint64 id, const QString& newPath);
    /// One transaction; their score tracks and detections go with them.
    void removeVideos(const QList<qint64>& ids);

    // Models.
    /// The id of the model with the same checkpoint path and head fingerprint, added if new.
    qint64 ensureModel(const ModelRecord& model);
    QList<ModelRecord> models() const; // by id

    // Scores: one compact track (float32 blobs) per (video, model).
    /// Replaces the (videoId, modelId) track; its detections stay until replaceDetections.
    void saveScores(const ScoreTrack& track);
    std::optional<ScoreTrack> scores(qint64 videoId, qint64 modelId) const;
    /// Videos without a track of this model, by id (missing files included).
    QList<qint64> unscoredVideos(qint64 modelId) const;
    bool hasScores(qint64 videoId, qint64 modelId) const;

    // Detections.
    /// One transaction: replaces the track's detections with a new segmentation. A new
    /// detection without a review of its own inherits the review (state, corrected class,
    /// notes) of the old ones it overlaps; one with the same bounds as an old one keeps its
    /// id. Fills in ids, videoId and modelId.
    void replaceDetections(qint64 videoId, qint64 modelId, QList<DetectionRecord>& detections);
    /// By peak score, highest first.
    QList<DetectionRecord> detections(const DetectionFilter& filter) const;
    /// One transaction; stamps reviewedAt. Throws (changing nothing) if an id is unknown.
    /// `decisionSeconds`: from showing the detection to the decision (kept when NaN).
    void setReviewState(const QList<qint64>& ids, ReviewState state, double decisionSeconds = qQNaN());
    /// cls -1 clears the correction. Stamps reviewedAt.
    void setCorrectedClass(qint64 id, int cls);
    /// Stamps reviewedAt.
    void setNote(qint64 id, const QString& note);
    /// One transaction: each detection's state, corrected class and note at once (an
    /// undoable review step). Throws (changing nothing) if an id is unknown.
    void applyReviews(const QList<ReviewEdit>& edits);

    /// Writes a consistent copy of the project to `path` (replacing a file there), for
    /// "Save As". Throws Error naming the file.
    void saveCopyAs(const QString& path) const;

    // Ground truth (annotations imported from a dataset).
    /// One transaction: replaces the video's intervals.
    void setGroundTruth(qint64 videoId, const QList<GroundTruthInterval>& intervals);
    /// One transaction for them all (an import): replaces each video's intervals, and sets
    /// the class of the videos in `videoClasses` (the annotations' weak labels).
    void setGroundTruth(const QHash<qint64, QList<GroundTruthInterval>>& byVideo,
                        const QHash<qint64, QString>& videoClasses = {});
    /// One transaction: each video's class as a whole ("" clears it).
    void setVideoClasses(const QHash<qint64, QString>& classes);
    QList<GroundTruthInterval> groundTruth(qint64 videoId) const; // by start

    // The analysts' labels (hand-marked intervals).
    /// One transaction; returns the new id. A label with an id (undoing its removal) is
    /// stored under that id again. Throws for an empty interval, no class or no such video.
    qint64 addLabel(const LabelRecord& label);
    /// Bounds, class and note of the label with label.id; stamps modified.
    void updateLabel(const LabelRecord& label);
    void removeLabel(qint64 id);
    /// One transaction (an undoable label edit): removes the ids, then stores each label,
    /// changing the one of its id when there is one and adding it otherwise (filling in
    /// the id). Throws, changing nothing, when any of it fails.
    void writeLabels(QList<LabelRecord>& labels, const QList<qint64>& removals);
    /// One transaction (an import): removes every label of `videoIds`, then adds `labels`
    /// with their own authors, sources and times (new ids filled in), and sets the classes
    /// of `videoClasses`, and adds `customClasses`. All or nothing; returns how many labels
    /// were removed.
    int replaceLabels(const QList<qint64>& videoIds, QList<LabelRecord>& labels, const QHash<qint64, QString>& videoClasses = {},
                      const QStringList& customClasses = {});
    QList<LabelRecord> labels(qint64 videoId) const; // by start
    QList<LabelRecord> allLabels() const;            // by video, then start
    /// The audit trail: every add, change and removal, oldest first.
    QList<LabelAuditRecord> labelHistory(qint64 labelId) const;
    QList<LabelAuditRecord> videoLabelHistory(qint64 videoId) const;
    /// Classes the analysts added (e.g. Loitering), by name; usable for labels like a
    /// model's. Adding one that exists (any case) does nothing; removing one in use throws.
    QStringList customClasses() const;
    void addCustomClass(const QString& name);
    void removeCustomClass(const QString& name);
    /// Per author: decisions on the model's detections (accepted unchanged, modified,
    /// rejected; labels made from detections count once, through the label).
    QList<AnalystReport> analystReports() const;
    std::optional<LabelRecord> label(qint64 id) const;
    qint64 labelCount() const; // in the whole project
    /// Video id -> its labels / ground-truth intervals, for listing a project (one query each).
    QHash<qint64, qint64> labelCountsByVideo() const;
    QHash<qint64, qint64> groundTruthCountsByVideo() const;

    /// Changes whenever a label is added, changed or removed: what a model version was
    /// trained on is told apart from later edits.
    QString labelRevision() const;

    // Fine-tuned model versions (each one a model of models()).
    /// One transaction; replaces an earlier record of the same model.
    void addModelVersion(const ModelVersionRecord& version);
    QList<ModelVersionRecord> modelVersions() const; // by model id
    std::optional<ModelVersionRecord> modelVersion(qint64 modelId) const;
    /// The model the user set active (0: none set); scoring and training start from it.
    qint64 activeModelId() const;
    void setActiveModelId(qint64 modelId);

    // Settings.
    DetectionSettings detectionSettings() const;
    void setDetectionSettings(const DetectionSettings& settings);

private:
    explicit ProjectStore(std::unique_ptr<SqlConnection> sql);
    void checkIsProject(bool existedBefore, OpenMode mode);
    void migrate();
    void backUpBeforeUpgrade();
    QHash<qint64, qint64> countsByVideo(const QString& table) const;
    void writeVideoClasses(const QHash<qint64, QString>& classes, const QString& action);

    std::unique_ptr<SqlConnection> m_sql;
    std::unique_ptr<ScoreTable> m_scores;
    std::unique_ptr<DetectionTable> m_detections;
    std::unique_ptr<LabelTable> m_labels;
    std::unique_ptr<ModelVersionTable> m_versions;
    int m_schemaVersion = 0;
    bool m_readOnly = false;
    QString m_backupPath;
};

} // namespace vigil
