// The research window on a scored project with ground truth and an analyst's label,
// offscreen: curves, histograms, the analyst-against-model matrix and its cells, failure
// cases one double-click from the player, plots saved as PNG and PDF (screenshots looked at).
#include "MainWindow.h"
#include "WorkstationController.h"
#include "player/VideoView.h"
#include "project/ProjectStore.h"
#include "research/ResearchController.h"
#include "research/ResearchWindow.h"
#include "review/LabelEditor.h"
#include "review/ModelComparison.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QPointer>
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

class TestResearchWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void researcherInspectsFailureCases()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString media = kShared + QStringLiteral("/media/");
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("research.vigil")),
                                   {media + "cctv_roadaccident.mp4", media + "RoadAccidents017_x264.mp4", media + "cctv_normal.mp4"}));
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
        QString finished;
        connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
        c->scoreVideos({});
        QTRY_VERIFY_WITH_TIMEOUT(finished == QLatin1String("Scoring done"), 300000);
        // The videos list shows each video's AUC and AP, as the project's evaluation gives them.
        QList<qint64> ids;
        QCOMPARE(ResearchController::truthSource(), TruthSource::Both); // the default
        const Evaluation evaluation = evaluateProjectModel(*c->store(), c->model()->id, TruthSource::Both, &ids);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QListWidgetItem* item = nullptr;
            for (int row = 0; row < window.videoList()->count(); ++row)
                if (window.videoList()->item(row)->data(Qt::UserRole).toLongLong() == ids[i])
                    item = window.videoList()->item(row);
            QVERIFY(item);
            if (std::isfinite(evaluation.videos[i].aucRoc))
                QTRY_VERIFY2(item->text().endsWith(QStringLiteral("\nAUC %1 AP %2")
                                                       .arg(evaluation.videos[i].aucRoc, 0, 'f', 2)
                                                       .arg(evaluation.videos[i].aucPr, 0, 'f', 2)),
                             qPrintable(item->text()));
            else
                QVERIFY(!item->text().contains(QLatin1String("AUC")));
        }
        // An analyst says part of the first video is Fighting: the matrix gets a row for it.
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(c->currentVideo() > 0);
        c->labels()->addLabel(20, 60, QStringLiteral("Fighting"));

        ResearchController* research = window.research();
        QSignalSpy refreshed(research, &ResearchController::refreshed);
        research->openWindow();
        ResearchWindow* w = research->window();
        QVERIFY(w);
        // No empty legend box while it computes.
        QVERIFY(!w->rocPlot()->legend->visible() && !w->prPlot()->legend->visible());
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() == 1, 60000);
        QCOMPARE(refreshed.first().first().toInt(), 1);
        QVERIFY(w->rocPlot()->plottableCount() >= 1);
        auto* roc = qobject_cast<QCPCurve*>(w->rocPlot()->plottable(0));
        QVERIFY(roc && roc->data()->size() > 10);
        QVERIFY(w->histogramPlot()->plottableCount() == 2);
        auto* map = qobject_cast<QCPColorMap*>(w->confusionPlot()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->valueSize(), 3); // Normal, RoadAccidents, Fighting
        QCOMPARE(map->data()->keySize(), 14);
        // The cell of the analyst's Fighting frames under the model's top class lists them.
        int fightingColumn = -1;
        const ResearchData data = researchData(*c->store(), c->model()->id, w->threshold(), TruthSource::Both);
        for (int col = 0; col < data.modelClasses.size(); ++col)
            if (data.confusion[2][size_t(col)] > 0)
                fightingColumn = col;
        QVERIFY(fightingColumn >= 0);
        w->showCell(2, fightingColumn);
        QVERIFY(w->cellTable()->rowCount() >= 1);
        // Failure cases, worst first, as the core computes them.
        QTableWidget* failures = w->failureTable();
        QCOMPARE(failures->rowCount(), int(data.failures.size()));
        QVERIFY(failures->rowCount() > 0);
        QCOMPARE(failures->item(0, 1)->text(), QString::number(data.failures.first().span.start));
        w->tabs()->setCurrentIndex(3);
        QTest::qWait(200);
        const QRect cell = failures->visualItemRect(failures->item(0, 0));
        QTest::mouseClick(failures->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(failures->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(c->currentVideo(), data.failures.first().span.videoId);
        QTRY_COMPARE(window.videoView()->frameIndex(), data.failures.first().span.start);
        // The truth is named on screen, and the figures are the command line's for it.
        auto* message = w->findChild<QLabel*>(QStringLiteral("researchMessage"));
        QVERIFY(message);
        const Evaluation both = evaluateProjectModel(*c->store(), c->model()->id, TruthSource::Both);
        QVERIFY2(message->text().startsWith(QStringLiteral("Truth: the ground truth and the analysts' labels")), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("AUC %1, AP %2 over %3 frames (%4 abnormal)")
                                              .arg(both.metrics.aucRoc, 0, 'f', 4)
                                              .arg(both.metrics.aucPr, 0, 'f', 4)
                                              .arg(both.metrics.frames)
                                              .arg(both.metrics.abnormalFrames)),
                 qPrintable(message->text()));
        // The legends stand under the curves, not on them.
        for (QCustomPlot* plot : {w->rocPlot(), w->prPlot()}) {
            QVERIFY(plot->legend->visible());
            QVERIFY(!plot->legend->outerRect().intersects(plot->axisRect()->rect()));
        }
        w->tabs()->setCurrentIndex(0);
        QTest::qWait(100);
        screenshot(*w, QStringLiteral("research-truth-both.png"));
        // Ground truth only: the analyst's Fighting row goes, the figures follow the command
        // line's, and so do the video list's, with the truth in each item's tooltip.
        w->truthBox()->setCurrentIndex(w->truthBox()->findData(int(TruthSource::GroundTruth)));
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() == 2, 60000);
        QCOMPARE(ResearchController::truthSource(), TruthSource::GroundTruth);
        const Evaluation ground = evaluateProjectModel(*c->store(), c->model()->id, TruthSource::GroundTruth);
        QVERIFY(ground.metrics.abnormalFrames < both.metrics.abnormalFrames);
        QVERIFY2(message->text().startsWith(QStringLiteral("Truth: the ground truth.")), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("AUC %1, AP %2 over %3 frames (%4 abnormal)")
                                              .arg(ground.metrics.aucRoc, 0, 'f', 4)
                                              .arg(ground.metrics.aucPr, 0, 'f', 4)
                                              .arg(ground.metrics.frames)
                                              .arg(ground.metrics.abnormalFrames)),
                 qPrintable(message->text()));
        QCOMPARE(qobject_cast<QCPColorMap*>(w->confusionPlot()->plottable(0))->data()->valueSize(), 2);
        QListWidgetItem* first = window.videoList()->item(0);
        QList<qint64> groundIds;
        const Evaluation perVideo = evaluateProjectModel(*c->store(), c->model()->id, TruthSource::GroundTruth, &groundIds);
        const qsizetype firstIndex = groundIds.indexOf(first->data(Qt::UserRole).toLongLong());
        QVERIFY(firstIndex >= 0 && std::isfinite(perVideo.videos[firstIndex].aucRoc));
        QTRY_VERIFY2(first->text().endsWith(QStringLiteral("\nAUC %1 AP %2")
                                                .arg(perVideo.videos[firstIndex].aucRoc, 0, 'f', 2)
                                                .arg(perVideo.videos[firstIndex].aucPr, 0, 'f', 2)),
                     qPrintable(first->text()));
        QTRY_VERIFY2(first->toolTip().endsWith(QStringLiteral("AUC and AP against the ground truth")), qPrintable(first->toolTip()));
        // Plots save as PNG and PDF.
        const QString png = dir.filePath(QStringLiteral("roc.png")), pdf = dir.filePath(QStringLiteral("confusion.pdf"));
        QVERIFY(w->savePlot(w->rocPlot(), png));
        QVERIFY(w->savePlot(w->confusionPlot(), pdf));
        QVERIFY(QFileInfo(png).size() > 1000 && QFileInfo(pdf).size() > 1000);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly) && pdfFile.read(5) == "%PDF-");
        for (int tab = 0; tab < 4; ++tab) {
            w->tabs()->setCurrentIndex(tab);
            QTest::qWait(100);
            screenshot(*w, QStringLiteral("research-%1.png").arg(tab));
        }
        // Ctrl+Q in the research window quits: every window closes with the application.
        QGuiApplication::setQuitOnLastWindowClosed(false); // the test's own loop goes on
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        const QPointer<ResearchWindow> shown = w; // deleted on close
        QTest::keyClick(w, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!shown || !shown->isVisible());
        QTRY_VERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestResearchWindow)
#include "tst_researchwindow.moc"
