// Score timeline on QCustomPlot. Large curves stay fluid because the graph never holds
// more than two points per pixel: the visible range is decimated to each pixel's minimum
// and maximum whenever it changes (QCustomPlot's own sampling walks its 16-byte points on
// every repaint: 6 repaints/s at 1,000,000 frames). Replots are coalesced to one per
// event-loop turn.
#include "timeline/ScoreTimeline.h"
#include "timeline/TimelineAccessible.h"

#include <qcustomplot.h>

#include <QAccessible>

#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

// Lanes under the curve: detections, analyst labels (accepted detections), ground truth.
constexpr double kDetectionsTop = -0.02, kDetectionsBottom = -0.10;
constexpr double kLabelsTop = -0.13, kLabelsBottom = -0.21;
constexpr double kTruthTop = -0.24, kTruthBottom = -0.32;
constexpr double kYMin = -0.34, kYMax = 1.04;
constexpr double kGrabPixels = 6;

// Score ticks only where scores are: the lanes below 0 carry no score.
class ScoreTicker : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double, const QCPRange&) override { return {0, 0.25, 0.5, 0.75, 1}; }
};

// Ticks at round times, as video editors place them: the smallest step of this list that
// leaves at most about tickCount() ticks in view (0:00, 0:10, 0:20, not 0:00, 11:06, 22:13).
class TimeTicker : public QCPAxisTicker {
public:
    double fps = 30;

protected:
    double getTickStep(const QCPRange& range) override
    {
        static const double kStepsSeconds[] = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                               3600, 7200, 10800, 21600, 43200, 86400};
        const double seconds = range.size() / std::max(1e-9, fps);
        for (double step : kStepsSeconds)
            if (seconds / step <= tickCount() + 1)
                return step * fps;
        return kStepsSeconds[std::size(kStepsSeconds) - 1] * fps;
    }
    int getSubTickCount(double tickStep) override
    {
        // Sub-ticks on round fractions too: fifths of 0:10 or 1:00, thirds of 0:15, halves of 0:02.
        const double seconds = tickStep / std::max(1e-9, fps);
        const double tens = std::round(seconds * 10);
        const qint64 step = qint64(tens); // in tenths of a second
        if (step % 150 == 0 && step % 300 != 0)
            return 2;
        if (step % 2 == 0 && (step / 2) % 5 != 0)
            return 1;
        return 4;
    }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        // No negative times: the view may start a little before frame 0.
        const double seconds = std::max(0.0, tick / std::max(1e-9, fps));
        const bool tenths = m_step < fps * 0.999;
        const qint64 s = qint64(std::floor(seconds + 1e-6));
        QString text = s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                                 : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
        if (tenths)
            text += QStringLiteral(".%1").arg(qint64(std::floor((seconds - double(s)) * 10 + 0.5)) % 10);
        return text;
    }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        m_step = tickStep; // the labels show tenths when the step is under a second
        QVector<double> ticks;
        for (double t : QCPAxisTicker::createTickVector(tickStep, range))
            if (t >= -1e-6)
                ticks << t;
        return ticks;
    }

private:
    double m_step = 30;
};

} // namespace

