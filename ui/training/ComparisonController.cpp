// The workstation's model comparison.
#include "training/ComparisonController.h"

#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "research/ResearchController.h"
#include "timeline/ScoreTimeline.h"
#include "training/ComparisonDialog.h"

#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace vigil {

ComparisonController::ComparisonController(WorkstationController* workstation, ScoreTimeline* timeline, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_timeline(timeline)
    , m_window(window)
{
    qRegisterMetaType<ModelComparison>();
    // After the window's own handlers (it connects first): the timeline has the new video
    // or the new scores by then.
    connect(m_workstation, &WorkstationController::videoOpened, this, &ComparisonController::updateOverlay);
    connect(m_workstation, &WorkstationController::scoresChanged, this, &ComparisonController::updateOverlay);
    connect(m_workstation, &WorkstationController::projectOpened, this, [this] {
        m_overlayModel = 0;
        if (m_dialog)
            m_dialog->close();
    });
}

ComparisonController::~ComparisonController()
{
    for (const QPointer<QThread>& thread : m_threads)
        if (thread)
            thread->wait();
}

ComparisonDialog* ComparisonController::dialog() const { return m_dialog; }

void ComparisonController::install(QMenu* menu)
{
    menu->addAction(tr("&Compare Models..."), this, &ComparisonController::openDialog)->setObjectName(QStringLiteral("training.compareModels"));
}

void ComparisonController::openDialog()
{
    ProjectStore* store = m_workstation->store();
    if (!store || store->models().size() < 2) {
        QMessageBox::information(m_window, tr("Compare Models"),
                                 tr("The project needs two models with scores: fine-tune one (Train > Fine-Tune Model) first."));
        return;
    }
    if (!m_dialog) {
        m_dialog = new ComparisonDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ComparisonDialog::compareRequested, this, &ComparisonController::compare);
        connect(m_dialog, &ComparisonDialog::videoActivated, m_workstation, &WorkstationController::selectVideo);
        connect(m_dialog, &ComparisonDialog::overlayChanged, this, [this] {
            m_overlayModel = m_dialog && m_dialog->overlay() ? m_dialog->modelA() : 0;
            updateOverlay();
        });
        connect(m_dialog, &QObject::destroyed, this, [this] {
            m_overlayModel = 0; // the overlay goes with the dialog
            updateOverlay();
        });
    }
    QList<QPair<qint64, QString>> models;
    for (const ModelRecord& m : store->models())
        models << qMakePair(m.id, m.name);
    // B: the workstation's model; A: its parent when it is a fine-tuned version, else the
    // first other model.
    const qint64 b = m_workstation->model() && m_workstation->model()->id > 0 ? m_workstation->model()->id : models.last().first;
    qint64 a = 0;
    if (const std::optional<ModelVersionRecord> version = store->modelVersion(b))
        a = version->parentModelId;
    for (const auto& [id, name] : models)
        if (a == 0 && id != b)
            a = id;
    m_dialog->setModels(models, a, b);
    m_dialog->setThreshold(store->detectionSettings().threshold);
    m_dialog->show();
    m_dialog->raise();
    compare();
}

void ComparisonController::compare()
{
    if (!m_dialog || !m_workstation->store())
        return;
    const qint64 a = m_dialog->modelA(), b = m_dialog->modelB();
    const double threshold = m_dialog->threshold();
    const TruthSource truth = ResearchController::truthSource();
    const QString path = m_workstation->store()->path();
    const int request = ++m_request;
    m_dialog->setMessage(tr("Comparing..."));
    m_dialog->compareButton()->setEnabled(false);
    // Its own connection (SQLite connections are per thread); every track of both models
    // is read, which takes seconds on a large project.
    QThread* thread = QThread::create([this, path, a, b, threshold, truth, request] {
        ModelComparison result;
        QString error;
        try {
            const auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
            result = compareModels(*store, a, b, threshold, truth);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, result, error, request] {
            if (request != m_request || !m_dialog)
                return;
            m_dialog->compareButton()->setEnabled(true);
            if (!error.isEmpty()) {
                m_dialog->setMessage(tr("Cannot compare: %1").arg(error));
                return;
            }
            m_dialog->setComparison(result);
            emit compared(result);
        });
    });
    thread->setObjectName(QStringLiteral("vigil-compare"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads << thread;
    thread->start(QThread::LowPriority);
}

void ComparisonController::updateOverlay()
{
    ProjectStore* store = m_workstation->store();
    const std::optional<ModelRecord> current = m_workstation->model();
    const qint64 videoId = m_workstation->currentVideo();
    if (!store || m_overlayModel == 0 || videoId <= 0 || (current && current->id == m_overlayModel)) {
        m_timeline->setComparisonScores({}, QString(), QString());
        return;
    }
    const std::optional<ScoreTrack> track = store->scores(videoId, m_overlayModel);
    QString otherName;
    for (const ModelRecord& m : store->models())
        if (m.id == m_overlayModel)
            otherName = m.name;
    if (!track) {
        m_timeline->setComparisonScores({}, QString(), QString());
        return;
    }
    m_timeline->setComparisonScores(QVector<float>(track->scores.begin(), track->scores.end()),
                                    current ? current->name : tr("current"), otherName);
}

} // namespace vigil
