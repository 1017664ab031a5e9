// vigil-cli train as a user runs it: synthetic features (real CLIP features of a golden
// video, abnormal events moved along a direction the model has never seen) written as a
// dataset folder with its annotation files; the fine-tuned checkpoint it writes then scored
// and evaluated with vigil-cli; Ctrl-C and --state resume to the same numbers; bad data
// refused with one line.
#include "CliRun.h"
#include "SyntheticTraining.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::test;

namespace {

const LabelSet kUcf = LabelSet::resolve("ucf");

// Writes the videos' features as DIR/<name>.npy and their annotation file (UCF-Crime form).
void writeDataset(const std::vector<TrainingVideo>& videos, const QString& dir, const QString& annotations)
{
    QByteArray text;
    for (const TrainingVideo& v : videos) {
        writeNpy(QDir(dir).filePath(QString::fromStdString(v.name) + ".npy").toStdString(),
                 NpyArray::fromFloat({v.frames, v.dim}, v.features.data()));
        QByteArray intervals;
        for (int64_t t = 0; t < v.frames; ++t) {
            const bool in = v.frameLabels[size_t(t)] != kUcf.normalId();
            const bool before = t > 0 && v.frameLabels[size_t(t - 1)] != kUcf.normalId();
            const bool after = t + 1 < v.frames && v.frameLabels[size_t(t + 1)] != kUcf.normalId();
            if (in && !before)
                intervals += QByteArray::number(t) + " ";
            if (in && !after)
                intervals += QByteArray::number(t) + " ";
        }
        text += QByteArray::fromStdString(v.name) + " " + QByteArray::fromStdString(kUcf.modelOrderNames()[size_t(v.label)]) +
                " " + (intervals.isEmpty() ? QByteArray("-1 -1") : intervals.trimmed()) + " -1 -1\n";
    }
    QFile file(annotations);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
    file.write(text);
}

QStringList epochLines(const QString& out)
{
    QStringList lines;
    for (const QString& line : out.split('\n'))
        if (line.startsWith(QLatin1String("epoch ")))
            lines << line.left(line.lastIndexOf(QLatin1String(", val AUC"))); // all but the times
    return lines;
}

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_features, m_train, m_validation;

    QStringList trainArguments(const QString& prefix) const
    {
        return QStringList{QStringLiteral("train")} + modelArguments(QStringLiteral("ucf")) +
               QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--features-dir"), m_features,
                           QStringLiteral("--annotations"), m_train, QStringLiteral("--validation"), m_validation,
                           QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--warmup"), QStringLiteral("0"),
                           QStringLiteral("--lr"), QStringLiteral("1e-3"), QStringLiteral("--batch"), QStringLiteral("8"),
                           QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--device"), QStringLiteral("cpu"),
                           QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out-checkpoint"),
                           m_dir.filePath(prefix + ".ckpt"), QStringLiteral("--out-centroid"), m_dir.filePath(prefix + ".pt")};
    }

