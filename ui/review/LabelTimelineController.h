// Label editing on the timeline and from the keyboard, the segment editing of annotation
// tools: draw, resize and move intervals in the labels lane with the mouse; Tab and
// Shift+Tab walk them; keys nudge either edge, split at the playhead, merge with the next
// one, jump to an interval's first or last frame, and lock playback to it (loop or stop).
// Every edit goes through the LabelEditor: one undoable step each.
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace vigil {

class ShortcutRegistry;

class LabelEditor;
class LabelsPanel;
class ScoreTimeline;
class WorkstationController;

/// GUI thread.
class LabelTimelineController : public QObject {
    Q_OBJECT
public:
    enum class PlayLock { Off, Loop, Stop };

    /// `showLabels` brings the Labels tab forward (edits there are seen at once).
    LabelTimelineController(WorkstationController* workstation, ScoreTimeline* timeline, LabelsPanel* panel, QWidget* window,
                            std::function<void()> showLabels);

    /// The keys, on `window`, registered (their changes come from there).
    void installShortcuts(ShortcutRegistry* registry);
    PlayLock playLock() const { return m_lock; }
    void setPlayLock(PlayLock lock);
    /// The label the keys act on: the panel's current (selected) one; 0 for none.
    qint64 selectedLabel() const;

    void selectNeighbour(bool next);
    void nudge(bool endEdge, int direction, bool bySecond);
    void splitAtPlayhead();
    void mergeWithNext();
    void jumpToEdge(bool last);

signals:
    void message(const QString& text);

private:
    void select(qint64 id, bool seek);
    void onFrame(qint64 frame);

    WorkstationController* m_workstation;
    ScoreTimeline* m_timeline;
    LabelsPanel* m_panel;
    QWidget* m_window;
    std::function<void()> m_showLabels;
    LabelEditor* m_editor;
    PlayLock m_lock = PlayLock::Off;
    bool m_playing = false;
    qint64 m_shownFrame = 0;
    double m_fps = 30;
};

} // namespace vigil
