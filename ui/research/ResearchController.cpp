// The research window's controller.
#include "research/ResearchController.h"

#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "research/ResearchWindow.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"

#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

namespace vigil {

ResearchController::ResearchController(WorkstationController* workstation, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_mainWindow(window)
{
    connect(workstation, &WorkstationController::projectOpened, this, [this] {
        if (m_window)
            m_window->close();
    });
}

ResearchController::~ResearchController()
{
    for (const QPointer<QThread>& thread : m_threads)
        if (thread)
            thread->wait();
}

ResearchWindow* ResearchController::window() const { return m_window; }

TruthSource ResearchController::truthSource()
{
    return parseTruthSource(appSettings().text(settingKey::truth)).value_or(TruthSource::Both);
}

void ResearchController::install(QMenu* menu)
{
    menu->addAction(tr("&Research Window..."), this, &ResearchController::openWindow)->setObjectName(QStringLiteral("research.researchWindow"));
}

void ResearchController::openWindow()
{
    ProjectStore* store = m_workstation->store();
    if (!store || store->models().isEmpty()) {
        QMessageBox::information(m_mainWindow, tr("Research"), tr("Score the project with a model first."));
        return;
    }
    if (!m_window) {
        m_window = new ResearchWindow(m_mainWindow);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_window, &ResearchWindow::refreshRequested, this, &ResearchController::refresh);
        connect(m_window, &ResearchWindow::spanActivated, this, [this](qint64 videoId, qint64 frame) {
            if (m_workstation->currentVideo() != videoId)
                m_workstation->selectVideo(videoId);
            m_workstation->player().pause();
            m_workstation->player().seek(frame);
        });
    }
    QList<QPair<qint64, QString>> models;
    for (const ModelRecord& m : store->models())
        models << qMakePair(m.id, m.name);
    QList<qint64> checked;
    if (m_workstation->model() && m_workstation->model()->id > 0)
        checked << m_workstation->model()->id;
    if (const std::optional<ModelVersionRecord> version = checked.isEmpty() ? std::nullopt : store->modelVersion(checked.first()))
        checked << version->parentModelId; // a fine-tuned model against the one it came from
    if (checked.isEmpty())
        checked << models.last().first;
    m_window->setModels(models, checked);
    m_window->setThreshold(store->detectionSettings().threshold);
    m_window->setTruthSource(truthSource());
    m_window->show();
    m_window->raise();
    refresh();
}

void ResearchController::refresh()
{
    if (!m_window || !m_workstation->store())
        return;
    const QList<qint64> models = m_window->checkedModels();
    const double threshold = m_window->threshold();
    const TruthSource truth = m_window->truthSource();
    if (truth != truthSource()) {
        appSettings().setValue(settingKey::truth, truthSourceKey(truth));
        emit truthSourceChanged(truth);
    }
    const QString path = m_workstation->store()->path();
    const int request = ++m_request;
    m_window->setMessage(tr("Computing..."));
    QThread* thread = QThread::create([this, path, models, threshold, truth, request] {
        QList<ResearchData> data;
        QStringList problems;
        try {
            const auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            for (const qint64 id : models) {
                try {
                    data << researchData(*store, id, threshold, truth);
                } catch (const std::exception& e) {
                    problems << QString::fromStdString(e.what());
                }
            }
        } catch (const std::exception& e) {
            problems << QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, data, problems, request] {
            if (request != m_request || !m_window)
                return;
            m_window->setData(data);
            if (!problems.isEmpty())
                m_window->setMessage(tr("Left out: %1").arg(problems.join(QStringLiteral("; "))));
            emit refreshed(int(data.size()));
        });
    });
    thread->setObjectName(QStringLiteral("vigil-research"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads << thread;
    thread->start(QThread::LowPriority);
}

} // namespace vigil
