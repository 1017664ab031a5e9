// Fine-tuning in the workstation, driven as an analyst would, offscreen: a project of real
// videos with imported annotations, scored with the golden model; Train > Fine-Tune Model
// checks the data, a run with live curves is cancelled and resumed, and its model becomes
// the workstation's, recorded as a version and used to re-score the project.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "research/ResearchController.h"
#include "timeline/ScoreTimeline.h"
#include "training/ComparisonController.h"
#include "training/ComparisonDialog.h"
#include "training/TrainingController.h"
#include "training/TrainingDialog.h"
#include "training/TrainingPanel.h"

#include <qcustomplot.h>

#include <QDockWidget>
#include <QElapsedTimer>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

void screenshot(QWidget& widget, const QString& name)
{
    // For looking at it: VIGIL_SCREENSHOT_DIR=/tmp ctest -R trainingwindow
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

// Waits up to `ms` for `done` (events processed). Unlike QTRY_*, a failure costs `ms`
// only, so the status text can be shown inside the test's time limit.
bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(50);
    return done();
}

} // namespace

class TestTrainingWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;
    QElapsedTimer m_clock;
    void mark(const char* what) { qInfo("%6.1f s  %s", m_clock.elapsed() / 1000.0, what); }
private slots:
    void initTestCase()
    {
        // Caches and settings of this run in a home of its own: the check must find the
        // videos unscored, whatever earlier runs cached.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void analystFineTunesCancelsResumesAndGetsANewModelVersion()
    {
        m_clock.start();
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("tune.vigil"));
        const QString media = kShared + QStringLiteral("/media/");
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {media + "cctv_roadaccident.mp4", media + "RoadAccidents017_x264.mp4",
                                                 media + "cctv_normal.mp4"}));
        QTRY_COMPARE(window.videoList()->count(), 3);
        WorkstationController* c = window.controller();
        const QString truth = dir.filePath(QStringLiteral("truth.txt"));
        {
            QFile file(truth);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("cctv_roadaccident RoadAccidents 90 185 -1 -1\nRoadAccidents017_x264 RoadAccidents 90 185 -1 -1\n"
                       "cctv_normal Normal -1 -1 -1 -1\n");
        }
        QCOMPARE(c->importGroundTruth(truth), 3);
        ModelRecord model;
        model.name = QStringLiteral("golden-ucf");
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);

        mark("project ready");
        TrainingController* training = window.training();
        training->openDialog();
        QTRY_VERIFY(training->dialog() != nullptr);
        TrainingDialog* dialog = training->dialog();
        // Nothing is scored yet: the check says so and offers to score first.
        QLabel* status = dialog->findChild<QLabel*>(QStringLiteral("trainingStatus"));
        QVERIFY2(waitFor([&] { return status->text().contains(QLatin1String("no cached features")); }, 60000),
                 qPrintable(status->text()));
        mark("checked");
        QVERIFY(!dialog->startButton()->isEnabled());
        QPushButton* scoreFirst = nullptr;
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QLatin1String("Score Unscored Videos"))
                scoreFirst = b;
        QVERIFY(scoreFirst && scoreFirst->isVisible());
        scoreFirst->click();
        // Scoring 4086 frames: 36 s alone, several times that beside another test on two cores.
        QVERIFY2(waitFor([&] { return status->text().startsWith(QLatin1String("Ready: 3 video(s).")); }, 400000),
                 qPrintable(status->text()));
        mark("scored and checked again");
        QVERIFY(dialog->startButton()->isEnabled());
        QTableWidget* table = dialog->classTable();
        QCOMPARE(table->rowCount(), 2); // RoadAccidents and Normal
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Normal (normal)"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("RoadAccidents"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("192")); // two intervals of 96 labelled frames
        screenshot(*dialog, QStringLiteral("training-dialog.png"));

        // Settings: 3 epochs, no warm-up, a large learning rate, batches of 4.
        const QList<QSpinBox*> spins = dialog->findChildren<QSpinBox*>();
        const QList<QDoubleSpinBox*> doubles = dialog->findChildren<QDoubleSpinBox*>();
        QCOMPARE(spins.size(), 4);   // epochs, warm-up, batch, seed
        QVERIFY(doubles.size() >= 2); // learning rate, validation, frame weight
        spins[0]->setValue(3);
        spins[1]->setValue(0);
        spins[2]->setValue(4);
        doubles[0]->setValue(1e-3);
        QCOMPARE(dialog->options().epochs, 3);
        QCOMPARE(dialog->options().learningRate, 1e-3);
        const QString name = dialog->modelName();
        QCOMPARE(name, QStringLiteral("golden-ucf-ft1"));

        // Start, and cancel in the second epoch: the run stops, the project keeps its models.
        TrainingPanel* panel = training->panel();
        QCustomPlot* plot = panel->plot();
        dialog->startButton()->click();
        QTRY_VERIFY(training->dock()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(plot->graph(0)->dataCount() == 1, 120000);
        mark("first epoch");
        panel->cancelButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!training->running(), 120000);
        QVERIFY2(panel->statusLabel()->text().startsWith(QLatin1String("Cancelled after epoch")), qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->resumeButton()->isEnabled());
        QCOMPARE(c->store()->models().size(), 1);
        QCOMPARE(c->model()->name, QStringLiteral("golden-ucf"));

        // Resume: the epochs go on from where they were and the run ends as a new model.
        QSignalSpy trained(training, &TrainingController::modelTrained);
        QString scored;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { scored = m; });
        panel->resumeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(trained.count() == 1, 300000);
        mark("trained");
        QCOMPARE(trained.first().first().toString(), name);
        for (int g = 0; g < 8; ++g)
            QCOMPARE(plot->graph(g)->dataCount(), 3); // every loss term, every epoch
        QCOMPARE(c->model()->name, name);
        QTRY_VERIFY_WITH_TIMEOUT(scored == QLatin1String("Scoring done"), 300000);
        screenshot(window, QStringLiteral("training-run.png"));

        mark("re-scored");
        ProjectStore* store = c->store();
        QCOMPARE(store->models().size(), 2);
        QCOMPARE(store->activeModelId(), c->model()->id);
        const std::optional<ModelVersionRecord> version = store->modelVersion(c->model()->id);
        QVERIFY(version.has_value());
        QCOMPARE(version->metrics.value(QStringLiteral("epochs")).toArray().size(), 3);
        QCOMPARE(version->data.value(QStringLiteral("train")).toArray().size(), 3);
        QVERIFY(store->unscoredVideos(c->model()->id).isEmpty()); // re-scored with the new model
        QVERIFY(QFileInfo::exists(modelVersionFolder(projectPath, name) + QStringLiteral("/last.ckpt")));
        QVERIFY(!QFileInfo::exists(modelVersionFolder(projectPath, name) + QStringLiteral("/training-state.pt")));

        // Train > Compare Models: the new version (B) against its parent (A), per video.
        ComparisonController* comparison = window.comparison();
        QSignalSpy compared(comparison, &ComparisonController::compared);
        comparison->openDialog();
        ComparisonDialog* compare = comparison->dialog();
        QVERIFY(compare);
        QTRY_VERIFY_WITH_TIMEOUT(compared.count() == 1, 60000);
        QCOMPARE(compare->modelA(), store->models().first().id);
        QCOMPARE(compare->modelB(), c->model()->id);
        const ModelComparison expected = compareModels(*store, compare->modelA(), compare->modelB(), compare->threshold(), ResearchController::truthSource());
        QTableWidget* rows = compare->table();
        QCOMPARE(rows->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const VideoComparison& v = expected.videos[row];
            QCOMPARE(rows->item(row, 0)->text(), v.name); // most regressed first, as computed
            QCOMPARE(rows->item(row, 6)->text(), QString::number(v.falsePositivesA));
            QCOMPARE(rows->item(row, 7)->text(), QString::number(v.falsePositivesB));
        }
        QVERIFY2(compare->summary()->text().contains(QStringLiteral("B (%1) against A (golden-ucf) on 3 video(s)").arg(name)),
                 qPrintable(compare->summary()->text()));
        // The overlay: A's scores drawn beside the current model's on the video opened.
        compare->overlayBox()->setChecked(true);
        QCOMPARE(comparison->overlayModel(), compare->modelA());
        QVERIFY(QTest::qWaitForWindowExposed(compare));
        const qint64 opened = rows->item(1, 0)->data(Qt::UserRole).toLongLong();
        const QRect cell = rows->visualItemRect(rows->item(1, 0));
        // A double-click's own press first: the view activates the item pressed.
        QTest::mouseClick(rows->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(rows->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(c->currentVideo(), opened);
        QTRY_VERIFY(window.timeline()->comparisonGraph()->dataCount() > 0);
        QVERIFY(window.timeline()->comparisonGraph()->name() == QLatin1String("golden-ucf"));
        QTest::qWait(1000); // the frame decoded and the queued replot done, for the picture
        screenshot(*compare, QStringLiteral("compare-dialog.png"));
        screenshot(window, QStringLiteral("compare-overlay.png"));
        compare->overlayBox()->setChecked(false);
        QCOMPARE(window.timeline()->comparisonGraph()->dataCount(), 0);
    }

    void aClassTheModelLacksIsOfferedAndLearned()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(QStringLiteral("custom.vigil"));
        const QString media = kShared + QStringLiteral("/media/");
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectPath, {media + "cctv_roadaccident.mp4", media + "RoadAccidents017_x264.mp4",
                                                 media + "cctv_normal.mp4"}));
        QTRY_COMPARE(window.videoList()->count(), 3);
        WorkstationController* c = window.controller();
        const QString truth = dir.filePath(QStringLiteral("truth.txt"));
        {
            QFile file(truth);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("cctv_roadaccident Wrong_Way 90 185 -1 -1\nRoadAccidents017_x264 Wrong_Way 90 185 -1 -1\n"
                       "cctv_normal Normal -1 -1 -1 -1\n");
        }
        QCOMPARE(c->importGroundTruth(truth), 3);
        ModelRecord model;
        model.name = QStringLiteral("golden-ucf");
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        c->setModel(model);
        // Scored first (from cached features when the test above ran), so that the check
        // below is about the classes alone.
        QString scored;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { scored = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(scored == QLatin1String("Scoring done"), 300000);
        scored.clear();

        TrainingController* training = window.training();
        training->openDialog();
        QTRY_VERIFY(training->dialog() != nullptr);
        TrainingDialog* dialog = training->dialog();
        QLabel* status = dialog->findChild<QLabel*>(QStringLiteral("trainingStatus"));
        QListWidget* classes = dialog->newClassList();
        // Only the normal video is usable: the run cannot start, the unknown class is offered.
        QVERIFY2(waitFor([&] { return classes->count() == 1 && status->text().contains(QLatin1String("Cannot start")); }, 60000),
                 qPrintable(status->text()));
        QVERIFY(classes->isVisible());
        QCOMPARE(classes->item(0)->text(), QStringLiteral("Wrong_Way (2 video(s))"));
        QVERIFY(!dialog->startButton()->isEnabled());
        // Ticked without the vocabulary: the check says what it needs.
        dialog->setVocabularyPath(QString());
        classes->item(0)->setCheckState(Qt::Checked);
        QVERIFY2(waitFor([&] { return status->text().contains(QLatin1String("vocabulary")); }, 60000), qPrintable(status->text()));
        QVERIFY(!dialog->startButton()->isEnabled());
        QLineEdit* vocabulary = dialog->findChild<QLineEdit*>(QStringLiteral("vocabularyPath"));
        vocabulary->setText(kShared + QStringLiteral("/clip/bpe_simple_vocab_16e6.txt.gz"));
        emit vocabulary->editingFinished();
        QVERIFY2(waitFor([&] { return status->text().startsWith(QLatin1String("Ready: 3 video(s).")); }, 60000),
                 qPrintable(status->text()));
        QTableWidget* table = dialog->classTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Wrong_Way (new)"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("2"));
        QCOMPARE(classes->count(), 1); // still listed, still ticked
        QCOMPARE(classes->item(0)->checkState(), Qt::Checked);
        screenshot(*dialog, QStringLiteral("training-dialog-new-class.png"));

        const QList<QSpinBox*> spins = dialog->findChildren<QSpinBox*>();
        spins[0]->setValue(1);
        spins[1]->setValue(0);
        spins[2]->setValue(4);
        QSignalSpy trained(training, &TrainingController::modelTrained);
        dialog->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(trained.count() == 1, 300000);
        QTRY_VERIFY_WITH_TIMEOUT(scored == QLatin1String("Scoring done"), 300000);
        // The new model names 15 classes, from the class list written beside it.
        const QString folder = modelVersionFolder(projectPath, c->model()->name);
        QCOMPARE(c->model()->labels, folder + QStringLiteral("/classes.csv"));
        const LabelSet labels = LabelSet::resolve(c->model()->labels.toStdString());
        QCOMPARE(labels.size(), 15);
        QCOMPARE(labels.modelOrderNames()[14], std::string("Wrong_Way"));
        const std::optional<ModelVersionRecord> version = c->store()->modelVersion(c->model()->id);
        QVERIFY(version.has_value());
        QCOMPARE(version->data.value(QStringLiteral("added_classes")).toArray().first().toString(), QStringLiteral("Wrong_Way"));
        const QList<VideoRecord> videos = c->store()->videos();
        const std::optional<ScoreTrack> track = c->store()->scores(videos.first().id, c->model()->id);
        QVERIFY(track.has_value());
        QCOMPARE(track->classes, 15);
        QVERIFY(track->classNames.contains(QStringLiteral("Wrong_Way")));
    }
};

QTEST_MAIN(TestTrainingWindow)
#include "tst_trainingwindow.moc"
