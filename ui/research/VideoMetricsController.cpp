// Per-video metrics in the videos list.
#include "research/VideoMetricsController.h"

#include "WorkstationController.h"
#include "research/ResearchController.h"
#include "research/ResearchWindow.h"
#include "project/ProjectStore.h"
#include "review/ModelComparison.h"

#include <QListWidget>

#include <cmath>

namespace vigil {

VideoMetricsController::VideoMetricsController(WorkstationController* workstation, QListWidget* list, QObject* parent)
    : QObject(parent)
    , m_workstation(workstation)
    , m_list(list)
{
    // After the window's own handler of videosChanged: the list is rebuilt by then.
    connect(workstation, &WorkstationController::videosChanged, this, &VideoMetricsController::decorate);
    connect(workstation, &WorkstationController::projectOpened, this, [this] {
        m_metrics.clear();
        refresh();
    });
    connect(workstation, &WorkstationController::scoringFinished, this, &VideoMetricsController::refresh);
}

VideoMetricsController::~VideoMetricsController()
{
    for (const QPointer<QThread>& thread : m_threads)
        if (thread)
            thread->wait();
}

void VideoMetricsController::refresh()
{
    if (!m_workstation->store() || !m_workstation->model() || m_workstation->model()->id <= 0)
        return;
    const QString path = m_workstation->store()->path();
    const qint64 model = m_workstation->model()->id;
    const TruthSource truth = ResearchController::truthSource();
    const int request = ++m_request;
    QThread* thread = QThread::create([this, path, model, truth, request] {
        QHash<qint64, QPair<double, double>> metrics;
        try {
            const auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            QList<qint64> ids;
            const Evaluation e = evaluateProjectModel(*store, model, truth, &ids);
            for (qsizetype i = 0; i < ids.size() && i < e.videos.size(); ++i)
                if (std::isfinite(e.videos[i].aucRoc))
                    metrics.insert(ids[i], qMakePair(e.videos[i].aucRoc, e.videos[i].aucPr));
        } catch (const std::exception&) {
            // no scores or no truth yet: nothing to show
        }
        QMetaObject::invokeMethod(this, [this, metrics, truth, request] {
            if (request != m_request)
                return;
            m_metrics = metrics;
            m_truth = truth;
            decorate();
            emit updated();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads << thread;
    thread->start(QThread::LowPriority);
}

void VideoMetricsController::decorate()
{
    const QSignalBlocker blocker(m_list);
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const auto it = m_metrics.constFind(item->data(Qt::UserRole).toLongLong());
        QString text = item->text();
        // The figures on a line of their own, so that a narrow list does not cut them off.
        const qsizetype old = text.indexOf(QLatin1Char('\n'));
        if (old >= 0)
            text.truncate(old);
        if (it != m_metrics.constEnd())
            text += QLatin1Char('\n') + tr("AUC %1 AP %2").arg(it->first, 0, 'f', 2).arg(it->second, 0, 'f', 2);
        item->setText(text);
        // The path is the tooltip's first line (the list's own); the truth follows it.
        QString tip = item->toolTip().section(QLatin1Char('\n'), 0, 0);
        if (it != m_metrics.constEnd())
            tip += QLatin1Char('\n') + tr("AUC and AP against %1").arg(ResearchWindow::truthText(m_truth));
        item->setToolTip(tip);
    }
}

} // namespace vigil
