// A mouse drag in the labels lane: on an empty stretch it draws a new label, on a label's
// edge it moves that edge, on its body it moves the whole label; a press without a move is
// a click (a seek on empty lane, a selection on a label). Frames in, bounds and intents
// out; the timeline draws the preview and sends the signals.
#pragma once

#include <QtGlobal>
#include <QVector>

#include <functional>

namespace vigil {

struct TimelineLabel;

/// GUI thread (no Qt objects of its own).
class LabelLaneDrag {
public:
    enum class Kind { None, Create, Start, End, Move };
    struct Outcome {
        enum class What { Nothing, Seek, Create, Click, Bounds } what = What::Nothing;
        qint64 id = 0, start = 0, end = 0, frame = 0;
    };

    /// Within this many pixels of an edge, the edge is grabbed.
    static constexpr double kGrabPixels = 6;

    /// Pressed at `frame` (x pixels on screen); `pixelOf` maps a frame boundary to x.
    void press(qint64 frame, double x, const QVector<TimelineLabel>& labels, const std::function<double(qint64)>& pixelOf);
    /// Moved to `frame`; returns the frame the player should show (the one under the moving
    /// edge), or -1 while nothing has moved.
    qint64 move(qint64 frame, const QVector<TimelineLabel>& labels, qint64 frames);
    Outcome release(const QVector<TimelineLabel>& labels, qint64 frames);

    Kind kind() const { return m_kind; }
    bool moved() const { return m_moved; }
    qint64 start() const { return m_start; }
    qint64 end() const { return m_end; }

    /// The cursor a hover at x over the lane gets: resize on an edge, open hand on a body.
    static Qt::CursorShape cursorAt(double x, const QVector<TimelineLabel>& labels, const std::function<double(qint64)>& pixelOf,
                                    Qt::CursorShape otherwise);

private:
    Kind m_kind = Kind::None;
    int m_label = -1; // index in the labels
    qint64 m_from = 0; // the frame pressed
    qint64 m_start = 0, m_end = 0; // the bounds being dragged, [start, end)
    bool m_moved = false;
};

} // namespace vigil
