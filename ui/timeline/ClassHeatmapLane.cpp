// The class heatmap lane.
#include "timeline/ClassHeatmapLane.h"

#include <qcustomplot.h>

#include <QCoreApplication>

#include <algorithm>

namespace vigil {

ClassHeatmapLane::ClassHeatmapLane(QCustomPlot* plot, QCPAxis* timeAxis)
{
    m_rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(1, 0, m_rect);
    m_rect->setRangeZoom(Qt::Orientations()); // it follows the curve's time axis only
    m_rect->setRangeDrag(Qt::Orientations());
    plot->plotLayout()->setRowStretchFactor(0, 3);
    plot->plotLayout()->setRowStretchFactor(1, 1);
    auto* margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis* x = m_rect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_rect->axis(QCPAxis::atLeft);
    x->setTicks(false);
    x->setTickLabels(false);
    y->setTicks(false);
    y->setTickLabels(false);
    y->setLabel(QCoreApplication::translate("vigil::ScoreTimeline", "Classes"));
    QObject::connect(timeAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), x, qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_heatMap = new QCPColorMap(x, y);
    m_heatMap->setGradient(viridisGradient());
    m_heatMap->setInterpolate(false);
    m_heatMap->setDataRange(QCPRange(0, 1));
    m_band = new QCPColorMap(x, y);
    m_band->setInterpolate(false);
    m_dark = isDark(plot->palette());
}

void ClassHeatmapLane::setColors(const ThemeColors& colors)
{
    m_dark = colors.dark;
    drawBandColors();
}

void ClassHeatmapLane::setGridVisible(bool visible)
{
    m_rect->axis(QCPAxis::atBottom)->grid()->setVisible(visible);
    m_rect->axis(QCPAxis::atLeft)->grid()->setVisible(visible);
}

void ClassHeatmapLane::clear()
{
    m_heatMap->data()->clear();
    m_band->data()->clear();
    m_probabilities.reset();
}

void ClassHeatmapLane::setProbabilities(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames)
{
    m_probabilities = std::move(probabilities);
    m_classNames = classNames;
    const int classes = int(classNames.size());
    if (!m_probabilities || classes == 0) {
        m_heatMap->data()->clear();
        m_band->data()->clear();
        return;
    }
    const qint64 frames = qint64(m_probabilities->size()) / classes;
    // At most ~2000 columns: each holds the maximum of the frames it covers, so short
    // events stay visible however long the video.
    const int columns = int(std::min<qint64>(std::max<qint64>(1, frames), 2000));
    m_heatMap->data()->setSize(columns, classes);
    m_heatMap->data()->setRange(QCPRange(0, double(frames)), QCPRange(0, classes - 1));
    const float* p = m_probabilities->data();
    for (int column = 0; column < columns; ++column) {
        const qint64 first = frames * column / columns, last = std::max(first + 1, frames * (column + 1) / columns);
        for (int c = 0; c < classes; ++c) {
            float best = 0;
            for (qint64 t = first; t < last; ++t)
                best = std::max(best, p[t * classes + c]);
            m_heatMap->data()->setCell(column, c, double(best));
        }
    }
    // The band: per column, the top class of the column's highest-probability frame.
    // Two identical rows: a one-row map has no height of its own in QCustomPlot.
    m_band->data()->setSize(columns, 2);
    m_band->data()->setRange(QCPRange(0, double(frames)), QCPRange(classes + 0.1, classes + 0.6));
    for (int column = 0; column < columns; ++column) {
        const qint64 first = frames * column / columns, last = std::max(first + 1, frames * (column + 1) / columns);
        int bestClass = 0;
        float best = -1;
        for (qint64 t = first; t < last; ++t)
            for (int c = 0; c < classes; ++c)
                if (p[t * classes + c] > best) {
                    best = p[t * classes + c];
                    bestClass = c;
                }
        m_band->data()->setCell(column, 0, double(bestClass));
        m_band->data()->setCell(column, 1, double(bestClass));
    }
    drawBandColors();
    m_rect->axis(QCPAxis::atLeft)->setRange(-0.5, classes + 1.0);
}

void ClassHeatmapLane::drawBandColors()
{
    const int classes = int(m_classNames.size());
    if (classes == 0)
        return;
    QCPColorGradient categories;
    categories.clearColorStops();
    for (int c = 0; c < classes; ++c)
        categories.setColorStopAt(classes > 1 ? double(c) / (classes - 1) : 0.0, classColor(c, m_dark));
    categories.setLevelCount(std::max(2, classes));
    categories.setColorInterpolation(QCPColorGradient::ciRGB);
    m_band->setGradient(categories);
    m_band->setDataRange(QCPRange(0, std::max(1, classes - 1)));
}

int ClassHeatmapLane::bandClassAt(qint64 frame) const
{
    if (!m_probabilities || m_classNames.isEmpty() || m_band->data()->keySize() == 0)
        return -1;
    int column = 0, row = 0;
    m_band->data()->coordToCell(double(frame), double(m_classNames.size()) + 0.1, &column, &row);
    return int(m_band->data()->cell(column, 0));
}

QStringList ClassHeatmapLane::topClassesAt(qint64 frame) const
{
    QStringList top;
    const int classes = int(m_classNames.size());
    if (!m_probabilities || classes == 0)
        return top;
    const qint64 frames = qint64(m_probabilities->size()) / classes;
    if (frame < 0 || frame >= frames)
        return top;
    const float* row = m_probabilities->data() + frame * classes;
    QList<int> order;
    for (int c = 0; c < classes; ++c)
        order << c;
    std::sort(order.begin(), order.end(), [row](int a, int b) { return row[a] > row[b]; });
    for (int i = 0; i < std::min(3, classes); ++i)
        top << QStringLiteral("%1 %2%").arg(m_classNames[order[i]]).arg(double(row[order[i]]) * 100, 0, 'f', 0);
    return top;
}

} // namespace vigil
