// The run panel. Loss terms share the left axis (they are of one scale: NLLs and mean
// logits); validation AUC and AP the right one, from 0 to 1.
#include "training/TrainingPanel.h"

#include "theme/ThemeColors.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

namespace {

struct Curve {
    const char* name;
    QColor color;
    bool dashed;
};

// Graph order: the loss terms, then validation AUC and AP.
const Curve kCurves[] = {
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "total loss"), QColor(128, 128, 128), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "dir_abn"), QColor(31, 119, 180), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "dir_nor"), QColor(255, 127, 14), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "topk_abn"), QColor(44, 160, 44), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "bottomk_abn"), QColor(214, 39, 40), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "topk_nor"), QColor(148, 103, 189), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "smooth"), QColor(140, 86, 75), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "sparse"), QColor(227, 119, 194), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "frame"), QColor(127, 127, 127), false},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "validation AUC"), QColor(0, 150, 136), true},
    {QT_TRANSLATE_NOOP("vigil::TrainingPanel", "validation AP"), QColor(188, 189, 34), true},
};
constexpr int kLossCurves = 9;

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_plot = new QCustomPlot(this);
    followTheme(m_plot);
    m_plot->setObjectName(QStringLiteral("trainingPlot"));
    m_plot->setMinimumSize(420, 260);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("validation AUC / AP"));
    m_plot->yAxis2->setRange(0, 1);
    for (const Curve& curve : kCurves) {
        const bool validation = &curve - kCurves >= kLossCurves;
        QCPGraph* graph = m_plot->addGraph(m_plot->xAxis, validation ? m_plot->yAxis2 : m_plot->yAxis);
        graph->setName(tr(curve.name));
        QPen pen(curve.color, validation || &curve == kCurves ? 2.0 : 1.2);
        if (curve.dashed)
            pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    }
    // Eleven curves: the legend goes beside the plot, not over it (in a small dock it hid
    // half of the curves).
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 7));
    m_plot->legend->setRowSpacing(0);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    auto* side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot)); // pushes the legend to the top
    side->setRowStretchFactor(1, 100);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    layout->addWidget(m_plot, 1);
    m_progress = new QProgressBar(this);
    layout->addWidget(m_progress);
    auto* row = new QHBoxLayout;
    m_status = new QLabel(tr("No training run."), this);
    m_status->setObjectName(QStringLiteral("trainingRunStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_status, 1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setEnabled(false);
    row->addWidget(m_cancel);
    row->addWidget(m_resume);
    layout->addLayout(row);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::resumeRequested);
}

void TrainingPanel::start(const QString& name, int epochsDone, int epochs, int trainVideos, int validationVideos)
{
    m_name = name;
    m_epochs = epochs;
    m_epochSeconds = 0;
    m_epochsSeen = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g)
        m_plot->graph(g)->data()->clear();
    m_plot->xAxis->setRange(0.5, epochs + 0.5);
    m_plot->replot();
    m_progress->setRange(0, 1000);
    m_progress->setValue(epochs ? 1000 * epochsDone / epochs : 0);
    m_status->setText(tr("Training '%1' on %2 video(s), validating on %3: epoch %4 of %5...")
                          .arg(name)
                          .arg(trainVideos)
                          .arg(validationVideos)
                          .arg(epochsDone + 1)
                          .arg(epochs));
    m_cancel->setEnabled(true);
    m_resume->setEnabled(false);
}

void TrainingPanel::addEpoch(const EpochReport& r)
{
    const double values[] = {r.loss.total,    r.loss.dirAbnormal, r.loss.dirNormal, r.loss.topkAbnormal, r.loss.bottomkAbnormal,
                             r.loss.topkNormal, r.loss.smooth,     r.loss.sparse,    r.loss.frame,        r.validationAuc,
                             r.validationAp};
    for (int g = 0; g < m_plot->graphCount(); ++g)
        if (std::isfinite(values[g]))
            m_plot->graph(g)->addData(r.epoch, values[g]);
    m_plot->graph(8)->setVisible(r.loss.frame != 0 || m_plot->graph(8)->visible());
    m_plot->yAxis->rescale();
    m_plot->yAxis->scaleRange(1.1, m_plot->yAxis->range().center());
    m_plot->replot();
    if (r.seconds > 0) {
        m_epochSeconds = (m_epochSeconds * m_epochsSeen + r.seconds) / (m_epochsSeen + 1);
        ++m_epochsSeen;
    }
    m_progress->setValue(m_epochs ? 1000 * r.epoch / m_epochs : 0);
    m_status->setText(tr("'%1': epoch %2 of %3, loss %4, validation AUC %5, AP %6%7")
                          .arg(m_name)
                          .arg(r.epoch)
                          .arg(r.epochs)
                          .arg(r.loss.total, 0, 'f', 4)
                          .arg(std::isfinite(r.validationAuc) ? QString::number(r.validationAuc, 'f', 4) : tr("-"),
                               std::isfinite(r.validationAp) ? QString::number(r.validationAp, 'f', 4) : tr("-"),
                               r.best ? tr(" (best so far)") : QString()));
}

void TrainingPanel::setStep(int epoch, int step, int steps, double secondsLeft)
{
    if (secondsLeft < 0 && m_epochsSeen > 0 && steps > 0) // from the epochs seen so far
        secondsLeft = m_epochSeconds * ((m_epochs - epoch) + double(steps - step) / steps);
    if (m_epochs > 0 && steps > 0)
        m_progress->setValue(int(1000.0 * ((epoch - 1) + double(step) / steps) / m_epochs));
    m_progress->setFormat(secondsLeft >= 0 ? tr("epoch %1/%2, step %3/%4, about %5 s left")
                                                 .arg(epoch)
                                                 .arg(m_epochs)
                                                 .arg(step)
                                                 .arg(steps)
                                                 .arg(qRound(secondsLeft))
                                           : tr("epoch %1/%2, step %3/%4").arg(epoch).arg(m_epochs).arg(step).arg(steps));
}

void TrainingPanel::setFinished(const QString& name, const EpochReport& best)
{
    m_progress->setValue(1000);
    m_progress->setFormat(tr("done"));
    m_status->setText(tr("'%1' is a new model of the project (epoch %2, validation AUC %3); the project is re-scored with it.")
                          .arg(name)
                          .arg(best.epoch)
                          .arg(std::isfinite(best.validationAuc) ? QString::number(best.validationAuc, 'f', 4) : tr("-")));
    m_cancel->setEnabled(false);
    m_resume->setEnabled(false);
}

void TrainingPanel::setCancelled(int epochsDone)
{
    m_progress->setFormat(tr("cancelled"));
    m_status->setText(tr("Cancelled after epoch %1 of %2: the project's models are unchanged. Resume goes on from epoch %3.")
                          .arg(epochsDone)
                          .arg(m_epochs)
                          .arg(epochsDone + 1));
    m_cancel->setEnabled(false);
    m_resume->setEnabled(true);
}

void TrainingPanel::setFailed(const QString& message)
{
    m_progress->setFormat(tr("failed"));
    m_status->setText(tr("Training failed: %1").arg(message));
    m_cancel->setEnabled(false);
    m_resume->setEnabled(false);
}

} // namespace vigil
