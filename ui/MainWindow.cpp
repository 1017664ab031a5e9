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
#include <QComboBox>
#include <QDebug>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {

namespace {

constexpr int kRecentProjects = 8;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new WorkstationController(this))
{
    setWindowTitle(tr("Vigil"));
    setAcceptDrops(true);

    m_view = new VideoView(this);
    m_view->setObjectName(QStringLiteral("videoView"));
    connect(m_view, &VideoView::seekRequested, this, [this](qint64 frame) {
        m_controller->player().seek(std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_transport->frames() - 1)));
    });
    m_timeline = new ScoreTimeline(this);
    m_transport = new TransportController(m_controller->player(), this);
    m_playButton = m_transport->playButton();
    m_detectionsLabel = new QLabel(this);
    m_detectionsLabel->setObjectName(QStringLiteral("detectionsLabel"));

    auto* transport = new QHBoxLayout;
    transport->addWidget(m_playButton);
    transport->addWidget(m_transport->frameLabel(), 1);
    transport->addWidget(m_detectionsLabel);
    transport->addWidget(m_transport->jumpEdit());
    m_classChart = new ClassChart(this);
    auto* playerRow = new QHBoxLayout;
    playerRow->addWidget(m_view, 4);
    playerRow->addWidget(m_classChart, 1);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(playerRow, 1);
    topLayout->addLayout(transport);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 280});
    m_workstation = splitter;
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
    connect(m_scoreMenu, &ScoreMenuController::thresholdChanged, this, [this](double threshold) {
        m_timeline->setThreshold(threshold);
        m_view->setThreshold(float(threshold));
    });
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
    PlaybackWorker* player = c->player().worker();
    connect(player, &PlaybackWorker::frameReady, this, &MainWindow::showFrame);
    connect(player, &PlaybackWorker::failed, this, [this](const QString&, const QString& message) { showError(message); });
    connect(m_transport, &TransportController::message, this, [this](const QString& text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_transport, &TransportController::jumped, this, [this] { m_view->setFocus(); });
    connect(player, &PlaybackWorker::proxyProgress, this, [this](const QString& path, qint64 done, qint64 total) {
        statusBar()->showMessage(tr("Preparing fast seeking in %1: %2%").arg(QFileInfo(path).fileName()).arg(total > 0 ? done * 100 / total : 0), 5000);
    });
    connect(player, &PlaybackWorker::proxyReady, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Fast seeking ready in %1").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(player, &PlaybackWorker::proxyFailed, this, [this](const QString& path, const QString& message) {
        statusBar()->showMessage(tr("No fast seeking in %1 (seeks stay exact, only slower): %2").arg(QFileInfo(path).fileName(), message), 15000);
    });
    connect(m_timeline, &ScoreTimeline::seekRequested, this, [c](qint64 frame) { c->player().seek(frame); });
    connect(m_timeline, &ScoreTimeline::thresholdDragged, this, [this, c](double t, bool final) {
        c->setThreshold(t, final);
        m_view->setThreshold(float(t));
    });
    connect(c, &WorkstationController::projectOpened, this, [this](const QString& path) {
        setWindowTitle(tr("%1 - Vigil").arg(QFileInfo(path).fileName()));
        rememberRecent(path);
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
    connect(c, &WorkstationController::videoOpened, this, [this](qint64, const QString& path, qint64 frames, double fps) {
        m_transport->setVideo(frames, fps);
        m_timeline->setVideo(frames, fps);
        m_view->setFrameCount(frames);
        m_timeline->setThreshold(m_controller->threshold());
        m_classChart->setClasses(m_controller->abnormalClassNames());
        m_view->setThreshold(float(m_controller->threshold()));
        statusBar()->showMessage(path);
    });
    connect(c, &WorkstationController::scoresChanged, m_timeline, &ScoreTimeline::setScores);
    connect(c, &WorkstationController::groundTruthChanged, m_timeline, &ScoreTimeline::setGroundTruth);
    connect(c, &WorkstationController::classProbabilitiesChanged, m_timeline, &ScoreTimeline::setClassProbabilities);
    connect(c, &WorkstationController::scoresAppended, m_timeline, &ScoreTimeline::appendScores);
    // While dragging (previewed, not stored) and once stored: the same count and lanes.
    auto showDetections = [this](int count, double perHour) {
        m_detectionsLabel->setText(tr("%n detection(s), %1 alarms/h", nullptr, count).arg(perHour, 0, 'f', 1));
        QVector<TimelineEvent> events;
        for (const DetectionRecord& d : m_controller->currentDetections())
            events << TimelineEvent{d.startFrame, d.endFrame, d.state != ReviewState::Unreviewed, d.state == ReviewState::Rejected};
        m_timeline->setEvents(events);
    };
    connect(c, &WorkstationController::detectionsPreviewed, this, showDetections);
    connect(c, &WorkstationController::detectionsChanged, this, showDetections);
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
    // Last, so that it stands last in the menu bar, after the menus the controllers add.
    connect(m_controller, &WorkstationController::modelChanged, this, &MainWindow::updateModelActions);
    updateModelActions();

    connect(m_start, &StartPage::newProjectRequested, this, &MainWindow::newProject);
    connect(m_start, &StartPage::systemCheckRequested, m_help, &HelpController::showSystemCheck);
    connect(m_help, &HelpController::checkFinished, this, [this](const SystemCheckResult& result) {
        const int problems = result.failures() + result.warnings();
        m_start->setCheckStatus(problems == 0 ? tr("System check: %1").arg(result.summary())
                                              : tr("System check: %n thing(s) to look at. System Check... says what to do.", nullptr, problems));
    });
    connect(m_start, &StartPage::openProjectRequested, this, &MainWindow::openProjectDialog);
    connect(m_start, &StartPage::recentProjectRequested, this, [this](const QString& path) { openProject(path, {}, false); });
    connect(m_start, &StartPage::recentProjectRemoved, this, [this](const QString& path) {
        forgetRecent(path);
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

void MainWindow::openDropped(const QStringList& paths)
{
    // A project file opens; videos and folders go into the project open, or the default one.
    QStringList videos;
    for (const QString& path : paths)
        if (path.endsWith(QLatin1String(".vigil")))
            openProject(path, {}, false);
        else
            videos << path;
    if (videos.isEmpty())
        return;
    if (startPageShown()) { // no project open yet
        const QString project = ProjectStore::defaultProjectPath();
        QDir().mkpath(QFileInfo(project).path());
        openProject(project, videos);
    } else {
        m_controller->addVideos(videos);
    }
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString& path, const QStringList& videos, bool create)
{
    try {
        m_controller->openProject(path, create);
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
    m_timeline->setVideo(0, 30);
    m_classChart->setProbabilities({});
    m_transport->setVideo(0, 30);
    showWorkstation();
    m_controller->addVideos(videos);
    return true;
}

void MainWindow::createMenus()
{
    QMenu* file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project..."), QKeySequence::New, this, &MainWindow::newProject)->setObjectName(QStringLiteral("file.newProject"));
    file->addAction(tr("&Open Project..."), QKeySequence::Open, this, &MainWindow::openProjectDialog)->setObjectName(QStringLiteral("file.openProject"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        m_recentMenu->clear();
        for (const QString& path : recentProjects())
            m_recentMenu->addAction(path, this, [this, path] {
                if (!openProject(path, {}, false))
                    forgetRecent(path);
            });
        if (m_recentMenu->isEmpty())
            m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    });
    file->addAction(tr("Save Project &As..."), QKeySequence::SaveAs, this, &MainWindow::saveProjectAs)->setObjectName(QStringLiteral("file.saveProjectAs"));
    file->addSeparator();
    file->addAction(tr("&Add Videos..."), this, &MainWindow::addVideosDialog)->setObjectName(QStringLiteral("file.addVideos"));
    file->addAction(tr("Add &Folder..."), this, &MainWindow::addFolderDialog)->setObjectName(QStringLiteral("file.addFolder"));
    auto importTruth = [this](const QString& path) {
        if (path.isEmpty())
            return;
        try {
            const int videos = m_controller->importGroundTruth(path);
            const AnnotationImport& imported = m_controller->lastImport();
            QString message = tr("Ground truth for %n video(s) imported", nullptr, videos);
            if (!imported.unmatched.isEmpty())
                message += tr("; %n annotated video(s) are not in the project", nullptr, int(imported.unmatched.size()));
            if (imported.clipped)
                message += tr("; %n interval(s) cut at their video's last frame", nullptr, imported.clipped);
            statusBar()->showMessage(message, 15000);
        } catch (const std::exception& e) {
            showError(QString::fromStdString(e.what()));
        }
    };
    QMenu* truth = file->addMenu(tr("Import &Ground Truth"));
    truth->setObjectName(QStringLiteral("file.groundTruth"));
    truth->addAction(tr("&Annotation File (UCF-Crime, XD-Violence)..."), this, [this, importTruth] {
        importTruth(QFileDialog::getOpenFileName(this, tr("Import Ground Truth"), QString(),
                                                 tr("Annotations (*.txt);;All files (*)")));
    })->setObjectName(QStringLiteral("file.groundTruth.annotationFile"));
    truth->addAction(tr("&Frame Masks Folder (ShanghaiTech)..."), this, [this, importTruth] {
        importTruth(QFileDialog::getExistingDirectory(this, tr("Folder of .npy Frame Masks")));
    })->setObjectName(QStringLiteral("file.groundTruth.frameMasksFolder"));
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

void MainWindow::updateModelActions()
{
    // The class chart's sentence names the step that is missing: a model, then a video.
    m_classChart->setPlaceholderText(m_controller->model()
                                         ? tr("The class probabilities at the playhead appear here: open a video from the Videos list.")
                                         : tr("The class probabilities at the playhead appear here once a model is chosen (Score > Choose Model)."));
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

void MainWindow::showFrame(const FrameImage& frame)
{
    m_view->setFrame(frame);
    m_transport->showFrame(frame.index, frame.timestampSeconds);
    float score = -1, probability = 0;
    QString topClass;
    if (!m_controller->frameScore(frame.index, &score, &topClass, &probability))
        score = -1;
    m_view->setFrameScore(score, topClass, probability);
    m_classChart->setProbabilities(m_controller->frameClassProbabilities(frame.index));
    m_timeline->setPlayhead(frame.index);
}

void MainWindow::saveProjectAs()
{
    if (m_controller->projectPath().isEmpty())
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), QString(), tr("Vigil projects (*.vigil)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".vigil")))
        path += QStringLiteral(".vigil");
    try {
        m_controller->saveProjectAs(path);
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
    }
}

void MainWindow::newProject()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QString(), tr("Vigil projects (*.vigil)"));
    if (!path.isEmpty())
        openProject(path.endsWith(QLatin1String(".vigil")) ? path : path + QStringLiteral(".vigil"));
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("Vigil projects (*.vigil)"));
    if (!path.isEmpty())
        openProject(path, {}, false);
}

void MainWindow::addVideosDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Videos"), QString(),
                                                            tr("Videos (*.mp4 *.mkv *.avi *.mov *.ts *.m4v *.webm);;All files (*)"));
    if (!files.isEmpty())
        m_controller->addVideos(files);
}

void MainWindow::addFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Folder"));
    if (!folder.isEmpty())
        m_controller->addVideos({folder});
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
        openDropped(paths);
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

QStringList MainWindow::recentProjects()
{
    return appSettings().value(settingKey::recentProjects).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    appSettings().setValue(settingKey::recentProjects, recent.mid(0, kRecentProjects));
}

void MainWindow::forgetRecent(const QString& path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    appSettings().setValue(settingKey::recentProjects, recent);
}

} // namespace vigil
