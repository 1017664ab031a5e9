// Score timeline on QCustomPlot. Large curves stay fluid because the graph never holds
// more than two points per pixel: the visible range is decimated to each pixel's minimum
// and maximum whenever it changes (QCustomPlot's own sampling walks its 16-byte points on
// every repaint: 6 repaints/s at 1,000,000 frames). Replots are coalesced to one per
// event-loop turn.
#include "timeline/ScoreTimeline.h"

#include "timeline/ClassHeatmapLane.h"
#include "timeline/IntervalLanes.h"
#include "timeline/LabelLaneDrag.h"
#include "timeline/TimelineAccessible.h"
#include "timeline/TimelineAxes.h"
#include "timeline/TimelineMinimap.h"

#include <qcustomplot.h>

#include <QAccessible>
#include <QEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigil {

using namespace lane;

namespace {

constexpr double kGrabPixels = LabelLaneDrag::kGrabPixels;

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
    m_minimap = new TimelineMinimap(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    layout->addWidget(m_minimap);
    connect(m_minimap, &TimelineMinimap::centreRequested, this, &ScoreTimeline::centerViewOn);
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
    m_fill->setAdaptiveSampling(false);
    m_curve = m_plot->addGraph();
    m_curve->setAdaptiveSampling(false); // decimated by updateCurve()
    m_comparison = m_plot->addGraph();
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
    m_plot->legend->setMargins(QMargins(4, 1, 4, 1));
    m_plot->legend->setIconSize(14, 8);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_lanes = std::make_unique<IntervalLanes>(m_plot);
    // The class heatmap lane, under the score curve on the same time axis.
    m_heat = std::make_unique<ClassHeatmapLane>(m_plot, m_plot->xAxis);
    m_colors = themeColors(palette());

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
            m_minimap->setView(bounded.lower, bounded.upper);
        }
    });
    setVideo(0, 0); // the empty state until a video is shown
}

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
    m_heat->clear();
    m_events.clear();
    m_plot->clearItems();
    m_lanes->forget();
    m_dragItem = nullptr;
    m_drag = Drag::None;
    m_labels.clear();
    m_markIn = m_markOut = -1;
    m_thresholdLine = new QCPItemStraightLine(m_plot);
    m_playheadLine = new QCPItemStraightLine(m_plot);
    m_hasVideo = frames > 0;
    createPlaceholder();
    applyColors();
    m_thresholdLine->setVisible(m_hasVideo);
    m_playheadLine->setVisible(m_hasVideo);
    // No video: no time axis to speak of, so no ticks, grid, zero line or minimap frame
    // (they would stand at made-up times).
    m_plot->xAxis->setTickLabels(m_hasVideo);
    m_plot->xAxis->setTicks(m_hasVideo);
    m_plot->xAxis->grid()->setVisible(m_hasVideo);
    m_heat->setGridVisible(m_hasVideo);
    m_minimap->setViewVisible(m_hasVideo);
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
    m_placeholder->setFont(font());
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
    m_minimap->setScores(m_scores, m_frames);
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



void ScoreTimeline::setEvents(const QVector<TimelineEvent>& events)
{
    m_events = events;
    m_eventAtPlayhead = eventAt(m_playhead); // one already under the playhead is not news
    m_lanes->setEvents(events);
    replotSoon();
}

void ScoreTimeline::setLabels(const QVector<TimelineLabel>& labels)
{
    m_labels = labels;
    m_lanes->setLabels(labels);
    replotSoon();
}

qsizetype ScoreTimeline::labelCount() const
{
    return m_lanes->labelCount();
}

QCPAxisRect* ScoreTimeline::heatmapRect() const
{
    return m_heat->rect();
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
        m_lanes->setMarks(-1, -1);
        replotSoon();
        return;
    }
    qint64 from = m_markIn >= 0 ? m_markIn : m_markOut;
    qint64 to = m_markOut >= 0 ? m_markOut : m_playhead;
    if (to < from)
        std::swap(from, to);
    m_lanes->setMarks(from, to);
    replotSoon();
}

void ScoreTimeline::setGroundTruth(const QVector<QPair<qint64, qint64>>& intervals)
{
    m_lanes->setGroundTruth(intervals);
    replotSoon();
}

void ScoreTimeline::setClassProbabilities(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames)
{
    m_heat->setProbabilities(m_frames > 0 ? std::move(probabilities) : nullptr, classNames);
    replotSoon();
}

