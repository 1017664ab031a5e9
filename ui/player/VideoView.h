// Shows the current frame, fitted to the widget, with zoom (wheel) and pan (drag), and an
// overlay like the paper's qualitative figures: frame index and time, the frame's anomaly
// score and top class, and a border by the threshold. To assistive technology it is an
// animation with a value (the frame; VideoViewAccessible). A dumb widget: setters in,
// intent signals out.
#pragma once

#include "playback/FrameImage.h"

#include <QImage>
#include <QWidget>

namespace vigil {

/// GUI thread.
class VideoView : public QWidget {
    Q_OBJECT
public:
    explicit VideoView(QWidget* parent = nullptr);

    void setFrame(const FrameImage& frame);
    /// score < 0: no score for this frame.
    void setFrameScore(float score, const QString& topClass, float topClassProbability);
    void setThreshold(float threshold);
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlay; }
    void resetZoom();

    int64_t frameIndex() const { return m_frame.index; }
    /// The video's frames, for assistive technology's value range (0: unknown).
    void setFrameCount(qint64 frames) { m_frames = frames; }
    qint64 frameCount() const { return m_frames; }
    /// What assistive technology reads: "Frame 100 of 243, 3.300 s, score 0.683, above
    /// threshold, RoadAccidents 29%" (VideoViewAccessible).
    QString accessibleStatus() const;
    /// The picture shown is the seek proxy's, the exact frame still decoding.
    bool showingProxy() const { return m_frame.proxy; }
    QSize sizeHint() const override { return {640, 400}; }

signals:
    void zoomChanged(double zoom);
    /// Assistive technology set the frame (the player's value).
    void seekRequested(qint64 frame);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QRectF imageRect() const;

    FrameImage m_frame;
    QImage m_image; // wraps m_frame's bytes
    float m_score = -1;
    qint64 m_frames = 0;
    QString m_topClass;
    float m_topClassProbability = 0;
    float m_threshold = 0.5f;
    bool m_overlay = true;
    double m_zoom = 1.0;
    QPointF m_pan;
    QPoint m_dragFrom;
};

} // namespace vigil
