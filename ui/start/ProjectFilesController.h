// The project files of the File menu and the start page: new, open, recent, save as, add
// videos and folders, import ground truth, and what a drop onto the window opens.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace vigil {

class WorkstationController;

/// GUI thread.
class ProjectFilesController : public QObject {
    Q_OBJECT
public:
    ProjectFilesController(WorkstationController* controller, QWidget* window);

    /// Adds the project and video items to the File menu.
    void install(QMenu* file);
    /// Opens a project (creating it if new) and adds videos; errors are shown, not thrown.
    bool openProject(const QString& path, const QStringList& videos = {}, bool create = true);
    /// A project file opens; videos and folders go into the project open, or, when none is
    /// (`noProject`), into the default one.
    void openDropped(const QStringList& paths, bool noProject);
    void newProject();
    void openProjectDialog();
    /// The recent projects, newest first (state, not settings).
    static QStringList recentProjects();
    static void forgetRecent(const QString& path);

signals:
    /// A project is open: the views start empty and the workstation is shown.
    void opened();
    void message(const QString& text, int timeout);

private:
    void saveProjectAs();
    void importGroundTruth(const QString& path);
    static void rememberRecent(const QString& path);

    WorkstationController* m_controller;
    QWidget* m_window;
};

} // namespace vigil
