// Review edits as undoable commands: each applies new values to detections in the
// project and remembers the old ones (state, corrected class, note) to put them back.
#pragma once

#include "project/ProjectTypes.h"

#include <QHash>
#include <QUndoCommand>

#include <functional>

namespace vigil {

/// What a review command changes, applied through the controller's store.
struct ReviewValues {
    ReviewState state = ReviewState::Unreviewed;
    int correctedClass = -1;
    QString note;
    double decisionSeconds = qQNaN(); // from showing the detection to deciding; NaN: not timed
};

/// GUI thread. `apply` writes one detection's values to the project.
class ReviewCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const QHash<qint64, ReviewValues>& values)>;
    ReviewCommand(const QString& text, QHash<qint64, ReviewValues> before, QHash<qint64, ReviewValues> after, Apply apply);

    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }

private:
    QHash<qint64, ReviewValues> m_before, m_after;
    Apply m_apply;
};

} // namespace vigil
