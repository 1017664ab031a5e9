// The Score menu.
#include "score/ScoreMenuController.h"

#include "WorkstationController.h"
#include "score/ScoreDialogs.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>

namespace vigil {

ScoreMenuController::ScoreMenuController(WorkstationController* workstation, std::function<QList<qint64>()> selectedVideos,
                                         QWidget* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_selected(std::move(selectedVideos))
    , m_window(window)
{
    connect(workstation, &WorkstationController::modelChanged, this, &ScoreMenuController::updateActions);
}

QMenu* ScoreMenuController::install(QMenuBar* bar)
{
    QMenu* score = bar->addMenu(tr("&Score"));
    score->addAction(tr("Choose &Model..."), this, &ScoreMenuController::chooseModel)->setObjectName(QStringLiteral("score.chooseModel"));
    QAction* selected = score->addAction(tr("Score &Selected Videos"), this, [this] {
        const QList<qint64> ids = m_selected();
        if (!ids.isEmpty())
            m_workstation->scoreVideos(ids);
    });
    selected->setObjectName(QStringLiteral("score.scoreSelectedVideos"));
    QAction* unscored = score->addAction(tr("Score &Everything Unscored"), this, [this] { m_workstation->scoreVideos({}); });
    unscored->setObjectName(QStringLiteral("score.scoreEverythingUnscored"));
    QAction* folder = score->addAction(tr("Score a &Folder..."), this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(m_window, tr("Score a Folder"));
        if (!chosen.isEmpty())
            m_workstation->addAndScoreVideos({chosen});
    });
    folder->setObjectName(QStringLiteral("score.scoreAFolder"));
    m_needModel << selected << unscored << folder;
    score->addSeparator();
    score->addAction(tr("&Detection Settings..."), this, &ScoreMenuController::editDetectionSettings)
        ->setObjectName(QStringLiteral("score.detectionSettings"));
    updateActions();
    return score;
}

void ScoreMenuController::needsModel(QAction* action)
{
    m_needModel << action;
    updateActions();
}

void ScoreMenuController::updateActions()
{
    // Without a model the scoring actions say why they cannot run, rather than failing.
    const bool model = m_workstation->model().has_value();
    for (QAction* action : std::as_const(m_needModel)) {
        if (!action->property("vigilText").isValid())
            action->setProperty("vigilText", action->text());
        const QString text = action->property("vigilText").toString();
        action->setEnabled(model);
        action->setText(model ? text : tr("%1 (needs a model: Score > Choose Model)").arg(text));
        action->setToolTip(model ? QString() : tr("Choose the AnomalyCLIP checkpoint first; Help > System Check says where to get it."));
    }
}

void ScoreMenuController::chooseModel()
{
    const std::optional<ModelChoice> chosen =
        chooseModelDialog(m_window, m_workstation->model(), m_workstation->device(), m_workstation->precision());
    if (!chosen)
        return;
    m_workstation->setDevice(chosen->device, chosen->precision);
    m_workstation->setModel(chosen->model);
    emit modelChosen();
}

void ScoreMenuController::editDetectionSettings()
{
    const std::optional<DetectionSettings> settings = detectionSettingsDialog(m_window, m_workstation->detectionSettings());
    if (!settings)
        return;
    m_workstation->setDetectionSettings(*settings);
    emit thresholdChanged(settings->threshold);
}

} // namespace vigil
