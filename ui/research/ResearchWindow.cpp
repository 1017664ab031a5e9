// The research window.
#include "research/ResearchWindow.h"

#include "theme/ThemeColors.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

#include "common/ReadOnlyTable.h"

namespace vigil {

namespace {

// Okabe-Ito hues, apart for the common colour-vision deficiencies (each curve is also named in the legend).
const QColor kColors[] = {QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00)};


void setupCurvePlot(QCustomPlot* plot, const QString& x, const QString& y)
{
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1.02);
    // The legend goes under the plot, not inside it: a PR curve ends in the bottom right
    // corner and an ROC curve starts in the top left, so no corner of the axes is free.
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(2);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->legend->setVisible(false); // until there is a curve to name
}

} // namespace

QString ResearchWindow::truthText(TruthSource source)
{
    switch (source) {
    case TruthSource::GroundTruth:
        return tr("the ground truth");
    case TruthSource::Labels:
        return tr("the analysts' labels");
    case TruthSource::Both:
        break;
    }
    return tr("the ground truth and the analysts' labels, a label winning where both cover a frame");
}

namespace {

// A legend box shows only when it names something.
void showLegendIfAny(QCustomPlot* plot) { plot->legend->setVisible(plot->legend->itemCount() > 0); }

} // namespace

ResearchWindow::ResearchWindow(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Research"));
    resize(1100, 720);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_models = new QListWidget(this);
    m_models->setObjectName(QStringLiteral("researchModels"));
    m_models->setMaximumHeight(70);
    top->addWidget(new QLabel(tr("Models"), this));
    top->addWidget(m_models, 1);
    top->addWidget(new QLabel(tr("Threshold"), this));
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(0.5);
    top->addWidget(m_threshold);
    auto* truthLabel = new QLabel(tr("&Truth"), this);
    top->addWidget(truthLabel);
    m_truth = new QComboBox(this);
    m_truth->setObjectName(QStringLiteral("researchTruth"));
    m_truth->addItem(tr("Ground truth and labels"), int(TruthSource::Both));
    m_truth->addItem(tr("Ground truth"), int(TruthSource::GroundTruth));
    m_truth->addItem(tr("Analysts' labels"), int(TruthSource::Labels));
    m_truth->setToolTip(tr("What a frame's truth is. With both, an analyst's label wins over the ground truth where both "
                           "cover a frame. A video with no interval counts, all normal, when its class is normal, and is "
                           "left out otherwise. vigil-cli eval --project --truth gives the same figures."));
    truthLabel->setBuddy(m_truth);
    top->addWidget(m_truth);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    top->addWidget(refresh);
    layout->addLayout(top);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("researchMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    m_roc = new QCustomPlot(this);
    m_pr = new QCustomPlot(this);
    setupCurvePlot(m_roc, tr("False positive rate"), tr("True positive rate"));
    setupCurvePlot(m_pr, tr("Recall"), tr("Precision"));
    auto* curves = new QWidget(this);
    auto* curvesLayout = new QHBoxLayout(curves);
    curvesLayout->addWidget(plotPage(m_roc), 1);
    curvesLayout->addWidget(plotPage(m_pr), 1);
    m_tabs->addTab(curves, tr("ROC and PR"));

    m_histogram = new QCustomPlot(this);
    m_histogram->xAxis->setLabel(tr("Anomaly score"));
    m_histogram->yAxis->setLabel(tr("Share of frames"));
    m_histogram->legend->setVisible(false);
    m_tabs->addTab(plotPage(m_histogram), tr("Score histograms"));

    m_confusion = new QCustomPlot(this);
    m_confusion->xAxis->setLabel(tr("Model's top class"));
    m_confusion->yAxis->setLabel(tr("True class"));
    m_cell = makeReadOnlyTable(this, {tr("Video"), tr("First frame"), tr("Last frame")});
    m_cell->setObjectName(QStringLiteral("cellIntervals"));
    m_cell->setMaximumHeight(160);
    m_tabs->addTab(plotPage(m_confusion, m_cell), tr("Analyst vs model"));
    for (QCustomPlot* plot : {m_roc, m_pr, m_histogram, m_confusion})
        followTheme(plot);

    m_failures = makeReadOnlyTable(this, {tr("Video"), tr("First frame"), tr("Last frame"), tr("Kind"), tr("Class"), tr("Wrongness"), tr("Score")});
    m_failures->setObjectName(QStringLiteral("failureCases"));
    m_failures->setToolTip(tr("Ranked by the area between the score and the threshold. Double-click or Enter shows it."));
    m_tabs->addTab(m_failures, tr("Failure cases"));

    connect(refresh, &QPushButton::clicked, this, &ResearchWindow::refreshRequested);
    connect(m_threshold, &QDoubleSpinBox::editingFinished, this, &ResearchWindow::refreshRequested);
    connect(m_models, &QListWidget::itemChanged, this, &ResearchWindow::refreshRequested);
    connect(m_truth, &QComboBox::currentIndexChanged, this, &ResearchWindow::refreshRequested);
    for (QTableWidget* t : {m_failures, m_cell})
        connect(t, &QTableWidget::cellActivated, this, [this, t](int row, int) {
            if (QTableWidgetItem* item = t->item(row, 0))
                emit spanActivated(item->data(Qt::UserRole).toLongLong(), t->item(row, 1)->text().toLongLong());
        });
    connect(m_confusion, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* plottable, int, QMouseEvent* event) {
        auto* map = qobject_cast<QCPColorMap*>(plottable);
        if (!map)
            return;
        double x = 0, y = 0;
        map->pixelsToCoords(event->pos(), x, y);
        showCell(int(std::lround(y)), int(std::lround(x)));
    });
}

