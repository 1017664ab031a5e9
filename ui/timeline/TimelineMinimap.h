// The overview of the whole video under the timeline: the score at one maximum per pixel
// and the span in view; a click or drag there asks to centre the view on that frame.
#pragma once

#include "theme/ThemeColors.h"

#include <qcustomplot.h>

namespace vigil {

/// GUI thread.
class TimelineMinimap : public QCustomPlot {
    Q_OBJECT
public:
    explicit TimelineMinimap(QWidget* parent = nullptr);

    void setColors(const ThemeColors& colors);
    void setScores(const QVector<float>& scores, qint64 frames);
    void setView(double lower, double upper);
    void setViewVisible(bool visible);

signals:
    void centreRequested(double frame);

private:
    QCPGraph* m_curve = nullptr;
    QCPItemRect* m_view = nullptr;
};

} // namespace vigil
