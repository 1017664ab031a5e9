// vigil-cli as a user runs it: real golden checkpoints and features in, CSV out, and
// one clear line with a non-zero status for every kind of bad input.
#include "CliRun.h"

#include "model/LabelSet.h"
#include "model/NpyArray.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil::test;

class TestVigilCli : public QObject {
    Q_OBJECT
private slots:
    void scoreFeaturesWritesGoldenScoresAndProbabilities_data()
    {
        QTest::addColumn<QString>("set");
        QTest::addColumn<QString>("classes");
        QTest::addColumn<int>("frames");
        QTest::newRow("ucf T=1537") << "ucf" << "ucf" << 1537;
        QTest::newRow("ucf T=1000") << "ucf" << "ucf" << 1000;
        QTest::newRow("sht T=200, concat features") << "sht-small" << "sht" << 200;
        QTest::newRow("sht T=777, labels from CSV") << "sht-small" << kShared + "/labels/sht_labels.csv" << 777;
    }
    void scoreFeaturesWritesGoldenScoresAndProbabilities()
    {
        QFETCH(QString, set);
        QFETCH(QString, classes);
        QFETCH(int, frames);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("scores.csv"));
        const QString stem = kShared + "/golden/" + set + "/video" + QString::number(frames);
        const Run run = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(set) +
                               QStringList{QStringLiteral("--classes"), classes, QStringLiteral("--features"),
                                           stem + "_features.npy", QStringLiteral("--out"), csvPath,
                                           QStringLiteral("--vocab"), kShared + "/clip/bpe_simple_vocab_16e6.txt.gz",
                                           QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no label warnings for the right labels

        const vigil::LabelSet labels = vigil::LabelSet::resolve(classes.toStdString());
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), frames + 1);
        QStringList header{QStringLiteral("frame"), QStringLiteral("score")};
        for (const std::string& name : labels.fileOrderNames())
            header << QString::fromStdString(name);
        QCOMPARE(lines[0], header.join(','));

        const std::vector<float> scores = vigil::readNpy((stem + "_scores.npy").toStdString()).toFloat();
        const std::vector<float> probs = vigil::readNpy((stem + "_class_probs.npy").toStdString()).toFloat();
        const int classCount = labels.size();
        double worst = 0;
        for (int t = 0; t < frames; ++t) {
            const QStringList cells = lines[t + 1].split(',');
            QCOMPARE(cells.size(), classCount + 2);
            QCOMPARE(cells[0].toInt(), t);
            worst = std::max(worst, std::fabs(cells[1].toDouble() - scores[size_t(t)]));
            for (int column = 0; column < classCount; ++column) {
                const int c = labels.modelIndexOfFileColumn()[size_t(column)];
                worst = std::max(worst, std::fabs(cells[column + 2].toDouble() - probs[size_t(t * classCount + c)]));
            }
        }
        QVERIFY2(worst <= 1e-4, qPrintable(QStringLiteral("max |diff| %1").arg(worst)));
    }

    void helpDocumentsTheCommand()
    {
        const Run general = runCli({QStringLiteral("--help")});
        QCOMPARE(general.exitCode, 0);
        QVERIFY(general.out.contains(QLatin1String("score-features")));
        const Run command = runCli({QStringLiteral("score-features"), QStringLiteral("--help")});
        QCOMPARE(command.exitCode, 0);
        for (const char* option : {"--checkpoint", "--centroid", "--classes", "--features", "--out", "--device"})
            QVERIFY2(command.out.contains(QLatin1String(option)), option);
        const Run scoreHelp = runCli({QStringLiteral("score"), QStringLiteral("--help")});
        QCOMPARE(scoreHelp.exitCode, 0);
        for (const char* option : {"--checkpoint", "--batch", "--stride", "--cache", "--out-dir", "--threads", "VIDEO"})
            QVERIFY2(scoreHelp.out.contains(QLatin1String(option)), option);
    }

    void badInputGivesOneLineAndNonZeroStatus_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString features = kShared + "/golden/ucf/video200_features.npy";
        const QString ucfFeatures = kShared + "/golden/ucf/video1000_features.npy";
        auto score = [&](const QString& set, const QString& classes, const QString& featuresPath) {
            return QStringList{QStringLiteral("score-features")} + modelArguments(set) +
                   QStringList{QStringLiteral("--classes"), classes, QStringLiteral("--features"), featuresPath,
                               QStringLiteral("--out"), QStringLiteral("/tmp/vigil-test-never-written.csv")};
        };
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command";
        QTest::newRow("missing option") << QStringList{QStringLiteral("score-features")} << "missing --checkpoint";
        QTest::newRow("score without videos")
            << (QStringList{QStringLiteral("score")} + modelArguments("ucf") +
                QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--out-dir"), QStringLiteral("/tmp")})
            << "no video given";
        QTest::newRow("score with two videos of one name")
            << (QStringList{QStringLiteral("score")} + modelArguments("ucf") +
                QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--out-dir"), QStringLiteral("/tmp"),
                            QStringLiteral("a/v.mp4"), QStringLiteral("b/v.mkv")})
            << "two videos are named 'v'";
        QTest::newRow("score with stride 0")
            << (QStringList{QStringLiteral("score")} + modelArguments("ucf") +
                QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--stride"), QStringLiteral("0"),
                            QStringLiteral("--out-dir"), QStringLiteral("/tmp"), QStringLiteral("v.mp4")})
            << "--stride";
        QTest::newRow("class count differs") << score("ucf", "xd", ucfFeatures) << "14 classes";
        QTest::newRow("features file missing") << score("ucf", "ucf", "/nonexistent/f.npy") << "/nonexistent/f.npy";
        QStringList notCheckpoint = score("ucf", "ucf", ucfFeatures);
        notCheckpoint[2] = ucfFeatures;
        QTest::newRow("not a checkpoint") << notCheckpoint << "not a PyTorch checkpoint";
        QStringList badDevice = score("ucf", "ucf", ucfFeatures) + QStringList{QStringLiteral("--device"), QStringLiteral("tpu")};
        QTest::newRow("bad device") << badDevice << "--device";
        // A checkpoint that does not load is one error, not one per video.
        QStringList wrongCheckpoint = QStringList{QStringLiteral("score")} + modelArguments("ucf") +
                                      QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--no-cache"),
                                                  QStringLiteral("--out-dir"), QStringLiteral("/tmp/vigil-test-never-written"),
                                                  kShared + QStringLiteral("/media/cctv_normal.mp4"),
                                                  kShared + QStringLiteral("/media/cctv_fighting.mp4")};
        wrongCheckpoint[2] = kShared + "/golden/ucf/ncentroid.pt";
        QTest::newRow("checkpoint that is not a model, two videos") << wrongCheckpoint << "no state_dict";
        QStringList labelsMissing = score("ucf", "/nonexistent/labels.csv", ucfFeatures);
        QTest::newRow("labels file missing") << labelsMissing << "/nonexistent/labels.csv";
    }
    void badInputGivesOneLineAndNonZeroStatus()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QFile::remove(QStringLiteral("/tmp/vigil-test-never-written.csv"));
        const Run run = runCli(arguments);
        QVERIFY(run.exitCode != 0);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/vigil-test-never-written.csv")));
    }

    void scoreWritesScoresEqualToScoreFeaturesOnItsOwnFeatures()
    {
        QTemporaryDir dir;
        const QString video = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");
        const QString out = dir.filePath(QStringLiteral("out"));
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QStringList arguments = QStringList{QStringLiteral("score")} + modelArguments(QStringLiteral("ucf")) +
                                      QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--cache"),
                                                  cache, QStringLiteral("--out-dir"), out, QStringLiteral("--timings"), video};
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // --timings: one row per stage on stderr, the encoder's with its frame count.
        for (const char* row : {"load", "prompts", "session", "decode", "preprocess", "encoder wait", "head", "write", "start-up", "total"})
            QVERIFY2(QRegularExpression(QStringLiteral("\\n  %1 +[0-9]+\\.[0-9]{2}").arg(QLatin1String(row))).match(run.err).hasMatch(),
                     qPrintable(QStringLiteral("%1 missing in:\n%2").arg(QLatin1String(row), run.err)));
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("\\n  encode +[0-9.]+  243 frames, [0-9.]+ frames/s"))),
                 qPrintable(run.err));
        // One summary line: "<stem>: N frames in S s = F frames/s".
        const QRegularExpression summary(QStringLiteral("^cctv_roadaccident: 243 frames in [0-9.]+ s = [0-9.]+ frames/s\n$"));
        QVERIFY2(summary.match(run.out).hasMatch(), qPrintable(run.out));
        const QString csv = out + QStringLiteral("/cctv_roadaccident.scores.csv");
        const QString features = out + QStringLiteral("/cctv_roadaccident.features.npy");
        {
            // The metadata says how the outputs were made: model files, classes, precision.
            QFile metaFile(out + QStringLiteral("/cctv_roadaccident.meta.json"));
            QVERIFY(metaFile.open(QIODevice::ReadOnly));
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            QVERIFY(meta.value(QStringLiteral("checkpoint")).toString().endsWith(QLatin1String("golden/ucf/last.ckpt")));
            QVERIFY(meta.value(QStringLiteral("centroid")).toString().endsWith(QLatin1String("golden/ucf/ncentroid.pt")));
            QCOMPARE(meta.value(QStringLiteral("classes")).toArray().size(), 14);
            QCOMPARE(meta.value(QStringLiteral("precision")).toString(), QStringLiteral("fp32"));
            const QJsonObject stages = meta.value(QStringLiteral("timings")).toObject();
            QVERIFY(stages.value(QStringLiteral("encode")).toDouble() > 0);
            QVERIFY(stages.value(QStringLiteral("decode")).toDouble() > 0);
            QVERIFY(stages.value(QStringLiteral("head")).toDouble() > 0);
        }
        const vigil::NpyArray array = vigil::readNpy(features.toStdString());
        QCOMPARE(array.shape, (std::vector<int64_t>{243, 128}));

        // score-features on the written features gives the same file, byte for byte.
        const QString again = dir.filePath(QStringLiteral("again.csv"));
        const Run check = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(QStringLiteral("ucf")) +
                                 QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--features"),
                                             features, QStringLiteral("--out"), again});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QFile a(csv), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray scored = a.readAll();
        QCOMPARE(scored.count('\n'), 244);
        QCOMPARE(scored, b.readAll());

        // A second run reads the cache and writes the same scores.
        const Run cached = runCli(arguments);
        QVERIFY2(cached.exitCode == 0, qPrintable(cached.err));
        QVERIFY2(summary.match(cached.out).hasMatch(), qPrintable(cached.out));
        QVERIFY2(cached.err.contains(QLatin1String("cctv_roadaccident: note: cached features")), qPrintable(cached.err));
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll(), scored);
    }

    // The optional int8 encoder: on real clips its scores and class probabilities stay
    // within 0.02 of fp32's, and its features are cached apart from fp32's.
    void int8ScoresStayCloseToFp32OnRealClips()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QStringList videos = {kShared + QStringLiteral("/media/cctv_roadaccident.mp4"),
                                    kShared + QStringLiteral("/media/cctv_fighting.mp4")};
        auto score = [&](const QString& outName, const QStringList& extra) {
            return runCli(QStringList{QStringLiteral("score")} + modelArguments(QStringLiteral("ucf")) +
                          QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--device"),
                                      QStringLiteral("cpu"), QStringLiteral("--cache"), cache, QStringLiteral("--out-dir"),
                                      dir.filePath(outName)} +
                          extra + videos);
        };
        const Run fp32 = score(QStringLiteral("fp32"), {});
        QVERIFY2(fp32.exitCode == 0, qPrintable(fp32.err));
        const Run int8 = score(QStringLiteral("int8"), {QStringLiteral("--int8")});
        QVERIFY2(int8.exitCode == 0, qPrintable(int8.err));
        QVERIFY2(!int8.err.contains(QLatin1String("cached features")), qPrintable(int8.err)); // not fp32's
        const Run again = score(QStringLiteral("int8-again"), {QStringLiteral("--int8")});
        QVERIFY2(again.err.count(QLatin1String("cached features")) == 2, qPrintable(again.err));

        auto rows = [](const QString& path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
                return QList<QList<double>>();
            QList<QList<double>> values;
            file.readLine(); // header
            while (!file.atEnd()) {
                QList<double> row;
                for (const QByteArray& cell : file.readLine().trimmed().split(','))
                    row << cell.toDouble();
                values << row;
            }
            return values;
        };
        for (const QString& stem : {QStringLiteral("cctv_roadaccident"), QStringLiteral("cctv_fighting")}) {
            const auto a = rows(dir.filePath(QStringLiteral("fp32/%1.scores.csv").arg(stem)));
            const auto b = rows(dir.filePath(QStringLiteral("int8/%1.scores.csv").arg(stem)));
            QVERIFY(!a.isEmpty());
            QCOMPARE(a.size(), b.size());
            double scoreDiff = 0, probDiff = 0;
            for (qsizetype t = 0; t < a.size(); ++t) {
                QCOMPARE(a[t].size(), b[t].size());
                scoreDiff = std::max(scoreDiff, std::abs(a[t][1] - b[t][1]));
                for (qsizetype c = 2; c < a[t].size(); ++c)
                    probDiff = std::max(probDiff, std::abs(a[t][c] - b[t][c]));
            }
            qInfo("%s: int8 vs fp32, max |score diff| %.4f, max |p(class) diff| %.4f over %lld frames", qPrintable(stem),
                  scoreDiff, probDiff, qlonglong(a.size()));
            QVERIFY2(scoreDiff < 0.02, qPrintable(QString::number(scoreDiff)));
            QVERIFY2(probDiff < 0.02, qPrintable(QString::number(probDiff)));
            // And the scores are not simply fp32's (the int8 path ran).
            QVERIFY(scoreDiff > 0);
            QFile meta(dir.filePath(QStringLiteral("int8/%1.meta.json").arg(stem)));
            QVERIFY(meta.open(QIODevice::ReadOnly));
            QVERIFY(meta.readAll().contains("\"precision\": \"int8\""));
        }
        const Run both = score(QStringLiteral("x"), {QStringLiteral("--int8"), QStringLiteral("--fp16")});
        QVERIFY(both.exitCode != 0 && both.err.contains(QLatin1String("exclude each other")));
    }

    void scoreReportsEachBadVideoAndGoesOn()
    {
        QTemporaryDir dir;
        const QString notVideo = dir.filePath(QStringLiteral("notes.mp4"));
        QFile text(notVideo);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("plain text\n");
        text.close();
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run run = runCli(QStringList{QStringLiteral("score")} + modelArguments(QStringLiteral("ucf")) +
                               QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--no-cache"),
                                           QStringLiteral("--stride"), QStringLiteral("4"), QStringLiteral("--out-dir"), out,
                                           notVideo, kShared + QStringLiteral("/media/cctv_roadaccident.mp4")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QLatin1String("notes: failed: ")) && run.err.contains(notVideo), qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("cctv_roadaccident: 243 frames")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("cctv_roadaccident: note: stride 4")), qPrintable(run.err));
        QFile meta(out + QStringLiteral("/cctv_roadaccident.meta.json"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        const QByteArray json = meta.readAll();
        QVERIFY2(json.contains("\"stride\": 4") && json.contains("coarse"), json.constData());
        QVERIFY(!QFile::exists(out + QStringLiteral("/notes.scores.csv")));
    }

    void importedFeaturesAreUsedForTheirVideoWhenTheFramesMatch()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        // The first 243 rows of a golden feature file stand for the authors' features of
        // the 243-frame video; the 300-row file does not fit it.
        const vigil::NpyArray golden = vigil::readNpy((kShared + QStringLiteral("/golden/ucf/video300_features.npy")).toStdString());
        const std::vector<float> all = golden.toFloat();
        const QString fitting = dir.filePath(QStringLiteral("fits.npy"));
        vigil::writeNpy(fitting.toStdString(), vigil::NpyArray::fromFloat({243, 128}, all.data()));
        const QString video = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");
        const QString out = dir.filePath(QStringLiteral("out"));
        auto importAs = [&](const QString& file) {
            return runCli(QStringList{QStringLiteral("import-features")} + modelArguments(QStringLiteral("ucf")) +
                          QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--cache"), cache,
                                      QStringLiteral("--name"), QStringLiteral("cctv_roadaccident"), file});
        };
        auto score = [&] {
            return runCli(QStringList{QStringLiteral("score")} + modelArguments(QStringLiteral("ucf")) +
                          QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--cache"), cache,
                                      QStringLiteral("--out-dir"), out, video});
        };

        const Run wrong = importAs(kShared + QStringLiteral("/golden/ucf/video300_features.npy"));
        QVERIFY2(wrong.exitCode == 0 && wrong.out.contains(QLatin1String("cctv_roadaccident: 300 frames imported")),
                 qPrintable(wrong.out + wrong.err));
        const Run ignored = score();
        QVERIFY2(ignored.exitCode == 0, qPrintable(ignored.err));
        QVERIFY2(ignored.err.contains(QLatin1String("300 rows for 243 frames")), qPrintable(ignored.err));
        QVERIFY2(ignored.out.startsWith(QLatin1String("cctv_roadaccident: 243 frames in")), qPrintable(ignored.out));

        QVERIFY(QDir(cache).removeRecursively());
        const Run imported = importAs(fitting);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const Run run = score();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("note: imported features")), qPrintable(run.err));
        // The scores are those of score-features on the imported file.
        const QString expected = dir.filePath(QStringLiteral("expected.csv"));
        const Run check = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(QStringLiteral("ucf")) +
                                 QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--features"),
                                             fitting, QStringLiteral("--out"), expected});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QFile a(out + QStringLiteral("/cctv_roadaccident.scores.csv")), b(expected);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray scored = a.readAll();
        QCOMPARE(scored.count('\n'), 244);
        QCOMPARE(scored, b.readAll());
    }

    void projectCommandsCreateAddScoreAndReport()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.vigil"));
        const QString road = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");
        const Run created = runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project});
        QVERIFY2(created.exitCode == 0 && QFileInfo::exists(project), qPrintable(created.err));
        QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode != 0);
        const Run typo = runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project + QStringLiteral("x"), road});
        QVERIFY2(typo.exitCode != 0 && typo.err.contains(QLatin1String("no such project")) && !QFileInfo::exists(project + QStringLiteral("x")),
                 qPrintable(typo.err));
        const Run added = runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project, road, road});
        QVERIFY2(added.exitCode == 0 && added.out.contains(QLatin1String("1 video(s) added, 1 in the project")), qPrintable(added.out + added.err));
        // A checkpoint that does not load: one message, and no model left in the project.
        QStringList wrong = QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project} +
                            modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")};
        wrong[wrong.indexOf(QStringLiteral("--checkpoint")) + 1] = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        const Run notLoaded = runCli(wrong);
        QVERIFY2(notLoaded.exitCode != 0 && notLoaded.err.count('\n') == 1 && notLoaded.err.contains(QLatin1String("no state_dict")),
                 qPrintable(notLoaded.err));
        QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project})
                    .out.contains(QLatin1String("1 video(s), 0 model(s)")));
        const Run scored = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project} +
                                  modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        QVERIFY2(QRegularExpression(QStringLiteral("^cctv_roadaccident: 243 frames in [0-9.]+ s = [0-9.]+ frames/s, [0-9]+ detection\\(s\\)(, from cached features)?\n$"))
                     .match(scored.out)
                     .hasMatch(),
                 qPrintable(scored.out));
        const Run again = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project} +
                                 modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(again.exitCode == 0 && again.out.contains(QLatin1String("nothing to score")), qPrintable(again.out));
        const Run info = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(info.exitCode == 0 && info.out.contains(QLatin1String("1 video(s), 1 model(s)")) &&
                     info.out.contains(QLatin1String("243 frames")) && info.out.contains(QLatin1String("detection(s)")),
                 qPrintable(info.out));
        // Scored again in int8: a model of its own beside the fp32 one.
        const Run int8 = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project,
                                            QStringLiteral("--int8"), QStringLiteral("--device"), QStringLiteral("cpu")} +
                                modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(int8.exitCode == 0 && int8.out.startsWith(QLatin1String("cctv_roadaccident: 243 frames")), qPrintable(int8.out + int8.err));
        const Run twoModels = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(twoModels.out.contains(QLatin1String("1 video(s), 2 model(s)")) && twoModels.out.contains(QLatin1String("(int8)")),
                 qPrintable(twoModels.out));
        // Ground truth from an XD-Violence style file (no class column, exclusive ends).
        const QString annotations = dir.filePath(QStringLiteral("annotations.txt"));
        {
            QFile out(annotations);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
            out.write("cctv_roadaccident 90 186 200 220 230 400\nsomething_else_label_B1-0-0 1 2\n");
        }
        const Run truth = runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, annotations});
        QVERIFY2(truth.exitCode == 0 && truth.out.contains(QLatin1String("ground truth for 1 of 1 video(s)")), qPrintable(truth.out + truth.err));
        // What was left out or cut is said.
        QVERIFY2(truth.err.contains(QLatin1String("1 annotated video(s) not in the project, e.g. something_else_label_B1-0-0")), qPrintable(truth.err));
        QVERIFY2(truth.err.contains(QLatin1String("1 interval(s) cut at their video's last frame")), qPrintable(truth.err));
        const Run withTruth = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(withTruth.out.contains(QLatin1String("3 ground-truth interval(s)")), qPrintable(withTruth.out));
        const Run badTruth = runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, road});
        QVERIFY2(badTruth.exitCode != 0 && badTruth.err.contains(QLatin1String("not a text annotation file")), qPrintable(badTruth.err));
        const Run notProject = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), road});
        QVERIFY(notProject.exitCode != 0);
        QVERIFY2(notProject.err.contains(QLatin1String("cctv_roadaccident.mp4: not a Vigil project")) && notProject.err.count('\n') == 1, qPrintable(notProject.err));
    }

    void wrongFeatureWidthIsRejected()
    {
        QTemporaryDir dir;
        const std::vector<float> values(10 * 64, 0.5f);
        const std::string path = dir.filePath(QStringLiteral("narrow.npy")).toStdString();
        vigil::writeNpy(path, vigil::NpyArray::fromFloat({10, 64}, values.data()));
        const Run run = runCli(QStringList{QStringLiteral("score-features")} + modelArguments(QStringLiteral("ucf")) +
                               QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--features"),
                                           QString::fromStdString(path), QStringLiteral("--out"),
                                           dir.filePath(QStringLiteral("o.csv"))});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("64 dimensions")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestVigilCli)
#include "tst_vigilcli.moc"
