// Main window assembly: widgets, menus, shortcuts and the wiring to the controller.
#include "MainWindow.h"

#include "WorkstationController.h"
#include "review/LabelTimelineController.h"
#include "review/LabelToolsController.h"
#include "review/ReviewDockController.h"
#include "export/ClipExportController.h"
#include "research/ResearchController.h"
#include "research/VideoMetricsController.h"
#include "training/ComparisonController.h"
#include "training/TrainingController.h"
#include "jobs/JobsPanel.h"
#include "player/ClassChart.h"
#include "player/TransportController.h"
#include "player/PlayerPaneController.h"
#include "start/ProjectFilesController.h"
#include "videos/VideoListController.h"
#include "player/VideoView.h"
#include "review/DetectionsPanel.h"
#include "review/LabelEditor.h"
#include "review/LabelsPanel.h"
#include "project/ProjectStore.h"
#include "score/ScoreMenuController.h"
#include "timeline/ScoreTimeline.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "settings/SettingsController.h"
#include "shortcuts/ShortcutRegistry.h"
#include "start/StartPage.h"
#include "help/HelpController.h"
#include "diagnostics/CrashGuard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDebug>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new WorkstationController(this))
{
    setWindowTitle(tr("Vigil"));
    setAcceptDrops(true);

    m_transport = new TransportController(m_controller->player(), this);
    m_playButton = m_transport->playButton();
    m_pane = new PlayerPaneController(m_controller, m_transport, this);
    connect(m_pane, &PlayerPaneController::message, this, [this](const QString& text, int timeout) { statusBar()->showMessage(text, timeout); });
    m_view = m_pane->view();
    m_timeline = m_pane->timeline();
    m_classChart = m_pane->classChart();
    m_workstation = m_pane->widget();
    m_files = new ProjectFilesController(m_controller, this);
    connect(m_files, &ProjectFilesController::message, this, [this](const QString& text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_files, &ProjectFilesController::opened, this, [this] {
        m_pane->clear();
        showWorkstation();
    });
    m_start = new StartPage(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_start);
    m_pages->addWidget(m_workstation);
    setCentralWidget(m_pages);

    m_videoList = new VideoListController(m_controller, this);
    m_videos = m_videoList->list();
    auto* library = new QDockWidget(tr("Videos"), this);
    library->setObjectName(QStringLiteral("libraryDock"));
    library->setWidget(m_videos);
    addDockWidget(Qt::LeftDockWidgetArea, library);
    m_docks << library;

    m_jobs = new JobsPanel(this);
    auto* jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("jobsDock"));
    jobsDock->setWidget(m_jobs);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    resizeDocks({jobsDock}, {130}, Qt::Vertical);
    m_docks << jobsDock;

    m_review = new ReviewDockController(m_controller, m_timeline, [this] { return m_transport->shownFrame(); }, this);
    connect(m_review, &ReviewDockController::message, this, [this](const QString& text, int timeout) { statusBar()->showMessage(text, timeout); });
    m_detectionsPanel = m_review->detections();
    m_labelsPanel = m_review->labels();
    m_reviewTabs = m_review->tabs();
    auto* detectionsDock = new QDockWidget(tr("Review"), this);
    detectionsDock->setObjectName(QStringLiteral("detectionsDock"));
    detectionsDock->setWidget(m_reviewTabs);
    addDockWidget(Qt::RightDockWidgetArea, detectionsDock);
    m_docks << detectionsDock;
    resizeDocks({library, detectionsDock}, {240, 400}, Qt::Horizontal);

    m_shortcuts = new ShortcutRegistry(this);
    m_scoreMenu = new ScoreMenuController(m_controller, [this] { return m_videoList->selectedIds(); }, this);
    connect(m_scoreMenu, &ScoreMenuController::modelChosen, m_videoList, &VideoListController::refresh);
    connect(m_scoreMenu, &ScoreMenuController::thresholdChanged, m_pane, &PlayerPaneController::setThreshold);
    createMenus();
    m_training = new TrainingController(m_controller, this);
    m_training->install();
    m_scoreMenu->needsModel(m_training->fineTuneAction());
    createHelpMenu();
    m_settings = new SettingsController(m_controller, this);
    m_settings->install(m_editMenu, m_helpMenu);
    m_settings->apply();
    m_settings->applyDevice();
    m_safeLabel = new QLabel(tr("Safe Mode"), this);
    m_safeLabel->setObjectName(QStringLiteral("safeModeLabel"));
    m_safeLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_safeLabel);
    createShortcuts();
    statusBar()->showMessage(tr("Ready"));
    resize(1400, 900);

    WorkstationController* c = m_controller;
    connect(m_transport, &TransportController::message, this, [this](const QString& text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(c, &WorkstationController::projectOpened, this, [this](const QString& path) {
        setWindowTitle(tr("%1 - Vigil").arg(QFileInfo(path).fileName()));
    });
    connect(c, &WorkstationController::videosAdded, this, [this](int added, int relinked, const QStringList& problems) {
        QString message = tr("%n video(s) added", nullptr, added);
        if (relinked)
            message += tr(", %n moved video(s) found again", nullptr, relinked);
        if (!problems.isEmpty())
            message += tr(", %n file(s) not added: %1", nullptr, int(problems.size())).arg(problems.first());
        statusBar()->showMessage(message, 15000);
    });
    LabelEditor* labels = c->labels();
    connect(labels, &LabelEditor::marksChanged, m_timeline, &ScoreTimeline::setMarks);
    connect(labels, &LabelEditor::marksChanged, this, [this](qint64 in, qint64 out) {
        if (in >= 0 && out < 0)
            statusBar()->showMessage(tr("Label starts at frame %1: O marks its last frame, Esc cancels").arg(in));
        else if (out >= 0 && in < 0)
            statusBar()->showMessage(tr("Label ends at frame %1: I marks its first frame, Esc cancels").arg(out));
        else
            statusBar()->clearMessage();
    });
    connect(c, &WorkstationController::scoringQueued, m_jobs, &JobsPanel::addJobs);
    connect(c, &WorkstationController::scoringProgress, m_jobs, &JobsPanel::setProgress);
    connect(c, &WorkstationController::scoringVideoEnded, m_jobs, &JobsPanel::setState);
    connect(c, &WorkstationController::scoringFinished, m_jobs, &JobsPanel::setSummary);
    connect(c, &WorkstationController::scoringFinished, m_jobs, &JobsPanel::resetPause);
    connect(c, &WorkstationController::errorOccurred, this, &MainWindow::showError);
    connect(m_jobs, &JobsPanel::pauseToggled, c, &WorkstationController::setScoringPaused);
    connect(m_jobs, &JobsPanel::cancelRequested, c, &WorkstationController::cancelScoring);
    m_labelTools = new LabelToolsController(m_controller, m_labelsPanel, this);
    m_labelTools->install(m_fileMenu, m_editMenu);
    connect(m_videoList, &VideoListController::videoClassRequested, m_labelTools, &LabelToolsController::chooseVideoClass);
    m_clipExport = new ClipExportController(m_controller, this);
    m_clipExport->install(m_fileMenu);
    connect(m_labelTools, &LabelToolsController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_labelTimeline = new LabelTimelineController(m_controller, m_timeline, m_labelsPanel, this, [this] { showReviewTab(1); });
    m_labelTimeline->installShortcuts(m_shortcuts);
    connect(m_labelTimeline, &LabelTimelineController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    // Last: its overlay follows the timeline's own handlers of the same signals.
    m_comparison = new ComparisonController(m_controller, m_timeline, this);
    m_comparison->install(m_training->menu());
    m_research = new ResearchController(m_controller, this);
    m_research->install(m_training->menu());
    m_videoMetrics = new VideoMetricsController(m_controller, m_videos, this);
    connect(m_research, &ResearchController::truthSourceChanged, m_videoMetrics, &VideoMetricsController::refresh);

    connect(m_start, &StartPage::newProjectRequested, m_files, &ProjectFilesController::newProject);
    connect(m_start, &StartPage::systemCheckRequested, m_help, &HelpController::showSystemCheck);
    connect(m_help, &HelpController::checkFinished, this, [this](const SystemCheckResult& result) {
        const int problems = result.failures() + result.warnings();
        m_start->setCheckStatus(problems == 0 ? tr("System check: %1").arg(result.summary())
                                              : tr("System check: %n thing(s) to look at. System Check... says what to do.", nullptr, problems));
    });
    connect(m_start, &StartPage::openProjectRequested, m_files, &ProjectFilesController::openProjectDialog);
    connect(m_start, &StartPage::recentProjectRequested, this, [this](const QString& path) { openProject(path, {}, false); });
    connect(m_start, &StartPage::recentProjectRemoved, this, [this](const QString& path) {
        ProjectFilesController::forgetRecent(path);
        m_start->setRecentProjects(recentProjects());
    });
    // The hints say the keys in force.
    connect(m_shortcuts, &ShortcutRegistry::keysChanged, this, &MainWindow::showKeyHints);
    applyStoredShortcuts();
    showStartPage();
}

void MainWindow::showStartPage()
{
    m_start->setRecentProjects(recentProjects());
    m_pages->setCurrentWidget(m_start);
    // The player's and the queue's keys belong to the workstation: on the start page Delete
    // and the arrows work the recent list.
    for (QShortcut* shortcut : std::as_const(m_workstationShortcuts))
        shortcut->setEnabled(false);
    // The docks belong to a project: on the start page they would be empty frames.
    for (QDockWidget* dock : std::as_const(m_docks))
        dock->hide();
    setWindowTitle(tr("Vigil"));
}

void MainWindow::showWorkstation()
{
    if (m_pages->currentWidget() == m_workstation)
        return;
    m_pages->setCurrentWidget(m_workstation);
    for (QDockWidget* dock : std::as_const(m_docks))
        dock->show();
    for (QShortcut* shortcut : std::as_const(m_workstationShortcuts))
        shortcut->setEnabled(true);
}

bool MainWindow::startPageShown() const
{
    return m_pages->currentWidget() == m_start;
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString& path, const QStringList& videos, bool create)
{
    return m_files->openProject(path, videos, create);
}

void MainWindow::createMenus()
{
    QMenu* file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_files->install(file);
    file->addSeparator();
    // Closing every window (the research window too) ends the application once the last
    // one is closed, through each window's closeEvent (scoring is cancelled there).
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("file.quit"));
    // Ctrl+Q itself: QKeySequence::Quit is empty where the platform theme follows Windows'
    // bindings (the offscreen and minimal platforms do).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    // From any of Vigil's windows, not only this one.
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* edit = m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_controller->undoGroup()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("edit.undo"));
    QAction* redo = m_controller->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setObjectName(QStringLiteral("edit.redo"));
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* overlay = view->addAction(tr("Score &Overlay"));
    overlay->setObjectName(QStringLiteral("view.scoreOverlay"));
    overlay->setCheckable(true);
    overlay->setChecked(true);
    overlay->setShortcut(QKeySequence(Qt::Key_V)); // I and O mark labels
    connect(overlay, &QAction::toggled, m_view, &VideoView::setOverlayVisible);
    view->addAction(tr("&Whole Video"), QKeySequence(Qt::Key_Z), m_timeline, &ScoreTimeline::showWholeVideo)->setObjectName(QStringLiteral("view.wholeVideo"));
    view->addAction(tr("&Fullscreen"), QKeySequence(Qt::Key_F11), this,
                    [this] { isFullScreen() ? showNormal() : showFullScreen(); })->setObjectName(QStringLiteral("view.fullscreen"));

    m_scoreMenu->install(menuBar());
}

void MainWindow::createHelpMenu()
{
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_help = new HelpController(m_controller, this);
    m_help->install(m_helpMenu);
    m_help->setShortcuts(m_shortcuts);
    // What the user did last, for the crash note and the log.
    // The menu bar's menus only: a submenu's actions reach its parent's triggered() too.
    for (QAction* top : menuBar()->actions())
        if (QMenu* menu = top->menu())
            connect(menu, &QMenu::triggered, this, [](QAction* action) {
                const QString text = action->text().remove(QLatin1Char('&'));
                CrashGuard::setLastAction(text);
                qInfo().noquote() << "action:" << text;
            });
}

void MainWindow::setSafeMode(bool safe)
{
    m_controller->setSafeMode(safe);
    m_safeLabel->setVisible(safe);
    if (safe)
        statusBar()->showMessage(tr("Safe Mode: CPU only, default layout, no seek proxies. Restart Vigil to leave it."));
}

void MainWindow::restoreLayout()
{
    if (m_controller->safeMode())
        return;
    const Settings& settings = appSettings();
    restoreGeometry(settings.value(settingKey::windowGeometry).toByteArray());
    m_layoutRestored = restoreState(settings.value(settingKey::windowState).toByteArray());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_firstShown || m_layoutRestored)
        return;
    m_firstShown = true;
    // The default layout at the size the window opens with: the review table gets room for
    // its columns on a wide screen, the player keeps the middle (1366 wide: 240 and 400).
    const int w = width();
    resizeDocks({m_docks.first(), m_docks.last()}, {std::max(240, w / 8), std::max(400, w * 3 / 10)}, Qt::Horizontal);
}

