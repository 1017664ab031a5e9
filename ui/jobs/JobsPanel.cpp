// Jobs panel.
#include "jobs/JobsPanel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {

namespace {

enum Column { NameColumn, ProgressColumn, SpeedColumn, LeftColumn, StateColumn };

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 s = qint64(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

JobsPanel::JobsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("jobsPanel"));
    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Scoring jobs"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Video"), tr("Progress"), tr("Speed"), tr("Time left"), tr("State")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    // The figures keep their width in every language ("2876.7 Frames/s"); the name takes the rest.
    for (int column : {SpeedColumn, LeftColumn, StateColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_summary = new QLabel(tr("No scoring job"), this);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setCheckable(true);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_pause);
    buttons->addWidget(cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        emit pauseToggled(paused);
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        resetPause(); // cancelling resumes the worker so that it can stop
        emit cancelRequested();
    });
}

QTreeWidgetItem* JobsPanel::row(const QString& videoPath)
{
    if (QTreeWidgetItem* item = m_rows.value(videoPath))
        return item;
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(NameColumn, QFileInfo(videoPath).fileName());
    item->setToolTip(NameColumn, videoPath);
    auto* bar = new QProgressBar(m_tree);
    bar->setRange(0, 1);
    bar->setValue(0);
    m_tree->setItemWidget(item, ProgressColumn, bar);
    m_rows.insert(videoPath, item);
    return item;
}

void JobsPanel::addJobs(const QStringList& videoPaths)
{
    for (const QString& path : videoPaths)
        row(path)->setText(StateColumn, tr("Queued"));
}

void JobsPanel::setProgress(const QString& videoPath, qint64 done, qint64 total, double framesPerSecond, double secondsLeft)
{
    QTreeWidgetItem* item = row(videoPath);
    if (auto* bar = qobject_cast<QProgressBar*>(m_tree->itemWidget(item, ProgressColumn))) {
        bar->setRange(0, int(std::max<qint64>(1, total)));
        bar->setValue(int(std::min(done, total)));
    }
    item->setText(SpeedColumn, tr("%1 frames/s").arg(framesPerSecond, 0, 'f', 1));
    item->setText(LeftColumn, duration(secondsLeft));
    item->setText(StateColumn, tr("Scoring"));
}

void JobsPanel::setState(const QString& videoPath, const QString& state)
{
    QTreeWidgetItem* item = row(videoPath);
    item->setText(StateColumn, state);
    item->setText(LeftColumn, QString());
}

void JobsPanel::setSummary(const QString& text) { m_summary->setText(text); }

void JobsPanel::resetPause()
{
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(false);
    m_pause->setText(tr("Pause"));
}
QString JobsPanel::summary() const { return m_summary->text(); }

} // namespace vigil
