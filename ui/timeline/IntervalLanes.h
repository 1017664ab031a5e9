// The lanes of intervals under the score curve, on its time axis: the detections, the
// analyst's labels (with the accepted detections), the ground truth, and the In/Out marks
// of a label being drawn. Each state is told by its pattern as well as its colour:
// accepted detections are solid, open ones dense-dotted, rejected ones hatched.
#pragma once

#include "theme/ThemeColors.h"

#include <QList>
#include <QPair>
#include <QVector>

class QCustomPlot;
class QCPItemRect;

namespace vigil {

struct TimelineEvent;
struct TimelineLabel;

// Where the lanes sit on the score axis (below 0, where no score is).
namespace lane {
constexpr double kDetectionsTop = -0.02, kDetectionsBottom = -0.10;
constexpr double kLabelsTop = -0.13, kLabelsBottom = -0.21;
constexpr double kTruthTop = -0.24, kTruthBottom = -0.32;
constexpr double kYMin = -0.34, kYMax = 1.04;
} // namespace lane

/// GUI thread. Draws items on the plot's main axis rect.
class IntervalLanes {
public:
    explicit IntervalLanes(QCustomPlot* plot);

    /// After the plot's items were cleared (a new video): nothing is drawn any more.
    void forget();
    void setColors(const ThemeColors& colors);
    void setEvents(const QVector<TimelineEvent>& events);
    void setLabels(const QVector<TimelineLabel>& labels);
    void setGroundTruth(const QVector<QPair<qint64, qint64>>& intervals);
    /// The shaded span [from, to] of the marks; from < 0 hides it.
    void setMarks(qint64 from, qint64 to);
    qsizetype labelCount() const { return m_labelItems.size(); }

private:
    void drawEvents();
    void drawLabels();
    void drawTruth();
    void box(QList<QCPItemRect*>& items, qint64 start, qint64 end, double top, double bottom, const QPen& pen, const QBrush& fill);
    void clear(QList<QCPItemRect*>& items);

    QCustomPlot* m_plot;
    ThemeColors m_colors;
    QVector<TimelineEvent> m_events;
    QVector<TimelineLabel> m_labels;
    QVector<QPair<qint64, qint64>> m_truth;
    QList<QCPItemRect*> m_eventItems, m_labelItems, m_truthItems;
    QCPItemRect* m_marks = nullptr;
    qint64 m_markFrom = -1, m_markTo = -1;
};

} // namespace vigil
