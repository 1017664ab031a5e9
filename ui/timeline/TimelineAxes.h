// The timeline's axes and its curve's sampling: score ticks only where scores are, time
// ticks at round times as video editors place them, and the decimation that keeps a long
// curve fluid (at most two points per pixel column).
#pragma once

#include <qcustomplot.h>

#include <QVector>

#include <algorithm>
#include <cmath>

namespace vigil {

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

// The frames of `range` as at most two points per pixel column (its minimum and maximum,
// in the order they occur) and, when asked, the column maxima (the fill's outline).
void decimate(const QVector<float>& scores, const QCPRange& range, qint64 pixels, QVector<QCPGraphData>& points,
              QVector<QCPGraphData>* envelope);

} // namespace vigil
