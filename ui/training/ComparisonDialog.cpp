// The comparison dialog.
#include "training/ComparisonDialog.h"

#include "research/ResearchWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

namespace {

enum Column { Video, Frames, Abnormal, AucA, AucB, AucChange, FalseA, FalseB, FalseChange, MissedA, MissedB, ColumnCount };

// Sorts by the number, not by its text; a missing AUC ("-") sorts last either way.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(double value, int decimals, bool signedText = false)
        : QTableWidgetItem(std::isfinite(value) ? (signedText && value > 0 ? QStringLiteral("+") : QString()) +
                                                      QString::number(value, 'f', decimals)
                                                : QStringLiteral("-"))
        , m_value(value)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        const double o = static_cast<const NumberItem&>(other).m_value;
        if (!std::isfinite(m_value) || !std::isfinite(o))
            return std::isfinite(m_value) && !std::isfinite(o);
        return m_value < o;
    }

private:
    double m_value;
};

QString change(double value, int decimals)
{
    return std::isfinite(value) ? (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'f', decimals)
                                : QStringLiteral("-");
}

QString figure(double value) { return std::isfinite(value) ? QString::number(value, 'f', 4) : QStringLiteral("-"); }

} // namespace

ComparisonDialog::ComparisonDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare Models"));
    resize(900, 520);
    auto* form = new QFormLayout;
    m_a = new QComboBox(this);
    m_a->setObjectName(QStringLiteral("modelA"));
    m_b = new QComboBox(this);
    m_b->setObjectName(QStringLiteral("modelB"));
    form->addRow(tr("A (before)"), m_a);
    form->addRow(tr("B (after)"), m_b);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    form->addRow(tr("Alarm threshold"), m_threshold);
    m_overlay = new QCheckBox(tr("Draw A's scores on the timeline beside the current model's"), this);
    form->addRow(m_overlay);

    m_compare = new QPushButton(tr("Compare"), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setHorizontalHeaderLabels({tr("Video"), tr("Frames"), tr("Abnormal"), tr("AUC A"), tr("AUC B"), tr("AUC change"),
                                        tr("False alarms A"), tr("False alarms B"), tr("Change"), tr("Missed A"),
                                        tr("Missed B")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Most regressed first, as the comparison comes; a header click sorts otherwise.
    m_table->horizontalHeader()->setSortIndicator(AucChange, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setToolTip(tr("Frame counts at the threshold. Double-click (or Enter) opens the video."));

    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addWidget(m_compare, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_compare, &QPushButton::clicked, this, &ComparisonDialog::compareRequested);
    connect(m_overlay, &QCheckBox::toggled, this, &ComparisonDialog::overlayChanged);
    connect(m_a, &QComboBox::currentIndexChanged, this, &ComparisonDialog::overlayChanged);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem* item = m_table->item(row, Video))
            emit videoActivated(item->data(Qt::UserRole).toLongLong());
    });
}

void ComparisonDialog::setModels(const QList<QPair<qint64, QString>>& models, qint64 a, qint64 b)
{
    for (QComboBox* box : {m_a, m_b}) {
        box->clear();
        for (const auto& [id, name] : models)
            box->addItem(name, id);
    }
    m_a->setCurrentIndex(std::max(0, m_a->findData(a)));
    m_b->setCurrentIndex(std::max(0, m_b->findData(b)));
}

void ComparisonDialog::setThreshold(double threshold) { m_threshold->setValue(threshold); }

void ComparisonDialog::setMessage(const QString& message)
{
    m_summary->setText(message);
}

void ComparisonDialog::setComparison(const ModelComparison& c)
{
    QStringList lines;
    lines << tr("B (%1) against A (%2) on %n video(s), threshold %3:", nullptr, int(c.videos.size()))
                 .arg(c.nameB, c.nameA)
                 .arg(c.threshold, 0, 'f', 2);
    lines << tr("AUC %1 -> %2 (%3), AP %4 -> %5 (%6); false-alarm frames %7 -> %8, missed abnormal frames %9 -> %10.")
                 .arg(figure(c.aucA), figure(c.aucB), change(c.aucB - c.aucA, 4), figure(c.apA), figure(c.apB),
                      change(c.apB - c.apA, 4))
                 .arg(c.falsePositivesA)
                 .arg(c.falsePositivesB)
                 .arg(c.missedA)
                 .arg(c.missedB);
    lines << tr("Truth: %1 (chosen in the research window).").arg(ResearchWindow::truthText(c.truth));
    int better = 0, worse = 0;
    for (const VideoComparison& v : c.videos) {
        better += v.aucChange() > 0;
        worse += v.aucChange() < 0;
    }
    lines << tr("AUC better on %1 video(s), worse on %2.").arg(better).arg(worse);
    if (!c.onlyOne.isEmpty())
        lines << tr("Left out (scored by one model only): %1").arg(c.onlyOne.join(QStringLiteral(", ")));
    if (!c.leftOut.isEmpty())
        lines << tr("Left out (no known truth): %1").arg(c.leftOut.join(QStringLiteral(", ")));
    m_summary->setText(lines.join(QLatin1Char('\n')));

    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(c.videos.size()));
    for (int row = 0; row < c.videos.size(); ++row) {
        const VideoComparison& v = c.videos[row];
        auto* name = new QTableWidgetItem(v.name);
        name->setData(Qt::UserRole, v.videoId);
        m_table->setItem(row, Video, name);
        m_table->setItem(row, Frames, new NumberItem(double(v.frames), 0));
        m_table->setItem(row, Abnormal, new NumberItem(double(v.abnormalFrames), 0));
        m_table->setItem(row, AucA, new NumberItem(v.aucA, 4));
        m_table->setItem(row, AucB, new NumberItem(v.aucB, 4));
        auto* aucChange = new NumberItem(v.aucChange(), 4, true);
        if (std::isfinite(v.aucChange()) && v.aucChange() != 0)
            aucChange->setForeground(v.aucChange() > 0 ? QColor(0x00, 0x72, 0xB2) : QColor(0xD5, 0x5E, 0x00));
        m_table->setItem(row, AucChange, aucChange);
        m_table->setItem(row, FalseA, new NumberItem(double(v.falsePositivesA), 0));
        m_table->setItem(row, FalseB, new NumberItem(double(v.falsePositivesB), 0));
        auto* falseChange = new NumberItem(double(v.falsePositiveChange()), 0, true);
        if (v.falsePositiveChange() != 0)
            falseChange->setForeground(v.falsePositiveChange() < 0 ? QColor(0x00, 0x72, 0xB2) : QColor(0xD5, 0x5E, 0x00));
        m_table->setItem(row, FalseChange, falseChange);
        m_table->setItem(row, MissedA, new NumberItem(double(v.missedA), 0));
        m_table->setItem(row, MissedB, new NumberItem(double(v.missedB), 0));
    }
    m_table->setSortingEnabled(true);
}

qint64 ComparisonDialog::modelA() const { return m_a->currentData().toLongLong(); }
qint64 ComparisonDialog::modelB() const { return m_b->currentData().toLongLong(); }
double ComparisonDialog::threshold() const { return m_threshold->value(); }
bool ComparisonDialog::overlay() const { return m_overlay->isChecked(); }

} // namespace vigil
