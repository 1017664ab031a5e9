// The score timeline: the anomaly score curve with its threshold line (drag it to change
// the threshold), the lanes below (IntervalLanes: detections, labels, ground truth; the
// ClassHeatmapLane), the overview (TimelineMinimap) and the playhead. Click or drag to
// seek, wheel to zoom, right- or middle-drag to pan. Its colours follow the palette
// (ThemeColors). QCustomPlot lives in this folder and nowhere else in the workstation.
#pragma once

#include "theme/ThemeColors.h"
#include "timeline/LabelLaneDrag.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPGraph;
class QMouseEvent;

namespace vigil {

class ClassHeatmapLane;
class IntervalLanes;
class TimelineMinimap;

/// One detection as the timeline draws it.
struct TimelineEvent {
    qint64 startFrame = 0;
    qint64 endFrame = 0; // exclusive
    bool reviewed = false;
    bool rejected = false;
};

/// One of the analyst's own labels as the labels lane draws it.
struct TimelineLabel {
    qint64 startFrame = 0;
    qint64 endFrame = 0; // exclusive
    bool selected = false;
    qint64 id = 0;
};

/// GUI thread. Dumb: setters in, intent signals out.
class ScoreTimeline : public QWidget {
    Q_OBJECT
public:
    explicit ScoreTimeline(QWidget* parent = nullptr);
    ~ScoreTimeline() override;

    /// Frames of the video (the x range) and its frame rate (for the time labels); 0
    /// frames: no video, and the timeline says how to open one.
    void setVideo(qint64 frames, double framesPerSecond);
    /// The sentence shown instead of a curve (no video, or a video without scores).
    bool placeholderShown() const;
    QString placeholderText() const;
    /// Replaces the curve (one value per frame; may be shorter while scoring runs).
    void setScores(const QVector<float>& scores);
    /// Appends scores of frames [firstFrame, ...) (live results while scoring).
    void appendScores(qint64 firstFrame, const QVector<float>& scores);
    /// Another model's scores of the same video, drawn as a second line to compare with the
    /// curve, both named in a legend. Empty scores clear it (as does setVideo).
    void setComparisonScores(const QVector<float>& scores, const QString& currentName, const QString& otherName);
    QCPGraph* comparisonGraph() const { return m_comparison; }
    void setThreshold(double threshold);
    void setEvents(const QVector<TimelineEvent>& events);
    /// The analyst's labels, drawn in the labels lane with the accepted detections.
    void setLabels(const QVector<TimelineLabel>& labels);
    /// The In and Out marks of a label being drawn (-1: not set); the span between them
    /// (or from In to the playhead) is shaded across the curve.
    void setMarks(qint64 in, qint64 out);
    QPair<qint64, qint64> marks() const { return {m_markIn, m_markOut}; }
    /// Labels drawn in the lane (for tests).
    qsizetype labelCount() const;
    /// The ground-truth lane: annotated anomalous intervals [start, end).
    void setGroundTruth(const QVector<QPair<qint64, qint64>>& intervals);
    /// The class heatmap lane: p(class | abnormal) [frames, classes] row-major, shared
    /// read-only; hovering shows the top 3 classes, clicking seeks. Null clears it.
    void setClassProbabilities(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames);
    /// The top class per heatmap column as drawn in the band (class index, -1 none).
    int bandClassAt(qint64 frame) const;
    /// The top 3 "Class 42%" at a frame of the heatmap data (what hovering shows).
    QStringList topClassesAt(qint64 frame) const;
    QCPAxisRect* heatmapRect() const;
    void setPlayhead(qint64 frame);
    void showWholeVideo();

    QCustomPlot* plot() const { return m_plot; } // for tests and screenshots
    /// The overview of the whole video under the timeline: click or drag to move the view.
    QCustomPlot* minimap() const;
    /// Frames with a score so far.
    qsizetype scoreCount() const { return m_scores.size(); }
    double threshold() const { return m_threshold; }
    qint64 playhead() const { return m_playhead; }
    qint64 frameCount() const { return m_hasVideo ? m_frames : 0; }
    /// What assistive technology reads at the playhead: "Frame 100 of 243, 0:03.3, score
    /// 0.683, in detection 1 of 3" (TimelineAccessible).
    QString accessibleStatus() const;
    /// The last detection entered by the playhead, as announced ("" before any).
    QString lastAnnouncement() const { return m_announcement; }
    /// Detections entered so far (each one an alert to assistive technology when it runs).
    int announcementCount() const { return m_announcements; }
    /// The frame under x (widget coordinates of the plot).
    qint64 frameAtPixel(double x) const;
    double pixelOfFrame(qint64 frame) const;
    double pixelOfScore(double score) const;
    /// The labels lane's middle, in widget pixels (for tests driving the mouse).
    double labelsLanePixel() const;
    /// The frame where the score crosses the threshold nearest to `frame`, within
    /// `pixels` on screen; -1 when none is that close. Crossing frame: the first on the
    /// other side.
    qint64 thresholdCrossingNear(qint64 frame, double pixels) const;

signals:
    void seekRequested(qint64 frame);
    /// While dragging the threshold line (final = false) and when released (final = true).
    void thresholdDragged(double threshold, bool final);
    /// Labels lane: a click on a label; a drag on empty lane ([start, end), frames
    /// included as shown); a drag of a label's edge or body (its new bounds). During a
    /// drag, seekRequested shows the frame under the moving edge. Shift snaps the edge to
    /// the nearest crossing of the threshold.
    void labelClicked(qint64 id);
    void labelCreateRequested(qint64 start, qint64 end);
    void labelBoundsRequested(qint64 id, qint64 start, qint64 end);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColors();
    int eventAt(qint64 frame) const;
    void announcePlayhead();
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void replotSoon();
    void updateCurve();
    void updateMinimap();
    void centerViewOn(double frame);

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_curve = nullptr;
    QCPGraph* m_comparison = nullptr;
    QVector<float> m_comparisonScores;
    QCPGraph* m_fill = nullptr; // the area under the per-pixel maxima (a monotone polygon fills fast)
    TimelineMinimap* m_minimap = nullptr;
    std::unique_ptr<IntervalLanes> m_lanes;
    std::unique_ptr<ClassHeatmapLane> m_heat;
    ThemeColors m_colors;
    QCPItemStraightLine* m_thresholdLine = nullptr;
    QCPItemStraightLine* m_playheadLine = nullptr;
    QCPItemText* m_placeholder = nullptr;
    bool m_hasVideo = false;
    void createPlaceholder();
    void updatePlaceholder();
    QVector<TimelineEvent> m_events;
    qint64 m_markIn = -1, m_markOut = -1;
    void updateMarks();
    QVector<float> m_scores; // one per frame; the graph holds a per-pixel decimation
    QString m_announcement;
    int m_eventAtPlayhead = -1;
    int m_announcements = 0;
    qint64 m_frames = 0;
    double m_fps = 30;
    double m_threshold = 0.5;
    qint64 m_playhead = 0;
    enum class Drag { None, Seek, Threshold, Pan, Label } m_drag = Drag::None;
    QVector<TimelineLabel> m_labels;
    LabelLaneDrag m_labelDrag;
    QCPItemRect* m_dragItem = nullptr; // the preview of a new or changed label
    bool inLabelsLane(const QPointF& pos) const;
    qint64 dragFrame(const QPointF& pos, Qt::KeyboardModifiers modifiers) const;
    void updateDragPreview();
    double m_panFromPixel = 0;
    bool m_replotPending = false;
};

} // namespace vigil
