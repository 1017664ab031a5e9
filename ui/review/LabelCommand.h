// An edit of the analyst's labels as one undoable step: each change holds the label
// before and after (none before: added; none after: removed). The first redo of an added
// label gets its id from the project; undo and redo then restore that same id.
#pragma once

#include "project/ProjectTypes.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace vigil {

struct LabelChange {
    std::optional<LabelRecord> before;
    std::optional<LabelRecord> after;
};

/// GUI thread.
class LabelCommand : public QUndoCommand {
public:
    /// Stores `labels` (filling in new ids) and removes `removals` in one transaction;
    /// returns false when the project refused (nothing changed).
    using Write = std::function<bool(QList<LabelRecord>& labels, const QList<qint64>& removals)>;
    LabelCommand(const QString& text, QList<LabelChange> changes, Write write);

    /// The id of the first change's label once stored (an added label's new id).
    qint64 firstId() const;

    void undo() override { apply(false); }
    void redo() override { apply(true); }

private:
    void apply(bool forward);

    QList<LabelChange> m_changes;
    Write m_write;
};

} // namespace vigil