ScoreTimeline::ScoreTimeline(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("scoreTimeline"));
    static const bool factory = [] {
        QAccessible::installFactory(&TimelineAccessible::factory);
        return true;
    }();
    (void)factory;
    m_plot->setAccessibleName(tr("Score timeline"));
    m_minimap = new QCustomPlot(this);
    m_minimap->setObjectName(QStringLiteral("timelineMinimap"));
    m_minimap->setAccessibleName(tr("Timeline overview: click to move the view"));
    m_minimap->setFixedHeight(36);
    m_minimap->axisRect()->setAutoMargins(QCP::msNone);
    m_minimap->axisRect()->setMargins(QMargins(0, 0, 0, 0));
    m_minimap->xAxis->setVisible(false);
    m_minimap->yAxis->setVisible(false);
    m_minimap->yAxis->setRange(0, 1);
    m_minimapCurve = m_minimap->addGraph();
    m_minimapCurve->setPen(QPen(QColor(200, 60, 40), 1));
    m_minimapCurve->setBrush(QColor(200, 60, 40, 40));
    m_minimapCurve->setAdaptiveSampling(false);
    m_minimapView = new QCPItemRect(m_minimap);
    m_minimapView->setPen(QPen(QColor(30, 110, 220)));
    m_minimapView->setBrush(QColor(30, 110, 220, 50));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    layout->addWidget(m_minimap);
    auto moveView = [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton)
            centerViewOn(m_minimap->xAxis->pixelToCoord(event->position().x()));
    };
    connect(m_minimap, &QCustomPlot::mousePress, this, moveView);
    connect(m_minimap, &QCustomPlot::mouseMove, this, moveView);
    setMinimumHeight(240);

    m_plot->setInteractions(QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->yAxis->setRange(kYMin, kYMax);
    m_plot->yAxis->setTickLabels(true);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new ScoreTicker));
    m_plot->yAxis->setLabel(tr("Score"));
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new TimeTicker));

    // The area first, under the line. The line's pen has width 1: the raster engine's
    // fast path (1.2 made each repaint ten times slower).
    m_fill = m_plot->addGraph();
    m_fill->setPen(Qt::NoPen);
    m_fill->setBrush(QColor(200, 60, 40, 40));
    m_fill->setAdaptiveSampling(false);
    m_curve = m_plot->addGraph();
    m_curve->setPen(QPen(QColor(200, 60, 40), 1));
    m_curve->setAdaptiveSampling(false); // decimated by updateCurve()
    m_comparison = m_plot->addGraph();
    m_comparison->setPen(QPen(QColor(40, 120, 60), 1));
    m_comparison->setAdaptiveSampling(false);
    // The legend names the two lines when a comparison is drawn: one row, small, top right.
    m_plot->legend->clearItems();
    m_plot->setAutoAddPlottableToLegend(false);
    m_curve->addToLegend();
    m_comparison->addToLegend();
    m_plot->legend->setVisible(false);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(0);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    m_plot->legend->setFont(legendFont);
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->legend->setMargins(QMargins(4, 1, 4, 1));
    m_plot->legend->setIconSize(14, 8);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_thresholdLine = new QCPItemStraightLine(m_plot);
    m_thresholdLine->setPen(QPen(QColor(30, 110, 220), 1.5, Qt::DashLine));
    m_playheadLine = new QCPItemStraightLine(m_plot);
    m_playheadLine->setPen(QPen(QColor(20, 20, 20), 1.5));
    createPlaceholder();

    // The class heatmap lane, under the score curve on the same time axis.
    m_heatRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_heatRect);
    m_heatRect->setRangeZoom(Qt::Orientations()); // it follows the curve's time axis only
    m_heatRect->setRangeDrag(Qt::Orientations());
    m_plot->plotLayout()->setRowStretchFactor(0, 3);
    m_plot->plotLayout()->setRowStretchFactor(1, 1);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_heatRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis* heatX = m_heatRect->axis(QCPAxis::atBottom);
    QCPAxis* heatY = m_heatRect->axis(QCPAxis::atLeft);
    heatX->setTicks(false);
    heatX->setTickLabels(false);
    heatY->setTicks(false);
    heatY->setTickLabels(false);
    heatY->setLabel(tr("Classes"));
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), heatX, qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_heatMap = new QCPColorMap(heatX, heatY);
    m_heatMap->setGradient(QCPColorGradient::gpHot);
    m_heatMap->setInterpolate(false);
    m_heatMap->setDataRange(QCPRange(0, 1));
    m_topClassBand = new QCPColorMap(heatX, heatY);
    m_topClassBand->setInterpolate(false);

    connect(m_plot, &QCustomPlot::mousePress, this, &ScoreTimeline::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ScoreTimeline::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ScoreTimeline::onRelease);
    // Keep zooming inside the video.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& r) {
        if (m_frames <= 0)
            return;
        QCPRange bounded = r;
        if (bounded.size() > double(m_frames))
            bounded = QCPRange(0, double(m_frames));
        if (bounded.size() < 10)
            bounded = QCPRange(bounded.center() - 5, bounded.center() + 5);
        if (bounded.lower < 0)
            bounded = QCPRange(0, bounded.size());
        if (bounded.upper > double(m_frames))
            bounded = QCPRange(double(m_frames) - bounded.size(), double(m_frames));
        if (bounded.lower != r.lower || bounded.upper != r.upper) {
            m_plot->xAxis->setRange(bounded);
        } else {
            updateCurve();
            m_minimapView->topLeft->setCoords(bounded.lower, 1);
            m_minimapView->bottomRight->setCoords(bounded.upper, 0);
            m_minimap->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    setVideo(0, 0); // the empty state until a video is shown
}

