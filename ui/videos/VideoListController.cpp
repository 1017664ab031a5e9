// The Videos dock.
#include "videos/VideoListController.h"

#include "WorkstationController.h"
#include "project/ProjectStore.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSet>
#include <QVBoxLayout>

namespace vigil {

VideoListController::VideoListController(WorkstationController* workstation, QWidget* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_window(window)
{
    m_list = new QListWidget(window);
    m_list->setAccessibleName(tr("Videos"));
    m_list->setObjectName(QStringLiteral("videoList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Long camera file names keep their start and their end (the date is often last).
    m_list->setTextElideMode(Qt::ElideMiddle);
    // An empty list says how to fill it (a label over the viewport, not a fake row).
    m_empty = new QLabel(tr("No videos in this project yet: File > Add Videos or Add Folder, or drop files here."), m_list->viewport());
    m_empty->setObjectName(QStringLiteral("videosPlaceholder"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    (new QVBoxLayout(m_list->viewport()))->addWidget(m_empty);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &VideoListController::showMenu);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            m_workstation->selectVideo(item->data(Qt::UserRole).toLongLong());
    });
    connect(workstation, &WorkstationController::videosChanged, this, &VideoListController::refresh);
    connect(workstation, &WorkstationController::videoOpened, this, [this](qint64 videoId) {
        // The list follows when the review queue opens another video.
        for (int row = 0; row < m_list->count(); ++row)
            if (m_list->item(row)->data(Qt::UserRole).toLongLong() == videoId && m_list->currentRow() != row) {
                const QSignalBlocker blocker(m_list);
                m_list->setCurrentRow(row);
            }
    });
}

QList<qint64> VideoListController::selectedIds() const
{
    QList<qint64> ids;
    for (QListWidgetItem* item : m_list->selectedItems())
        ids << item->data(Qt::UserRole).toLongLong();
    return ids;
}

void VideoListController::showMenu(const QPoint& position)
{
    QListWidgetItem* item = m_list->itemAt(position);
    if (!item)
        return;
    QMenu menu(m_window);
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    menu.addAction(tr("Score"), this, [this, id] { m_workstation->scoreVideos({id}); });
    menu.addAction(tr("Set Video Class..."), this, [this, id] { emit videoClassRequested(id); });
    menu.addAction(tr("Relink to File..."), this, [this, id] {
        const QString file = QFileDialog::getOpenFileName(m_window, tr("Relink Video"));
        if (!file.isEmpty())
            m_workstation->relinkVideo(id, file);
    });
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void VideoListController::refresh()
{
    const qint64 current = m_workstation->currentVideo();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const qint64 model = m_workstation->model() ? m_workstation->model()->id : 0;
    // One query for the scored state of every video, not one per row.
    QSet<qint64> unscored;
    if (model)
        for (qint64 id : m_workstation->store()->unscoredVideos(model))
            unscored.insert(id);
    for (const VideoRecord& v : m_workstation->videos()) {
        QString text = QFileInfo(v.path).fileName();
        if (v.missing)
            text += tr(" (missing)");
        else if (model && !unscored.contains(v.id))
            text += tr(" (scored)");
        if (!v.videoClass.isEmpty())
            text += tr(" [%1]").arg(v.videoClass);
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, v.id);
        item->setToolTip(tr("%1\n%2x%3, %4 frames, %5 fps").arg(v.path).arg(v.width).arg(v.height).arg(v.frameCount).arg(v.frameRate, 0, 'f', 2));
        if (v.missing)
            item->setForeground(m_list->palette().color(QPalette::Disabled, QPalette::Text));
        if (v.id == current)
            m_list->setCurrentItem(item);
    }
    m_empty->setVisible(m_list->count() == 0);
}

} // namespace vigil
