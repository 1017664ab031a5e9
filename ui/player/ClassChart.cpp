// Class probability bars (horizontal, one per abnormal class).
#include "player/ClassChart.h"

#include "theme/ThemeColors.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

ClassChart::ClassChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("classChart"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumWidth(220);
    m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis); // horizontal bars: keys on the y axis
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(classColor(5, false)); // vermillion, as the score
    followTheme(m_plot);
    m_plot->xAxis->setRange(0, 1);
    // Three ticks: in a 220-pixel column, six ran together ("0.20.40.60.8").
    QSharedPointer<QCPAxisTickerFixed> ticks(new QCPAxisTickerFixed);
    ticks->setTickStep(0.5);
    ticks->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->xAxis->setTicker(ticks);
    m_plot->xAxis->setLabel(tr("p(class | abnormal)"));
    m_plot->yAxis->setRangeReversed(true);
    m_placeholder = new QLabel(tr("The class probabilities at the playhead appear here once a model is chosen (Score > Choose Model)."), this);
    m_placeholder->setObjectName(QStringLiteral("classChartPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholder);
    setClasses({});
}

void ClassChart::setClasses(const QStringList& names)
{
    m_classes = int(names.size());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < names.size(); ++i)
        ticker->addTick(i, names[i]);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, std::max(1, m_classes) - 0.4);
    // No classes, no axis of class numbers: a sentence instead.
    m_plot->setVisible(m_classes > 0);
    m_placeholder->setVisible(m_classes == 0);
    setProbabilities({});
}

bool ClassChart::placeholderShown() const
{
    return !m_placeholder->isHidden();
}

void ClassChart::setPlaceholderText(const QString& text) { m_placeholder->setText(text); }
QString ClassChart::placeholderText() const { return m_placeholder->text(); }

void ClassChart::setProbabilities(const QVector<double>& probabilities)
{
    m_values = probabilities;
    QVector<double> keys(probabilities.size());
    for (int i = 0; i < keys.size(); ++i)
        keys[i] = i;
    m_bars->setData(keys, probabilities, true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace vigil
