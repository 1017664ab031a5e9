// The main window: assembles the views (video library, player, timeline, jobs panel),
// the menus and the keyboard; the logic is in WorkstationController.
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QLineEdit;
class QTabWidget;
class QShortcut;
class QStackedWidget;
class QDockWidget;

namespace vigil {

class ClassChart;
class DetectionsPanel;
class JobsPanel;
class LabelsPanel;
class ScoreTimeline;
class ComparisonController;
class LabelTimelineController;
class LabelToolsController;
class ResearchController;
class SettingsController;
class ShortcutRegistry;
class TransportController;
class VideoListController;
class ReviewDockController;
class ScoreMenuController;
class ClipExportController;
class VideoMetricsController;
class TrainingController;
class VideoView;
class StartPage;
class HelpController;
class WorkstationController;
class PlayerPaneController;
class ProjectFilesController;

/// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    WorkstationController* controller() const { return m_controller; }
    VideoView* videoView() const { return m_view; }
    ScoreTimeline* timeline() const { return m_timeline; }
    QListWidget* videoList() const { return m_videos; }
    DetectionsPanel* detectionsPanel() const { return m_detectionsPanel; }
    LabelsPanel* labelsPanel() const { return m_labelsPanel; }
    /// Shows the detections (0) or the labels (1) in the review dock; the queue keys
    /// (digits, N, Delete) act on the one shown.
    void showReviewTab(int tab);
    ClassChart* classChart() const { return m_classChart; }
    JobsPanel* jobsPanel() const { return m_jobs; }
    TrainingController* training() const { return m_training; }
    ComparisonController* comparison() const { return m_comparison; }
    LabelTimelineController* labelTimeline() const { return m_labelTimeline; }
    LabelToolsController* labelTools() const { return m_labelTools; }
    ResearchController* research() const { return m_research; }
    SettingsController* settings() const { return m_settings; }
    ShortcutRegistry* shortcuts() const { return m_shortcuts; }
    ClipExportController* clipExport() const { return m_clipExport; }
    VideoMetricsController* videoMetrics() const { return m_videoMetrics; }
    /// Opens a project (creating it if new) and adds videos; errors are shown, not thrown.
    bool openProject(const QString& path, const QStringList& videos = {}, bool create = true);
    /// The shuttle rate (negative: backwards) and whether playback runs.
    double playbackRate() const;
    bool isPlaying() const;
    /// The start page is shown until a project opens.
    bool startPageShown() const;
    StartPage* startPage() const { return m_start; }
    /// The recent projects, newest first (state, not settings).
    static QStringList recentProjects();
    HelpController* help() const { return m_help; }
    /// Safe Mode: scoring on the CPU, no seek proxies, the saved layout neither restored nor saved.
    void setSafeMode(bool safe);
    /// The window's size, position and docks as the user left them (not in Safe Mode).
    void restoreLayout();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createMenus();
    void createShortcuts();
    void applyStoredShortcuts();
    void showKeyHints();
    void createHelpMenu();
    void showStartPage();
    void showWorkstation();
    void showError(const QString& message);

    WorkstationController* m_controller = nullptr;
    TrainingController* m_training = nullptr;
    ComparisonController* m_comparison = nullptr;
    LabelTimelineController* m_labelTimeline = nullptr;
    LabelToolsController* m_labelTools = nullptr;
    ResearchController* m_research = nullptr;
    SettingsController* m_settings = nullptr;
    ShortcutRegistry* m_shortcuts = nullptr;
    TransportController* m_transport = nullptr;
    VideoListController* m_videoList = nullptr;
    ReviewDockController* m_review = nullptr;
    ScoreMenuController* m_scoreMenu = nullptr;
    ClipExportController* m_clipExport = nullptr;
    VideoMetricsController* m_videoMetrics = nullptr;
    PlayerPaneController* m_pane = nullptr;
    ProjectFilesController* m_files = nullptr;
    QMenu *m_fileMenu = nullptr, *m_editMenu = nullptr, *m_helpMenu = nullptr;
    QStackedWidget* m_pages = nullptr;
    StartPage* m_start = nullptr;
    QWidget* m_workstation = nullptr;
    QList<QDockWidget*> m_docks;
    bool m_layoutRestored = false, m_firstShown = false;
    QList<QShortcut*> m_workstationShortcuts;
    VideoView* m_view = nullptr;
    ScoreTimeline* m_timeline = nullptr;
    QListWidget* m_videos = nullptr;
    DetectionsPanel* m_detectionsPanel = nullptr;
    LabelsPanel* m_labelsPanel = nullptr;
    QTabWidget* m_reviewTabs = nullptr;
    ClassChart* m_classChart = nullptr;
    JobsPanel* m_jobs = nullptr;
    QPushButton* m_playButton = nullptr;
    HelpController* m_help = nullptr;
    QLabel* m_safeLabel = nullptr;
};

} // namespace vigil
