// The timeline's axes and its curve's sampling.
#include "timeline/TimelineAxes.h"

#include <algorithm>
#include <cmath>

namespace vigil {

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

} // namespace vigil
