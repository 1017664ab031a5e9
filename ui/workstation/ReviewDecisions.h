// The analyst's decisions on detections: accept, reject, unmark, change the class, a note,
// and labels made from detections. Each is one undoable step, stored at once in one
// transaction; the decision on the detection being shown is timed for the report.
#pragma once

#include "project/ProjectTypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUndoStack>

#include <functional>

namespace vigil {

class LabelEditor;
class ProjectSession;
struct ReviewValues;

/// GUI thread.
class ReviewDecisions : public QObject {
    Q_OBJECT
public:
    ReviewDecisions(const ProjectSession& session, LabelEditor* labels, QObject* parent = nullptr);

    /// Its commands name detections by id: cleared whenever detections are replaced.
    QUndoStack* undoStack() { return &m_undo; }
    /// The analyst is shown this detection now: the clock of its decision starts.
    void startDecision(qint64 detectionId);

    void setReviewState(const QList<qint64>& detectionIds, ReviewState state);
    void setCorrectedClass(const QList<qint64>& detectionIds, int cls);
    void setNote(qint64 detectionId, const QString& note);
    /// Labels of `shown`'s detections named in `detectionIds`: their bounds and classes
    /// (corrected, else the model's), keeping what the model said. One undo step.
    void makeLabels(const QList<DetectionRecord>& shown, const QList<qint64>& detectionIds);

signals:
    /// Review values were written (or undone): the views reload the detections.
    void applied();
    void errorOccurred(const QString& message);

private:
    void push(const QString& text, const QList<qint64>& ids, const std::function<void(ReviewValues&)>& change);
    double decisionSecondsFor(const QList<qint64>& ids) const;

    const ProjectSession& m_session;
    LabelEditor* m_labels;
    QUndoStack m_undo;
    QElapsedTimer m_decisionClock; // since the detection below was shown
    qint64 m_decisionDetection = 0;
};

} // namespace vigil
