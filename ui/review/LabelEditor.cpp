// Label editing.
#include "review/LabelEditor.h"

#include "project/ProjectStore.h"
#include "review/LabelCommand.h"

#include <QUndoStack>

#include <algorithm>

namespace vigil {

LabelEditor::LabelEditor(QUndoStack* undo, QObject* parent)
    : QObject(parent)
    , m_undo(undo)
{
}

void LabelEditor::setProject(ProjectStore* store)
{
    m_store = store;
    setVideo(0, 0);
}

void LabelEditor::setVideo(qint64 videoId, qint64 frames)
{
    m_videoId = videoId;
    m_frames = frames;
    clearMarks();
    reload();
}

void LabelEditor::setMarkIn(qint64 frame)
{
    if (!m_videoId)
        return;
    m_in = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_frames - 1));
    emit marksChanged(m_in, m_out);
    if (m_out >= 0)
        labelMarkedSpan();
}

void LabelEditor::setMarkOut(qint64 frame)
{
    if (!m_videoId)
        return;
    m_out = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_frames - 1));
    emit marksChanged(m_in, m_out);
    if (m_in >= 0)
        labelMarkedSpan();
}

void LabelEditor::clearMarks()
{
    if (m_in < 0 && m_out < 0)
        return;
    m_in = m_out = -1;
    emit marksChanged(m_in, m_out);
}

void LabelEditor::labelMarkedSpan()
{
    // Marks set in either order: the span is from the earlier to the later, both shown frames.
    const qint64 start = std::min(m_in, m_out), end = std::max(m_in, m_out) + 1;
    clearMarks();
    addLabel(start, end);
}

void LabelEditor::addLabel(qint64 start, qint64 end, const QString& className)
{
    if (!m_store || !m_videoId)
        return;
    LabelRecord label;
    label.videoId = m_videoId;
    label.startFrame = start;
    label.endFrame = end;
    label.className = className.isEmpty() && m_suggest ? m_suggest(start, end) : className;
    auto* command = new LabelCommand(tr("Add a label"), {LabelChange{std::nullopt, label}}, writer());
    m_undo->push(command); // redo() stores it; a refused command is deleted at once
    if (m_undo->index() > 0 && m_undo->command(m_undo->index() - 1) == command)
        emit labelAdded(command->firstId());
}

void LabelEditor::addLabels(const QList<LabelRecord>& labels, const QString& text)
{
    if (!m_store || labels.isEmpty())
        return;
    QList<LabelChange> changes;
    for (const LabelRecord& label : labels)
        changes << LabelChange{std::nullopt, label};
    auto* command = new LabelCommand(text, changes, writer());
    m_undo->push(command);
    if (m_undo->index() > 0 && m_undo->command(m_undo->index() - 1) == command)
        emit labelAdded(command->firstId());
}

void LabelEditor::edit(const QString& text, const QList<qint64>& ids, const std::function<void(LabelRecord&)>& change)
{
    QList<LabelChange> changes;
    for (const LabelRecord& label : std::as_const(m_labels)) {
        if (!ids.contains(label.id))
            continue;
        LabelChange c{label, label};
        change(*c.after);
        if (c.after && c.after->startFrame == label.startFrame && c.after->endFrame == label.endFrame
            && c.after->className == label.className && c.after->note == label.note)
            continue; // nothing to undo
        changes << c;
    }
    if (changes.isEmpty())
        return;
    m_undo->push(new LabelCommand(text, changes, writer()));
}

void LabelEditor::setClass(const QList<qint64>& ids, const QString& className)
{
    if (className.trimmed().isEmpty())
        return;
    edit(tr("Change the class of %n label(s)", nullptr, int(ids.size())), ids,
         [className](LabelRecord& l) { l.className = className; });
}

void LabelEditor::setNote(qint64 id, const QString& note)
{
    edit(tr("Note on a label"), {id}, [note](LabelRecord& l) { l.note = note; });
}

void LabelEditor::setBounds(qint64 id, qint64 start, qint64 end)
{
    if (end <= start) {
        emit errorOccurred(tr("A label must end after it starts"));
        return;
    }
    edit(tr("Change the extent of a label"), {id}, [start, end](LabelRecord& l) {
        l.startFrame = start;
        l.endFrame = end;
    });
}