QWidget* ResearchWindow::plotPage(QCustomPlot* plot, QWidget* extra)
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(plot, 1);
    if (extra)
        layout->addWidget(extra);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (const auto& [label, suffix] : {std::pair{tr("Save PNG..."), QStringLiteral("png")}, std::pair{tr("Save PDF..."), QStringLiteral("pdf")}}) {
        auto* button = new QPushButton(label, page);
        connect(button, &QPushButton::clicked, this, [this, plot, suffix = suffix] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save Plot"), QString(), suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
            if (!path.isEmpty())
                savePlot(plot, path);
        });
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);
    return page;
}

bool ResearchWindow::savePlot(QCustomPlot* plot, const QString& path)
{
    const bool ok = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? plot->savePdf(path, 1000, 700)
                                                                             : plot->savePng(path, 1000, 700, 1.0, -1, 96);
    if (!ok)
        QMessageBox::warning(this, tr("Save Plot"), tr("Cannot write %1").arg(path));
    return ok;
}

void ResearchWindow::setModels(const QList<QPair<qint64, QString>>& models, const QList<qint64>& checked)
{
    const QSignalBlocker blocker(m_models);
    m_models->clear();
    for (const auto& [id, name] : models) {
        auto* item = new QListWidgetItem(name, m_models);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
}

QList<qint64> ResearchWindow::checkedModels() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            ids << m_models->item(i)->data(Qt::UserRole).toLongLong();
    return ids;
}

double ResearchWindow::threshold() const { return m_threshold->value(); }
void ResearchWindow::setThreshold(double threshold) { m_threshold->setValue(threshold); }
void ResearchWindow::setMessage(const QString& text) { m_message->setText(text); }

TruthSource ResearchWindow::truthSource() const { return TruthSource(m_truth->currentData().toInt()); }

void ResearchWindow::setTruthSource(TruthSource source)
{
    const QSignalBlocker blocker(m_truth);
    m_truth->setCurrentIndex(std::max(0, m_truth->findData(int(source))));
}