void MainWindow::createShortcuts()
{
    // Each key says what it does, under an id its changes are stored by (Settings >
    // Keyboard changes them; Help > Keyboard Shortcuts lists them by group).
    m_workstationShortcuts << m_transport->registerKeys(m_shortcuts, this);
    m_workstationShortcuts << m_review->registerKeys(m_shortcuts, this);
}

double MainWindow::playbackRate() const
{
    return m_transport->rate();
}

bool MainWindow::isPlaying() const
{
    return m_transport->playing();
}

void MainWindow::showKeyHints()
{
    const ShortcutRegistry& keys = *m_shortcuts;
    auto first = [&keys](const char* id) {
        const QString all = keys.keysOf(QString::fromLatin1(id));
        return all.isEmpty() ? tr("(no key)") : all.section(QStringLiteral("; "), 0, 0);
    };
    m_review->showKeyHints(keys);
    m_playButton->setToolTip(tr("Play or pause (%1)").arg(first("playback.playPause")));
}

void MainWindow::applyStoredShortcuts()
{
    // Every action is made by now (the controllers' menus too): the stored changes apply
    // to all of them, or, when they do not hold together, to none, and the reason is said.
    m_shortcuts->adoptMenus(menuBar());
    m_settings->setShortcuts(m_shortcuts); // from now on a settings change reaches the keys too
    const QStringList problems = m_shortcuts->applyChanges(appSettings().value(settingKey::shortcuts).toStringList());
    if (!problems.isEmpty()) {
        qWarning().noquote() << "keyboard settings not applied:" << problems.join(QStringLiteral("; "));
        statusBar()->showMessage(tr("Your keyboard settings were not applied: %1").arg(problems.join(QStringLiteral("; "))), 30000);
    }
}

void MainWindow::showReviewTab(int tab)
{
    m_review->showTab(tab);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty())
        m_files->openDropped(paths, startPageShown());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_controller->cancelScoring();
    // Safe Mode's default layout is not a choice to keep.
    if (!m_controller->safeMode()) {
        Settings& settings = appSettings();
        settings.setValue(settingKey::windowGeometry, saveGeometry());
        settings.setValue(settingKey::windowState, saveState());
        try {
            settings.sync();
        } catch (const std::exception& e) {
            qWarning().noquote() << e.what(); // the layout is lost, nothing else
        }
    }
    event->accept();
}

void MainWindow::showError(const QString& message)
{
    statusBar()->showMessage(message, 15000);
}

QStringList MainWindow::recentProjects() { return ProjectFilesController::recentProjects(); }

} // namespace vigil