namespace {

// The frames of `range` as at most two points per pixel column (its minimum and maximum,
// in the order they occur) and, when asked, the column maxima (the fill's outline).
void decimate(const QVector<float>& scores, const QCPRange& range, qint64 pixels, QVector<QCPGraphData>& points,
              QVector<QCPGraphData>* envelope)
{
    const qsizetype count = scores.size();
    const qint64 first = std::clamp<qint64>(qint64(std::floor(range.lower)) - 1, 0, count);
    const qint64 last = std::clamp<qint64>(qint64(std::ceil(range.upper)) + 1, first, count);
    if (last - first <= 2 * pixels) {
        points.reserve(last - first);
        for (qint64 t = first; t < last; ++t)
            points.append(QCPGraphData(double(t), double(scores[t])));
        if (envelope)
            *envelope = points;
        return;
    }
    points.reserve(2 * pixels);
    if (envelope)
        envelope->reserve(pixels);
    const float* v = scores.constData();
    for (qint64 p = 0; p < pixels; ++p) {
        const qint64 a = first + (last - first) * p / pixels, b = std::max(a + 1, first + (last - first) * (p + 1) / pixels);
        qint64 lo = a, hi = a;
        for (qint64 t = a + 1; t < b; ++t) {
            if (v[t] < v[lo])
                lo = t;
            if (v[t] > v[hi])
                hi = t;
        }
        if (envelope)
            envelope->append(QCPGraphData(double(a), double(v[hi])));
        const qint64 one = std::min(lo, hi), two = std::max(lo, hi);
        points.append(QCPGraphData(double(one), double(v[one])));
        if (two != one)
            points.append(QCPGraphData(double(two), double(v[two])));
    }
}

} // namespace

void ScoreTimeline::setVideo(qint64 frames, double framesPerSecond)
{
    m_frames = std::max<qint64>(1, frames);
    m_fps = framesPerSecond > 0 ? framesPerSecond : 30;
    static_cast<TimeTicker*>(m_plot->xAxis->ticker().data())->fps = m_fps;
    m_scores.clear();
    m_curve->data()->clear();
    m_fill->data()->clear();
    m_comparisonScores.clear();
    m_comparison->data()->clear();
    m_plot->legend->setVisible(false);
    m_heatMap->data()->clear();
    m_topClassBand->data()->clear();
    m_classProbabilities.reset();
    m_events.clear();
    m_plot->clearItems();
    m_dragItem = nullptr;
    m_drag = Drag::None;
    m_labels.clear();
    m_eventItems.clear();
    m_truthItems.clear();
    m_labelItems.clear();
    m_marks = nullptr;
    m_markIn = m_markOut = -1;
    m_thresholdLine = new QCPItemStraightLine(m_plot);
    m_thresholdLine->setPen(QPen(QColor(30, 110, 220), 1.5, Qt::DashLine));
    m_playheadLine = new QCPItemStraightLine(m_plot);
    m_playheadLine->setPen(QPen(QColor(20, 20, 20), 1.5));
    m_hasVideo = frames > 0;
    createPlaceholder();
    m_thresholdLine->setVisible(m_hasVideo);
    m_playheadLine->setVisible(m_hasVideo);
    // No video: no time axis to speak of, so no ticks, grid, zero line or minimap frame
    // (they would stand at made-up times).
    m_plot->xAxis->setTickLabels(m_hasVideo);
    m_plot->xAxis->setTicks(m_hasVideo);
    m_plot->xAxis->grid()->setVisible(m_hasVideo);
    m_heatRect->axis(QCPAxis::atBottom)->grid()->setVisible(m_hasVideo);
    m_heatRect->axis(QCPAxis::atLeft)->grid()->setVisible(m_hasVideo);
    m_minimapView->setVisible(m_hasVideo);
    m_minimap->replot(QCustomPlot::rpQueuedReplot);
    setThreshold(m_threshold);
    setPlayhead(0);
    showWholeVideo();
}

void ScoreTimeline::createPlaceholder()
{
    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.4);
    m_placeholder->setColor(palette().color(QPalette::PlaceholderText));
    m_placeholder->setClipToAxisRect(false);
    updatePlaceholder();
}

void ScoreTimeline::updatePlaceholder()
{
    if (!m_placeholder)
        return;
    // One sentence on what will show here and how to get there.
    m_placeholder->setText(!m_hasVideo ? tr("The scores of the video shown appear here: open one from the Videos list.")
                                       : tr("No scores for this video yet: choose a model and score it (Score menu)."));
    m_placeholder->setVisible(!m_hasVideo || m_scores.isEmpty());
}