void ResearchWindow::setData(const QList<ResearchData>& data)
{
    m_data = data;
    for (QCustomPlot* p : {m_roc, m_pr, m_histogram, m_confusion}) {
        p->clearGraphs();
        p->clearPlottables();
    }
    QStringList lines;
    if (!data.isEmpty())
        lines << tr("Truth: %1.").arg(truthText(data.first().truth));
    for (int i = 0; i < data.size(); ++i) {
        const ResearchData& d = data[i];
        const QColor color = kColors[i % 5];
        QVector<double> fpr(d.curve.fpr.begin(), d.curve.fpr.end()), tpr(d.curve.tpr.begin(), d.curve.tpr.end());
        QCPCurve* roc = new QCPCurve(m_roc->xAxis, m_roc->yAxis);
        roc->setData(fpr, tpr);
        roc->setPen(QPen(color, 2));
        roc->setName(tr("%1 (AUC %2)").arg(d.model).arg(d.aucRoc, 0, 'f', 4));
        // PR: recall is the TPR; the first point (nothing predicted) has precision 1.
        QVector<double> recall(d.curve.tpr.begin(), d.curve.tpr.end()), precision(d.curve.precision.begin(), d.curve.precision.end());
        QCPCurve* pr = new QCPCurve(m_pr->xAxis, m_pr->yAxis);
        pr->setData(recall, precision);
        pr->setPen(QPen(color, 2));
        pr->setName(tr("%1 (AP %2)").arg(d.model).arg(d.aucPr, 0, 'f', 4));
        lines << tr("%1: AUC %2, AP %3 over %4 frames (%5 abnormal) of %6 video(s)")
                     .arg(d.model)
                     .arg(d.aucRoc, 0, 'f', 4)
                     .arg(d.aucPr, 0, 'f', 4)
                     .arg(d.frames)
                     .arg(d.abnormalFrames)
                     .arg(d.videos);
        if (!d.leftOut.isEmpty())
            lines << tr("%1: %n video(s) left out, with no known truth: %2", nullptr, int(d.leftOut.size()))
                         .arg(d.model, d.leftOut.join(QStringLiteral(", ")));
    }
    m_roc->addGraph()->setData(QVector<double>{0, 1}, QVector<double>{0, 1}); // chance
    m_roc->graph(0)->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    m_roc->graph(0)->removeFromLegend();
    m_message->setText(lines.join(QLatin1Char('\n')));

    m_failures->setRowCount(0);
    m_cell->setRowCount(0);
    if (!data.isEmpty()) {
        const ResearchData& d = data.first();
        // Histograms: shares, so that the few abnormal frames show next to the many normal.
        const int bins = int(d.normalHistogram.size());
        auto* normal = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
        auto* abnormal = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
        const double normalFrames = std::max<qint64>(1, d.frames - d.abnormalFrames), abnormalFrames = std::max<qint64>(1, d.abnormalFrames);
        for (int b = 0; b < bins; ++b) {
            const double x = (b + 0.5) / bins;
            normal->addData(x - 0.25 / bins, d.normalHistogram[size_t(b)] / normalFrames);
            abnormal->addData(x + 0.25 / bins, d.abnormalHistogram[size_t(b)] / abnormalFrames);
        }
        normal->setWidth(0.5 / bins);
        abnormal->setWidth(0.5 / bins);
        normal->setName(tr("normal frames (%1)").arg(d.frames - d.abnormalFrames));
        abnormal->setName(tr("abnormal frames (%1)").arg(d.abnormalFrames));
        normal->setBrush(QColor(0x00, 0x72, 0xB2, 160)); // blue and orange: the pair every colour vision tells apart
        abnormal->setBrush(QColor(0xE6, 0x9F, 0x00, 160));
        m_histogram->xAxis->setRange(0, 1);
        m_histogram->rescaleAxes(true);
        m_histogram->yAxis->setRangeLower(0);

        // The matrix as a heatmap of row shares, class names on the axes.
        const int rows = int(d.truthClasses.size()), cols = int(d.modelClasses.size());
        auto* map = new QCPColorMap(m_confusion->xAxis, m_confusion->yAxis);
        map->data()->setSize(cols, rows);
        map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
        for (int r = 0; r < rows; ++r) {
            qint64 total = 0;
            for (int c = 0; c < cols; ++c)
                total += d.confusion[size_t(r)][size_t(c)];
            for (int c = 0; c < cols; ++c)
                map->data()->setCell(c, r, total ? double(d.confusion[size_t(r)][size_t(c)]) / double(total) : 0);
        }
        map->setGradient(viridisGradient());
        map->setDataRange(QCPRange(0, 1));
        map->setInterpolate(false);
        QSharedPointer<QCPAxisTickerText> xTicks(new QCPAxisTickerText), yTicks(new QCPAxisTickerText);
        for (int c = 0; c < cols; ++c)
            xTicks->addTick(c, d.modelClasses[c]);
        for (int r = 0; r < rows; ++r)
            yTicks->addTick(r, d.truthClasses[r]);
        m_confusion->xAxis->setTicker(xTicks);
        m_confusion->yAxis->setTicker(yTicks);
        m_confusion->xAxis->setTickLabelRotation(45);
        m_confusion->axisRect()->setMinimumMargins(QMargins(0, 0, 60, 0)); // room for the last rotated name
        m_confusion->xAxis->setRange(-0.5, cols - 0.5);
        m_confusion->yAxis->setRange(-0.5, rows - 0.5);
        m_confusion->clearItems();
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                if (const qint64 n = d.confusion[size_t(r)][size_t(c)]) {
                    auto* text = new QCPItemText(m_confusion);
                    text->position->setCoords(c, r);
                    text->setText(QString::number(n));
                    // Readable on both ends of the gradient: dark on the bright cells.
                    text->setColor(map->data()->cell(c, r) > 0.55 ? Qt::black : Qt::white);
                }

        m_failures->setRowCount(int(d.failures.size()));
        for (int i = 0; i < d.failures.size(); ++i) {
            const FailureCase& f = d.failures[i];
            const QString cells[] = {f.span.video, QString::number(f.span.start), QString::number(f.span.end - 1),
                                     f.falseAlarm ? tr("false alarm") : tr("miss"), f.truthClass,
                                     QString::number(f.severity, 'f', 2), QString::number(f.peak, 'f', 3)};
            for (int c = 0; c < 7; ++c) {
                auto* item = new QTableWidgetItem(cells[c]);
                item->setData(Qt::UserRole, f.span.videoId);
                m_failures->setItem(i, c, item);
            }
        }
    }
    for (QCustomPlot* p : {m_roc, m_pr, m_histogram, m_confusion}) {
        showLegendIfAny(p);
        p->replot();
    }
}

void ResearchWindow::showCell(int truthRow, int modelColumn)
{
    m_cell->setRowCount(0);
    if (m_data.isEmpty())
        return;
    const ResearchData& d = m_data.first();
    if (truthRow < 0 || truthRow >= int(d.cells.size()) || modelColumn < 0 || modelColumn >= int(d.cells[size_t(truthRow)].size()))
        return;
    const QList<FrameSpan>& spans = d.cells[size_t(truthRow)][size_t(modelColumn)];
    m_cell->setRowCount(int(spans.size()));
    for (int i = 0; i < spans.size(); ++i) {
        const QString cells[] = {spans[i].video, QString::number(spans[i].start), QString::number(spans[i].end - 1)};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, spans[i].videoId);
            m_cell->setItem(i, c, item);
        }
    }
    m_cell->setToolTip(tr("%1 as %2: %n interval(s)", nullptr, int(spans.size())).arg(d.truthClasses[truthRow], d.modelClasses[modelColumn]));
}

} // namespace vigil
