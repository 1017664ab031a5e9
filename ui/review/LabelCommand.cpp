// Label commands.
#include "review/LabelCommand.h"

namespace vigil {

LabelCommand::LabelCommand(const QString& text, QList<LabelChange> changes, Write write)
    : m_changes(std::move(changes))
    , m_write(std::move(write))
{
    setText(text);
}

qint64 LabelCommand::firstId() const
{
    if (m_changes.isEmpty())
        return 0;
    const LabelChange& first = m_changes.first();
    return first.after ? first.after->id : first.before ? first.before->id : 0;
}

void LabelCommand::apply(bool forward)
{
    QList<LabelRecord> labels;
    QList<qint64> removals;
    QList<int> stored; // index in m_changes of each entry of `labels`
    for (int i = 0; i < m_changes.size(); ++i) {
        const LabelChange& change = m_changes[i];
        const std::optional<LabelRecord>& from = forward ? change.before : change.after;
        const std::optional<LabelRecord>& to = forward ? change.after : change.before;
        if (to) {
            labels << *to;
            stored << i;
        } else if (from) {
            removals << from->id;
        }
    }
    if (!m_write(labels, removals)) {
        setObsolete(true); // the project refused: the step cannot be taken again
        return;
    }
    // Ids given to added labels, so undo removes them and redo restores the same rows.
    for (int k = 0; k < stored.size(); ++k) {
        LabelChange& change = m_changes[stored[k]];
        std::optional<LabelRecord>& target = forward ? change.after : change.before;
        target->id = labels[k].id;
        std::optional<LabelRecord>& other = forward ? change.before : change.after;
        if (other)
            other->id = labels[k].id;
    }
}

} // namespace vigil
