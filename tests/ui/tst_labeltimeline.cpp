// Label editing on the timeline as an annotator does it, offscreen with real mouse and key
// events on a real video: draw an interval in the labels lane, resize it by an edge (the
// player shows the edge frame), move it, snap an edge to the threshold with Shift, split
// at the playhead, merge, nudge edges, walk labels with Tab, jump to edges, loop
// playback inside one; every step checked against the project file and undone in order.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "playback/PlaybackWorker.h"
#include "player/VideoView.h"
#include "project/ProjectStore.h"
#include "review/LabelTimelineController.h"
#include "review/LabelsPanel.h"
#include "timeline/ScoreTimeline.h"

#include <qcustomplot.h>

#include <QListWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

void screenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestLabelTimeline : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void annotatorEditsIntervalsWithMouseAndKeys()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("edit.vigil"));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        WorkstationController* c = window.controller();
        ModelRecord model;
        model.name = QStringLiteral("golden-ucf");
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 120000);
        window.videoList()->setCurrentRow(0);
        ScoreTimeline* timeline = window.timeline();
        QTRY_VERIFY(timeline->scoreCount() == 243);
        QTest::qWait(300); // laid out and replotted: pixels map to frames
        QWidget* plot = timeline->plot();
        auto stored = [&] { return c->store()->labels(c->currentVideo()); };
        auto x = [&](qint64 frame) { return int(std::lround(timeline->plot()->xAxis->coordToPixel(double(frame)))); };
        const int lane = int(std::lround(timeline->labelsLanePixel()));
        auto drag = [&](int fromX, int toX, Qt::KeyboardModifiers modifiers = {}) {
            QTest::mousePress(plot, Qt::LeftButton, modifiers, QPoint(fromX, lane));
            for (int step = 1; step <= 8; ++step) {
                QMouseEvent move(QEvent::MouseMove, QPointF(fromX + (toX - fromX) * step / 8.0, lane),
                                 plot->mapToGlobal(QPointF(fromX + (toX - fromX) * step / 8.0, lane)), Qt::NoButton,
                                 Qt::LeftButton, modifiers);
                QApplication::sendEvent(plot, &move);
            }
            QTest::mouseRelease(plot, Qt::LeftButton, modifiers, QPoint(toX, lane));
        };
        auto shown = [&] { return window.videoView()->frameIndex(); };

        // Draw: a drag on empty lane from frame 40 to 80 is a label of frames 40-80.
        drag(x(40), x(80));
        QList<LabelRecord> labels = stored();
        QCOMPARE(labels.size(), 1);
        QVERIFY2(std::abs(labels[0].startFrame - 40) <= 1 && std::abs(labels[0].endFrame - 81) <= 1,
                 qPrintable(QStringLiteral("%1-%2").arg(labels[0].startFrame).arg(labels[0].endFrame)));
        const qint64 id = labels[0].id;
        QTRY_COMPARE(window.labelsPanel()->selectedIds(), QList<qint64>{id});
        screenshot(window, QStringLiteral("label-drawn.png"));

        // Resize by the end edge to frame 120: the player shows the frame under the edge.
        drag(x(labels[0].endFrame), x(120));
        labels = stored();
        QCOMPARE(labels.size(), 1);
        QVERIFY(std::abs(labels[0].endFrame - 120) <= 1);
        QTRY_VERIFY(std::abs(shown() - (labels[0].endFrame - 1)) <= 1);
        // Move the body 30 frames later: same length.
        const qint64 length = labels[0].endFrame - labels[0].startFrame;
        drag(x((labels[0].startFrame + labels[0].endFrame) / 2), x((labels[0].startFrame + labels[0].endFrame) / 2 + 30));
        const LabelRecord moved = stored().first();
        QCOMPARE(moved.endFrame - moved.startFrame, length);
        QVERIFY(std::abs(moved.startFrame - (labels[0].startFrame + 30)) <= 1);

        // Shift snaps an edge to the nearest crossing of the threshold.
        const qint64 crossing = timeline->thresholdCrossingNear(moved.startFrame - 5, 200);
        if (crossing >= 0 && crossing < moved.endFrame - 1) {
            drag(x(moved.startFrame), x(crossing) + 3, Qt::ShiftModifier);
            QCOMPARE(stored().first().startFrame, timeline->thresholdCrossingNear(crossing, 24));
        } else {
            qInfo("no threshold crossing near frame %lld: snapping not exercised here", qint64(moved.startFrame));
        }

        // Keys: nudge the first frame later by one frame and the last frame earlier by one
        // second (25 fps), split at the playhead, merge back, walk with Tab.
        LabelTimelineController* keys = window.labelTimeline();
        window.videoView()->setFocus();
        LabelRecord before = stored().first();
        QTest::keyClick(&window, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(stored().first().startFrame, before.startFrame + 1);
        before = stored().first();
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
        const qint64 fps = qint64(std::lround(c->store()->videos().first().frameRate));
        QCOMPARE(stored().first().endFrame, before.endFrame - fps);
        before = stored().first();
        const qint64 middle = (before.startFrame + before.endFrame) / 2;
        c->player().seek(middle);
        QTRY_COMPARE(shown(), middle);
        QTest::keyClick(&window, Qt::Key_S);
        labels = stored();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].endFrame, middle);
        QCOMPARE(labels[1].startFrame, middle);
        QCOMPARE(labels[1].endFrame, before.endFrame);
        QCOMPARE(labels[1].className, labels[0].className);
        // Ctrl+Down selects the second and shows its first frame; Ctrl+Up goes back (Tab
        // is left to the keyboard focus).
        QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
        QTRY_COMPARE(window.labelsPanel()->selectedIds(), QList<qint64>{labels[1].id});
        QTRY_COMPARE(shown(), labels[1].startFrame);
        QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
        QTRY_COMPARE(window.labelsPanel()->selectedIds(), QList<qint64>{labels[0].id});
        // Ctrl+End shows the selected label's last frame, Ctrl+Home its first.
        QTest::keyClick(&window, Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE(shown(), labels[0].endFrame - 1);
        QTest::keyClick(&window, Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE(shown(), labels[0].startFrame);
        screenshot(window, QStringLiteral("label-split.png"));
        // M merges it with the next: one label over both again.
        QTest::keyClick(&window, Qt::Key_M);
        labels = stored();
        QCOMPARE(labels.size(), 1);
        QCOMPARE(labels[0].startFrame, before.startFrame);
        QCOMPARE(labels[0].endFrame, before.endFrame);

        // Playback locked to the label: it loops inside it.
        keys->setPlayLock(LabelTimelineController::PlayLock::Loop);
        QTRY_COMPARE(window.labelsPanel()->selectedIds(), QList<qint64>{labels[0].id});
        c->player().seek(labels[0].endFrame - 8);
        QTRY_COMPARE(shown(), labels[0].endFrame - 8);
        qint64 highest = 0, lowest = 1 << 30;
        QObject guard;
        connect(c->player().worker(), &PlaybackWorker::frameReady, &guard, [&](const FrameImage& f) {
            highest = std::max<qint64>(highest, f.index);
            lowest = std::min<qint64>(lowest, f.index);
        });
        c->player().play(4);
        QTRY_VERIFY_WITH_TIMEOUT(lowest <= labels[0].startFrame + 2, 20000); // came round to the start
        c->player().pause();
        QVERIFY2(highest <= labels[0].endFrame + 1, qPrintable(QStringLiteral("played to %1").arg(highest)));
        // Or it stops at the label's last frame.
        keys->setPlayLock(LabelTimelineController::PlayLock::Stop);
        bool playing = false;
        connect(c->player().worker(), &PlaybackWorker::playingChanged, &guard, [&](bool p, double) { playing = p; });
        c->player().seek(labels[0].endFrame - 8);
        QTRY_COMPARE(shown(), labels[0].endFrame - 8);
        c->player().play(2);
        QTRY_VERIFY(playing);
        QTRY_VERIFY_WITH_TIMEOUT(!playing, 20000);
        QTRY_COMPARE(shown(), labels[0].endFrame - 1);
        keys->setPlayLock(LabelTimelineController::PlayLock::Off);

        // Delete removes the selected label; undo brings the same row back.
        window.showReviewTab(1);
        window.labelsPanel()->selectLabel(labels[0].id);
        QTest::keyClick(&window, Qt::Key_Delete);
        QVERIFY(stored().isEmpty());
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().first().id, labels[0].id);

        // Every step is one undo step, in order: undo them all and the video has no label;
        // redo them all and the project holds what it held, label for label.
        auto snapshot = [&] {
            QStringList rows;
            for (const LabelRecord& l : stored())
                rows << QStringLiteral("%1 %2-%3 %4").arg(l.id).arg(l.startFrame).arg(l.endFrame).arg(l.className);
            return rows;
        };
        const QStringList final = snapshot();
        int steps = 0;
        for (; steps < 30 && !stored().isEmpty(); ++steps)
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(stored().isEmpty());
        QVERIFY2(steps >= 8, qPrintable(QString::number(steps)));
        for (int i = 0; i < steps; ++i)
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(snapshot(), final);
        QVERIFY(c->store()->videoLabelHistory(c->currentVideo()).size() >= 2 * steps); // and the trail has it all
    }
};

QTEST_MAIN(TestLabelTimeline)
#include "tst_labeltimeline.moc"