bool ScoreTimeline::placeholderShown() const
{
    return m_placeholder && m_placeholder->visible();
}

QString ScoreTimeline::placeholderText() const
{
    return m_placeholder ? m_placeholder->text() : QString();
}

void ScoreTimeline::setScores(const QVector<float>& scores)
{
    m_scores = scores;
    updatePlaceholder();
    updateCurve();
    updateMinimap();
}

void ScoreTimeline::setComparisonScores(const QVector<float>& scores, const QString& currentName, const QString& otherName)
{
    m_comparisonScores = scores;
    m_curve->setName(currentName);
    m_comparison->setName(otherName);
    m_plot->legend->setVisible(!scores.isEmpty());
    updateCurve();
}

void ScoreTimeline::appendScores(qint64 firstFrame, const QVector<float>& scores)
{
    if (firstFrame < 0)
        return;
    if (m_scores.size() < firstFrame + scores.size())
        m_scores.resize(firstFrame + scores.size(), 0.0f);
    std::copy(scores.begin(), scores.end(), m_scores.begin() + firstFrame);
    updatePlaceholder();
    updateCurve();
    updateMinimap();
}

void ScoreTimeline::updateCurve()
{
    const QCPRange range = m_plot->xAxis->range();
    const qint64 pixels = std::max(1, m_plot->axisRect()->width());
    QVector<QCPGraphData> points, envelope;
    decimate(m_scores, range, pixels, points, &envelope);
    m_curve->data()->set(points, true);
    m_fill->data()->set(envelope, true);
    points.clear();
    decimate(m_comparisonScores, range, pixels, points, nullptr);
    m_comparison->data()->set(points, true);
    replotSoon();
}

void ScoreTimeline::updateMinimap()
{
    // The whole video at one maximum per minimap pixel.
    const qsizetype count = m_scores.size();
    const qint64 pixels = std::max(1, m_minimap->width());
    QVector<QCPGraphData> points;
    points.reserve(std::min<qint64>(count, pixels));
    const qint64 buckets = std::min<qint64>(count, pixels);
    for (qint64 p = 0; p < buckets; ++p) {
        const qint64 a = count * p / buckets, b = std::max(a + 1, count * (p + 1) / buckets);
        float best = 0;
        for (qint64 t = a; t < b; ++t)
            best = std::max(best, m_scores[t]);
        points.append(QCPGraphData(double(a), double(best)));
    }
    m_minimapCurve->data()->set(points, true);
    m_minimap->xAxis->setRange(0, double(std::max<qint64>(1, m_frames)));
    m_minimap->replot(QCustomPlot::rpQueuedReplot);
}

void ScoreTimeline::centerViewOn(double frame)
{
    const double width = m_plot->xAxis->range().size();
    m_plot->xAxis->setRange(frame - width / 2, frame + width / 2);
    replotSoon();
}

void ScoreTimeline::setThreshold(double threshold)
{
    m_threshold = std::clamp(threshold, 0.0, 1.0);
    m_thresholdLine->point1->setCoords(0, m_threshold);
    m_thresholdLine->point2->setCoords(1, m_threshold);
    replotSoon();
}

// One interval of a lane: frames [start, end), at least one frame wide.
void ScoreTimeline::laneBox(QList<QCPItemRect*>& items, qint64 start, qint64 end, double top, double bottom,
                              const QPen& pen, const QColor& fill)
{
    auto* rect = new QCPItemRect(m_plot);
    rect->topLeft->setCoords(double(start), top);
    rect->bottomRight->setCoords(double(std::max(end, start + 1)), bottom);
    rect->setPen(pen);
    rect->setBrush(fill);
    items << rect;
}

void ScoreTimeline::clearLane(QList<QCPItemRect*>& items)
{
    for (QCPItemRect* item : std::as_const(items))
        m_plot->removeItem(item);
    items.clear();
}

void ScoreTimeline::setEvents(const QVector<TimelineEvent>& events)
{
    clearLane(m_eventItems);
    m_events = events;
    m_eventAtPlayhead = eventAt(m_playhead); // one already under the playhead is not news
    const QColor accepted(40, 160, 80);
    for (const TimelineEvent& e : events) {
        const QColor color = e.rejected ? QColor(150, 150, 150) : e.reviewed ? accepted : QColor(230, 120, 20);
        laneBox(m_eventItems, e.startFrame, e.endFrame, kDetectionsTop, kDetectionsBottom, QPen(color.darker(130)), color);
        // The analyst's labels: what was accepted.
        if (e.reviewed && !e.rejected)
            laneBox(m_eventItems, e.startFrame, e.endFrame, kLabelsTop, kLabelsBottom, QPen(accepted.darker(130)), accepted);
    }
    replotSoon();
}

