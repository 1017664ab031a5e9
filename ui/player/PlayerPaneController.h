// The workstation's middle: the video with its score overlay, the class chart beside it,
// the transport row under it, and the timeline below; each frame shown updates all of them.
#pragma once

#include <QObject>

class QLabel;
class QWidget;

namespace vigil {

class ClassChart;
class ScoreTimeline;
class TransportController;
class VideoView;
class WorkstationController;
struct FrameImage;

/// GUI thread.
class PlayerPaneController : public QObject {
    Q_OBJECT
public:
    PlayerPaneController(WorkstationController* controller, TransportController* transport, QWidget* window);

    /// The splitter holding the player and the timeline.
    QWidget* widget() const { return m_widget; }
    VideoView* view() const { return m_view; }
    ScoreTimeline* timeline() const { return m_timeline; }
    ClassChart* classChart() const { return m_classChart; }
    /// No video shown (a project was opened).
    void clear();
    void setThreshold(double threshold);

signals:
    void message(const QString& text, int timeout);

private:
    void showFrame(const FrameImage& frame);
    void showDetections(int count, double perHour);
    void updatePlaceholder();

    WorkstationController* m_controller;
    TransportController* m_transport;
    QWidget* m_widget = nullptr;
    VideoView* m_view = nullptr;
    ScoreTimeline* m_timeline = nullptr;
    ClassChart* m_classChart = nullptr;
    QLabel* m_detectionsLabel = nullptr;
};

} // namespace vigil
