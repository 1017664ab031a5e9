#include "start/StartPage.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QKeyEvent>
#include <QVBoxLayout>

namespace vigil {

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto* title = new QLabel(tr("<h1>Vigil</h1>"), this);
    auto* lead = new QLabel(tr("Review surveillance video with AnomalyCLIP anomaly scores. "
                               "Start a project, open one, or drop videos or a folder here "
                               "to add them to your default project."),
                            this);
    lead->setWordWrap(true);
    auto* newButton = new QPushButton(tr("&New Project..."), this);
    newButton->setObjectName(QStringLiteral("newProjectButton"));
    auto* openButton = new QPushButton(tr("&Open Project..."), this);
    openButton->setObjectName(QStringLiteral("openProjectButton"));
    auto* checkButton = new QPushButton(tr("System &Check..."), this);
    checkButton->setObjectName(QStringLiteral("systemCheckButton"));
    checkButton->setToolTip(tr("Whether the model, the vocabulary, the devices, the decoders and the disk space Vigil needs "
                               "are here, and what to do when one is not."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addStretch(1);
    buttons->addWidget(checkButton);
    m_check = new QLabel(tr("Scoring needs the AnomalyCLIP model files: the system check says whether they are here."), this);
    m_check->setObjectName(QStringLiteral("checkStatus"));
    m_check->setWordWrap(true);

    auto* recentTitle = new QLabel(tr("<b>Recent projects</b>"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recentEmpty = new QLabel(tr("Projects you open appear here."), this);
    m_remove = new QPushButton(tr("&Remove from List"), this);
    m_remove->setToolTip(tr("Forget the selected project here; its file is not touched."));

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(lead);
    column->addLayout(buttons);
    column->addWidget(m_check);
    column->addSpacing(12);
    column->addWidget(recentTitle);
    column->addWidget(m_recentEmpty);
    column->addWidget(m_recent, 10);
    auto* removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_remove);
    column->addLayout(removeRow);
    // Takes the height the list leaves: the text stays together at the top.
    column->addStretch(1);
    // A readable column in the middle of a wide window.
    auto* columnWidget = new QWidget(this);
    columnWidget->setLayout(column);
    columnWidget->setMaximumWidth(820);
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addWidget(columnWidget);

    connect(newButton, &QPushButton::clicked, this, &StartPage::newProjectRequested);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openProjectRequested);
    connect(checkButton, &QPushButton::clicked, this, &StartPage::systemCheckRequested);
    connect(m_remove, &QPushButton::clicked, this, &StartPage::removeSelected);
    connect(m_recent, &QListWidget::itemSelectionChanged, this, &StartPage::updateButtons);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString path = item->data(Qt::UserRole).toString();
        if (QFileInfo::exists(path))
            emit recentProjectRequested(path);
    });
    m_recent->installEventFilter(this); // Delete removes the selected project from the list
    updateButtons();
}

void StartPage::setRecentProjects(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        const bool missing = !info.exists();
        auto* item = new QListWidgetItem(m_recent);
        // The name first, then where it is: two projects of one name stay apart.
        item->setText(missing ? tr("%1 (missing: %2)").arg(info.fileName(), info.absolutePath())
                              : tr("%1 (%2)").arg(info.fileName(), info.absolutePath()));
        item->setData(Qt::UserRole, path);
        item->setToolTip(missing ? tr("%1 is not there any more: remove it from the list, or put the file back").arg(path) : path);
        if (missing) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            QFont font = item->font();
            font.setItalic(true);
            item->setFont(font);
        }
    }
    if (m_recent->count())
        m_recent->setCurrentRow(0);
    m_recent->setVisible(m_recent->count() > 0);
    m_recentEmpty->setVisible(m_recent->count() == 0);
    updateButtons();
}

void StartPage::removeSelected()
{
    QListWidgetItem* item = m_recent->currentItem();
    if (item && item->isSelected())
        emit recentProjectRemoved(item->data(Qt::UserRole).toString());
}

void StartPage::updateButtons()
{
    m_remove->setEnabled(m_recent->currentItem() && m_recent->currentItem()->isSelected());
    m_remove->setVisible(m_recent->count() > 0);
}

void StartPage::setCheckStatus(const QString& text) { m_check->setText(text); }

bool StartPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_recent && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vigil
