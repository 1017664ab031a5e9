// The colours every drawing of Vigil takes from the palette in force, so that the plots,
// the timeline and the overlay follow the theme. The hues are Okabe and Ito's, which stay
// apart for the common colour-vision deficiencies; each has a light-theme and a dark-theme
// shade. States are never told by colour alone: a pattern or the text says them too.
#pragma once

#include <QColor>
#include <QPalette>

class QCustomPlot;
class QCPColorGradient;

namespace vigil {

struct ThemeColors
{
    bool dark = false;
    QColor background, text, axis, grid, subGrid, legendBackground;
    QColor score, scoreFill, comparison, threshold, playhead, view, viewFill;
    QColor detectionOpen, detectionAccepted, detectionRejected; // rejected is also hatched
    QColor label, labelSelected, labelSelectedBorder, marks, marksFill, truth, truthBorder;
};

/// Dark when the palette's window colour is dark.
bool isDark(const QPalette& palette);
ThemeColors themeColors(const QPalette& palette);

/// Background, axes, grids, labels and legend of a plot in the palette's colours.
void stylePlot(QCustomPlot* plot, const QPalette& palette);

/// Styles the plot now and again whenever its palette changes (the theme switched).
void followTheme(QCustomPlot* plot);

/// A sequential scale ordered by lightness (viridis): it reads in grey and for the common
/// colour-vision deficiencies, on light and dark backgrounds.
QCPColorGradient viridisGradient();

/// The categorical colours for classes (Okabe-Ito, then their shades), by index.
QColor classColor(int index, bool dark);

} // namespace vigil
