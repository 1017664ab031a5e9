// The overview of the whole video under the timeline.
#include "timeline/TimelineMinimap.h"

namespace vigil {

TimelineMinimap::TimelineMinimap(QWidget* parent)
    : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("timelineMinimap"));
    setAccessibleName(tr("Timeline overview: click to move the view"));
    setFixedHeight(36);
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(QMargins(0, 0, 0, 0));
    xAxis->setVisible(false);
    yAxis->setVisible(false);
    yAxis->setRange(0, 1);
    m_curve = addGraph();
    m_curve->setAdaptiveSampling(false);
    m_view = new QCPItemRect(this);
    setColors(themeColors(palette()));
    auto moveView = [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            emit centreRequested(xAxis->pixelToCoord(event->position().x()));
    };
    connect(this, &QCustomPlot::mousePress, this, moveView);
    connect(this, &QCustomPlot::mouseMove, this, moveView);
}

void TimelineMinimap::setColors(const ThemeColors& colors)
{
    setBackground(colors.background);
    axisRect()->setBackground(colors.background);
    m_curve->setPen(QPen(colors.score, 1));
    m_curve->setBrush(colors.scoreFill);
    m_view->setPen(QPen(colors.view));
    m_view->setBrush(colors.viewFill);
    replot(rpQueuedReplot);
}

void TimelineMinimap::setScores(const QVector<float>& scores, qint64 frames)
{
    // The whole video at one maximum per pixel.
    const qsizetype count = scores.size();
    const qint64 pixels = std::max(1, width());
    QVector<QCPGraphData> points;
    const qint64 buckets = std::min<qint64>(count, pixels);
    points.reserve(buckets);
    for (qint64 p = 0; p < buckets; ++p) {
        const qint64 a = count * p / buckets, b = std::max(a + 1, count * (p + 1) / buckets);
        float best = 0;
        for (qint64 t = a; t < b; ++t)
            best = std::max(best, scores[t]);
        points.append(QCPGraphData(double(a), double(best)));
    }
    m_curve->data()->set(points, true);
    xAxis->setRange(0, double(std::max<qint64>(1, frames)));
    replot(rpQueuedReplot);
}

void TimelineMinimap::setView(double lower, double upper)
{
    m_view->topLeft->setCoords(lower, 1);
    m_view->bottomRight->setCoords(upper, 0);
    replot(rpQueuedReplot);
}

void TimelineMinimap::setViewVisible(bool visible)
{
    m_view->setVisible(visible);
    replot(rpQueuedReplot);
}

} // namespace vigil
