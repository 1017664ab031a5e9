// The workstation's training controller.
#include "training/TrainingController.h"

#include "WorkstationController.h"
#include "diagnostics/CrashGuard.h"
#include "project/ProjectStore.h"
#include "training/TrainingDialog.h"
#include "training/TrainingPanel.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"

#include <QDebug>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

namespace vigil {

TrainingController::TrainingController(WorkstationController* workstation, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_window(window)
{
    qRegisterMetaType<TrainingReadiness>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<ModelRecord>();
    m_thread.setObjectName(QStringLiteral("vigil-training"));
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);

    connect(m_worker, &TrainingWorker::checked, this, [this](const TrainingReadiness& readiness) {
        if (m_dialog)
            m_dialog->setReadiness(readiness);
    });
    connect(m_worker, &TrainingWorker::started, this,
            [this](int done, int epochs, const QStringList& train, const QStringList& validation) {
                qInfo().noquote() << "training started:" << m_request.newName << "epochs" << done << "of" << epochs << "on"
                                  << train.size() << "video(s), validating on" << validation.size();
                CrashGuard::setLastAction(QStringLiteral("training %1").arg(m_request.newName));
                m_panel->start(m_request.newName, done, epochs, int(train.size()), int(validation.size()));
            });
    connect(m_worker, &TrainingWorker::stepDone, this,
            [this](int epoch, int step, int steps) { m_panel->setStep(epoch, step, steps, -1); });
    connect(m_worker, &TrainingWorker::epochFinished, this, [this](const EpochReport& r) { m_panel->addEpoch(r); });
    connect(m_worker, &TrainingWorker::cancelled, this, [this](int done) {
        m_running = false;
        qInfo().noquote() << "training cancelled after" << done << "epoch(s)";
        m_panel->setCancelled(done);
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString& message) {
        if (m_dialog && !m_running) {
            m_dialog->setChecking(tr("The check failed: %1").arg(message));
            return;
        }
        m_running = false;
        qWarning().noquote() << "training failed:" << message;
        m_panel->setFailed(message);
    });
    connect(m_worker, &TrainingWorker::finished, this, [this](const ModelRecord& model, const EpochReport& best) {
        m_running = false;
        qInfo().noquote() << "training finished:" << model.name << "best epoch" << best.epoch << "head" << model.headFingerprint.left(16);
        m_panel->setFinished(model.name, best);
        m_workstation->setModel(model);
        if (ProjectStore* store = m_workstation->store())
            store->setActiveModelId(model.id);
        m_workstation->scoreVideos({}); // every video, from the cached features
        emit modelTrained(model.name);
    });
    // The check runs again once every video it asked to score has ended (done or not).
    connect(m_workstation, &WorkstationController::scoringVideoEnded, this, [this] {
        if (m_pendingScores > 0 && --m_pendingScores == 0 && m_dialog)
            check();
    });
}

TrainingController::~TrainingController()
{
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

TrainingDialog* TrainingController::dialog() const { return m_dialog; }

void TrainingController::install()
{
    QMenu* menu = m_menu = m_window->menuBar()->addMenu(tr("&Train"));
    m_fineTune = menu->addAction(tr("&Fine-Tune Model..."), this, &TrainingController::openDialog);
    m_fineTune->setObjectName(QStringLiteral("training.fineTuneModel"));
    menu->addAction(tr("Use Model &Version..."), this, &TrainingController::chooseVersion)->setObjectName(QStringLiteral("training.useModelVersion"));
    m_panel = new TrainingPanel(m_window);
    m_dock = new QDockWidget(tr("Training"), m_window);
    m_dock->setObjectName(QStringLiteral("trainingDock"));
    m_dock->setWidget(m_panel);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    m_dock->toggleViewAction()->setObjectName(QStringLiteral("training.showTrainingPanel"));
    menu->addAction(m_dock->toggleViewAction());
    connect(m_panel, &TrainingPanel::cancelRequested, this, [this] { m_worker->cancel(); });
    connect(m_panel, &TrainingPanel::resumeRequested, this, [this] { run(true); });
}

QString TrainingController::suggestedName() const
{
    const QString base = m_workstation->model() ? m_workstation->model()->name : QStringLiteral("model");
    QStringList taken;
    if (ProjectStore* store = m_workstation->store())
        for (const ModelRecord& m : store->models())
            taken << m.name;
    int n = 1;
    while (taken.contains(QStringLiteral("%1-ft%2").arg(base).arg(n)) ||
           QFileInfo::exists(modelVersionFolder(m_workstation->projectPath(), QStringLiteral("%1-ft%2").arg(base).arg(n))))
        ++n;
    return QStringLiteral("%1-ft%2").arg(base).arg(n);
}

void TrainingController::openDialog()
{
    if (m_running) {
        m_dock->show();
        return;
    }
    const std::optional<ModelRecord> model = m_workstation->model();
    if (!m_workstation->store() || !model) {
        QMessageBox::information(m_window, tr("Fine-Tune Model"),
                                 tr("Open a project and choose the model to start from (Score > Choose Model) first."));
        return;
    }
    m_request = TrainingRequest();
    m_request.projectPath = m_workstation->projectPath();
    m_request.base = *model;
    try {
        m_request.labels = LabelSet::resolve(model->labels.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Fine-Tune Model"), QString::fromStdString(e.what()));
        return;
    }
    TrainingOptions defaults;
    defaults.learningRate = paperLearningRate(model->labels.toStdString());
    m_request.options = defaults;
    auto* dialog = new TrainingDialog(defaults, suggestedName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setVocabularyPath(appSettings().text(settingKey::vocabulary));
    m_dialog = dialog;
    connect(dialog, &TrainingDialog::recheckRequested, this, &TrainingController::check);
    connect(dialog, &TrainingDialog::scoreFirstRequested, this, [this](const QList<qint64>& ids) {
        m_pendingScores = int(ids.size());
        m_dialog->setChecking(tr("Scoring %n video(s); the check runs again when they are done...", nullptr, int(ids.size())));
        m_workstation->scoreVideos(ids);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_request.options = dialog->options();
        m_request.newName = dialog->modelName();
        m_request.newClasses = dialog->newClasses();
        m_request.vocabularyPath = dialog->vocabularyPath();
        run(false);
    });
    dialog->show();
    check();
}

void TrainingController::check()
{
    if (!m_dialog)
        return;
    TrainingRequest request = m_request;
    request.options = m_dialog->options();
    request.newClasses = m_dialog->newClasses();
    request.vocabularyPath = m_dialog->vocabularyPath();
    if (!request.vocabularyPath.isEmpty())
        appSettings().setValue(settingKey::vocabulary, request.vocabularyPath);
    m_dialog->setChecking(tr("Checking the project's training data..."));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request] { worker->check(request); });
}

void TrainingController::run(bool resume)
{
    if (m_request.newName.isEmpty()) {
        QMessageBox::warning(m_window, tr("Fine-Tune Model"), tr("The new model needs a name."));
        return;
    }
    m_request.resume = resume;
    m_running = true;
    m_dock->show();
    m_dock->raise();
    m_panel->start(m_request.newName, 0, m_request.options.epochs, 0, 0);
    const TrainingRequest request = m_request;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request] { worker->run(request); });
}

void TrainingController::chooseVersion()
{
    ProjectStore* store = m_workstation->store();
    if (!store)
        return;
    const QList<ModelRecord> models = store->models();
    if (models.isEmpty()) {
        QMessageBox::information(m_window, tr("Use Model Version"), tr("The project has no model yet."));
        return;
    }
    QStringList names;
    int current = 0;
    for (const ModelRecord& m : models) {
        QString text = m.name;
        if (const std::optional<ModelVersionRecord> version = store->modelVersion(m.id)) {
            const QJsonValue auc = version->metrics.value(QStringLiteral("validation_auc"));
            text += tr(" (fine-tuned, validation AUC %1)").arg(auc.isDouble() ? QString::number(auc.toDouble(), 'f', 4) : tr("-"));
        }
        if (m_workstation->model() && m_workstation->model()->id == m.id)
            current = int(names.size());
        names << text;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Use Model Version"), tr("Model"), names, current, false, &ok);
    if (!ok)
        return;
    const ModelRecord& model = models[names.indexOf(chosen)];
    m_workstation->setModel(model);
    store->setActiveModelId(model.id);
    m_workstation->scoreVideos({}); // what this model has not scored yet
}

} // namespace vigil
