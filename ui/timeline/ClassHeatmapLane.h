// The class heatmap lane under the score curve, on its time axis: p(class | abnormal) per
// frame and class on a sequential scale (viridis: ordered by lightness, so it reads in
// grey and for the common colour-vision deficiencies), and above it a band with the top
// class per column in categorical colours (the tooltip names the class).
#pragma once

#include "theme/ThemeColors.h"

#include <QStringList>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPColorMap;

namespace vigil {

/// GUI thread.
class ClassHeatmapLane {
public:
    /// Adds its axis rect under the plot's main one, following `timeAxis`.
    ClassHeatmapLane(QCustomPlot* plot, QCPAxis* timeAxis);

    QCPAxisRect* rect() const { return m_rect; }
    void setColors(const ThemeColors& colors);
    void setGridVisible(bool visible);
    /// [frames, classes] row-major; null or no classes clears it.
    void setProbabilities(std::shared_ptr<const std::vector<float>> probabilities, const QStringList& classNames);
    void clear();
    /// The top class per band column as drawn (class index, -1 none).
    int bandClassAt(qint64 frame) const;
    /// The top 3 "Class 42%" at a frame.
    QStringList topClassesAt(qint64 frame) const;

private:
    void drawBandColors();

    QCPAxisRect* m_rect = nullptr;
    QCPColorMap* m_heatMap = nullptr;
    QCPColorMap* m_band = nullptr; // one row above the heatmap: the top class per column
    std::shared_ptr<const std::vector<float>> m_probabilities;
    QStringList m_classNames;
    bool m_dark = false;
};

} // namespace vigil
