// Times as the review views print them: m:ss.d (tenths), the precision of a glance.
#pragma once

#include <QString>

namespace vigil {

inline QString timeText(double seconds)
{
    const qint64 ms = qint64(seconds * 1000 + 0.5);
    return QStringLiteral("%1:%2.%3").arg(ms / 60000).arg(ms / 1000 % 60, 2, 10, QLatin1Char('0')).arg(ms % 1000 / 100);
}

} // namespace vigil