void ScoreTimeline::setLabels(const QVector<TimelineLabel>& labels)
{
    clearLane(m_labelItems);
    m_labels = labels;
    // Half the lane's height, under the accepted detections' half: both stay visible.
    for (const TimelineLabel& label : labels)
        laneBox(m_labelItems, label.startFrame, label.endFrame, (kLabelsTop + kLabelsBottom) / 2, kLabelsBottom,
                label.selected ? QPen(QColor(10, 10, 10), 2) : QPen(QColor(20, 90, 170)),
                label.selected ? QColor(60, 150, 255) : QColor(40, 120, 210));
    replotSoon();
}

void ScoreTimeline::setMarks(qint64 in, qint64 out)
{
    m_markIn = in;
    m_markOut = out;
    updateMarks();
}

void ScoreTimeline::updateMarks()
{
    if (m_markIn < 0 && m_markOut < 0) {
        if (m_marks)
            m_plot->removeItem(m_marks);
        m_marks = nullptr;
        replotSoon();
        return;
    }
    if (!m_marks) {
        m_marks = new QCPItemRect(m_plot);
        m_marks->setPen(QPen(QColor(40, 120, 210), 1, Qt::DashLine));
        m_marks->setBrush(QColor(40, 120, 210, 45));
    }
    qint64 from = m_markIn >= 0 ? m_markIn : m_markOut;
    qint64 to = m_markOut >= 0 ? m_markOut : m_playhead;
    if (to < from)
        std::swap(from, to);
    m_marks->topLeft->setCoords(double(from), kYMax);
    m_marks->bottomRight->setCoords(double(to + 1), kYMin);
    replotSoon();
}

void ScoreTimeline::setGroundTruth(const QVector<QPair<qint64, qint64>>& intervals)
{
    clearLane(m_truthItems);
    for (const auto& [start, end] : intervals)
        laneBox(m_truthItems, start, end, kTruthTop, kTruthBottom, QPen(QColor(90, 40, 160)), QColor(120, 70, 200));
    replotSoon();
}

void ScoreTimeline::setClassProbabilities(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames)
{
    m_classProbabilities = std::move(probabilities);
    m_classNames = classNames;
    const int classes = int(classNames.size());
    if (!m_classProbabilities || classes == 0 || m_frames <= 0) {
        m_heatMap->data()->clear();
        m_topClassBand->data()->clear();
        replotSoon();
        return;
    }
    const qint64 frames = qint64(m_classProbabilities->size()) / classes;
    // At most ~2000 columns: each holds the maximum of the frames it covers, so short
    // events stay visible however long the video.
    const int columns = int(std::min<qint64>(std::max<qint64>(1, frames), 2000));
    m_heatMap->data()->setSize(columns, classes);
    m_heatMap->data()->setRange(QCPRange(0, double(frames)), QCPRange(0, classes - 1));
    const float* p = m_classProbabilities->data();
    for (int column = 0; column < columns; ++column) {
        const qint64 first = frames * column / columns, last = std::max(first + 1, frames * (column + 1) / columns);
        for (int c = 0; c < classes; ++c) {
            float best = 0;
            for (qint64 t = first; t < last; ++t)
                best = std::max(best, p[t * classes + c]);
            m_heatMap->data()->setCell(column, c, double(best));
        }
    }
    // The band: per column, the top class of the column's highest-probability frame, one
    // distinct colour per class.
    // Two identical rows: a one-row map has no height of its own in QCustomPlot.
    m_topClassBand->data()->setSize(columns, 2);
    m_topClassBand->data()->setRange(QCPRange(0, double(frames)), QCPRange(classes + 0.1, classes + 0.6));
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
        m_topClassBand->data()->setCell(column, 0, double(bestClass));
        m_topClassBand->data()->setCell(column, 1, double(bestClass));
    }
    QCPColorGradient categories;
    categories.clearColorStops();
    for (int c = 0; c < classes; ++c)
        categories.setColorStopAt(classes > 1 ? double(c) / (classes - 1) : 0.0, QColor::fromHsv(c * 360 / classes, 200, 230));
    categories.setLevelCount(std::max(2, classes));
    categories.setColorInterpolation(QCPColorGradient::ciRGB);
    m_topClassBand->setGradient(categories);
    m_topClassBand->setDataRange(QCPRange(0, std::max(1, classes - 1)));
    m_heatRect->axis(QCPAxis::atLeft)->setRange(-0.5, classes + 1.0);
    replotSoon();
}

