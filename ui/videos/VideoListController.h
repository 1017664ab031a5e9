// The Videos dock: the project's videos, one line each (name, scored or missing, class),
// with the file's details as tooltip; a sentence over the empty list saying how to fill it;
// a right-click menu (Score, Set Video Class..., Relink to File...). It follows the
// workstation: selecting a line opens that video, and the line follows when the review
// queue opens another.
#pragma once

#include <QList>
#include <QObject>

class QLabel;
class QListWidget;
class QWidget;

namespace vigil {

class WorkstationController;

/// GUI thread.
class VideoListController : public QObject {
    Q_OBJECT
public:
    VideoListController(WorkstationController* workstation, QWidget* window);

    QListWidget* list() const { return m_list; }
    QList<qint64> selectedIds() const;
    void refresh();

signals:
    /// Set Video Class... on a line.
    void videoClassRequested(qint64 videoId);

private:
    void showMenu(const QPoint& position);

    WorkstationController* m_workstation;
    QWidget* m_window;
    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace vigil
