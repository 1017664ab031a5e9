#include "ProjectFilesController.h"

#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace vigil {

namespace {

constexpr int kRecentProjects = 8;
const QString kProjectSuffix = QStringLiteral(".vigil");

QString withSuffix(const QString& path) { return path.endsWith(kProjectSuffix) ? path : path + kProjectSuffix; }

} // namespace

ProjectFilesController::ProjectFilesController(WorkstationController* controller, QWidget* window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
{
    connect(controller, &WorkstationController::projectOpened, this, &ProjectFilesController::rememberRecent);
}

void ProjectFilesController::install(QMenu* file)
{
    file->addAction(tr("&New Project..."), QKeySequence::New, this, &ProjectFilesController::newProject)->setObjectName(QStringLiteral("file.newProject"));
    file->addAction(tr("&Open Project..."), QKeySequence::Open, this, &ProjectFilesController::openProjectDialog)->setObjectName(QStringLiteral("file.openProject"));
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString& path : recentProjects())
            recent->addAction(path, this, [this, path] {
                if (!openProject(path, {}, false))
                    forgetRecent(path);
            });
        if (recent->isEmpty())
            recent->addAction(tr("No recent projects"))->setEnabled(false);
    });
    file->addAction(tr("Save Project &As..."), QKeySequence::SaveAs, this, &ProjectFilesController::saveProjectAs)->setObjectName(QStringLiteral("file.saveProjectAs"));
    file->addSeparator();
    file->addAction(tr("&Add Videos..."), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Add Videos"), QString(),
                                                                tr("Videos (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;All files (*)"));
        if (!files.isEmpty())
            m_controller->addVideos(files);
    })->setObjectName(QStringLiteral("file.addVideos"));
    file->addAction(tr("Add &Folder..."), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Add Folder"));
        if (!folder.isEmpty())
            m_controller->addVideos({folder});
    })->setObjectName(QStringLiteral("file.addFolder"));
    QMenu* truth = file->addMenu(tr("Import &Ground Truth"));
    truth->setObjectName(QStringLiteral("file.groundTruth"));
    truth->addAction(tr("&Annotation File (UCF-Crime, XD-Violence)..."), this, [this] {
        importGroundTruth(QFileDialog::getOpenFileName(m_window, tr("Import Ground Truth"), QString(),
                                                       tr("Annotations (*.txt);;All files (*)")));
    })->setObjectName(QStringLiteral("file.groundTruth.annotationFile"));
    truth->addAction(tr("&Frame Masks Folder (ShanghaiTech)..."), this, [this] {
        importGroundTruth(QFileDialog::getExistingDirectory(m_window, tr("Folder of .npy Frame Masks")));
    })->setObjectName(QStringLiteral("file.groundTruth.frameMasksFolder"));
}

bool ProjectFilesController::openProject(const QString& path, const QStringList& videos, bool create)
{
    try {
        m_controller->openProject(path, create);
    } catch (const std::exception& e) {
        emit message(QString::fromStdString(e.what()), 15000);
        return false;
    }
    emit opened();
    m_controller->addVideos(videos);
    return true;
}

void ProjectFilesController::openDropped(const QStringList& paths, bool noProject)
{
    QStringList videos;
    for (const QString& path : paths)
        if (path.endsWith(kProjectSuffix))
            openProject(path, {}, false);
        else
            videos << path;
    if (videos.isEmpty())
        return;
    if (noProject) {
        const QString project = ProjectStore::defaultProjectPath();
        QDir().mkpath(QFileInfo(project).path());
        openProject(project, videos);
    } else {
        m_controller->addVideos(videos);
    }
}

void ProjectFilesController::newProject()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("New Project"), QString(), tr("Vigil projects (*.vigil)"));
    if (!path.isEmpty())
        openProject(withSuffix(path));
}

void ProjectFilesController::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Project"), QString(), tr("Vigil projects (*.vigil)"));
    if (!path.isEmpty())
        openProject(path, {}, false);
}

void ProjectFilesController::saveProjectAs()
{
    if (m_controller->projectPath().isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Project As"), QString(), tr("Vigil projects (*.vigil)"));
    if (path.isEmpty())
        return;
    try {
        m_controller->saveProjectAs(withSuffix(path));
    } catch (const std::exception& e) {
        emit message(QString::fromStdString(e.what()), 15000);
    }
}

void ProjectFilesController::importGroundTruth(const QString& path)
{
    if (path.isEmpty())
        return;
    try {
        const int videos = m_controller->importGroundTruth(path);
        const AnnotationImport& imported = m_controller->lastImport();
        QString text = tr("Ground truth for %n video(s) imported", nullptr, videos);
        if (!imported.unmatched.isEmpty())
            text += tr("; %n annotated video(s) are not in the project", nullptr, int(imported.unmatched.size()));
        if (imported.clipped)
            text += tr("; %n interval(s) cut at their video's last frame", nullptr, imported.clipped);
        emit message(text, 15000);
    } catch (const std::exception& e) {
        emit message(QString::fromStdString(e.what()), 15000);
    }
}

QStringList ProjectFilesController::recentProjects()
{
    return appSettings().value(settingKey::recentProjects).toStringList();
}

void ProjectFilesController::rememberRecent(const QString& path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    appSettings().setValue(settingKey::recentProjects, recent.mid(0, kRecentProjects));
}

void ProjectFilesController::forgetRecent(const QString& path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    appSettings().setValue(settingKey::recentProjects, recent);
}

} // namespace vigil
