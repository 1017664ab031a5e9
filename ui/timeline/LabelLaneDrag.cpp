// A mouse drag in the labels lane.
#include "timeline/LabelLaneDrag.h"

#include "timeline/ScoreTimeline.h"

#include <algorithm>
#include <cmath>

namespace vigil {

void LabelLaneDrag::press(qint64 frame, double x, const QVector<TimelineLabel>& labels, const std::function<double(qint64)>& pixelOf)
{
    // A label's edge (within a few pixels), its body, or empty lane to draw a new one.
    m_label = -1;
    m_moved = false;
    m_from = frame;
    m_kind = Kind::Create;
    for (int i = 0; i < labels.size(); ++i) {
        const TimelineLabel& l = labels[i];
        const double left = pixelOf(l.startFrame), right = pixelOf(l.endFrame);
        if (std::abs(x - left) <= kGrabPixels)
            m_kind = Kind::Start;
        else if (std::abs(x - right) <= kGrabPixels)
            m_kind = Kind::End;
        else if (x > left && x < right)
            m_kind = Kind::Move;
        else
            continue;
        m_label = i;
        m_start = l.startFrame;
        m_end = l.endFrame;
        return;
    }
    m_start = frame;
    m_end = frame + 1;
}

qint64 LabelLaneDrag::move(qint64 frame, const QVector<TimelineLabel>& labels, qint64 frames)
{
    if (m_kind == Kind::None || (m_kind != Kind::Create && (m_label < 0 || m_label >= labels.size())))
        return -1;
    m_moved = m_moved || frame != m_from;
    if (!m_moved)
        return -1;
    qint64 shown = frame;
    if (m_kind == Kind::Create) {
        m_start = std::min(m_from, frame);
        m_end = std::max(m_from, frame) + 1;
    } else if (m_kind == Kind::Start) {
        m_start = std::clamp<qint64>(frame, 0, labels[m_label].endFrame - 1);
        shown = m_start;
    } else if (m_kind == Kind::End) {
        m_end = std::clamp<qint64>(frame, labels[m_label].startFrame + 1, frames);
        shown = m_end - 1;
    } else {
        const TimelineLabel& l = labels[m_label];
        const qint64 length = l.endFrame - l.startFrame;
        m_start = std::clamp<qint64>(l.startFrame + frame - m_from, 0, std::max<qint64>(0, frames - length));
        m_end = m_start + length;
        shown = m_start;
    }
    return std::clamp<qint64>(shown, 0, std::max<qint64>(0, frames - 1));
}

LabelLaneDrag::Outcome LabelLaneDrag::release(const QVector<TimelineLabel>& labels, qint64 frames)
{
    Outcome out;
    const Kind kind = m_kind;
    m_kind = Kind::None;
    if (kind == Kind::Create && !m_moved) {
        out.what = Outcome::What::Seek;
        out.frame = std::clamp<qint64>(m_from, 0, std::max<qint64>(0, frames - 1));
    } else if (kind == Kind::Create) {
        out.what = Outcome::What::Create;
    } else if (kind != Kind::None && m_label >= 0 && m_label < labels.size()) {
        out.id = labels[m_label].id;
        out.what = m_moved ? Outcome::What::Bounds : Outcome::What::Click;
    }
    out.start = m_start;
    out.end = m_end;
    return out;
}

Qt::CursorShape LabelLaneDrag::cursorAt(double x, const QVector<TimelineLabel>& labels, const std::function<double(qint64)>& pixelOf,
                                        Qt::CursorShape otherwise)
{
    Qt::CursorShape shape = otherwise;
    for (const TimelineLabel& l : labels) {
        const double left = pixelOf(l.startFrame), right = pixelOf(l.endFrame);
        if (std::abs(x - left) <= kGrabPixels || std::abs(x - right) <= kGrabPixels)
            shape = Qt::SizeHorCursor;
        else if (x > left && x < right)
            shape = Qt::OpenHandCursor;
    }
    return shape;
}

} // namespace vigil
