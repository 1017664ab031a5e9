// The labels' tools around the editor: import and export in every interchange form (File
// menu, with a summary), the project's own classes (usable at once), the class of a video
// as a whole (from the videos list, undoable), the audit trail of a label or a video, the
// per-analyst report, and the undo history panel.
#pragma once

#include <QObject>
#include <QStringList>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace vigil {

class LabelsPanel;
class WorkstationController;

/// GUI thread.
class LabelToolsController : public QObject {
    Q_OBJECT
public:
    LabelToolsController(WorkstationController* workstation, LabelsPanel* panel, QMainWindow* window);

    /// File > Import Labels / Export Labels; Edit > classes, history, report, the undo
    /// history dock.
    void install(QMenu* file, QMenu* edit);

    /// The classes labels may take: the model's abnormal ones, then the project's own.
    QStringList labelClasses() const;
    void refreshClasses();

    // The actions, for the menus and tests. Dialog-free forms return what they did.
    /// Adds a class of the project's own and gives it to `ids` (if any); false if refused.
    bool addClass(const QString& name, const QList<qint64>& ids = {});
    /// The video's class as a whole ("" clears), one undo step.
    void setVideoClass(qint64 videoId, const QString& className);
    void chooseVideoClass(qint64 videoId);
    /// Imports `path` in `format` ("ucf", ...), its classes checked against
    /// knownLabelClasses(`classList`): a summary line, or throws vigil::Error (also when
    /// there is no class to check against: a project without a model needs `classList`).
    QString importLabels(const QString& format, const QString& path, const QString& classList = {});
    /// The classes a label may have: the model shown, every model of the project, the
    /// project's own, and `classList` ("ucf", "xd", "sht" or an id,name CSV) when given.
    QStringList knownLabelClasses(const QString& classList = {}) const;
    QString exportLabels(const QString& format, const QString& path);
    void showHistory(qint64 labelId);
    void showVideoHistory();
    void showReport();
    QDockWidget* undoDock() const { return m_undoDock; }

signals:
    void message(const QString& text);

private:
    void importDialog();
    void exportDialog();

    WorkstationController* m_workstation;
    LabelsPanel* m_panel;
    QMainWindow* m_window;
    QDockWidget* m_undoDock = nullptr;
};

} // namespace vigil