const LabelRecord* LabelEditor::find(qint64 id) const
{
    for (const LabelRecord& label : m_labels)
        if (label.id == id)
            return &label;
    return nullptr;
}

void LabelEditor::moveFirstFrame(qint64 id, qint64 frame)
{
    if (const LabelRecord* label = find(id); label && frame >= 0)
        setBounds(id, frame, label->endFrame);
}

void LabelEditor::moveLastFrame(qint64 id, qint64 frame)
{
    if (const LabelRecord* label = find(id); label && frame >= 0)
        setBounds(id, label->startFrame, frame + 1);
}

void LabelEditor::remove(const QList<qint64>& ids)
{
    QList<LabelChange> changes;
    for (const LabelRecord& label : std::as_const(m_labels))
        if (ids.contains(label.id))
            changes << LabelChange{label, std::nullopt};
    if (changes.isEmpty())
        return;
    m_undo->push(new LabelCommand(tr("Remove %n label(s)", nullptr, int(changes.size())), changes, writer()));
}

void LabelEditor::split(qint64 id, qint64 frame)
{
    const LabelRecord* label = find(id);
    if (!label || frame <= label->startFrame || frame >= label->endFrame)
        return;
    LabelRecord first = *label, second = *label;
    first.endFrame = frame;
    second.id = 0;
    second.startFrame = frame;
    second.created = QDateTime();
    second.source = label->source == LabelSource::Model ? LabelSource::Manual : label->source; // the model made one, not two
    m_undo->push(new LabelCommand(tr("Split a label"), {LabelChange{*label, first}, LabelChange{std::nullopt, second}}, writer()));
}

void LabelEditor::mergeWithNext(qint64 id)
{
    const LabelRecord* label = find(id);
    const LabelRecord* next = find(neighbour(id, 0, true));
    if (!label || !next)
        return;
    LabelRecord merged = *label;
    merged.endFrame = std::max(label->endFrame, next->endFrame);
    m_undo->push(new LabelCommand(tr("Merge two labels"), {LabelChange{*label, merged}, LabelChange{*next, std::nullopt}}, writer()));
}

void LabelEditor::nudge(qint64 id, bool endEdge, qint64 frames)
{
    const LabelRecord* label = find(id);
    if (!label || frames == 0)
        return;
    qint64 start = label->startFrame, end = label->endFrame;
    if (endEdge)
        end = std::clamp<qint64>(end + frames, start + 1, std::max<qint64>(start + 1, m_frames));
    else
        start = std::clamp<qint64>(start + frames, 0, end - 1);
    setBounds(id, start, end);
}

qint64 LabelEditor::neighbour(qint64 id, qint64 frame, bool next) const
{
    // Labels are kept by first frame (then id): the neighbour is the one beside it.
    const LabelRecord* current = find(id);
    const LabelRecord* best = nullptr;
    auto before = [](const LabelRecord& a, const LabelRecord& b) {
        return a.startFrame < b.startFrame || (a.startFrame == b.startFrame && a.id < b.id);
    };
    for (const LabelRecord& l : m_labels) {
        if (current && l.id == current->id)
            continue;
        const bool after = current ? before(*current, l) : l.startFrame > frame;
        const bool earlier = current ? before(l, *current) : l.startFrame < frame;
        if (next && after && (!best || before(l, *best)))
            best = &l;
        if (!next && earlier && (!best || before(*best, l)))
            best = &l;
    }
    return best ? best->id : 0;
}

LabelCommand::Write LabelEditor::writer()
{
    return [this](QList<LabelRecord>& labels, const QList<qint64>& removals) { return write(labels, removals); };
}

bool LabelEditor::write(QList<LabelRecord>& labels, const QList<qint64>& removals)
{
    if (!m_store)
        return false;
    bool ok = true;
    try {
        m_store->writeLabels(labels, removals); // one transaction, all or nothing
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        ok = false;
    }
    reload();
    return ok;
}

void LabelEditor::reload()
{
    m_labels.clear();
    if (m_store && m_videoId) {
        try {
            m_labels = m_store->labels(m_videoId);
        } catch (const std::exception& e) {
            emit errorOccurred(QString::fromStdString(e.what()));
        }
    }
    emit labelsChanged(m_labels);
}

} // namespace vigil
