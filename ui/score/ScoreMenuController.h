// The Score menu: choose the model, score the selected videos, everything unscored or a
// folder, and the project's detection settings. Without a model the scoring actions (and
// any other action that needs one, such as Fine-Tune) are disabled and say why.
#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace vigil {

class WorkstationController;

/// GUI thread.
class ScoreMenuController : public QObject {
    Q_OBJECT
public:
    /// `selectedVideos` tells the videos selected in the Videos dock.
    ScoreMenuController(WorkstationController* workstation, std::function<QList<qint64>()> selectedVideos, QWidget* window);

    QMenu* install(QMenuBar* bar);
    /// Another action that needs a model (disabled and marked without one).
    void needsModel(QAction* action);
    void chooseModel();
    void editDetectionSettings();

signals:
    /// A model was chosen in the dialog.
    void modelChosen();
    /// The project's detection settings changed (the threshold shown moves).
    void thresholdChanged(double threshold);

private:
    void updateActions();

    WorkstationController* m_workstation;
    std::function<QList<qint64>()> m_selected;
    QWidget* m_window;
    QList<QAction*> m_needModel;
};

} // namespace vigil
