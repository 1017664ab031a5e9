// Label editing on the timeline and from the keyboard.
#include "review/LabelTimelineController.h"

#include "shortcuts/ShortcutRegistry.h"

#include "WorkstationController.h"
#include "playback/PlaybackWorker.h"
#include "review/LabelEditor.h"
#include "review/LabelsPanel.h"
#include "timeline/ScoreTimeline.h"

#include <QShortcut>
#include <QWidget>

#include <cmath>

namespace vigil {

LabelTimelineController::LabelTimelineController(WorkstationController* workstation, ScoreTimeline* timeline, LabelsPanel* panel,
                                                 QWidget* window, std::function<void()> showLabels)
    : QObject(window)
    , m_workstation(workstation)
    , m_timeline(timeline)
    , m_panel(panel)
    , m_window(window)
    , m_showLabels(std::move(showLabels))
    , m_editor(workstation->labels())
{
    connect(timeline, &ScoreTimeline::labelClicked, this, [this](qint64 id) { select(id, false); });
    connect(timeline, &ScoreTimeline::labelCreateRequested, this, [this](qint64 start, qint64 end) {
        m_showLabels();
        m_editor->addLabel(start, end);
    });
    connect(timeline, &ScoreTimeline::labelBoundsRequested, this, [this](qint64 id, qint64 start, qint64 end) {
        m_editor->setBounds(id, start, end);
        select(id, false);
    });
    PlaybackWorker* player = workstation->player().worker();
    connect(player, &PlaybackWorker::frameReady, this, [this](const FrameImage& frame) { onFrame(frame.index); });
    connect(player, &PlaybackWorker::playingChanged, this, [this](bool playing, double) { m_playing = playing; });
    connect(workstation, &WorkstationController::videoOpened, this,
            [this](qint64, const QString&, qint64, double fps) { m_fps = fps > 0 ? fps : 30; });
}

void LabelTimelineController::installShortcuts(ShortcutRegistry* registry)
{
    auto add = [this, registry](const QString& id, const QList<QKeySequence>& keys, const QString& what, auto function) {
        QShortcut* shortcut = registry->addShortcut(id, tr("Labels"), what, keys, m_window);
        connect(shortcut, &QShortcut::activated, this, function);
    };
    // Not Tab: Tab and Shift+Tab move the keyboard focus, which a keyboard-only user needs.
    add(QStringLiteral("labels.selectNext"), {QKeySequence(Qt::CTRL | Qt::Key_Down)}, tr("Select the next label"), [this] { selectNeighbour(true); });
    add(QStringLiteral("labels.selectPrevious"), {QKeySequence(Qt::CTRL | Qt::Key_Up)}, tr("Select the previous label"),
        [this] { selectNeighbour(false); });
    for (const bool bySecond : {false, true}) {
        const Qt::KeyboardModifiers shift = bySecond ? Qt::ShiftModifier : Qt::NoModifier;
        const QString unit = bySecond ? QStringLiteral("Second") : QStringLiteral("Frame");
        add(QStringLiteral("labels.startEarlier") + unit, {QKeySequence(Qt::ControlModifier | shift | Qt::Key_Left)}, bySecond ? tr("Move the selected label's start one second earlier") : tr("Move the selected label's start one frame earlier"), [this, bySecond] { nudge(false, -1, bySecond); });
        add(QStringLiteral("labels.startLater") + unit, {QKeySequence(Qt::ControlModifier | shift | Qt::Key_Right)}, bySecond ? tr("Move the selected label's start one second later") : tr("Move the selected label's start one frame later"), [this, bySecond] { nudge(false, 1, bySecond); });
        add(QStringLiteral("labels.endEarlier") + unit, {QKeySequence(Qt::AltModifier | shift | Qt::Key_Left)}, bySecond ? tr("Move the selected label's end one second earlier") : tr("Move the selected label's end one frame earlier"), [this, bySecond] { nudge(true, -1, bySecond); });
        add(QStringLiteral("labels.endLater") + unit, {QKeySequence(Qt::AltModifier | shift | Qt::Key_Right)}, bySecond ? tr("Move the selected label's end one second later") : tr("Move the selected label's end one frame later"), [this, bySecond] { nudge(true, 1, bySecond); });
    }
    add(QStringLiteral("labels.split"), {QKeySequence(Qt::Key_S)}, tr("Split the selected label at the playhead"), [this] { splitAtPlayhead(); });
    add(QStringLiteral("labels.merge"), {QKeySequence(Qt::Key_M)}, tr("Merge the selected label with the next"), [this] { mergeWithNext(); });
    add(QStringLiteral("labels.goToFirst"), {QKeySequence(Qt::CTRL | Qt::Key_Home)}, tr("Go to the selected label's first frame"), [this] { jumpToEdge(false); });
    add(QStringLiteral("labels.goToLast"), {QKeySequence(Qt::CTRL | Qt::Key_End)}, tr("Go to the selected label's last frame"), [this] { jumpToEdge(true); });
    add(QStringLiteral("labels.playLock"), {QKeySequence(Qt::CTRL | Qt::Key_L)}, tr("Play lock: loop the selected label, stop at its end, or off"), [this] {
        setPlayLock(m_lock == PlayLock::Off ? PlayLock::Loop : m_lock == PlayLock::Loop ? PlayLock::Stop : PlayLock::Off);
    });
}

void LabelTimelineController::setPlayLock(PlayLock lock)
{
    m_lock = lock;
    emit message(lock == PlayLock::Loop   ? tr("Playback loops over the selected label (Ctrl+L: stop at its end)")
                 : lock == PlayLock::Stop ? tr("Playback stops at the selected label's end (Ctrl+L: off)")
                                          : tr("Playback is not locked to a label"));
}

qint64 LabelTimelineController::selectedLabel() const { return m_panel->selectedIds().value(0); }

void LabelTimelineController::select(qint64 id, bool seek)
{
    if (!id)
        return;
    m_showLabels();
    m_panel->selectLabel(id);
    if (seek)
        if (const LabelRecord* label = m_editor->label(id)) {
            m_workstation->player().pause();
            m_workstation->player().seek(label->startFrame);
        }
}

void LabelTimelineController::selectNeighbour(bool next)
{
    const qint64 id = m_editor->neighbour(selectedLabel(), m_shownFrame, next);
    if (id)
        select(id, true);
    else
        emit message(next ? tr("No label after this one") : tr("No label before this one"));
}

void LabelTimelineController::nudge(bool endEdge, int direction, bool bySecond)
{
    const qint64 frames = bySecond ? std::max<qint64>(1, std::llround(m_fps)) : 1;
    const qint64 id = selectedLabel();
    m_editor->nudge(id, endEdge, direction * frames);
    // Show the edge that moved, as a drag does.
    if (const LabelRecord* label = m_editor->label(id))
        m_workstation->player().seek(endEdge ? label->endFrame - 1 : label->startFrame);
}

void LabelTimelineController::splitAtPlayhead()
{
    const qint64 id = selectedLabel();
    const LabelRecord* label = m_editor->label(id);
    if (!label || m_shownFrame <= label->startFrame || m_shownFrame >= label->endFrame) {
        emit message(tr("Split: put the playhead inside the selected label (after its first frame)"));
        return;
    }
    m_editor->split(id, m_shownFrame);
}

void LabelTimelineController::mergeWithNext()
{
    const qint64 id = selectedLabel();
    if (!m_editor->neighbour(id, m_shownFrame, true)) {
        emit message(tr("Merge: the selected label has no label after it"));
        return;
    }
    m_editor->mergeWithNext(id);
    select(id, false);
}

void LabelTimelineController::jumpToEdge(bool last)
{
    if (const LabelRecord* label = m_editor->label(selectedLabel())) {
        m_workstation->player().pause();
        m_workstation->player().seek(last ? label->endFrame - 1 : label->startFrame);
    }
}

void LabelTimelineController::onFrame(qint64 frame)
{
    m_shownFrame = frame;
    if (m_lock == PlayLock::Off || !m_playing)
        return;
    const LabelRecord* label = m_editor->label(selectedLabel());
    if (!label || frame < label->endFrame - 1)
        return;
    if (m_lock == PlayLock::Loop) {
        m_workstation->player().seek(label->startFrame);
    } else {
        m_workstation->player().pause();
        m_workstation->player().seek(label->endFrame - 1);
    }
}

} // namespace vigil