int ScoreTimeline::bandClassAt(qint64 frame) const
{
    if (!m_classProbabilities || m_classNames.isEmpty() || m_topClassBand->data()->keySize() == 0)
        return -1;
    int column = 0, row = 0;
    m_topClassBand->data()->coordToCell(double(frame), double(m_classNames.size()) + 0.1, &column, &row);
    return int(m_topClassBand->data()->cell(column, 0));
}

QStringList ScoreTimeline::topClassesAt(qint64 frame) const
{
    QStringList top;
    const int classes = int(m_classNames.size());
    if (!m_classProbabilities || classes == 0)
        return top;
    const qint64 frames = qint64(m_classProbabilities->size()) / classes;
    if (frame < 0 || frame >= frames)
        return top;
    const float* row = m_classProbabilities->data() + frame * classes;
    QList<int> order;
    for (int c = 0; c < classes; ++c)
        order << c;
    std::sort(order.begin(), order.end(), [row](int a, int b) { return row[a] > row[b]; });
    for (int i = 0; i < std::min(3, classes); ++i)
        top << QStringLiteral("%1 %2%").arg(m_classNames[order[i]]).arg(double(row[order[i]]) * 100, 0, 'f', 0);
    return top;
}

void ScoreTimeline::setPlayhead(qint64 frame)
{
    m_playhead = frame;
    announcePlayhead();
    m_playheadLine->point1->setCoords(double(frame), 0);
    m_playheadLine->point2->setCoords(double(frame), 1);
    if (m_markIn >= 0 && m_markOut < 0)
        updateMarks(); // the span being drawn follows the playhead
    // Follow playback: keep the playhead visible when zoomed in.
    const QCPRange r = m_plot->xAxis->range();
    if (m_drag == Drag::None && (double(frame) < r.lower || double(frame) > r.upper))
        m_plot->xAxis->setRange(double(frame) - r.size() * 0.1, double(frame) + r.size() * 0.9);
    replotSoon();
}

int ScoreTimeline::eventAt(qint64 frame) const
{
    for (int i = 0; i < m_events.size(); ++i)
        if (frame >= m_events[i].startFrame && frame < m_events[i].endFrame)
            return i;
    return -1;
}

QString ScoreTimeline::accessibleStatus() const
{
    if (!m_hasVideo)
        return tr("No video");
    const double seconds = double(m_playhead) / m_fps;
    QString text = tr("Frame %1 of %2, %3:%4").arg(m_playhead).arg(m_frames).arg(int(seconds) / 60).arg(std::fmod(seconds, 60.0), 4, 'f', 1, QLatin1Char('0'));
    if (m_playhead >= 0 && m_playhead < m_scores.size())
        text += tr(", score %1").arg(double(m_scores[m_playhead]), 0, 'f', 3);
    if (const int event = eventAt(m_playhead); event >= 0)
        text += tr(", in detection %1 of %2").arg(event + 1).arg(m_events.size());
    return text;
}

