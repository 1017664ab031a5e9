// Fine-tuning a project's model in the background: a readiness check of the project's
// training data, then a run whose every epoch is reported, that can be cancelled (the old
// model stays, the run resumes from its last epoch) and that ends as a new model version
// of the project. Lives on a QThread of TrainingController's.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/LabelSet.h"
#include "model/Trainer.h"
#include "project/ProjectTypes.h"

#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>

namespace vigil {

/// Plain value: what to train, from what, into what.
struct TrainingRequest {
    QString projectPath;
    ModelRecord base;                // the model fine-tuned (a model of the project or new to it)
    LabelSet labels = LabelSet::resolve("ucf");
    TrainingOptions options;
    QStringList newClasses;          // classes the base lacks, to learn (withNewClasses)
    QString vocabularyPath;          // CLIP's vocabulary: needed for newClasses
    QString newName;                 // the new model's name in the project
    bool resume = false;             // continue the run saved for newName, if any
};

/// Plain value: the readiness check's answer.
struct TrainingReadiness {
    TrainingDataSummary summary;
    QStringList classNames; // model order
    int normalId = 0;
    int videos = 0;         // with a class and cached features
    QStringList skipped;    // "name: why"
    QList<qint64> unscored; // video ids with a class but no cached features yet
    QMap<QString, int> missingClasses; // classes the project uses and the model (with newClasses) lacks: videos using them
};

/// Where a run keeps its model and its resumable state: <project>.models/<name>/.
QString modelVersionFolder(const QString& projectPath, const QString& name);

/// Worker thread only, but for cancel().
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    /// Any thread: the running epoch stops at its next step and is undone.
    void cancel() { m_cancel = true; }

public slots:
    void check(const vigil::TrainingRequest& request);
    void run(const vigil::TrainingRequest& request);

signals:
    void checked(const vigil::TrainingReadiness& readiness);
    void started(int epochsDone, int epochs, const QStringList& trainNames, const QStringList& validationNames);
    void stepDone(int epoch, int step, int steps);
    void epochFinished(const vigil::EpochReport& report);
    /// The new model is in the project (its id in `model`), its version recorded.
    void finished(const vigil::ModelRecord& model, const vigil::EpochReport& best);
    /// Stopped by cancel(): epochs done so far are kept for a resume.
    void cancelled(int epochsDone);
    void failed(const QString& message);

private:
    std::atomic<bool> m_cancel{false};
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::TrainingRequest)
Q_DECLARE_METATYPE(vigil::TrainingReadiness)
Q_DECLARE_METATYPE(vigil::EpochReport)
Q_DECLARE_METATYPE(vigil::ModelRecord)
