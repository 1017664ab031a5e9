// The review workstation driven as an analyst would, offscreen, with the real decoder,
// the golden checkpoint's small CLIP, real videos and a real project file: create a
// project, add videos, score them, click the timeline, step frames, play, drag the
// threshold.
#include "MainWindow.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "WorkstationController.h"
#include "jobs/JobsPanel.h"
#include "player/ClassChart.h"
#include "player/VideoView.h"
#include "review/DetectionsPanel.h"
#include "review/LabelEditor.h"
#include "review/LabelsPanel.h"
#include "model/InferenceSession.h"
#include "project/ProjectStore.h"
#include "timeline/ScoreTimeline.h"
#include "start/StartPage.h"
#include "SyntheticVideo.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

#include <numeric>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

void screenshot(QWidget& window, const QString& name)
{
    // For looking at it: VIGIL_SCREENSHOT_DIR=/tmp ctest -R mainwindow
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(window.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and caches away from the user's
    }

    void showsTitleAndMenus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Vigil"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        // Help last, as everywhere else.
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"), QStringLiteral("&Score"),
                                   QStringLiteral("&Train"), QStringLiteral("&Help")}));
        QStringList help;
        for (QAction* action : window.menuBar()->actions().last()->menu()->actions())
            if (!action->isSeparator())
                help << action->text();
        QCOMPARE(help, (QStringList{QStringLiteral("&Keyboard Shortcuts"), QStringLiteral("&System Check..."),
                                   QStringLiteral("&Reset Settings..."), QStringLiteral("Open &Log Folder"),
                                   QStringLiteral("&Copy Debug Information"), QStringLiteral("&About Vigil")}));
        // Without a model, scoring and fine-tuning say why they cannot run.
        QStringList marked;
        for (QAction* menu : window.menuBar()->actions())
            for (QAction* action : menu->menu()->actions())
                if (action->text().endsWith(QLatin1String(" (needs a model: Score > Choose Model)"))) {
                    QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
                    marked << action->text().section(QLatin1String(" (needs"), 0, 0);
                }
        QCOMPARE(marked, (QStringList{QStringLiteral("Score &Selected Videos"), QStringLiteral("Score &Everything Unscored"),
                                    QStringLiteral("Score a &Folder..."), QStringLiteral("&Fine-Tune Model...")}));
    }

    void startPageUntilAProjectOpens()
    {
        QTemporaryDir dir;
        const QString kept = dir.filePath(QStringLiteral("kept.vigil"));
        const QString gone = dir.filePath(QStringLiteral("gone.vigil"));
        ProjectStore::open(kept, ProjectStore::OpenMode::CreateIfMissing);
        appSettings().setValue(settingKey::recentProjects, QStringList{gone, kept});
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.startPageShown());
        QVERIFY(window.startPage()->isVisible());
        QVERIFY(!window.videoList()->isVisible()); // the docks wait for a project
        QListWidget* recent = window.startPage()->recentList();
        QCOMPARE(recent->count(), 2);
        QVERIFY2(recent->item(0)->text().startsWith(QLatin1String("gone.vigil (missing: ")), qPrintable(recent->item(0)->text()));
        QVERIFY(!recent->item(1)->text().contains(QLatin1String("missing")));
        screenshot(window, QStringLiteral("start-page.png"));
        // A missing project is removed from the list (and from the stored list), not opened.
        recent->setCurrentRow(0);
        emit recent->itemActivated(recent->item(0));
        QVERIFY(window.startPageShown());
        QTest::keyClick(recent, Qt::Key_Delete);
        QCOMPARE(recent->count(), 1);
        QCOMPARE(MainWindow::recentProjects(), QStringList{kept});
        // The one there opens, and the workstation replaces the start page.
        emit recent->itemActivated(recent->item(0));
        QVERIFY(!window.startPageShown());
        QVERIFY(window.windowTitle().startsWith(QLatin1String("kept.vigil")));
        QTRY_VERIFY(window.videoList()->isVisible());
        // Empty states: nothing negative, each panel says what it will show.
        auto* frameLabel = window.findChild<QLabel*>(QStringLiteral("frameLabel"));
        QCOMPARE(frameLabel->text(), QStringLiteral("No video open"));
        QVERIFY(window.timeline()->placeholderShown());
        QVERIFY(window.timeline()->placeholderText().contains(QLatin1String("Videos list")));
        QVERIFY(!window.timeline()->plot()->xAxis->tickLabels());
        // No made-up times: no ticks, no grid (nor its zero line), no minimap frame.
        QVERIFY(!window.timeline()->plot()->xAxis->ticks());
        QVERIFY(!window.timeline()->plot()->xAxis->grid()->visible());
        auto* minimap = window.timeline()->findChild<QCustomPlot*>(QStringLiteral("timelineMinimap"));
        QVERIFY(minimap && minimap->itemCount() == 1 && !minimap->item(0)->visible());
        QVERIFY(window.classChart()->placeholderShown());
        QVERIFY(window.classChart()->placeholderText().contains(QLatin1String("once a model is chosen")));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("videosPlaceholder"))->isVisible());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("detectionsCount"))->text().startsWith(QLatin1String("No detections")));
        screenshot(window, QStringLiteral("empty-project.png"));
    }

    void analystScoresAVideoAndNavigatesIt()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("review.vigil"));
        const QString road = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");
        const QString fight = kShared + QStringLiteral("/media/cctv_fighting.mp4");
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {road, fight}));
        QVERIFY(QFileInfo::exists(projectPath));
        QTRY_COMPARE(window.videoList()->count(), 2); // probed on a background thread
        QVERIFY(window.windowTitle().startsWith(QLatin1String("review.vigil")));

        WorkstationController* c = window.controller();
        ModelRecord model;
        model.name = QStringLiteral("golden-ucf");
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);
        QStringList errors;
        connect(c, &WorkstationController::errorOccurred, this, [&](const QString& m) { errors << m; });
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 300000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        // The jobs panel lists each video with its end state.
        QTreeWidget* jobs = window.jobsPanel()->tree();
        QCOMPARE(jobs->topLevelItemCount(), 2);
        for (int i = 0; i < 2; ++i)
            QVERIFY2(jobs->topLevelItem(i)->text(4).startsWith(QLatin1String("Done")), qPrintable(jobs->topLevelItem(i)->text(4)));
        // Scores and detections are in the project file.
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(store->unscoredVideos(c->model()->id).isEmpty());
            for (const VideoRecord& v : store->videos())
                QCOMPARE(store->scores(v.id, c->model()->id)->frames, v.frameCount);
        }
        QVERIFY(window.videoList()->item(0)->text().contains(QLatin1String("(scored)")));
        // A model and no video yet: the class chart names the step left.
        QVERIFY(window.classChart()->placeholderShown());
        QVERIFY2(window.classChart()->placeholderText().contains(QLatin1String("open a video from the Videos list")),
                 qPrintable(window.classChart()->placeholderText()));

        // Open the road accident video: its first frame and its score curve appear.
        window.videoList()->setCurrentRow(0);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(0));
        ScoreTimeline* timeline = window.timeline();
        QTRY_COMPARE(timeline->scoreCount(), 243);
        QVERIFY(c->currentTrack().has_value());
        QVERIFY(!timeline->placeholderShown());
        QVERIFY(!window.classChart()->placeholderShown());
        // Time ticks at round steps (as video editors place them), none negative.
        timeline->plot()->replot();
        {
            const QVector<double> ticks = timeline->plot()->xAxis->tickVector();
            const QVector<QString> labels = timeline->plot()->xAxis->tickVectorLabels();
            QVERIFY(ticks.size() >= 3);
            double fps = 0;
            for (const VideoRecord& v : c->videos())
                if (v.id == c->currentVideo())
                    fps = v.frameRate;
            QVERIFY(fps > 0);
            const double stepSeconds = (ticks[1] - ticks[0]) / fps;
            const QList<double> round = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
            QVERIFY2(std::any_of(round.begin(), round.end(), [&](double r) { return std::abs(r - stepSeconds) < 1e-6; }),
                     qPrintable(QString::number(stepSeconds)));
            for (int i = 0; i < ticks.size(); ++i) {
                const double seconds = ticks[i] / fps;
                QVERIFY(seconds >= 0);
                QVERIFY2(std::abs(seconds / stepSeconds - std::round(seconds / stepSeconds)) < 1e-6, qPrintable(labels[i]));
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d+:\\d\\d(\\.\\d)?$")).match(labels[i]).hasMatch(), qPrintable(labels[i]));
            }
        }

        // Click the timeline: the frame under the cursor is displayed.
        timeline->plot()->replot();
        const int x = int(timeline->pixelOfFrame(150));
        const int y = int(timeline->pixelOfScore(0.95));
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, QPoint(x, y));
        const qint64 clicked = timeline->frameAtPixel(x);
        QVERIFY(qAbs(clicked - 150) <= 1);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(clicked));
        QTRY_COMPARE(timeline->playhead(), clicked);
        auto* label = window.findChild<QLabel*>(QStringLiteral("frameLabel"));
        QTRY_VERIFY(label->text().startsWith(QStringLiteral("Frame %1 / 243").arg(clicked)));

        // The minimap moves the view: zoom in, click near the end of the overview.
        timeline->plot()->xAxis->setRange(0, 40);
        QCustomPlot* minimap = timeline->minimap();
        minimap->replot();
        QTest::mouseClick(minimap, Qt::LeftButton, {}, QPoint(int(minimap->xAxis->coordToPixel(200)), minimap->height() / 2));
        QTRY_VERIFY(qAbs(timeline->plot()->xAxis->range().center() - 200) < 3);
        QCOMPARE(timeline->plot()->xAxis->range().size(), 40.0);
        timeline->showWholeVideo();

        // Ground truth from a UCF-Crime annotation file appears as a lane.
        const QString annotations = dir.filePath(QStringLiteral("Temporal_Anomaly_Annotation.txt"));
        {
            QFile out(annotations);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
            out.write("cctv_roadaccident.mp4  RoadAccidents  90  185  -1  -1\n");
        }
        QCOMPARE(c->importGroundTruth(annotations), 1);
        QCOMPARE(c->currentGroundTruth().size(), 1);
        QCOMPARE(c->currentGroundTruth().first().endFrame, 186);

        // A label drawn over the accident with I and O takes the class the scores favour
        // there: the highest mean p(class | abnormal) over its frames.
        c->player().seek(90);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(90));
        QTest::keyClick(&window, Qt::Key_I);
        c->player().seek(185);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(185));
        QTest::keyClick(&window, Qt::Key_O);
        QCOMPARE(c->labels()->labels().size(), 1);
        {
            QVector<double> sums(13, 0.0);
            for (qint64 t = 90; t <= 185; ++t) {
                const QVector<double> p = c->frameClassProbabilities(t);
                for (int k = 0; k < p.size(); ++k)
                    sums[k] += p[k];
            }
            const int favoured = int(std::max_element(sums.begin(), sums.end()) - sums.begin());
            QCOMPARE(c->labels()->labels().first().className, c->abnormalClassNames()[favoured]);
        }
        QCOMPARE(window.videoView()->frameIndex(), int64_t(185)); // the player stays at the Out mark
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(c->labels()->labels().size(), 0);
        window.showReviewTab(0);
        c->player().seek(clicked);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(clicked));

        // Frame steps with the keyboard.
        window.videoView()->setFocus();
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(clicked + 1));
        QTest::keyClick(&window, Qt::Key_Comma);
        QTest::keyClick(&window, Qt::Key_Comma);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(clicked - 1));
        QTest::keyClick(&window, Qt::Key_Home);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(0));
        // p(class | abnormal) at the playhead: 13 bars summing to 1; the heatmap lane's
        // hover text names the top 3 classes of that frame.
        const QVector<double> bars = window.classChart()->probabilities();
        QCOMPARE(bars.size(), 13);
        QVERIFY(qAbs(std::accumulate(bars.begin(), bars.end(), 0.0) - 1.0) < 1e-4);
        const QStringList top = timeline->topClassesAt(0);
        QCOMPARE(top.size(), 3);
        const int best = int(std::max_element(bars.begin(), bars.end()) - bars.begin());
        QVERIFY2(top[0].startsWith(c->abnormalClassNames()[best] + QLatin1Char(' ')), qPrintable(top.join(',')));
        // The top-class band: with fewer frames than columns, each column is one frame.
        QCOMPARE(timeline->bandClassAt(0), best);
        screenshot(window, QStringLiteral("mainwindow-scored.png"));

        // Play for a second: about 30 frames go by.
        QTest::keyClick(&window, Qt::Key_Space);
        QTest::qWait(1000);
        QTest::keyClick(&window, Qt::Key_Space);
        QTest::qWait(100);
        const int64_t played = window.videoView()->frameIndex();
        QVERIFY2(played >= 20 && played <= 45, qPrintable(QString::number(played)));

        // Drag the threshold line down: detections are re-segmented and the count shown.
        auto* detections = window.findChild<QLabel*>(QStringLiteral("detectionsLabel"));
        const double before = c->threshold();
        const int lineY = int(timeline->pixelOfScore(before));
        QTest::mousePress(timeline->plot(), Qt::LeftButton, {}, QPoint(x, lineY));
        QSignalSpy resegmented(c, &WorkstationController::projectResegmented);
        QMouseEvent move(QEvent::MouseMove, QPointF(x, timeline->pixelOfScore(0.05)), timeline->plot()->mapToGlobal(QPointF(x, timeline->pixelOfScore(0.05))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline->plot(), &move);
        QTest::mouseRelease(timeline->plot(), Qt::LeftButton, {}, QPoint(x, int(timeline->pixelOfScore(0.05))));
        QVERIFY2(qAbs(c->threshold() - 0.05) < 0.02, qPrintable(QString::number(c->threshold())));
        QVERIFY(c->currentDetections().size() >= 1);
        QVERIFY2(detections->text().contains(QStringLiteral("%1 detection").arg(c->currentDetections().size())), qPrintable(detections->text()));
        QTRY_COMPARE(resegmented.size(), 1); // the other videos, in the background
        {
            // Saved with the project, and every scored video re-segmented, not only this one.
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(qAbs(store->detectionSettings().threshold - c->threshold()) < 1e-9);
            for (const VideoRecord& v : store->videos()) {
                DetectionFilter filter;
                filter.videoId = v.id;
                QVERIFY2(!store->detections(filter).isEmpty(), qPrintable(v.path));
            }
        }
        // A minimum duration longer than the videos leaves no detection anywhere.
        DetectionSettings strict = c->detectionSettings();
        strict.minDurationSeconds = 600;
        c->setDetectionSettings(strict);
        QCOMPARE(c->currentDetections().size(), 0);
        QTRY_COMPARE(resegmented.size(), 2);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(store->detections({}).isEmpty());
            QCOMPARE(store->detectionSettings().minDurationSeconds, 600.0);
        }
        strict.minDurationSeconds = 1.0;
        c->setDetectionSettings(strict);
        QVERIFY(c->currentDetections().size() >= 1);
        QTRY_COMPARE(resegmented.size(), 3);
        window.videoList()->setCurrentRow(1);
        QTRY_COMPARE(timeline->scoreCount(), 1105);
        QTest::qWait(200);
        screenshot(window, QStringLiteral("mainwindow-fighting.png"));

        // The review queue: the detections of this video, highest peak first, walked with keys.
        DetectionsPanel* panel = window.detectionsPanel();
        QTableView* table = panel->table();
        QVERIFY(table->model()->rowCount() >= 1);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QList<qint64> queue;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            queue << table->model()->index(row, 0).data(Qt::UserRole + 1).toLongLong();
        QVERIFY(queue.size() >= 1);
        // The current detection plays from 4 s before its start: frames go by.
        {
            DetectionFilter all;
            qint64 start = -1;
            for (const DetectionRecord& d : c->detections(all))
                if (d.id == queue[0])
                    start = d.startFrame;
            QVERIFY(start >= 0);
            const int64_t from = std::max<int64_t>(0, start - 4 * 30);
            QTRY_VERIFY(window.videoView()->frameIndex() >= from && window.videoView()->frameIndex() <= from + 60);
            const int64_t seen = window.videoView()->frameIndex();
            QTRY_VERIFY(window.videoView()->frameIndex() > seen);
        }
        QTest::keyClick(table, Qt::Key_A); // accept, move to the next
        if (queue.size() >= 2) {
            QTRY_COMPARE(panel->currentId(), queue[1]);
            QTest::keyClick(table, Qt::Key_X); // reject
        }
        QTest::keyClick(table, Qt::Key_3);     // third abnormal class on the current one
        const int third = panel->classForDigit(3);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            QHash<qint64, DetectionRecord> stored;
            for (const DetectionRecord& d : store->detections({}))
                stored.insert(d.id, d);
            QCOMPARE(stored.value(queue[0]).state, ReviewState::Accepted);
            QVERIFY(stored.value(queue[0]).reviewedAt.isValid());
            if (queue.size() >= 2)
                QCOMPARE(stored.value(queue[1]).state, ReviewState::Rejected);
            QCOMPARE(stored.value(panel->currentId()).correctedClass, third);
        }
        // The queue opened the detection's video: the list and the player follow.
        const qint64 shownVideo = c->currentVideo();
        QCOMPARE(window.videoList()->currentItem()->data(Qt::UserRole).toLongLong(), shownVideo);
        // Select all and mark reviewed.
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(table, Qt::Key_A);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            DetectionFilter filter;
            filter.state = ReviewState::Unreviewed;
            filter.videoId = c->currentVideo();
            QVERIFY(store->detections(filter).isEmpty());
        }
        // Each review edit is one undo step: undoing "accept all" restores the earlier states.
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            QHash<qint64, DetectionRecord> stored;
            for (const DetectionRecord& d : store->detections({}))
                stored.insert(d.id, d);
            QCOMPARE(stored.value(queue[0]).state, ReviewState::Accepted);
            if (queue.size() >= 2)
                QCOMPARE(stored.value(queue[1]).state, ReviewState::Rejected);
        }
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            for (const DetectionRecord& d : store->detections({}))
                QCOMPARE(d.state, ReviewState::Accepted);
        }
        screenshot(window, QStringLiteral("mainwindow-review.png"));
        // The queue's keys also work with the focus on the player: PageUp/PageDown move, X rejects.
        window.videoView()->setFocus();
        QTest::keyClick(window.videoView(), Qt::Key_PageUp);
        const qint64 target = panel->currentId();
        QVERIFY(target > 0);
        QTest::keyClick(window.videoView(), Qt::Key_X);
        {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            for (const DetectionRecord& d : store->detections({}))
                if (d.id == target)
                    QCOMPARE(d.state, ReviewState::Rejected);
        }
        QTest::keyClick(window.videoView(), Qt::Key_Z, Qt::ControlModifier); // undo the reject
        window.controller()->player().pause();

        // Reopened in a new window, the project shows its scores, detections and reviews
        // without choosing the model again.
        MainWindow again;
        again.show();
        QVERIFY(again.openProject(projectPath, {}, false));
        QTRY_COMPARE(again.videoList()->count(), 2);
        QVERIFY(again.videoList()->item(0)->text().contains(QLatin1String("(scored)")));
        again.videoList()->setCurrentRow(0);
        QTRY_COMPARE(again.timeline()->scoreCount(), 243);
        QVERIFY(again.controller()->currentDetections().size() >= 1);
        QCOMPARE(again.controller()->currentDetections().first().state, ReviewState::Accepted);
        // A project that does not exist is not created by File > Open.
        QVERIFY(!again.openProject(dir.filePath(QStringLiteral("nothing.vigil")), {}, false));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nothing.vigil"))));
    }

    // The analyst labels an event the model may have missed: I and O at its first and last
    // frame, a class by number key, a note; every step undoable and stored at once.
    void analystLabelsAnEventWithInAndOutKeys()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("labels.vigil"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        WorkstationController* c = window.controller();
        ModelRecord model; // its class list; nothing is scored here
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);
        window.videoList()->setCurrentRow(0);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(0));
        const QStringList classes = c->abnormalClassNames();
        QCOMPARE(classes.size(), 13);
        auto stored = [&] {
            auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::OpenExisting);
            return store->labels(c->currentVideo());
        };
        auto showFrame = [&](qint64 frame) {
            c->player().seek(frame);
            QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(frame));
        };

        window.videoView()->setFocus();
        showFrame(30);
        QTest::keyClick(&window, Qt::Key_I);
        QCOMPARE(window.timeline()->marks(), qMakePair(qint64(30), qint64(-1)));
        showFrame(90);
        QTest::keyClick(&window, Qt::Key_O);
        QCOMPARE(window.timeline()->marks(), qMakePair(qint64(-1), qint64(-1)));
        QList<LabelRecord> labels = stored();
        QCOMPARE(labels.size(), 1);
        QCOMPARE(labels[0].startFrame, 30);
        QCOMPARE(labels[0].endFrame, 91); // the frame shown at O is the label's last
        QCOMPARE(labels[0].className, classes[0]); // unscored: the first abnormal class
        const qint64 id = labels[0].id;
        // The new label is shown and selected in the Labels tab, and drawn in its lane.
        auto* tabs = window.findChild<QTabWidget*>();
        QCOMPARE(tabs->currentWidget(), window.labelsPanel());
        QCOMPARE(window.labelsPanel()->selectedIds(), QList<qint64>{id});
        QCOMPARE(window.labelsPanel()->table()->rowCount(), 1);
        QCOMPARE(window.timeline()->labelCount(), 1);

        // 4 sets the fourth class; undo takes it back, then the label itself; redo restores
        // the same row.
        QTest::keyClick(&window, Qt::Key_4);
        QCOMPARE(stored().first().className, classes[3]);
        QCOMPARE(window.labelsPanel()->table()->item(0, 3)->text(), classes[3]);
        // Scoring the video replaces its detections (and clears their undo steps); the
        // labels' steps stay. Undo acts on the tab shown.
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 120000);
        window.showReviewTab(0);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().first().className, classes[3]);
        window.showReviewTab(1);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().first().className, classes[0]);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().size(), 0);
        QCOMPARE(window.timeline()->labelCount(), 0);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().first().id, id);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stored().first().className, classes[3]);

        // Out before In works too; Escape drops a half-drawn label.
        showFrame(200);
        QTest::keyClick(&window, Qt::Key_O);
        showFrame(150);
        QTest::keyClick(&window, Qt::Key_I);
        labels = stored();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[1].startFrame, 150);
        QCOMPARE(labels[1].endFrame, 201);
        QTest::keyClick(&window, Qt::Key_I);
        QCOMPARE(window.timeline()->marks().first, 150);
        QTest::keyClick(&window, Qt::Key_Escape);
        QCOMPARE(window.timeline()->marks(), qMakePair(qint64(-1), qint64(-1)));
        QCOMPARE(stored().size(), 2);

        // Shift+O moves the selected label's last frame to the frame shown.
        window.labelsPanel()->selectLabel(id);
        showFrame(100);
        QTest::keyClick(&window, Qt::Key_O, Qt::ShiftModifier);
        QCOMPARE(stored().first().endFrame, 101);
        // Delete removes the selected label; undo brings it back.
        window.videoView()->setFocus();
        window.labelsPanel()->selectLabel(id);
        QTest::keyClick(&window, Qt::Key_Delete);
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().first().startFrame, 150);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().size(), 2);
        QCOMPARE(window.timeline()->labelCount(), 2);
        window.timeline()->plot()->replot();
        screenshot(window, QStringLiteral("mainwindow-labels.png"));

        // Reopened, the project shows them.
        MainWindow again;
        again.show();
        QVERIFY(again.openProject(projectPath, {}, false));
        QTRY_COMPARE(again.videoList()->count(), 1);
        again.videoList()->setCurrentRow(0);
        QTRY_COMPARE(again.labelsPanel()->table()->rowCount(), 2);
        QCOMPARE(again.labelsPanel()->table()->item(0, 3)->text(), classes[3]);
    }

    // A click on the timeline of a long-GOP video: the seek proxy's picture of that frame
    // at once (marked in the overlay), then the exact frame.
    void longGopVideoSeeksThroughItsProxy()
    {
        QTemporaryDir dir;
        const vigil::test::SyntheticSpec spec = vigil::test::longGopH264(300, 300);
        if (!vigil::test::hasEncoder(spec.encoder))
            QSKIP("no libx264 encoder in this FFmpeg");
        const QString video = dir.filePath(QStringLiteral("camera.mp4"));
        const std::string error = vigil::test::writeSyntheticVideo(video.toStdString(), spec);
        QVERIFY2(error.empty(), error.c_str());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkstationController* c = window.controller();
        ProxySettings proxies; // what a 1080p file with long keyframe intervals gets by default
        proxies.directory = dir.filePath(QStringLiteral("proxies"));
        proxies.minSeekPixels = 0;
        c->player().setProxySettings(proxies);
        QSignalSpy ready(c->player().worker(), &PlaybackWorker::proxyReady);
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil")), {video}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        window.videoList()->setCurrentRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Fast seeking ready")));

        bool grabbed = false;
        connect(c->player().worker(), &PlaybackWorker::frameReady, this, [&](const FrameImage& f) {
            if (f.proxy && !grabbed) { // the window has just shown it
                grabbed = true;
                QVERIFY(window.videoView()->showingProxy());
                QCOMPARE(window.videoView()->frameIndex(), f.index);
                screenshot(window, QStringLiteral("mainwindow-proxy.png"));
            }
        });
        ScoreTimeline* timeline = window.timeline();
        timeline->plot()->replot();
        const int x = int(timeline->pixelOfFrame(220));
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, QPoint(x, int(timeline->pixelOfScore(0.9))));
        const qint64 clicked = timeline->frameAtPixel(x);
        QTRY_VERIFY(grabbed);
        QTRY_VERIFY(!window.videoView()->showingProxy() && window.videoView()->frameIndex() == clicked);
    }

    void movedVideoIsFoundAgainByContent()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("cam1.mp4"));
        QVERIFY(QFile::copy(kShared + QStringLiteral("/media/cctv_roadaccident.mp4"), original));
        MainWindow window;
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil")), {original}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        QDir().mkpath(dir.filePath(QStringLiteral("moved")));
        const QString moved = dir.filePath(QStringLiteral("moved/cam1-renamed.mp4"));
        QVERIFY(QFile::rename(original, moved));
        window.controller()->addVideos({original}); // refresh: the file is gone
        QTRY_VERIFY(window.videoList()->item(0)->text().contains(QLatin1String("(missing)")));
        QSignalSpy added(window.controller(), &WorkstationController::videosAdded);
        window.controller()->addVideos({dir.filePath(QStringLiteral("moved"))});
        QTRY_COMPARE(added.size(), 1);
        QCOMPARE(added[0][0].toInt(), 0); // nothing new
        QCOMPARE(added[0][1].toInt(), 1); // one found again
        QCOMPARE(window.videoList()->count(), 1);
        QCOMPARE(window.controller()->videos().first().path, QFileInfo(moved).absoluteFilePath());
        QVERIFY(!window.videoList()->item(0)->text().contains(QLatin1String("(missing)")));
    }

    void scoringAFolderAddsAndScoresItsVideos()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("cams/north")));
        QVERIFY(QFile::copy(kShared + QStringLiteral("/media/cctv_roadaccident.mp4"), dir.filePath(QStringLiteral("cams/north/road.mp4"))));
        MainWindow window;
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil"))));
        WorkstationController* c = window.controller();
        ModelRecord model;
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->addAndScoreVideos({dir.filePath(QStringLiteral("cams"))});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 120000);
        QCOMPARE(c->videos().size(), 1);
        QVERIFY(c->store()->hasScores(c->videos().first().id, c->model()->id));
        const std::vector<float> fp32 = c->store()->scores(c->videos().first().id, c->model()->id)->scores;

        // Scored again on the CPU in int8 (Score > Choose Model's device list): new
        // features under their own cache key, scores close to fp32's.
        if (!int8Available())
            QSKIP("this LibTorch has no quantized engine: the int8 part is not run");
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/vigil/features");
        for (const QString& entry : QDir(cache).entryList({QStringLiteral("*-int8")}, QDir::Dirs))
            QDir(cache + QLatin1Char('/') + entry).removeRecursively(); // left by an earlier run of this test
        c->setDevice(ComputeDevice::Cpu, Precision::Int8);
        finished.clear();
        QStringList ends;
        connect(c, &WorkstationController::scoringVideoEnded, this, [&](const QString&, const QString& state) { ends << state; });
        c->scoreVideos({c->videos().first().id});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 120000);
        QCOMPARE(ends.size(), 1);
        QVERIFY2(ends[0].startsWith(QLatin1String("Done")) && !ends[0].contains(QLatin1String("cached")), qPrintable(ends[0]));
        // A model of its own in the project: the fp32 scores stay as they were.
        const qint64 fp32Id = c->store()->models().first().id;
        QVERIFY(c->model()->id != fp32Id);
        QVERIFY(c->model()->name.endsWith(QLatin1String("(int8)")));
        QCOMPARE(c->store()->scores(c->videos().first().id, fp32Id)->scores, fp32);
        const std::vector<float> int8 = c->store()->scores(c->videos().first().id, c->model()->id)->scores;
        QCOMPARE(int8.size(), fp32.size());
        float worst = 0;
        for (size_t t = 0; t < fp32.size(); ++t)
            worst = std::max(worst, std::abs(int8[t] - fp32[t]));
        QVERIFY2(worst > 0 && worst < 0.02f, qPrintable(QString::number(worst)));
        // Back to fp32: its scores, no scoring needed.
        c->setDevice(ComputeDevice::Cpu, Precision::Float32);
        QCOMPARE(c->model()->id, fp32Id);
        QVERIFY(c->store()->unscoredVideos(fp32Id).isEmpty());
        QVERIFY(!QDir(cache).entryList({QStringLiteral("*-int8")}, QDir::Dirs).isEmpty());
    }

    void droppedFilesAreAdded()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil"))));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kShared + QStringLiteral("/media/cctv_roadaccident.mp4")),
                      QUrl::fromLocalFile(kShared + QStringLiteral("/media/cctv_fighting.mp4"))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(window.videoList()->count(), 2);
    }

    void transportKeysShuttleJumpAndToggle()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil")), {kShared + QStringLiteral("/media/cctv_fighting.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        window.videoList()->setCurrentRow(0);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(0));
        window.videoView()->setFocus();

        // L plays, L again doubles; K stops; J plays backwards.
        QTest::keyClick(&window, Qt::Key_L);
        QTRY_VERIFY(window.isPlaying());
        QCOMPARE(window.playbackRate(), 1.0);
        QTest::keyClick(&window, Qt::Key_L);
        QTRY_COMPARE(window.playbackRate(), 2.0);
        QTRY_VERIFY(window.videoView()->frameIndex() > 0); // frames go by
        QTest::keyClick(&window, Qt::Key_K);
        QTRY_VERIFY(!window.isPlaying());
        // Backwards from far enough in that the start is not reached while we look.
        window.controller()->player().seek(600);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(600));
        const int64_t stoppedAt = 600;
        QTest::keyClick(&window, Qt::Key_J);
        QTRY_VERIFY(window.isPlaying());
        QCOMPARE(window.playbackRate(), -1.0);
        QTRY_VERIFY(window.videoView()->frameIndex() < stoppedAt);
        QTest::keyClick(&window, Qt::Key_K);
        QTRY_VERIFY(!window.isPlaying());
        // ] and [ change the speed; Space plays forward at it.
        QTest::keyClick(&window, Qt::Key_BracketRight);
        QCOMPARE(window.playbackRate(), -2.0);
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY(window.isPlaying());
        QCOMPARE(window.playbackRate(), 2.0);
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY(!window.isPlaying());
        QTest::keyClick(&window, Qt::Key_BracketLeft);
        QCOMPARE(window.playbackRate(), 1.0);

        // End, Shift+Left (one second back), then Ctrl+G jumps to a typed frame or time.
        QTest::keyClick(&window, Qt::Key_End);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(1104));
        QTest::keyClick(&window, Qt::Key_Left, Qt::ShiftModifier);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(1074));
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
        QWidget* edit = QApplication::focusWidget();
        QVERIFY(qobject_cast<QLineEdit*>(edit));
        QTest::keyClicks(edit, QStringLiteral("500"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(500));
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
        edit = QApplication::focusWidget();
        QTest::keyClicks(edit, QStringLiteral("0:10"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(window.videoView()->frameIndex(), int64_t(300));

        // V toggles the overlay.
        QVERIFY(window.videoView()->overlayVisible());
        QTest::keyClick(&window, Qt::Key_V);
        QVERIFY(!window.videoView()->overlayVisible());
    }

    void saveAsContinuesInTheCopy()
    {
        QTemporaryDir dir;
        MainWindow window;
        const QString first = dir.filePath(QStringLiteral("a.vigil"));
        QVERIFY(window.openProject(first, {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        const QString copy = dir.filePath(QStringLiteral("b.vigil"));
        window.controller()->saveProjectAs(copy);
        QCOMPARE(window.controller()->projectPath(), QFileInfo(copy).absoluteFilePath());
        QCOMPARE(window.videoList()->count(), 1);
        auto store = ProjectStore::open(copy, ProjectStore::OpenMode::OpenExisting);
        QCOMPARE(store->videos().size(), 1);
    }

    // Score > Choose Model and Score > Detection Settings, filled in as a user would.
    void theScoreMenuDialogsSetTheModelAndTheDetectionSettings()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("dialogs.vigil")), {}));
        auto trigger = [&](const QString& text) {
            for (QAction* menu : window.menuBar()->actions())
                for (QAction* action : menu->menu()->actions())
                    if (action->text() == text)
                        return action->trigger(), true;
            return false;
        };
        bool filled = false;
        QTimer::singleShot(200, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            const QList<QLineEdit*> fields = dialog->findChildren<QLineEdit*>();
            QVERIFY(fields.size() >= 3);
            fields[0]->setText(QStringLiteral(VIGIL_SHARED_DIR "/golden/ucf/last.ckpt"));
            fields[1]->setText(QStringLiteral(VIGIL_SHARED_DIR "/golden/ucf/ncentroid.pt"));
            auto* device = dialog->findChild<QComboBox*>(QStringLiteral("deviceChoice"));
            device->setCurrentIndex(device->findText(QStringLiteral("CPU")));
            filled = true;
            dialog->accept();
        });
        QVERIFY(trigger(QStringLiteral("Choose &Model...")));
        QVERIFY(filled);
        QVERIFY(window.controller()->model());
        QCOMPARE(window.controller()->model()->name, QStringLiteral("ucf"));
        QCOMPARE(window.controller()->device(), ComputeDevice::Cpu);
        filled = false;
        QTimer::singleShot(200, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            const QList<QDoubleSpinBox*> boxes = dialog->findChildren<QDoubleSpinBox*>();
            QCOMPARE(boxes.size(), 4);
            boxes[0]->setValue(0.65); // the threshold
            filled = true;
            dialog->accept();
        });
        QVERIFY(trigger(QStringLiteral("&Detection Settings...")));
        QVERIFY(filled);
        QCOMPARE(window.controller()->detectionSettings().threshold, 0.65);
        QCOMPARE(window.controller()->store()->detectionSettings().threshold, 0.65);
        QCOMPARE(window.timeline()->threshold(), 0.65);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
