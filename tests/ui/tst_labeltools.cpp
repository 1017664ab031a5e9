// The labels' tools in the workstation, offscreen: a second window on the same project is
// read-only and refuses edits (the edit stays undone), a class of the project's own is
// usable at once, a video's class is set and undone, labels go out and in through the
// tools (a bad file changes nothing), and the trail, the report and the undo history are
// shown (screenshots looked at).
#include "MainWindow.h"
#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "export/ClipExportController.h"
#include "review/LabelEditor.h"
#include "review/LabelToolsController.h"
#include "review/LabelsPanel.h"

#include <QDialog>
#include <QDockWidget>
#include <QSignalSpy>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUndoView>
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

ModelRecord golden()
{
    ModelRecord model;
    model.name = QStringLiteral("golden-ucf");
    model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
    model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
    model.labels = QStringLiteral("ucf");
    return model;
}

} // namespace

class TestLabelTools : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void toolsAroundTheLabels()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("tools.vigil"));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        WorkstationController* c = window.controller();
        c->setModel(golden());
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(c->currentVideo() > 0);
        LabelToolsController* tools = window.labelTools();
        LabelEditor* editor = c->labels();
        editor->addLabel(10, 50, QStringLiteral("Arson"));
        QTRY_COMPARE(editor->labels().size(), 1);
        const qint64 id = editor->labels().first().id;

        // A class of the project's own: offered at once and given to the label.
        QVERIFY(tools->addClass(QStringLiteral("Loitering"), {id}));
        QCOMPARE(c->store()->label(id)->className, QStringLiteral("Loitering"));
        QVERIFY(tools->labelClasses().contains(QStringLiteral("Loitering")));
        QCOMPARE(tools->labelClasses().size(), 14); // 13 abnormal classes of the model, then it
        editor->setNote(id, QStringLiteral("by the gate"));

        // The video's class as a whole, shown in the list, one undo step.
        const qint64 video = c->currentVideo();
        tools->setVideoClass(video, QStringLiteral("RoadAccidents"));
        QCOMPARE(c->store()->video(video)->videoClass, QStringLiteral("RoadAccidents"));
        QTRY_VERIFY(window.videoList()->item(0)->text().contains(QLatin1String("[RoadAccidents]")));
        c->labelUndoStack()->undo();
        QCOMPARE(c->store()->video(video)->videoClass, QString());
        c->labelUndoStack()->redo();
        QCOMPARE(c->store()->video(video)->videoClass, QStringLiteral("RoadAccidents"));

        // Out and in: JSON keeps everything; a bad UCF file is refused with its line and
        // changes nothing.
        const QString json = dir.filePath(QStringLiteral("labels.json"));
        QVERIFY(tools->exportLabels(QStringLiteral("json"), json).startsWith(QLatin1String("Exported 1 label(s) of 1 video(s)")));
        const QString bad = dir.filePath(QStringLiteral("bad.txt"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("cctv_roadaccident Arson 1 5\ncctv_roadaccident Juggling 7 9\n");
        }
        const QString revision = c->store()->labelRevision();
        try {
            tools->importLabels(QStringLiteral("ucf"), bad);
            QFAIL("a bad file was imported");
        } catch (const std::exception& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(bad + QStringLiteral(":2:")), e.what());
        }
        QCOMPARE(c->store()->labelRevision(), revision);
        QVERIFY(tools->importLabels(QStringLiteral("json"), json).startsWith(QLatin1String("Imported 1 label(s) for 1 video(s), replacing 1")));
        QTRY_COMPARE(editor->labels().size(), 1);
        QCOMPARE(editor->labels().first().note, QStringLiteral("by the gate"));
        QCOMPARE(editor->labels().first().className, QStringLiteral("Loitering"));

        // The trail of the label, the report, the undo history.
        const qint64 imported = editor->labels().first().id;
        editor->setBounds(imported, 12, 50);
        tools->showHistory(imported);
        auto* history = window.findChild<QDialog*>(QStringLiteral("labelHistory"));
        QVERIFY(history);
        QTableWidget* rows = history->findChild<QTableWidget*>();
        QCOMPARE(rows->rowCount(), 2); // added by the import, then changed
        QCOMPARE(rows->item(1, 2)->text(), QStringLiteral("change"));
        QVERIFY(rows->item(1, 3)->text().startsWith(QLatin1String("frames 10-49, Loitering")));
        QVERIFY(rows->item(1, 4)->text().startsWith(QLatin1String("frames 12-49, Loitering")));
        screenshot(*history, QStringLiteral("label-history.png"));
        history->close();
        tools->showReport();
        auto* report = window.findChild<QDialog*>(QStringLiteral("analystReport"));
        QVERIFY(report);
        QCOMPARE(report->findChild<QTableWidget*>()->rowCount(), 1);
        report->close();
        tools->undoDock()->show();
        auto* undoView = tools->undoDock()->findChild<QUndoView*>();
        QVERIFY(undoView);
        QTRY_VERIFY(undoView->model()->rowCount() >= 2);
        QVERIFY(undoView->model()->index(1, 0).data().toString().contains(QLatin1String("extent")));
        screenshot(window, QStringLiteral("label-tools.png"));

        // A second window on the same project: read-only, said so, edits refused and undone.
        MainWindow second;
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QString said;
        connect(second.controller(), &WorkstationController::errorOccurred, this, [&](const QString& m) { said = m; });
        QVERIFY(second.openProject(projectPath, {}, false));
        QVERIFY(second.controller()->store()->isReadOnly());
        QTRY_VERIFY2(said.contains(QLatin1String("Another Vigil has")), qPrintable(said));
        second.videoList()->setCurrentRow(0);
        QTRY_VERIFY(second.controller()->currentVideo() == video);
        second.controller()->labels()->addLabel(100, 120, QStringLiteral("Arson"));
        QTRY_VERIFY2(said.contains(QLatin1String("the project is read-only")), qPrintable(said));
        QCOMPARE(second.controller()->labelUndoStack()->count(), 0); // the refused step is not kept
        QCOMPARE(c->store()->labels(video).size(), 1);
        QCOMPARE(second.controller()->labels()->labels().size(), 1);
    }

    void aDetectionBecomesALabelWithWhatTheModelSaid()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("model.vigil")), {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        WorkstationController* c = window.controller();
        c->store()->setAuthor(QStringLiteral("ana"));
        c->setModel(golden());
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 120000);
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(!c->currentDetections().isEmpty());
        const DetectionRecord d = c->currentDetections().first();
        // Shown, looked at for a moment, then made a label.
        c->playDetection(d);
        QTest::qWait(400);
        c->makeLabels({d.id});
        QTRY_COMPARE(c->labels()->labels().size(), 1);
        const LabelRecord l = c->labels()->labels().first();
        QCOMPARE(l.source, LabelSource::Model);
        QCOMPARE(l.startFrame, d.startFrame);
        QCOMPARE(l.endFrame, d.endFrame);
        QCOMPARE(l.modelClass, c->classNames().value(d.topClass));
        QCOMPARE(l.className, l.modelClass);
        QCOMPARE(l.modelPeak, double(d.peakScore));
        QCOMPARE(l.modelId, c->model()->id);
        QCOMPARE(l.detectionId, d.id);
        QVERIFY2(l.decisionSeconds >= 0.35 && l.decisionSeconds < 30, qPrintable(QString::number(l.decisionSeconds)));
        QCOMPARE(l.author, QStringLiteral("ana"));
        QList<AnalystReport> report = c->store()->analystReports();
        QCOMPARE(report.size(), 1);
        QCOMPARE(report[0].accepted, 1);
        // The analyst widens it: the label now counts as modified; undo makes it unchanged.
        c->labels()->setBounds(l.id, l.startFrame, l.endFrame + 10);
        QCOMPARE(c->store()->analystReports()[0].modified, 1);
        c->labelUndoStack()->undo();
        QCOMPARE(c->store()->analystReports()[0].accepted, 1);
        // A timed rejection of the detection itself is recorded with its time and author.
        c->playDetection(d);
        QTest::qWait(200);
        c->setReviewState({d.id}, ReviewState::Rejected);
        DetectionFilter filter;
        filter.videoId = c->currentVideo();
        const DetectionRecord reviewed = c->detections(filter).first();
        QCOMPARE(reviewed.state, ReviewState::Rejected);
        QCOMPARE(reviewed.reviewedBy, QStringLiteral("ana"));
        QVERIFY(reviewed.decisionSeconds >= 0.15);

        // File > Export Clips, as the dialog starts it: the label goes out as evidence, off
        // the GUI thread, with its sidecar and the manifest.
        ClipExportController* exporter = window.clipExport();
        QSignalSpy done(exporter, &ClipExportController::finished);
        ClipExportOptions options;
        options.outDir = dir.filePath(QStringLiteral("evidence"));
        exporter->start({}, options);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 60000);
        const ClipBatch batch = done.first().first().value<ClipBatch>();
        QVERIFY2(done.first().at(1).toString().isEmpty(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(batch.clips.size(), 1);
        QVERIFY(QFileInfo::exists(batch.clips.first().sidecar));
        QVERIFY(QFileInfo::exists(batch.manifest));
    }

    // A project without a model: a misspelt class is not taken for a new one. The import
    // asks for a class list; with one, the file's classes are checked against it.
    void aProjectWithoutAModelChecksClassesAgainstAChosenList()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("bare.vigil")), {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        WorkstationController* c = window.controller();
        QVERIFY(!c->model());
        LabelToolsController* tools = window.labelTools();
        QVERIFY(tools->knownLabelClasses().isEmpty());
        QCOMPARE(tools->knownLabelClasses(QStringLiteral("xd")).size(), 7);
        const QString misspelt = dir.filePath(QStringLiteral("misspelt.txt")), good = dir.filePath(QStringLiteral("good.txt"));
        for (const auto& [path, text] : {std::pair{misspelt, QByteArray("cctv_roadaccident.mp4  Explos@on  10  40  -1  -1\n")},
                                         std::pair{good, QByteArray("cctv_roadaccident.mp4  RoadAccidents  10  40  -1  -1\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const QString revision = c->store()->labelRevision();
        for (const QString& list : {QString(), QStringLiteral("ucf")}) {
            try {
                tools->importLabels(QStringLiteral("ucf"), misspelt, list);
                QFAIL("a misspelt class was imported");
            } catch (const std::exception& e) {
                const QString message = QString::fromUtf8(e.what());
                QVERIFY2(list.isEmpty() ? message.contains(QLatin1String("no model to take its class names from"))
                                        : message.contains(QLatin1String("unknown class 'Explos@on'")),
                         e.what());
            }
        }
        QCOMPARE(c->store()->labelRevision(), revision);
        QVERIFY(tools->importLabels(QStringLiteral("ucf"), good, QStringLiteral("ucf")).startsWith(QLatin1String("Imported 1 label(s)")));
        QCOMPARE(c->store()->allLabels().first().className, QStringLiteral("RoadAccidents"));
    }
};

QTEST_MAIN(TestLabelTools)
#include "tst_labeltools.moc"
