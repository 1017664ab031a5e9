// vigil-cli eval as a user runs it: golden features scored to CSV, an annotation file made
// from the golden frame labels, and the JSON compared with the reference's metrics; the
// project form against the files form on a real video; bad input refused with the name.
#include "CliRun.h"

#include "model/LabelSet.h"
#include "model/NpyArray.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil::test;

namespace {

// Our scores differ from the reference's by up to 3e-7 (tst_parity), which moves the
// metrics by about as much; the metrics themselves match to 1e-6 on the reference's own
// scores (tst_metrics).
constexpr double kTolerance = 1e-5;

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
    file.write(text);
}

} // namespace

class TestCliEval : public QObject {
    Q_OBJECT
private slots:
    void metricsOfGoldenScoresMatchTheReference_data()
    {
        QTest::addColumn<QString>("set");
        QTest::addColumn<QString>("classes");
        QTest::addColumn<QList<int>>("lengths");
        QTest::newRow("ucf") << "ucf" << "ucf" << QList<int>{300, 512, 1000, 1537};
        QTest::newRow("sht-small, concat features") << "sht-small" << "sht" << QList<int>{200, 512, 777};
    }
    void metricsOfGoldenScoresMatchTheReference()
    {
        QFETCH(QString, set);
        QFETCH(QString, classes);
        QFETCH(QList<int>, lengths);
        QTemporaryDir dir;
        const QString golden = kShared + "/golden/" + set;
        const vigil::LabelSet labels = vigil::LabelSet::resolve(classes.toStdString());
        const std::vector<int64_t> frameLabels =
            vigil::readNpy((golden + "/metrics_labels.npy").toStdString()).toInt64();
        // The reference's frame labels, videos concatenated by length, written back as a
        // UCF-Crime annotation file: one line per video, its runs of abnormal frames.
        QByteArray annotations;
        size_t offset = 0;
        for (const int length : lengths) {
            const QString name = QStringLiteral("video%1").arg(length);
            const Run scored = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(set) +
                                      QStringList{QStringLiteral("--classes"), classes, QStringLiteral("--features"),
                                                  golden + "/" + name + "_features.npy", QStringLiteral("--out"),
                                                  dir.filePath(name + ".scores.csv")});
            QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
            QByteArray line = name.toUtf8() + " ";
            QByteArray intervals;
            int64_t cls = labels.normalId();
            for (int t = 0; t < length; ++t) {
                const int64_t label = frameLabels.at(offset + size_t(t));
                if (label != labels.normalId() && (t == 0 || frameLabels[offset + size_t(t) - 1] != label))
                    intervals += QByteArray::number(t) + " ";
                if (label != labels.normalId() && (t + 1 == length || frameLabels[offset + size_t(t) + 1] != label))
                    intervals += QByteArray::number(t) + " ";
                if (label != labels.normalId())
                    cls = label;
            }
            // The form splits on spaces: "throwing object" is written "throwing_object".
            line += QByteArray::fromStdString(labels.modelOrderNames()[size_t(cls)]).replace(' ', '_') + " " +
                    (intervals.isEmpty() ? QByteArray("-1 -1") : intervals.trimmed()) + "\n";
            annotations += line;
            offset += size_t(length);
        }
        QCOMPARE(offset, frameLabels.size());
        const QString annotationPath = dir.filePath(QStringLiteral("annotations.txt"));
        writeText(annotationPath, annotations);
        const QString jsonPath = dir.filePath(QStringLiteral("metrics.json"));
        const Run run = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), dir.path(), QStringLiteral("--annotations"),
                                annotationPath, QStringLiteral("--classes"), classes, QStringLiteral("--json"), jsonPath});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("%1 frames").arg(offset)) && run.out.contains(QLatin1String("AUC-ROC")),
                 qPrintable(run.out));
        const QJsonObject actual = readJson(jsonPath);
        const QJsonObject expected = readJson(golden + "/manifest.json")[QLatin1String("metrics")].toObject();
        QVERIFY(!expected.isEmpty());
        for (const char* key : {"auc_roc", "auc_pr", "optimal_threshold", "mean_mc_auroc", "mean_mc_aupr"}) {
            const double a = actual[QLatin1String(key)].toDouble(-1), e = expected[QLatin1String(key)].toDouble(-2);
            QVERIFY2(std::fabs(a - e) <= kTolerance, qPrintable(QStringLiteral("%1: %2 vs %3").arg(key).arg(a, 0, 'g', 10).arg(e, 0, 'g', 10)));
        }
        for (const char* key : {"mc_auroc", "mc_aupr"}) {
            const QJsonArray a = actual[QLatin1String(key)].toArray(), e = expected[QLatin1String(key)].toArray();
            QCOMPARE(a.size(), qsizetype(labels.size()));
            QCOMPARE(a.size(), e.size());
            for (qsizetype c = 0; c < a.size(); ++c)
                QVERIFY2(std::fabs(a[c].toDouble(-1) - e[c].toDouble(-2)) <= kTolerance,
                         qPrintable(QStringLiteral("%1[%2]").arg(key).arg(c)));
        }
        for (const char* key : {"top1_accuracy", "top5_accuracy"})
            QCOMPARE(actual[QLatin1String(key)].toArray().size(), qsizetype(labels.size()));
        QCOMPARE(actual[QLatin1String("videos")].toArray().size(), qsizetype(lengths.size()));
    }

    void aVideoWithoutScoresIsNamed()
    {
        QTemporaryDir dir;
        const QString annotationPath = dir.filePath(QStringLiteral("annotations.txt"));
        writeText(annotationPath, "Arson009_x264.mp4 Arson 10 20 -1 -1\n");
        const Run run = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), dir.path(), QStringLiteral("--annotations"),
                                annotationPath, QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("no scores for video 'Arson009_x264'")) && run.err.count('\n') == 1,
                 qPrintable(run.err));
    }

    void scoresOfOtherClassesAndUnknownClassesAreRefused()
    {
        QTemporaryDir dir;
        const QString golden = kShared + "/golden/ucf";
        const Run scored = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(QStringLiteral("ucf")) +
                                  QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--features"),
                                              golden + "/video300_features.npy", QStringLiteral("--out"),
                                              dir.filePath(QStringLiteral("video300.scores.csv"))});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        const QString annotationPath = dir.filePath(QStringLiteral("annotations.txt"));
        writeText(annotationPath, "video300 Fighting 10 20 -1 -1\n");
        const Run wrongClasses = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), dir.path(), QStringLiteral("--annotations"),
                                         annotationPath, QStringLiteral("--classes"), QStringLiteral("xd")});
        QVERIFY(wrongClasses.exitCode != 0);
        QVERIFY2(wrongClasses.err.contains(QLatin1String("video300.scores.csv: line 1: the header")), qPrintable(wrongClasses.err));
        writeText(annotationPath, "video300 Loitering 10 20 -1 -1\n");
        const Run unknown = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), dir.path(), QStringLiteral("--annotations"),
                                    annotationPath, QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(QLatin1String("video300: class 'Loitering' of frames 10-20 is not one of the model's classes")),
                 qPrintable(unknown.err));
    }

    void projectFormGivesTheSameMetricsAsTheFilesForm()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.vigil"));
        const QString road = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");
        const QString annotationPath = dir.filePath(QStringLiteral("annotations.txt"));
        writeText(annotationPath, "cctv_roadaccident.mp4 RoadAccidents 90 185 -1 -1\n");
        const QStringList model = modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")};
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project, road}).exitCode, 0);
        const Run noScores = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project});
        QVERIFY2(noScores.exitCode != 0 && noScores.err.contains(QLatin1String("no video of the project has scores")), qPrintable(noScores.err));
        const Run scored = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project} + model);
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, annotationPath}).exitCode, 0);
        const QString fromProject = dir.filePath(QStringLiteral("project.json"));
        const Run evaluated = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--truth"),
                                      QStringLiteral("ground"), QStringLiteral("--json"), fromProject});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        const Run wrongModel = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--model"), QStringLiteral("nope")});
        QVERIFY2(wrongModel.exitCode != 0 && wrongModel.err.contains(QLatin1String("no model named 'nope'")), qPrintable(wrongModel.err));

        const QString scoresDir = dir.filePath(QStringLiteral("scores"));
        const Run files = runCli(QStringList{QStringLiteral("score"), QStringLiteral("--out-dir"), scoresDir, QStringLiteral("--no-cache")} +
                                 model + QStringList{road});
        QVERIFY2(files.exitCode == 0, qPrintable(files.err));
        const QString fromFiles = dir.filePath(QStringLiteral("files.json"));
        const Run evaluatedFiles = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), scoresDir, QStringLiteral("--annotations"),
                                           annotationPath, QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--json"), fromFiles});
        QVERIFY2(evaluatedFiles.exitCode == 0, qPrintable(evaluatedFiles.err));
        const QJsonObject a = readJson(fromProject), b = readJson(fromFiles);
        QCOMPARE(a[QLatin1String("frames")].toDouble(), 243.0);
        QCOMPARE(a[QLatin1String("abnormal_frames")].toDouble(), 96.0);
        for (const char* key : {"auc_roc", "auc_pr", "optimal_threshold"})
            QVERIFY2(std::fabs(a[QLatin1String(key)].toDouble(-1) - b[QLatin1String(key)].toDouble(-2)) < 1e-6, key);
        QVERIFY(a[QLatin1String("auc_roc")].toDouble() > 0 && a[QLatin1String("auc_roc")].toDouble() < 1);
        QCOMPARE(a[QLatin1String("truth")].toString(), QStringLiteral("ground truth"));
        QCOMPARE(b[QLatin1String("truth")].toString(), QStringLiteral("annotation file annotations.txt"));
        QVERIFY2(evaluated.out.startsWith(QLatin1String("truth: ground truth\n")), qPrintable(evaluated.out));

        // An analyst's label that disagrees with the ground truth: frames 150-229. Each
        // truth is named and counted: ground truth 90-184, labels 150-229, both 90-229.
        const QString labelsPath = dir.filePath(QStringLiteral("labels.txt"));
        writeText(labelsPath, "cctv_roadaccident.mp4  RoadAccidents  150  229  -1  -1\n");
        const Run imported = runCli({QStringLiteral("labels"), QStringLiteral("import"), QStringLiteral("--project"), project,
                                     QStringLiteral("--format"), QStringLiteral("ucf"), labelsPath});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const struct {
            const char* source;
            const char* name;
            double abnormal;
        } truths[] = {{"ground", "ground truth", 96}, {"labels", "analysts' labels", 80}, {"both", "ground truth and analysts' labels", 140}};
        for (const auto& t : truths) {
            const QString out = dir.filePath(QStringLiteral("%1.json").arg(QLatin1String(t.source)));
            const Run run = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--truth"),
                                    QLatin1String(t.source), QStringLiteral("--json"), out});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.out.startsWith(QStringLiteral("truth: %1\n").arg(QLatin1String(t.name))), qPrintable(run.out));
            const QJsonObject json = readJson(out);
            QCOMPARE(json[QLatin1String("truth")].toString(), QLatin1String(t.name));
            QCOMPARE(json[QLatin1String("abnormal_frames")].toDouble(), t.abnormal);
        }
        // The default is both.
        const Run byDefault = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project});
        QVERIFY2(byDefault.out.startsWith(QLatin1String("truth: ground truth and analysts' labels\n")), qPrintable(byDefault.out));
        QVERIFY2(byDefault.out.contains(QLatin1String("243 frames (140 abnormal)")), qPrintable(byDefault.out));
        const Run badTruth = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--truth"), QStringLiteral("gt")});
        QVERIFY2(badTruth.exitCode != 0 && badTruth.err.contains(QLatin1String("--truth takes ground, labels or both, not 'gt'")),
                 qPrintable(badTruth.err));
        const Run truthWithFiles = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), scoresDir, QStringLiteral("--annotations"),
                                           annotationPath, QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--truth"),
                                           QStringLiteral("labels")});
        QVERIFY2(truthWithFiles.exitCode != 0 && truthWithFiles.err.contains(QLatin1String("--truth goes with --project")),
                 qPrintable(truthWithFiles.err));
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_clieval.moc"