void ScoreTimeline::announcePlayhead()
{
    // A screen reader hears the move, and an alert when a detection begins under the playhead.
    const int event = eventAt(m_playhead);
    if (event >= 0 && event != m_eventAtPlayhead) {
        const TimelineEvent& e = m_events[event];
        m_announcement = tr("Detection %1 of %2: frames %3 to %4").arg(event + 1).arg(m_events.size()).arg(e.startFrame).arg(e.endFrame - 1);
        ++m_announcements;
    }
    const bool entered = event >= 0 && event != m_eventAtPlayhead;
    m_eventAtPlayhead = event;
    if (!QAccessible::isActive())
        return;
    QAccessibleValueChangeEvent moved(this, m_playhead);
    QAccessible::updateAccessibility(&moved);
    if (entered) {
        QAccessibleEvent described(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&described);
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void ScoreTimeline::showWholeVideo()
{
    m_plot->xAxis->setRange(0, double(m_frames));
    replotSoon();
}

qint64 ScoreTimeline::frameAtPixel(double x) const
{
    const double frame = m_plot->xAxis->pixelToCoord(x);
    return std::clamp<qint64>(qint64(std::floor(frame)), 0, std::max<qint64>(0, m_frames - 1));
}

double ScoreTimeline::pixelOfFrame(qint64 frame) const { return m_plot->xAxis->coordToPixel(double(frame) + 0.5); }
double ScoreTimeline::pixelOfScore(double score) const { return m_plot->yAxis->coordToPixel(score); }

double ScoreTimeline::labelsLanePixel() const { return pixelOfScore((kLabelsTop + kLabelsBottom) / 2); }

bool ScoreTimeline::inLabelsLane(const QPointF& pos) const
{
    const double score = m_plot->yAxis->pixelToCoord(pos.y());
    return m_plot->axisRect()->rect().contains(pos.toPoint()) && score <= kLabelsTop + 0.01 && score >= kLabelsBottom - 0.01;
}

qint64 ScoreTimeline::thresholdCrossingNear(qint64 frame, double pixels) const
{
    const double framesPerPixel = std::abs(m_plot->xAxis->pixelToCoord(1) - m_plot->xAxis->pixelToCoord(0));
    const qint64 reach = std::max<qint64>(1, qint64(std::ceil(pixels * framesPerPixel)));
    qint64 best = -1;
    for (qint64 t = std::max<qint64>(1, frame - reach); t <= std::min<qint64>(m_scores.size() - 1, frame + reach); ++t) {
        const bool above = m_scores[t] >= m_threshold, before = m_scores[t - 1] >= m_threshold;
        if (above != before && (best < 0 || std::abs(t - frame) < std::abs(best - frame)))
            best = t;
    }
    return best;
}

// The frame a labels-lane drag is at: whole frames, or with Shift the nearest crossing of
// the threshold when one is close on screen.
qint64 ScoreTimeline::dragFrame(const QPointF& pos, Qt::KeyboardModifiers modifiers) const
{
    const qint64 frame = std::clamp<qint64>(qint64(std::floor(m_plot->xAxis->pixelToCoord(pos.x()) + 0.5)), 0, m_frames);
    if (modifiers & Qt::ShiftModifier)
        if (const qint64 crossing = thresholdCrossingNear(frame, 24); crossing >= 0)
            return crossing;
    return frame;
}

void ScoreTimeline::updateDragPreview()
{
    if (!m_dragItem) {
        m_dragItem = new QCPItemRect(m_plot);
        m_dragItem->setPen(QPen(QColor(10, 10, 10), 1, Qt::DashLine));
        m_dragItem->setBrush(QColor(60, 150, 255, 140));
    }
    m_dragItem->topLeft->setCoords(double(m_dragStart), kLabelsTop);
    m_dragItem->bottomRight->setCoords(double(m_dragEnd), kLabelsBottom);
    replotSoon();
}

void ScoreTimeline::onPress(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && inLabelsLane(pos) && m_frames > 0) {
        // A label's edge (within a few pixels), its body, or empty lane to draw a new one.
        m_dragLabel = -1;
        m_dragMoved = false;
        m_dragFrom = dragFrame(pos, {});
        m_drag = Drag::LabelCreate;
        for (int i = 0; i < m_labels.size(); ++i) {
            const TimelineLabel& l = m_labels[i];
            const double left = m_plot->xAxis->coordToPixel(double(l.startFrame));
            const double right = m_plot->xAxis->coordToPixel(double(l.endFrame));
            if (std::abs(pos.x() - left) <= kGrabPixels)
                m_drag = Drag::LabelStart;
            else if (std::abs(pos.x() - right) <= kGrabPixels)
                m_drag = Drag::LabelEnd;
            else if (pos.x() > left && pos.x() < right)
                m_drag = Drag::LabelMove;
            else
                continue;
            m_dragLabel = i;
            m_dragStart = l.startFrame;
            m_dragEnd = l.endFrame;
            break;
        }
        if (m_drag == Drag::LabelCreate) {
            m_dragStart = m_dragFrom;
            m_dragEnd = m_dragFrom + 1;
        }
        return;
    }
    if (event->button() == Qt::LeftButton) {
        if (m_plot->axisRect()->rect().contains(pos.toPoint()) && std::abs(pos.y() - pixelOfScore(m_threshold)) <= kGrabPixels) {
            m_drag = Drag::Threshold;
        } else {
            m_drag = Drag::Seek;
            emit seekRequested(frameAtPixel(pos.x()));
        }
    } else if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        m_panFromPixel = pos.x();
    }
}

