// The Review dock: the Detections tab (the queue, filtered, with accept, reject, make a
// label, class and note) and the Labels tab (the open video's labels), the review and
// label keys, and the labels lane of the timeline that follows the Labels tab's selection.
// Undo and the keys act on the tab shown.
#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QShortcut;
class QTabWidget;
class QWidget;

namespace vigil {

class DetectionsPanel;
class LabelsPanel;
class ScoreTimeline;
class ShortcutRegistry;
class WorkstationController;

/// GUI thread.
class ReviewDockController : public QObject {
    Q_OBJECT
public:
    /// `shownFrame` tells the frame on screen (where I and O mark).
    ReviewDockController(WorkstationController* workstation, ScoreTimeline* timeline, std::function<qint64()> shownFrame,
                         QWidget* window);

    QTabWidget* tabs() const { return m_tabs; }
    DetectionsPanel* detections() const { return m_detections; }
    LabelsPanel* labels() const { return m_labels; }
    bool labelsShown() const;
    void showTab(int tab);

    /// The review and label keys, on `window`.
    QList<QShortcut*> registerKeys(ShortcutRegistry* registry, QWidget* window);
    /// The hint under the detections names the keys in force.
    void showKeyHints(const ShortcutRegistry& keys);
    void refreshDetections();
    void showLabels(bool refreshTable);

signals:
    void message(const QString& text, int timeout);

private:
    WorkstationController* m_workstation;
    ScoreTimeline* m_timeline;
    std::function<qint64()> m_shownFrame;
    DetectionsPanel* m_detections = nullptr;
    LabelsPanel* m_labels = nullptr;
    QTabWidget* m_tabs = nullptr;
    double m_fps = 30; // the open video's, for the labels' times
};

} // namespace vigil