private slots:
    void initTestCase()
    {
        // The feature cache of the project tests goes to this run's folder, not the user's.
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_features = m_dir.filePath(QStringLiteral("features"));
        QVERIFY(QDir().mkpath(m_features));
        m_train = m_dir.filePath(QStringLiteral("train.txt"));
        m_validation = m_dir.filePath(QStringLiteral("validation.txt"));
        SyntheticSpec spec;
        writeDataset(syntheticVideos(spec, "train-"), m_features, m_train);
        spec.normalVideos = spec.abnormalVideos = 4;
        writeDataset(syntheticVideos(spec, "val-"), m_features, m_validation);
    }

    void trainsExportsAndTheExportScoresAsValidated()
    {
        const Run run = runCli(trainArguments(QStringLiteral("tuned")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("training on 24 video(s), validating on 8, 4 epoch(s), lr 0.001, batch 8")),
                 qPrintable(run.out));
        const QRegularExpressionMatch before =
            QRegularExpression(QStringLiteral("before training: val AUC ([0-9.]+)")).match(run.out);
        const QRegularExpressionMatch after =
            QRegularExpression(QStringLiteral("wrote .*: epoch ([0-9]+), val AUC ([0-9.]+) AP ([0-9.]+)")).match(run.out);
        QVERIFY2(before.hasMatch() && after.hasMatch(), qPrintable(run.out));
        QCOMPARE(epochLines(run.out).size(), 4);
        qInfo("%s", qPrintable(run.out));
        QVERIFY(before.captured(1).toDouble() < 0.75);
        QVERIFY(after.captured(2).toDouble() >= 0.9);

        // The written checkpoint is a model like any other: scored and evaluated, it gives
        // the validation AUC the run reported.
        const QString scores = m_dir.filePath(QStringLiteral("scores"));
        QVERIFY(QDir().mkpath(scores));
        for (const QString& name : QDir(m_features).entryList({QStringLiteral("val-*.npy")})) {
            const Run scored = runCli({QStringLiteral("score-features"), QStringLiteral("--checkpoint"), m_dir.filePath(QStringLiteral("tuned.ckpt")),
                                       QStringLiteral("--centroid"), m_dir.filePath(QStringLiteral("tuned.pt")), QStringLiteral("--classes"),
                                       QStringLiteral("ucf"), QStringLiteral("--features"), QDir(m_features).filePath(name),
                                       QStringLiteral("--out"), QDir(scores).filePath(QFileInfo(name).completeBaseName() + ".scores.csv")});
            QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        }
        const QString json = m_dir.filePath(QStringLiteral("eval.json"));
        const Run evaluated = runCli({QStringLiteral("eval"), QStringLiteral("--scores-dir"), scores, QStringLiteral("--annotations"),
                                      m_validation, QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--json"), json});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const double auc = QJsonDocument::fromJson(file.readAll()).object()[QLatin1String("auc_roc")].toDouble();
        QVERIFY2(std::fabs(auc - after.captured(2).toDouble()) < 1e-4,
                 qPrintable(QStringLiteral("eval AUC %1, train reported %2").arg(auc).arg(after.captured(2))));
    }

    void aProjectLearnsTheSignalToo()
    {
        // A cache of its own: its videos share one real file, whose features must not be
        // cached for the tests after it.
        const QByteArray cache = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("learn-cache")).toUtf8());
        const auto restore = qScopeGuard([cache] { qputenv("XDG_CACHE_HOME", cache); });
        // The same synthetic dataset as a project: a video file per row (links to one real
        // video, long enough for every event), the features imported into the cache under
        // the videos' names, the annotations as the project's ground truth.
        const QString videos = m_dir.filePath(QStringLiteral("learn-videos"));
        QVERIFY(QDir().mkpath(videos));
        QStringList files, features;
        for (const QString& npy : QDir(m_features).entryList({QStringLiteral("*.npy")})) {
            const QString link = QDir(videos).filePath(QFileInfo(npy).completeBaseName() + QStringLiteral(".mp4"));
            QVERIFY(QFile::link(kShared + QStringLiteral("/media/cctv_normal.mp4"), link));
            files << link;
            features << QDir(m_features).filePath(npy);
        }
        QCOMPARE(files.size(), 32);
        const QString truth = m_dir.filePath(QStringLiteral("learn-truth.txt"));
        {
            QFile out(truth), a(m_train), b(m_validation);
            QVERIFY(out.open(QIODevice::WriteOnly) && a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            out.write(a.readAll() + b.readAll());
        }
        const QString project = m_dir.filePath(QStringLiteral("learn.vigil"));
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode, 0);
        QCOMPARE(runCli(QStringList{QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project} + files)
                     .exitCode,
                 0);
        const Run imported = runCli(QStringList{QStringLiteral("import-features")} + modelArguments(QStringLiteral("ucf")) +
                                    QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")} + features);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, truth}).exitCode, 0);
        const Run run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--project"), project} +
                               modelArguments(QStringLiteral("ucf")) +
                               QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--epochs"),
                                           QStringLiteral("4"), QStringLiteral("--warmup"), QStringLiteral("0"),
                                           QStringLiteral("--lr"), QStringLiteral("1e-3"), QStringLiteral("--batch"),
                                           QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("3"),
                                           QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--threads"),
                                           QStringLiteral("2"), QStringLiteral("--out"), QStringLiteral("learned")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(!run.out.contains(QLatin1String("without cached features first")), qPrintable(run.out)); // the imported ones
        const QRegularExpressionMatch before =
            QRegularExpression(QStringLiteral("before training: val AUC ([0-9.]+)")).match(run.out);
        const QRegularExpressionMatch after =
            QRegularExpression(QStringLiteral("model 'learned' \\(epoch ([0-9]+), val AUC ([0-9.]+)")).match(run.out);
        QVERIFY2(before.hasMatch() && after.hasMatch(), qPrintable(run.out));
        qInfo("project: val AUC %s -> %s (epoch %s)", qPrintable(before.captured(1)), qPrintable(after.captured(2)),
              qPrintable(after.captured(1)));
        QVERIFY(before.captured(1).toDouble() < 0.75);
        QVERIFY(after.captured(2).toDouble() >= 0.9);
    }

    void stoppedRunsResumeToTheSameNumbers()
    {
        const Run straight = runCli(trainArguments(QStringLiteral("straight")));
        QVERIFY2(straight.exitCode == 0, qPrintable(straight.err));
        const QString state = m_dir.filePath(QStringLiteral("state.pt"));
        QStringList arguments = trainArguments(QStringLiteral("resumed")) + QStringList{QStringLiteral("--state"), state};
        QProcess process;
        process.start(QStringLiteral(VIGIL_CLI_PATH), arguments);
        QByteArray out;
        while (!out.contains("epoch 1/4") && process.waitForReadyRead(120000))
            out += process.readAllStandardOutput();
        QVERIFY2(out.contains("epoch 1/4"), out.constData());
        process.terminate(); // SIGTERM, handled as Ctrl-C
        QVERIFY(process.waitForFinished(120000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("stopped during epoch 2; nothing written, resume with --state")), qPrintable(err));
        QVERIFY(QFileInfo::exists(state));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("resumed.ckpt"))));
        const Run resumed = runCli(arguments);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.out.contains(QLatin1String("resumed from")) && resumed.out.contains(QLatin1String("after epoch 1")),
                 qPrintable(resumed.out));
        QCOMPARE(epochLines(resumed.out), epochLines(straight.out));
    }

    void aProjectTrainsANewModelVersionAndIsRescoredWithIt()
    {
        const QString project = m_dir.filePath(QStringLiteral("p.vigil"));
        const QString media = kShared + QStringLiteral("/media/");
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project,
                         media + "cctv_roadaccident.mp4", media + "RoadAccidents017_x264.mp4", media + "cctv_normal.mp4"})
                     .exitCode,
                 0);
        const QString truth = m_dir.filePath(QStringLiteral("truth.txt"));
        {
            QFile file(truth);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("cctv_roadaccident RoadAccidents 90 185 -1 -1\nRoadAccidents017_x264 RoadAccidents 90 185 -1 -1\n"
                       "cctv_normal Normal -1 -1 -1 -1\n");
        }
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, truth}).exitCode, 0);
        const QStringList train = QStringList{QStringLiteral("train"), QStringLiteral("--project"), project} +
                                  modelArguments(QStringLiteral("ucf")) +
                                  QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--epochs"),
                                              QStringLiteral("2"), QStringLiteral("--warmup"), QStringLiteral("0"),
                                              QStringLiteral("--lr"), QStringLiteral("1e-3"), QStringLiteral("--batch"),
                                              QStringLiteral("4"), QStringLiteral("--device"), QStringLiteral("cpu"),
                                              QStringLiteral("--out"), QStringLiteral("tuned")};
        const Run run = runCli(train);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("scoring 3 video(s) without cached features first")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("training on 3 video(s)")), qPrintable(run.out));
        QCOMPARE(epochLines(run.out).size(), 2);
        QVERIFY2(run.out.contains(QLatin1String("model 'tuned' (epoch 2")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("cctv_normal: 3600 frames in .*\n$"))), qPrintable(run.out));
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("p.models/tuned/last.ckpt"))));
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("p.models/tuned/ncentroid.pt"))));

        const Run info = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(info.out.contains(QLatin1String("3 video(s), 2 model(s)")) && info.out.contains(QLatin1String("scored by tuned")) &&
                     info.out.contains(QLatin1String("class RoadAccidents")) &&
                     info.out.contains(QLatin1String("model tuned: fine-tuned from ucf on 3 video(s) (0 validation), epoch 2 of 2")),
                 qPrintable(info.out));
        const QString json = m_dir.filePath(QStringLiteral("tuned.json"));
        const Run evaluated = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--model"),
                                      QStringLiteral("tuned"), QStringLiteral("--json"), json});
        QVERIFY2(evaluated.exitCode == 0 && evaluated.out.contains(QLatin1String("4086 frames (192 abnormal) in 3 video(s)")),
                 qPrintable(evaluated.out + evaluated.err));
        // The two versions side by side: the per-video AUCs are those eval gives each model.
        const QString compared = m_dir.filePath(QStringLiteral("compared.json"));
        const Run comparison = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--model"),
                                       QStringLiteral("tuned"), QStringLiteral("--compare"), QStringLiteral("ucf"),
                                       QStringLiteral("--json"), compared});
        QVERIFY2(comparison.exitCode == 0 && comparison.out.contains(QLatin1String("tuned against ucf on 3 video(s), threshold 0.50")),
                 qPrintable(comparison.out + comparison.err));
        const QString base = m_dir.filePath(QStringLiteral("base.json"));
        QCOMPARE(runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--model"), QStringLiteral("ucf"),
                         QStringLiteral("--json"), base})
                     .exitCode,
                 0);
        auto readJson = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
        };
        const QJsonObject diff = readJson(compared), before = readJson(base), after = readJson(json);
        QCOMPARE(diff.value(QStringLiteral("videos")).toArray().size(), 3);
        for (const QJsonValue& row : diff.value(QStringLiteral("videos")).toArray()) {
            const QString name = row.toObject().value(QStringLiteral("name")).toString();
            for (const auto& [model, key] : {std::pair{before, QStringLiteral("auc_roc_a")}, std::pair{after, QStringLiteral("auc_roc_b")}})
                for (const QJsonValue& v : model.value(QStringLiteral("videos")).toArray())
                    if (v.toObject().value(QStringLiteral("name")).toString() == name)
                        QCOMPARE(row.toObject().value(key).toVariant(), v.toObject().value(QStringLiteral("auc_roc")).toVariant());
        }
        QCOMPARE(diff.value(QStringLiteral("auc_roc_b")).toDouble(), after.value(QStringLiteral("auc_roc")).toDouble());
        const Run again = runCli(train);
        QVERIFY2(again.exitCode != 0 && again.err.contains(QLatin1String("has a model named 'tuned' already")), qPrintable(again.err));
        const Run activated = runCli({QStringLiteral("project"), QStringLiteral("activate"), QStringLiteral("--project"), project,
                                      QStringLiteral("--model"), QStringLiteral("tuned")});
        QVERIFY2(activated.exitCode == 0, qPrintable(activated.err));
        QVERIFY(runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project})
                    .out.contains(QLatin1String("active model: tuned")));
    }

    void aClassTheModelLacksIsLearnedWhenAsked()
    {
        // The same three videos (their features cached by the test before), two of them of
        // a class UCF-Crime does not have.
        const QString project = m_dir.filePath(QStringLiteral("custom.vigil"));
        const QString media = kShared + QStringLiteral("/media/");
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project,
                         media + "cctv_roadaccident.mp4", media + "RoadAccidents017_x264.mp4", media + "cctv_normal.mp4"})
                     .exitCode,
                 0);
        const QString truth = m_dir.filePath(QStringLiteral("custom.txt"));
        {
            QFile file(truth);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("cctv_roadaccident Wrong_Way 90 185 -1 -1\nRoadAccidents017_x264 Wrong_Way 90 185 -1 -1\n"
                       "cctv_normal Normal -1 -1 -1 -1\n");
        }
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("truth"), QStringLiteral("--project"), project, truth}).exitCode, 0);
        const QStringList train = QStringList{QStringLiteral("train"), QStringLiteral("--project"), project} +
                                  modelArguments(QStringLiteral("ucf")) +
                                  QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), QStringLiteral("--epochs"),
                                              QStringLiteral("2"), QStringLiteral("--warmup"), QStringLiteral("0"),
                                              QStringLiteral("--lr"), QStringLiteral("1e-3"), QStringLiteral("--batch"),
                                              QStringLiteral("4"), QStringLiteral("--device"), QStringLiteral("cpu"),
                                              QStringLiteral("--out"), QStringLiteral("wrongway")};
        const Run without = runCli(train);
        QVERIFY2(without.exitCode != 0 && without.err.contains(QLatin1String(
                                              "class 'Wrong_Way' (2 video(s)) is not one of the model's: its videos are left "
                                              "out; --add-class \"Wrong_Way\" learns it")) &&
                     without.err.contains(QLatin1String("no abnormal")),
                 qPrintable(without.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("custom.models/wrongway"))));
        const Run noVocabulary = runCli(train + QStringList{QStringLiteral("--add-class"), QStringLiteral("Wrong_Way")});
        QVERIFY2(noVocabulary.exitCode != 0 && noVocabulary.err.contains(QLatin1String("--add-class needs CLIP's vocabulary")),
                 qPrintable(noVocabulary.err));

        const Run run = runCli(train + QStringList{QStringLiteral("--add-class"), QStringLiteral("Wrong_Way"),
                                                   QStringLiteral("--vocab"), kShared + "/clip/bpe_simple_vocab_16e6.txt.gz"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("new class 'Wrong_Way': prompt \"X X X X X X X X Wrong Way.\", its own context")) &&
                     run.out.contains(QLatin1String("training on 3 video(s)")),
                 qPrintable(run.out));
        // The class list beside the checkpoint names the new class with the model's.
        QFile classes(m_dir.filePath(QStringLiteral("custom.models/wrongway/classes.csv")));
        QVERIFY(classes.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(classes.readAll()).trimmed().split('\n');
        QCOMPARE(rows.size(), 16);
        QCOMPARE(rows.first(), QStringLiteral("id,name"));
        QCOMPARE(rows.last(), QStringLiteral("14,Wrong_Way"));
        QCOMPARE(rows[8], QStringLiteral("7,Normal"));
        // The project is re-scored with 15 classes and evaluates on the new class.
        const QString json = m_dir.filePath(QStringLiteral("wrongway.json"));
        const Run evaluated = runCli({QStringLiteral("eval"), QStringLiteral("--project"), project, QStringLiteral("--model"),
                                      QStringLiteral("wrongway"), QStringLiteral("--json"), json});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.out + evaluated.err));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(jsonFile.readAll()).object();
        const QJsonArray names = metrics.value(QStringLiteral("class_names")).toArray();
        QCOMPARE(names.size(), 15);
        const qsizetype own = names.toVariantList().indexOf(QStringLiteral("Wrong_Way"));
        QVERIFY(own >= 0);
        QVERIFY2(metrics.value(QStringLiteral("mc_auroc")).toArray().at(own).isDouble(), qPrintable(QJsonDocument(metrics).toJson()));
        const Run info = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(info.out.contains(QLatin1String("scored by wrongway")), qPrintable(info.out));
    }

    void badDataGivesOneLine()
    {
        const QString normalOnly = m_dir.filePath(QStringLiteral("normal-only.txt"));
        {
            QFile file(normalOnly);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
            file.write("train-normal12 Normal -1 -1 -1 -1\ntrain-normal13 Normal -1 -1 -1 -1\n");
        }
        QStringList arguments = trainArguments(QStringLiteral("x"));
        arguments[arguments.indexOf(QStringLiteral("--annotations")) + 1] = normalOnly;
        const Run noAbnormal = runCli(arguments);
        QVERIFY(noAbnormal.exitCode != 0);
        QVERIFY2(noAbnormal.err.contains(QLatin1String("no abnormal training video")) && noAbnormal.err.count('\n') == 1,
                 qPrintable(noAbnormal.err));
        {
            QFile file(normalOnly);
            QVERIFY(file.open(QIODevice::Append | QIODevice::Text));
            file.write("missing-video Arson 1 10 -1 -1\n");
        }
        const Run missing = runCli(arguments);
        QVERIFY2(missing.exitCode != 0 && missing.err.contains(QLatin1String("missing-video.npy: no features for video 'missing-video'")),
                 qPrintable(missing.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("x.ckpt"))));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_clitrain.moc"
