// The colours of the theme in force.
#include "theme/ThemeColors.h"

#include <qcustomplot.h>

namespace vigil {

namespace {

// Okabe & Ito (2008), "Color Universal Design".
const QColor kOrange(0xE6, 0x9F, 0x00), kSkyBlue(0x56, 0xB4, 0xE9), kGreen(0x00, 0x9E, 0x73), kYellow(0xF0, 0xE4, 0x42),
    kBlue(0x00, 0x72, 0xB2), kVermillion(0xD5, 0x5E, 0x00), kPurple(0xCC, 0x79, 0xA7);

QColor alpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

void styleAxis(QCPAxis* axis, const ThemeColors& c)
{
    axis->setBasePen(QPen(c.axis));
    axis->setTickPen(QPen(c.axis));
    axis->setSubTickPen(QPen(c.axis));
    axis->setTickLabelColor(c.text);
    axis->setLabelColor(c.text);
    axis->grid()->setPen(QPen(c.grid, 0, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(c.subGrid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(c.grid));
}

} // namespace

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

ThemeColors themeColors(const QPalette& palette)
{
    ThemeColors c;
    c.dark = isDark(palette);
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::WindowText);
    c.axis = c.dark ? QColor(170, 170, 170) : QColor(80, 80, 80);
    c.grid = c.dark ? QColor(90, 90, 90) : QColor(200, 200, 200);
    c.subGrid = c.dark ? QColor(60, 60, 60) : QColor(230, 230, 230);
    c.legendBackground = alpha(c.background, 215);
    // The score in vermillion on light, orange on dark (both far from the blues).
    c.score = c.dark ? kOrange : kVermillion;
    c.scoreFill = alpha(c.score, c.dark ? 60 : 45);
    c.comparison = c.dark ? kSkyBlue.lighter(115) : kBlue;
    c.threshold = c.dark ? kSkyBlue : kBlue;
    c.playhead = c.dark ? QColor(235, 235, 235) : QColor(20, 20, 20);
    c.view = c.dark ? kSkyBlue : kBlue;
    c.viewFill = alpha(c.view, 50);
    c.detectionOpen = kOrange;
    c.detectionAccepted = kGreen;
    c.detectionRejected = c.dark ? QColor(130, 130, 130) : QColor(150, 150, 150);
    c.label = c.dark ? kSkyBlue : kBlue;
    c.labelSelected = c.dark ? kYellow : kSkyBlue;
    c.labelSelectedBorder = c.playhead;
    c.marks = c.label;
    c.marksFill = alpha(c.label, 45);
    c.truth = kPurple;
    c.truthBorder = c.dark ? kPurple.lighter(130) : kPurple.darker(150);
    return c;
}

void stylePlot(QCustomPlot* plot, const QPalette& palette)
{
    const ThemeColors c = themeColors(palette);
    plot->setBackground(c.background);
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(c.background);
        for (QCPAxis* axis : rect->axes())
            styleAxis(axis, c);
    }
    if (plot->legend) {
        plot->legend->setBrush(c.legendBackground);
        plot->legend->setBorderPen(QPen(c.axis));
        plot->legend->setTextColor(c.text);
    }
    // Titles and other text elements of the layout.
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(c.text);
}

namespace {

// Restyles its plot on a palette change: the owner needs no code of its own for it.
class PlotThemer : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
            if (auto* plot = qobject_cast<QCustomPlot*>(watched)) {
                stylePlot(plot, plot->palette());
                plot->replot(QCustomPlot::rpQueuedReplot);
            }
        return false;
    }
};

} // namespace

// Viridis at five stops (van der Walt & Smith, matplotlib).
QCPColorGradient viridisGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

void followTheme(QCustomPlot* plot)
{
    stylePlot(plot, plot->palette());
    plot->installEventFilter(new PlotThemer(plot));
}

QColor classColor(int index, bool dark)
{
    static const QColor base[] = {kOrange, kSkyBlue, kGreen, kYellow, kBlue, kVermillion, kPurple};
    const int n = int(std::size(base));
    QColor color = base[index % n];
    // Past seven classes, the same hues a step lighter or darker: told apart by the
    // tooltip's name, as any categorical scale beyond a handful of hues must be.
    const int round = index / n;
    if (round > 0)
        color = dark ? color.lighter(100 + 25 * round) : color.darker(100 + 25 * round);
    return color;
}

} // namespace vigil