int ScoreTimeline::bandClassAt(qint64 frame) const
{
    return m_heat->bandClassAt(frame);
}

QStringList ScoreTimeline::topClassesAt(qint64 frame) const
{
    return m_heat->topClassesAt(frame);
}

ScoreTimeline::~ScoreTimeline() = default;

QCustomPlot* ScoreTimeline::minimap() const
{
    return m_minimap;
}

void ScoreTimeline::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The theme changed: every part of the timeline takes its new colours.
        applyColors();
        if (m_placeholder)
            m_placeholder->setColor(palette().color(QPalette::PlaceholderText));
        replotSoon();
    }
}

void ScoreTimeline::applyColors()
{
    m_colors = themeColors(palette());
    const ThemeColors& c = m_colors;
    stylePlot(m_plot, palette());
    m_fill->setBrush(c.scoreFill);
    m_curve->setPen(QPen(c.score, 1));
    m_comparison->setPen(QPen(c.comparison, 1, Qt::DashLine)); // told apart from the curve by its dashes too
    m_thresholdLine->setPen(QPen(c.threshold, 1.5, Qt::DashLine));
    m_playheadLine->setPen(QPen(c.playhead, 1.5));
    m_lanes->setColors(c);
    m_heat->setColors(c);
    m_minimap->setColors(c);
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
        m_dragItem->setPen(QPen(m_colors.labelSelectedBorder, 1, Qt::DashLine));
        QColor fill = m_colors.labelSelected;
        fill.setAlpha(140);
        m_dragItem->setBrush(fill);
    }
    m_dragItem->topLeft->setCoords(double(m_labelDrag.start()), kLabelsTop);
    m_dragItem->bottomRight->setCoords(double(m_labelDrag.end()), kLabelsBottom);
    replotSoon();
}

void ScoreTimeline::onPress(QMouseEvent* event)
{
    const QPointF pos = event->position();
    const auto pixelOf = [this](qint64 frame) { return m_plot->xAxis->coordToPixel(double(frame)); };
    if (event->button() == Qt::LeftButton && inLabelsLane(pos) && m_frames > 0) {
        m_drag = Drag::Label;
        m_labelDrag.press(dragFrame(pos, {}), pos.x(), m_labels, pixelOf);
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
    case Drag::Label:
        if (const qint64 shown = m_labelDrag.move(dragFrame(pos, event->modifiers()), m_labels, m_frames); shown >= 0) {
            updateDragPreview();
            emit seekRequested(shown); // the frame under the moving edge
        }
        break;
    case Drag::Pan: {
        const double delta = m_plot->xAxis->pixelToCoord(m_panFromPixel) - m_plot->xAxis->pixelToCoord(pos.x());
        m_plot->xAxis->moveRange(delta);
        m_panFromPixel = pos.x();
        replotSoon();
        break;
    }
    case Drag::None: {
        const Qt::CursorShape shape = std::abs(pos.y() - pixelOfScore(m_threshold)) <= kGrabPixels ? Qt::SizeVerCursor : Qt::ArrowCursor;
        m_plot->setCursor(inLabelsLane(pos) ? LabelLaneDrag::cursorAt(pos.x(), m_labels,
                                                                      [this](qint64 f) { return m_plot->xAxis->coordToPixel(double(f)); }, shape)
                                            : shape);
        if (m_heat->rect()->rect().contains(pos.toPoint())) {
            const qint64 frame = frameAtPixel(pos.x());
            const QStringList top = topClassesAt(frame);
            if (!top.isEmpty())
                QToolTip::showText(event->globalPosition().toPoint(), tr("Frame %1\n%2").arg(frame).arg(top.join(QLatin1Char('\n'))), m_plot);
        }
        break;
    }
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
    if (drag != Drag::Label)
        return;
    using What = LabelLaneDrag::Outcome::What;
    const LabelLaneDrag::Outcome out = m_labelDrag.release(m_labels, m_frames);
    if (out.what == What::Seek)
        emit seekRequested(out.frame);
    else if (out.what == What::Create)
        emit labelCreateRequested(out.start, out.end);
    else if (out.what == What::Click)
        emit labelClicked(out.id);
    else if (out.what == What::Bounds)
        emit labelBoundsRequested(out.id, out.start, out.end);
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
