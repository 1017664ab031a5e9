// The open project and what it is seen through: the store (with the lock that lets this
// window write it), the model chosen and its classes, and the videos it holds. The
// workstation controller orchestrates; this class owns the data and its background probing.
#pragma once

#include "model/LabelSet.h"
#include "project/AnnotationFile.h"
#include "project/ProjectTypes.h"
#include "scoring/ScoringTypes.h"

#include <QLockFile>
#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace vigil {

class ProjectStore;

/// GUI thread.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    /// Opens (creating when asked) a project and replaces the open one; throws vigil::Error
    /// naming the file, and then nothing has changed. One Vigil edits a project at a time:
    /// a second one gets it read-only (lockedByOther()).
    void openProject(const QString& path, bool create);
    ProjectStore* store() const { return m_store.get(); }
    QString path() const;
    bool lockedByOther() const { return m_store && !m_lock; }
    /// A project created from now on starts with these detection settings.
    void setNewProjectDetection(const DetectionSettings& settings) { m_newProjectDetection = settings; }
    /// The analyst the audit trail names; empty: the store's own default.
    void setAuthor(const QString& author);

    /// The model used for scoring and shown, at the chosen precision; registered in the project.
    void setModel(const ModelRecord& model);
    /// Another precision scores as a model of its own; true when the model changed with it.
    bool setPrecision(Precision precision);
    void setDevice(ComputeDevice device) { m_device = device; }
    const std::optional<ModelRecord>& model() const { return m_model; }
    const std::optional<LabelSet>& labels() const { return m_labels; }
    ComputeDevice device() const { return m_device; }
    Precision precision() const { return m_precision; }
    /// The model's class names (model order), its normal class, and the others.
    QStringList classNames() const;
    int normalId() const;
    QStringList abnormalClassNames() const;
    /// Detections of the current model matching `filter`.
    QList<DetectionRecord> detections(DetectionFilter filter) const;

    /// Probes and adds video files (folders are searched recursively) on a background
    /// thread; videosAdded() follows, and scoreRequested() when `scoreAfter` and some of
    /// them have no scores of the current model. A missing video of the same content is
    /// relinked to the new path instead of added twice.
    void addVideos(const QStringList& paths, bool scoreAfter);
    /// Points a (moved) video at a new file; false (and errorOccurred) when it cannot.
    bool relinkVideo(qint64 videoId, const QString& path);
    /// Imports a dataset's temporal annotations; throws vigil::Error.
    const AnnotationImport& importGroundTruth(const QString& annotationPath);
    const AnnotationImport& lastImport() const { return m_lastImport; }
    QList<VideoRecord> videos() const;

signals:
    void videosChanged();
    void videosAdded(int added, int relinked, const QStringList& problems);
    void scoreRequested(const QList<qint64>& videoIds);
    void errorOccurred(const QString& message);

private:
    qint64 storedModelId(const ModelRecord& model);
    void loadLabels();
    void onProbed(const QList<VideoRecord>& records, const QStringList& problems, bool scoreAfter);

    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<QLockFile> m_lock; // held while this window may write the project
    DetectionSettings m_newProjectDetection;
    QString m_author;
    std::optional<ModelRecord> m_model;
    std::optional<LabelSet> m_labels; // the model's class list, resolved once
    ComputeDevice m_device = ComputeDevice::Auto;
    Precision m_precision = Precision::Float32;
    AnnotationImport m_lastImport;
    QThread m_probeThread;
    QObject* m_prober = nullptr; // lives on m_probeThread
};

} // namespace vigil
