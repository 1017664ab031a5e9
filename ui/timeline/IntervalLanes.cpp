// The lanes of intervals under the score curve.
#include "timeline/IntervalLanes.h"

#include "timeline/ScoreTimeline.h"

#include <qcustomplot.h>

namespace vigil {

using namespace lane;

IntervalLanes::IntervalLanes(QCustomPlot* plot)
    : m_plot(plot)
    , m_colors(themeColors(plot->palette()))
{
}

void IntervalLanes::forget()
{
    m_eventItems.clear();
    m_labelItems.clear();
    m_truthItems.clear();
    m_marks = nullptr;
    m_events.clear();
    m_labels.clear();
    m_truth.clear();
    m_markFrom = m_markTo = -1;
}

void IntervalLanes::setColors(const ThemeColors& colors)
{
    m_colors = colors;
    drawEvents();
    drawLabels();
    drawTruth();
    if (m_marks) {
        m_plot->removeItem(m_marks);
        m_marks = nullptr;
    }
    setMarks(m_markFrom, m_markTo);
}

// One interval of a lane: frames [start, end), at least one frame wide.
void IntervalLanes::box(QList<QCPItemRect*>& items, qint64 start, qint64 end, double top, double bottom, const QPen& pen,
                        const QBrush& fill)
{
    auto* rect = new QCPItemRect(m_plot);
    rect->topLeft->setCoords(double(start), top);
    rect->bottomRight->setCoords(double(std::max(end, start + 1)), bottom);
    rect->setPen(pen);
    rect->setBrush(fill);
    items << rect;
}

void IntervalLanes::clear(QList<QCPItemRect*>& items)
{
    for (QCPItemRect* item : std::as_const(items))
        m_plot->removeItem(item);
    items.clear();
}

void IntervalLanes::setEvents(const QVector<TimelineEvent>& events)
{
    m_events = events;
    drawEvents();
}

void IntervalLanes::drawEvents()
{
    clear(m_eventItems);
    const ThemeColors& c = m_colors;
    for (const TimelineEvent& e : std::as_const(m_events)) {
        // Colour and pattern: solid accepted, dense open, hatched rejected.
        const QColor color = e.rejected ? c.detectionRejected : e.reviewed ? c.detectionAccepted : c.detectionOpen;
        const Qt::BrushStyle pattern = e.rejected ? Qt::BDiagPattern : e.reviewed ? Qt::SolidPattern : Qt::Dense2Pattern;
        box(m_eventItems, e.startFrame, e.endFrame, kDetectionsTop, kDetectionsBottom, QPen(c.dark ? color.lighter(130) : color.darker(130)),
            QBrush(color, pattern));
        // The analyst's labels: what was accepted.
        if (e.reviewed && !e.rejected)
            box(m_eventItems, e.startFrame, e.endFrame, kLabelsTop, kLabelsBottom, QPen(c.detectionAccepted.darker(130)),
                QBrush(c.detectionAccepted));
    }
}

void IntervalLanes::setLabels(const QVector<TimelineLabel>& labels)
{
    m_labels = labels;
    drawLabels();
}

void IntervalLanes::drawLabels()
{
    clear(m_labelItems);
    const ThemeColors& c = m_colors;
    // Half the lane's height, under the accepted detections' half: both stay visible. The
    // selected one has a thick border besides its colour.
    for (const TimelineLabel& label : std::as_const(m_labels))
        box(m_labelItems, label.startFrame, label.endFrame, (kLabelsTop + kLabelsBottom) / 2, kLabelsBottom,
            label.selected ? QPen(c.labelSelectedBorder, 2) : QPen(c.label.darker(130)), label.selected ? c.labelSelected : c.label);
}

void IntervalLanes::setGroundTruth(const QVector<QPair<qint64, qint64>>& intervals)
{
    m_truth = intervals;
    drawTruth();
}

void IntervalLanes::drawTruth()
{
    clear(m_truthItems);
    for (const auto& [start, end] : std::as_const(m_truth))
        box(m_truthItems, start, end, kTruthTop, kTruthBottom, QPen(m_colors.truthBorder), QBrush(m_colors.truth));
}

void IntervalLanes::setMarks(qint64 from, qint64 to)
{
    m_markFrom = from;
    m_markTo = to;
    if (from < 0) {
        if (m_marks)
            m_plot->removeItem(m_marks);
        m_marks = nullptr;
        return;
    }
    if (!m_marks) {
        m_marks = new QCPItemRect(m_plot);
        m_marks->setPen(QPen(m_colors.marks, 1, Qt::DashLine));
        m_marks->setBrush(m_colors.marksFill);
    }
    m_marks->topLeft->setCoords(double(from), kYMax);
    m_marks->bottomRight->setCoords(double(to + 1), kYMin);
}

} // namespace vigil
