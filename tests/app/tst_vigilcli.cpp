// vigil-cli as a user runs it: real golden checkpoints and features in, CSV out, and
// one clear line with a non-zero status for every kind of bad input.
#include "model/LabelSet.h"
#include "model/NpyArray.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(VIGIL_CLI_PATH), arguments);
    if (!process.waitForFinished(300000))
        qFatal("vigil-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QStringList modelArguments(const QString& set)
{
    return {QStringLiteral("--checkpoint"), kShared + "/golden/" + set + "/last.ckpt", QStringLiteral("--centroid"),
            kShared + "/golden/" + set + "/ncentroid.pt"};
}

} // namespace

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
        QTest::newRow("class count differs") << score("ucf", "xd", ucfFeatures) << "14 classes";
        QTest::newRow("features file missing") << score("ucf", "ucf", "/nonexistent/f.npy") << "/nonexistent/f.npy";
        QStringList notCheckpoint = score("ucf", "ucf", ucfFeatures);
        notCheckpoint[2] = ucfFeatures;
        QTest::newRow("not a checkpoint") << notCheckpoint << "not a PyTorch checkpoint";
        QStringList badDevice = score("ucf", "ucf", ucfFeatures) + QStringList{QStringLiteral("--device"), QStringLiteral("tpu")};
        QTest::newRow("bad device") << badDevice << "--device";
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
