#include "PlayerPaneController.h"

#include "ClassChart.h"
#include "TransportController.h"
#include "VideoView.h"
#include "WorkstationController.h"
#include "timeline/IntervalLanes.h"
#include "timeline/ScoreTimeline.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil {

PlayerPaneController::PlayerPaneController(WorkstationController* controller, TransportController* transport, QWidget* window)
    : QObject(window)
    , m_controller(controller)
    , m_transport(transport)
{
    m_view = new VideoView(window);
    m_view->setObjectName(QStringLiteral("videoView"));
    m_timeline = new ScoreTimeline(window);
    m_detectionsLabel = new QLabel(window);
    m_detectionsLabel->setObjectName(QStringLiteral("detectionsLabel"));
    m_classChart = new ClassChart(window);

    auto* row = new QHBoxLayout;
    row->addWidget(transport->playButton());
    row->addWidget(transport->frameLabel(), 1);
    row->addWidget(m_detectionsLabel);
    row->addWidget(transport->jumpEdit());
    auto* playerRow = new QHBoxLayout;
    playerRow->addWidget(m_view, 4);
    playerRow->addWidget(m_classChart, 1);
    auto* top = new QWidget(window);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(playerRow, 1);
    topLayout->addLayout(row);
    auto* splitter = new QSplitter(Qt::Vertical, window);
    splitter->addWidget(top);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 280});
    m_widget = splitter;

    WorkstationController* c = controller;
    connect(m_view, &VideoView::seekRequested, this, [this](qint64 frame) {
        m_controller->player().seek(std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_transport->frames() - 1)));
    });
    connect(m_timeline, &ScoreTimeline::seekRequested, this, [c](qint64 frame) { c->player().seek(frame); });
    connect(m_timeline, &ScoreTimeline::thresholdDragged, this, [this, c](double t, bool final) {
        c->setThreshold(t, final);
        m_view->setThreshold(float(t));
    });
    connect(transport, &TransportController::jumped, this, [this] { m_view->setFocus(); });

    PlaybackWorker* player = c->player().worker();
    connect(player, &PlaybackWorker::frameReady, this, &PlayerPaneController::showFrame);
    connect(player, &PlaybackWorker::failed, this, [this](const QString&, const QString& text) { emit message(text, 15000); });
    connect(player, &PlaybackWorker::proxyProgress, this, [this](const QString& path, qint64 done, qint64 total) {
        emit message(tr("Preparing fast seeking in %1: %2%").arg(QFileInfo(path).fileName()).arg(total > 0 ? done * 100 / total : 0), 5000);
    });
    connect(player, &PlaybackWorker::proxyReady, this, [this](const QString& path) {
        emit message(tr("Fast seeking ready in %1").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(player, &PlaybackWorker::proxyFailed, this, [this](const QString& path, const QString& text) {
        emit message(tr("No fast seeking in %1 (seeks stay exact, only slower): %2").arg(QFileInfo(path).fileName(), text), 15000);
    });

    connect(c, &WorkstationController::videoOpened, this, [this](qint64, const QString& path, qint64 frames, double fps) {
        m_transport->setVideo(frames, fps);
        m_timeline->setVideo(frames, fps);
        m_view->setFrameCount(frames);
        m_classChart->setClasses(m_controller->abnormalClassNames());
        setThreshold(m_controller->threshold());
        emit message(path, 0);
    });
    connect(c, &WorkstationController::scoresChanged, m_timeline, &ScoreTimeline::setScores);
    connect(c, &WorkstationController::groundTruthChanged, m_timeline, &ScoreTimeline::setGroundTruth);
    connect(c, &WorkstationController::classProbabilitiesChanged, m_timeline, &ScoreTimeline::setClassProbabilities);
    connect(c, &WorkstationController::scoresAppended, m_timeline, &ScoreTimeline::appendScores);
    // While dragging (previewed, not stored) and once stored: the same count and lanes.
    connect(c, &WorkstationController::detectionsPreviewed, this, &PlayerPaneController::showDetections);
    connect(c, &WorkstationController::detectionsChanged, this, &PlayerPaneController::showDetections);
    connect(c, &WorkstationController::modelChanged, this, &PlayerPaneController::updatePlaceholder);
    updatePlaceholder();
}

void PlayerPaneController::clear()
{
    m_timeline->setVideo(0, 30);
    m_classChart->setProbabilities({});
    m_transport->setVideo(0, 30);
}

void PlayerPaneController::setThreshold(double threshold)
{
    m_timeline->setThreshold(threshold);
    m_view->setThreshold(float(threshold));
}

void PlayerPaneController::showFrame(const FrameImage& frame)
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

void PlayerPaneController::showDetections(int count, double perHour)
{
    m_detectionsLabel->setText(tr("%n detection(s), %1 alarms/h", nullptr, count).arg(perHour, 0, 'f', 1));
    QVector<TimelineEvent> events;
    for (const DetectionRecord& d : m_controller->currentDetections())
        events << TimelineEvent{d.startFrame, d.endFrame, d.state != ReviewState::Unreviewed, d.state == ReviewState::Rejected};
    m_timeline->setEvents(events);
}

void PlayerPaneController::updatePlaceholder()
{
    // The class chart's sentence names the step that is missing: a model, then a video.
    m_classChart->setPlaceholderText(m_controller->model()
                                         ? tr("The class probabilities at the playhead appear here: open a video from the Videos list.")
                                         : tr("The class probabilities at the playhead appear here once a model is chosen (Score > Choose Model)."));
}

} // namespace vigil
