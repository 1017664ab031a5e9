// The analyst's own labels on the open video: In and Out marks that become a label, and
// edits of labels (class, note, bounds, removal), each one undoable step on the
// workstation's undo stack and one transaction in the project.
#pragma once

#include "project/ProjectTypes.h"

#include <QObject>

#include <functional>

class QUndoStack;

namespace vigil {

class ProjectStore;

/// GUI thread.
class LabelEditor : public QObject {
    Q_OBJECT
public:
    /// The class a new label over frames [start, end) gets when none is given.
    using Suggest = std::function<QString(qint64 start, qint64 end)>;

    LabelEditor(QUndoStack* undo, QObject* parent = nullptr);

    void setProject(ProjectStore* store);
    /// Loads the video's labels and clears the marks; 0: no video.
    void setVideo(qint64 videoId, qint64 frames);
    void setSuggest(Suggest suggest) { m_suggest = std::move(suggest); }

    const QList<LabelRecord>& labels() const { return m_labels; }
    qint64 markIn() const { return m_in; }
    qint64 markOut() const { return m_out; }

    /// Sets a mark at a frame; with both marks set, labels the frames between them
    /// (both included) and clears the marks.
    void setMarkIn(qint64 frame);
    void setMarkOut(qint64 frame);
    void clearMarks();

    /// Labels frames [start, end) of the open video; an empty class takes the suggested one.
    void addLabel(qint64 start, qint64 end, const QString& className = {});
    /// Labels made whole elsewhere (from detections, with their provenance): one step.
    void addLabels(const QList<LabelRecord>& labels, const QString& text);
    void setClass(const QList<qint64>& ids, const QString& className);
    void setNote(qint64 id, const QString& note);
    /// New bounds [start, end) for a label.
    void setBounds(qint64 id, qint64 start, qint64 end);
    /// The label's first or last frame moved to `frame` (nothing for an unknown id or a
    /// negative frame).
    void moveFirstFrame(qint64 id, qint64 frame);
    void moveLastFrame(qint64 id, qint64 frame);
    void remove(const QList<qint64>& ids);
    /// Two labels from one at `frame` (the second starts there; both keep class and
    /// note); nothing unless the frame lies strictly inside.
    void split(qint64 id, qint64 frame);
    /// The label and the next one (by first frame) become one, over both and the gap,
    /// with the first's class and note.
    void mergeWithNext(qint64 id);
    /// Moves one edge by `frames` (negative: earlier), kept inside the video and the label
    /// at least one frame long.
    void nudge(qint64 id, bool endEdge, qint64 frames);
    /// The label after (or before) `id` by first frame; with no id, the first one after
    /// (or before) `frame`. 0 when there is none.
    qint64 neighbour(qint64 id, qint64 frame, bool next) const;
    const LabelRecord* label(qint64 id) const { return find(id); }

signals:
    void labelsChanged(const QList<vigil::LabelRecord>& labels);
    void marksChanged(qint64 in, qint64 out);
    /// A label was added (by marks or addLabel): its id, for selecting it.
    void labelAdded(qint64 id);
    void errorOccurred(const QString& message);

private:
    const LabelRecord* find(qint64 id) const;
    void labelMarkedSpan();
    void reload();
    void edit(const QString& text, const QList<qint64>& ids, const std::function<void(LabelRecord&)>& change);
    bool write(QList<LabelRecord>& labels, const QList<qint64>& removals);
    std::function<bool(QList<LabelRecord>&, const QList<qint64>&)> writer();

    QUndoStack* m_undo;
    ProjectStore* m_store = nullptr;
    Suggest m_suggest;
    qint64 m_videoId = 0;
    qint64 m_frames = 0;
    qint64 m_in = -1, m_out = -1;
    QList<LabelRecord> m_labels;
};

} // namespace vigil