void ScoreTimeline::onMove(QMouseEvent* event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::Seek:
        emit seekRequested(frameAtPixel(pos.x()));
        break;
    case Drag::Threshold:
        setThreshold(m_plot->yAxis->pixelToCoord(pos.y()));
        emit thresholdDragged(m_threshold, false);
        break;
    case Drag::LabelCreate:
    case Drag::LabelStart:
    case Drag::LabelEnd:
    case Drag::LabelMove: {
        const qint64 frame = dragFrame(pos, event->modifiers());
        m_dragMoved = m_dragMoved || frame != m_dragFrom;
        if (!m_dragMoved)
            break;
        qint64 shown = frame; // the frame the player shows: the one under the moving edge
        if (m_drag == Drag::LabelCreate) {
            m_dragStart = std::min(m_dragFrom, frame);
            m_dragEnd = std::max(m_dragFrom, frame) + 1;
        } else if (m_drag == Drag::LabelStart) {
            m_dragStart = std::clamp<qint64>(frame, 0, m_labels[m_dragLabel].endFrame - 1);
            shown = m_dragStart;
        } else if (m_drag == Drag::LabelEnd) {
            m_dragEnd = std::clamp<qint64>(frame, m_labels[m_dragLabel].startFrame + 1, m_frames);
            shown = m_dragEnd - 1;
        } else {
            const TimelineLabel& l = m_labels[m_dragLabel];
            const qint64 length = l.endFrame - l.startFrame;
            m_dragStart = std::clamp<qint64>(l.startFrame + frame - m_dragFrom, 0, std::max<qint64>(0, m_frames - length));
            m_dragEnd = m_dragStart + length;
            shown = m_dragStart;
        }
        updateDragPreview();
        emit seekRequested(std::clamp<qint64>(shown, 0, std::max<qint64>(0, m_frames - 1)));
        break;
    }
    case Drag::Pan: {
        const double delta = m_plot->xAxis->pixelToCoord(m_panFromPixel) - m_plot->xAxis->pixelToCoord(pos.x());
        m_plot->xAxis->moveRange(delta);
        m_panFromPixel = pos.x();
        replotSoon();
        break;
    }
    case Drag::None:
        m_plot->setCursor(std::abs(pos.y() - pixelOfScore(m_threshold)) <= kGrabPixels ? Qt::SizeVerCursor : Qt::ArrowCursor);
        if (inLabelsLane(pos))
            for (const TimelineLabel& l : std::as_const(m_labels)) {
                const double left = m_plot->xAxis->coordToPixel(double(l.startFrame));
                const double right = m_plot->xAxis->coordToPixel(double(l.endFrame));
                if (std::abs(pos.x() - left) <= kGrabPixels || std::abs(pos.x() - right) <= kGrabPixels)
                    m_plot->setCursor(Qt::SizeHorCursor);
                else if (pos.x() > left && pos.x() < right)
                    m_plot->setCursor(Qt::OpenHandCursor);
            }
        if (m_heatRect->rect().contains(pos.toPoint())) {
            const qint64 frame = frameAtPixel(pos.x());
            const QStringList top = topClassesAt(frame);
            if (!top.isEmpty())
                QToolTip::showText(event->globalPosition().toPoint(), tr("Frame %1\n%2").arg(frame).arg(top.join(QLatin1Char('\n'))), m_plot);
        }
        break;
    }
}

void ScoreTimeline::onRelease(QMouseEvent*)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (m_dragItem) {
        m_plot->removeItem(m_dragItem);
        m_dragItem = nullptr;
        replotSoon();
    }
    if (drag == Drag::Threshold)
        emit thresholdDragged(m_threshold, true);
    if (drag == Drag::LabelCreate && !m_dragMoved)
        emit seekRequested(std::clamp<qint64>(m_dragFrom, 0, std::max<qint64>(0, m_frames - 1)));
    else if (drag == Drag::LabelCreate)
        emit labelCreateRequested(m_dragStart, m_dragEnd);
    else if ((drag == Drag::LabelStart || drag == Drag::LabelEnd || drag == Drag::LabelMove) && m_dragLabel >= 0 &&
             m_dragLabel < m_labels.size()) {
        const qint64 id = m_labels[m_dragLabel].id;
        if (!m_dragMoved)
            emit labelClicked(id);
        else
            emit labelBoundsRequested(id, m_dragStart, m_dragEnd);
    }
}

void ScoreTimeline::replotSoon()
{
    if (m_replotPending)
        return;
    m_replotPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_replotPending = false;
            m_plot->replot(QCustomPlot::rpQueuedRefresh);
        },
        Qt::QueuedConnection);
}

} // namespace vigil
