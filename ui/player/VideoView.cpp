// Frame display and overlay.
#include "player/VideoView.h"
#include "player/VideoViewAccessible.h"

#include <QAccessible>

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace vigil {

VideoView::VideoView(QWidget* parent)
    : QWidget(parent)
{
    static const bool factory = [] {
        QAccessible::installFactory(&VideoViewAccessible::factory);
        return true;
    }();
    (void)factory;
    setObjectName(QStringLiteral("videoView"));
    setAccessibleName(tr("Video"));
    setMinimumSize(320, 200);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
}

void VideoView::setFrame(const FrameImage& frame)
{
    m_frame = frame;
    m_image = frame.isNull() ? QImage()
                             : QImage(frame.rgb->data(), frame.width, frame.height, frame.width * 3, QImage::Format_RGB888);
    update();
    if (QAccessible::isActive() && !frame.isNull()) {
        QAccessibleValueChangeEvent changed(this, qint64(frame.index));
        QAccessible::updateAccessibility(&changed);
    }
}

QString VideoView::accessibleStatus() const
{
    if (m_image.isNull())
        return tr("No video");
    QString text = m_frames > 0 ? tr("Frame %1 of %2, %3 s").arg(m_frame.index).arg(m_frames).arg(m_frame.timestampSeconds, 0, 'f', 3)
                                : tr("Frame %1, %2 s").arg(m_frame.index).arg(m_frame.timestampSeconds, 0, 'f', 3);
    if (m_score >= 0) {
        text += (m_score >= m_threshold ? tr(", score %1, above threshold") : tr(", score %1")).arg(m_score, 0, 'f', 3);
        if (!m_topClass.isEmpty())
            text += tr(", %1 %2%").arg(m_topClass).arg(m_topClassProbability * 100, 0, 'f', 0);
    }
    return text;
}

void VideoView::setFrameScore(float score, const QString& topClass, float topClassProbability)
{
    m_score = score;
    m_topClass = topClass;
    m_topClassProbability = topClassProbability;
    update();
}

void VideoView::setThreshold(float threshold)
{
    m_threshold = threshold;
    update();
}

void VideoView::setOverlayVisible(bool visible)
{
    m_overlay = visible;
    update();
}

void VideoView::resetZoom()
{
    m_zoom = 1.0;
    m_pan = {};
    emit zoomChanged(m_zoom);
    update();
}

QRectF VideoView::imageRect() const
{
    if (m_image.isNull())
        return {};
    const QSizeF fitted = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio) * m_zoom;
    const QPointF topLeft = QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2) + m_pan;
    return {topLeft, fitted};
}

void VideoView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(16, 16, 16));
    if (m_image.isNull()) {
        p.setPen(QColor(160, 160, 160));
        p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No video open: choose one in the Videos list, or drop video files here."));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 2.0);
    const QRectF target = imageRect();
    p.drawImage(target, m_image);
    if (!m_overlay)
        return;
    // Border by the threshold, as in the paper's figures, but told apart without colour
    // too: above it a thick solid vermillion frame and "Above threshold" in the box, below
    // it a thin dashed sky-blue one (Okabe-Ito hues, apart for colour-blind eyes).
    const bool alarm = m_score >= 0 && m_score >= m_threshold;
    if (m_score >= 0) {
        p.setPen(alarm ? QPen(QColor(0xD5, 0x5E, 0x00), 6) : QPen(QColor(0x56, 0xB4, 0xE9), 3, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(target.adjusted(3, 3, -3, -3));
    }
    QStringList lines;
    lines << tr("Frame %1   %2 s").arg(m_frame.index).arg(m_frame.timestampSeconds, 0, 'f', 3);
    if (m_frame.proxy)
        lines << tr("Preview (exact frame decoding)");
    if (m_score >= 0) {
        lines << (alarm ? tr("Score %1, above threshold") : tr("Score %1")).arg(m_score, 0, 'f', 3);
        if (!m_topClass.isEmpty())
            lines << tr("%1 %2%").arg(m_topClass).arg(m_topClassProbability * 100, 0, 'f', 0);
    }
    QFont font = p.font();
    font.setPointSizeF(std::max(9.0, font.pointSizeF()));
    font.setBold(true);
    p.setFont(font);
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height();
    int widest = 0;
    for (const QString& line : lines)
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const QRect box(10, 10, widest + 16, lineHeight * int(lines.size()) + 10);
    p.fillRect(box, QColor(0, 0, 0, 150));
    p.setPen(Qt::white);
    for (int i = 0; i < lines.size(); ++i)
        p.drawText(box.left() + 8, box.top() + 5 + metrics.ascent() + i * lineHeight, lines[i]);
}

void VideoView::wheelEvent(QWheelEvent* event)
{
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    const double zoom = std::clamp(m_zoom * factor, 1.0, 16.0);
    // Keep the point under the cursor where it is.
    const QPointF cursor = event->position() - QPointF(width() / 2.0, height() / 2.0);
    m_pan = cursor - (cursor - m_pan) * (zoom / m_zoom);
    if (zoom == 1.0)
        m_pan = {};
    m_zoom = zoom;
    emit zoomChanged(m_zoom);
    update();
}

void VideoView::mousePressEvent(QMouseEvent* event)
{
    m_dragFrom = event->pos();
}

void VideoView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_zoom <= 1.0)
        return;
    m_pan += QPointF(event->pos() - m_dragFrom);
    m_dragFrom = event->pos();
    update();
}

void VideoView::mouseDoubleClickEvent(QMouseEvent*)
{
    resetZoom();
}

} // namespace vigil
