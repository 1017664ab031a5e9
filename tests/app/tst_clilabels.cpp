// vigil-cli labels as a user and a script drive it, on real project files: edits applied
// from a stream, the audit trail, classes of the project's own, export and import (a bad
// file changes nothing), the per-analyst report; the process killed (SIGKILL) in the middle
// of a stream of edits, many times, losing no edit it reported; a project the user may not
// write refused in words.
#include "CliRun.h"

#include "model/NpyArray.h"
#include "project/ProjectStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace vigil;
using namespace vigil::test;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString integrity(const QString& path)
{
    const QString name = QStringLiteral("integrity-%1").arg(QRandomGenerator::global()->generate());
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                result = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

class TestCliLabels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_project;

    Run apply(const QByteArray& edits, const QStringList& extra = {})
    {
        QProcess process;
        process.start(QStringLiteral(VIGIL_CLI_PATH),
                      QStringList{QStringLiteral("labels"), QStringLiteral("apply"), QStringLiteral("--project"), m_project} + extra +
                          QStringList{QStringLiteral("-")});
        process.write(edits);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("vigil-cli labels apply did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_project = m_dir.filePath(QStringLiteral("review.vigil"));
        const QString media = kShared + QStringLiteral("/media/");
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), m_project}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), m_project,
                         media + "cctv_fighting.mp4", media + "cctv_normal.mp4"})
                     .exitCode,
                 0);
        // A model in the project: its classes are the ones a label may have.
        const Run scored = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"),
                                              m_project} +
                                  modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
    }

    void editsFromAStreamWithTheirTrail()
    {
        const Run first = apply("add cctv_fighting 10 49 fighting\nadd cctv_fighting 60 80 Loitering\n",
                                {QStringLiteral("--author"), QStringLiteral("ana")});
        QCOMPARE(first.exitCode, 1); // one line failed
        QVERIFY2(first.out.contains(QRegularExpression(QStringLiteral("^ok 1 add [0-9]+\n"))), qPrintable(first.out));
        QVERIFY2(first.out.contains(QLatin1String("error 2 unknown class 'Loitering'")), qPrintable(first.out));
        QCOMPARE(runCli({QStringLiteral("labels"), QStringLiteral("classes"), QStringLiteral("--project"), m_project,
                         QStringLiteral("--add"), QStringLiteral("Loitering")})
                     .exitCode,
                 0);
        const Run classes = runCli({QStringLiteral("labels"), QStringLiteral("classes"), QStringLiteral("--project"), m_project});
        QVERIFY2(classes.out.contains(QLatin1String("Loitering  (the project's own)")) && classes.out.contains(QLatin1String("Fighting\n")),
                 qPrintable(classes.out));
        const Run second = apply("add cctv_fighting 60 80 Loitering\nmove 1 12 49\nclass 1 Arson\n",
                                 {QStringLiteral("--author"), QStringLiteral("ben")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        const Run history = runCli({QStringLiteral("labels"), QStringLiteral("history"), QStringLiteral("--project"), m_project,
                                    QStringLiteral("--label"), QStringLiteral("1")});
        const QStringList lines = history.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].contains(QLatin1String("  ana  label 1  add  - -> 10-49 Fighting")), qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QLatin1String("  ben  label 1  change  10-49 Fighting -> 12-49 Fighting")), qPrintable(lines[1]));
        QVERIFY2(lines[2].contains(QLatin1String("  ben  label 1  change  12-49 Fighting -> 12-49 Arson")), qPrintable(lines[2]));
        const Run report = runCli({QStringLiteral("labels"), QStringLiteral("report"), QStringLiteral("--project"), m_project});
        QVERIFY2(report.out.contains(QRegularExpression(QStringLiteral("\nana +1 +0 "))) &&
                     report.out.contains(QRegularExpression(QStringLiteral("\nben +1 +0 "))),
                 qPrintable(report.out));
    }

    void exportAndABadImportThatChangesNothing()
    {
        const QString json = m_dir.filePath(QStringLiteral("labels.json"));
        const Run exported = runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), m_project,
                                     QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), json});
        QVERIFY2(exported.exitCode == 0 && exported.out.contains(QLatin1String("exported 2 label(s) of 1 video(s)")),
                 qPrintable(exported.out + exported.err));
        const QString bad = m_dir.filePath(QStringLiteral("bad.txt"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("cctv_fighting Fighting 1 5\ncctv_normal Fighting 3500 3700\n");
        }
        const Run refused = runCli({QStringLiteral("labels"), QStringLiteral("import"), QStringLiteral("--project"), m_project,
                                    QStringLiteral("--format"), QStringLiteral("ucf"), bad});
        QVERIFY2(refused.exitCode == 1 && refused.err.contains(bad + QStringLiteral(":2: video 'cctv_normal', frames 3500-3700: "
                                                                                     "past the video's last frame (3599)")),
                 qPrintable(refused.err));
        const QString again = m_dir.filePath(QStringLiteral("again.json"));
        runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), m_project, QStringLiteral("--format"),
                QStringLiteral("json"), QStringLiteral("--out"), again});
        QCOMPARE(readAll(again), readAll(json));
        // The good form goes in, replacing the video's labels, and reads back as written.
        const QString good = m_dir.filePath(QStringLiteral("good.txt"));
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // UCF-Crime's exact form: file names, two spaces, two intervals padded with -1.
            f.write("cctv_fighting.mp4  Fighting  1  5  20  29\ncctv_normal.mp4  Normal  -1  -1  -1  -1\n");
        }
        const Run imported = runCli({QStringLiteral("labels"), QStringLiteral("import"), QStringLiteral("--project"), m_project,
                                     QStringLiteral("--format"), QStringLiteral("ucf"), good});
        QVERIFY2(imported.exitCode == 0 && imported.out.contains(QLatin1String("imported 2 label(s) for 2 video(s), replacing 2")),
                 qPrintable(imported.out + imported.err));
        const QString out = m_dir.filePath(QStringLiteral("out.txt"));
        runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), m_project, QStringLiteral("--format"),
                QStringLiteral("ucf"), QStringLiteral("--out"), out});
        QCOMPARE(readAll(out), readAll(good));
    }

    void aProjectWithoutAModelChecksClassesAgainstTheListGiven()
    {
        const QString project = m_dir.filePath(QStringLiteral("nomodel.vigil"));
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--project"), project}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"), project,
                         kShared + QStringLiteral("/media/cctv_fighting.mp4")})
                     .exitCode,
                 0);
        const QString misspelt = m_dir.filePath(QStringLiteral("misspelt.txt")), good = m_dir.filePath(QStringLiteral("good-nomodel.txt"));
        for (const auto& [path, text] : {std::pair{misspelt, QByteArray("cctv_fighting.mp4  Explos@on  1  5  -1  -1\n")},
                                         std::pair{good, QByteArray("cctv_fighting.mp4  Explosion  1  5  -1  -1\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const QStringList import{QStringLiteral("labels"), QStringLiteral("import"), QStringLiteral("--project"), project,
                                 QStringLiteral("--format"), QStringLiteral("ucf")};
        const Run unnamed = runCli(import + QStringList{good});
        QVERIFY2(unnamed.exitCode != 0 && unnamed.err.contains(QLatin1String("--classes")), qPrintable(unnamed.err));
        const Run refused = runCli(import + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), misspelt});
        QVERIFY2(refused.exitCode != 0 && refused.err.contains(QLatin1String("unknown class 'Explos@on'")), qPrintable(refused.err));
        const Run imported = runCli(import + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf"), good});
        QVERIFY2(imported.exitCode == 0 && imported.out.contains(QLatin1String("imported 1 label(s)")), qPrintable(imported.out + imported.err));
    }

    void aDatasetFolderInOneStep()
    {
        // A dataset as the authors ship it: videos, the annotation file (naming one video
        // this copy lacks), per-video features for one of them.
        const QString root = m_dir.filePath(QStringLiteral("dataset"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/videos/Fighting")) && QDir().mkpath(root + QStringLiteral("/features")));
        QVERIFY(QFile::link(kShared + QStringLiteral("/media/cctv_fighting.mp4"), root + QStringLiteral("/videos/Fighting/Fighting900_x264.mp4")));
        // A video no test here scored: its cache entry is the imported one.
        QVERIFY(QFile::link(kShared + QStringLiteral("/media/cctv_roadaccident.mp4"), root + QStringLiteral("/videos/Normal_Videos_900_x264.mp4")));
        {
            // Real CLIP features, one row per frame of that 243-frame video.
            NpyArray features = readNpy((kShared + QStringLiteral("/golden/ucf/video1537_features.npy")).toStdString());
            const std::vector<float> values = features.toFloat();
            writeNpy((root + QStringLiteral("/features/Normal_Videos_900_x264.npy")).toStdString(),
                     NpyArray::fromFloat({243, features.shape[1]}, values.data()));
            // And one that does not fit its video: said, and not used.
            writeNpy((root + QStringLiteral("/features/Fighting900_x264.npy")).toStdString(),
                     NpyArray::fromFloat({100, features.shape[1]}, values.data()));
        }
        {
            QFile f(root + QStringLiteral("/annotations.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Fighting900_x264 Fighting 100 299 -1 -1\nNormal_Videos_900_x264 Normal -1 -1 -1 -1\n"
                    "Arson777_x264 Arson 10 20 -1 -1\n");
        }
        const QString project = m_dir.filePath(QStringLiteral("dataset.vigil"));
        const Run run = runCli(QStringList{QStringLiteral("project"), QStringLiteral("import-dataset"), QStringLiteral("--project"),
                                           project, QStringLiteral("--videos"), root + QStringLiteral("/videos"),
                                           QStringLiteral("--annotations"), root + QStringLiteral("/annotations.txt"),
                                           QStringLiteral("--features"), root + QStringLiteral("/features"),
                                           QStringLiteral("--classes"), QStringLiteral("ucf")} +
                               modelArguments(QStringLiteral("ucf")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("2 video(s) added, 2 in the project")) &&
                     run.out.contains(QLatin1String("ground truth for 2 video(s); 1 label(s) on 2 video(s)")) &&
                     run.out.contains(QLatin1String("features of 1 video(s) in the cache")),
                 qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("1 annotated video(s) are not in the folder, e.g. Arson777_x264")) &&
                     run.err.contains(QLatin1String("Fighting900_x264.npy has 100 rows for the 1105 frames of Fighting900_x264: not used")),
                 qPrintable(run.err));
        // The labels read back as the annotations said, for the videos there.
        const QString out = m_dir.filePath(QStringLiteral("dataset-labels.txt"));
        QCOMPARE(runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), project,
                         QStringLiteral("--format"), QStringLiteral("ucf"), QStringLiteral("--out"), out})
                     .exitCode,
                 0);
        // UCF-Crime's own form, sorted by file name whatever order the folder walk added them in.
        QCOMPARE(readAll(out), QByteArray("Fighting900_x264.mp4  Fighting  100  299  -1  -1\n"
                                          "Normal_Videos_900_x264.mp4  Normal  -1  -1  -1  -1\n"));
        const Run info = runCli({QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("--project"), project});
        QVERIFY2(info.out.contains(QLatin1String("class Fighting")) && info.out.contains(QLatin1String("class Normal")),
                 qPrintable(info.out));
        // Scoring takes the imported features for that video instead of decoding it.
        const Run scored = runCli(QStringList{QStringLiteral("project"), QStringLiteral("score"), QStringLiteral("--project"), project} +
                                  modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(scored.exitCode == 0 && scored.out.contains(QRegularExpression(QStringLiteral("Normal_Videos_900_x264: 243 frames in .* from imported features"))),
                 qPrintable(scored.out + scored.err));
    }

    void labelsGoOutAsCheckedClips()
    {
        QCOMPARE(apply("add cctv_fighting 200 260 Fighting\n").exitCode, 0);
        const QString out = m_dir.filePath(QStringLiteral("clips"));
        const Run run = runCli({QStringLiteral("export-clips"), QStringLiteral("--project"), m_project, QStringLiteral("--pad"),
                                QStringLiteral("0.5"), QStringLiteral("--out-dir"), out});
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ReadOnly);
        const int labels = int(store->allLabels().size());
        QVERIFY2(run.exitCode == 0 && run.out.contains(QStringLiteral("%1 clip(s) in %2").arg(labels).arg(out)),
                 qPrintable(run.out + run.err));
        QVERIFY(labels > 0);
        QFile sums(QDir(out).filePath(QStringLiteral("SHA256SUMS")));
        QVERIFY(sums.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(sums.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 2 * labels + 1);
        for (const QString& line : lines) {
            QFile file(QDir(out).filePath(line.section(QStringLiteral("  "), 1)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
                     line.section(QStringLiteral("  "), 0, 0));
        }
        const Run detections = runCli({QStringLiteral("export-clips"), QStringLiteral("--project"), m_project, QStringLiteral("--source"),
                                       QStringLiteral("detections"), QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("dets"))});
        QVERIFY2(detections.exitCode == 0 && detections.out.contains(QLatin1String("clip(s) in")), qPrintable(detections.out + detections.err));
    }

    void aProjectGoesOutAsADataset()
    {
        QCOMPARE(apply("add cctv_fighting 300 340 Fighting\n").exitCode, 0);
        const QString out = m_dir.filePath(QStringLiteral("dataset-out"));
        const Run run = runCli(QStringList{QStringLiteral("export-dataset"), QStringLiteral("--project"), m_project,
                                           QStringLiteral("--out-dir"), out} +
                               modelArguments(QStringLiteral("ucf")) + QStringList{QStringLiteral("--classes"), QStringLiteral("ucf")});
        QVERIFY2(run.exitCode == 0 && run.out.contains(QLatin1String("features of 2 video(s)")) &&
                     run.out.contains(QLatin1String("2 video(s) copied")),
                 qPrintable(run.out + run.err));
        // The annotations are the labels in the UCF-Crime form.
        const QString labels = m_dir.filePath(QStringLiteral("dataset-labels-ucf.txt"));
        QCOMPARE(runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), m_project,
                         QStringLiteral("--format"), QStringLiteral("ucf"), QStringLiteral("--out"), labels})
                     .exitCode,
                 0);
        QCOMPARE(readAll(QDir(out).filePath(QStringLiteral("annotations.txt"))), readAll(labels));
        // One feature row per frame, as the authors' code reads them.
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::ReadOnly);
        for (const VideoRecord& v : store->videos()) {
            const NpyArray features = readNpy(QDir(out).filePath(QStringLiteral("features/%1.npy").arg(QFileInfo(v.path).completeBaseName())).toStdString());
            QCOMPARE(features.shape.size(), size_t(2));
            QCOMPARE(features.shape[0], int64_t(v.frameCount));
            QCOMPARE(readAll(QDir(out).filePath(QStringLiteral("videos/") + QFileInfo(v.path).fileName())), readAll(v.path));
        }
        QFile sums(QDir(out).filePath(QStringLiteral("SHA256SUMS")));
        QVERIFY(sums.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(sums.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // annotations, two feature files, two videos
        for (const QString& line : lines)
            QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(readAll(QDir(out).filePath(line.section(QStringLiteral("  "), 1))),
                                                                  QCryptographicHash::Sha256)
                                             .toHex()),
                     line.section(QStringLiteral("  "), 0, 0));
    }

    void aKilledProcessLosesNoReportedEdit()
    {
        // Many times: a stream of edits, SIGKILL at a random moment, then the file is whole
        // and every edit the process acknowledged is there.
        const QString project = m_dir.filePath(QStringLiteral("killed.vigil"));
        QVERIFY(QFile::copy(m_project, project));
        QFile::copy(m_project + QStringLiteral("-wal"), project + QStringLiteral("-wal"));
        int acknowledged = 0;
        for (int round = 0; round < 15; ++round) {
            QProcess process;
            process.start(QStringLiteral(VIGIL_CLI_PATH), {QStringLiteral("labels"), QStringLiteral("apply"), QStringLiteral("--project"),
                                                           project, QStringLiteral("-")});
            QVERIFY(process.waitForStarted());
            QByteArray edits;
            for (int i = 0; i < 400; ++i)
                edits += QByteArray("add cctv_normal ") + QByteArray::number(i * 5) + ' ' + QByteArray::number(i * 5 + 3) + " Fighting\n";
            process.write(edits);
            const int wanted = 5 + int(QRandomGenerator::global()->bounded(60));
            QList<qint64> ids;
            QByteArray pending;
            while (ids.size() < wanted && process.state() == QProcess::Running) {
                process.waitForReadyRead(5000);
                pending += process.readAllStandardOutput();
                qsizetype end;
                while ((end = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(end);
                    pending.remove(0, end + 1);
                    if (line.startsWith("ok "))
                        ids << line.split(' ').last().toLongLong();
                }
            }
            ::kill(pid_t(process.processId()), SIGKILL);
            process.waitForFinished();
            QCOMPARE(integrity(project), QStringLiteral("ok"));
            auto store = ProjectStore::open(project, ProjectStore::OpenMode::OpenExisting);
            for (const qint64 id : ids) {
                QVERIFY2(store->label(id).has_value(), qPrintable(QStringLiteral("round %1: label %2 lost").arg(round).arg(id)));
                QCOMPARE(store->labelHistory(id).size(), 1); // its audit row came with it
            }
            acknowledged += int(ids.size());
        }
        qInfo("%d acknowledged edits over 15 kills, none lost", acknowledged);
    }

    void aProjectTheUserMayNotWriteIsRefusedInWords()
    {
        // A folder others may enter, the project in it readable by all and writable by none
        // but its owner, then the edit made as another user (root writes any file, so a
        // root test drops to 'nobody').
        QTemporaryDir shared;
        QVERIFY(QFile::setPermissions(shared.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                         QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                         QFileDevice::ExeGroup));
        const QString project = shared.filePath(QStringLiteral("locked.vigil"));
        {
            auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::OpenExisting);
            store->saveCopyAs(project);
        }
        QVERIFY(QFile::setPermissions(project, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = readAll(project);
        QStringList command{QStringLiteral(VIGIL_CLI_PATH), QStringLiteral("labels"), QStringLiteral("apply"),
                            QStringLiteral("--project"), project, QStringLiteral("-")};
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QSKIP("running as root without setpriv: cannot become a user the file refuses");
            command = QStringList{setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups")} + command;
            // The checkout must be one another user may run (not under a private home).
            QProcess probe;
            probe.start(setpriv, {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                  QStringLiteral(VIGIL_CLI_PATH), QStringLiteral("--version")});
            if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
                QSKIP("user 'nobody' cannot run this checkout's vigil-cli (a private folder above it)");
        }
        QProcess process;
        process.start(command.takeFirst(), command);
        process.write("add cctv_fighting 1 5 Fighting\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitCode() == 1 && out.contains(QLatin1String("error 1 ")) && out.contains(QLatin1String("the project is read-only")),
                 qPrintable(out));
        QCOMPARE(readAll(project), before);
    }

    void aFullDiskIsSaidAndNothingIsHalfWritten()
    {
        // A real full disk: a small tmpfs holding the project, filled up, then an import
        // too large for what is left. Mounting needs root (and the right to mount).
        if (::geteuid() != 0)
            QSKIP("mounting a small file system to fill needs root");
        QTemporaryDir mountPoint;
        const QString disk = mountPoint.path();
        QProcess mount;
        mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                              QStringLiteral("size=1m"), QStringLiteral("tmpfs"), disk});
        if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
            QSKIP("cannot mount a tmpfs here (no right to mount): the full-disk case needs one");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {disk}); });
        const QString project = disk + QStringLiteral("/full.vigil");
        {
            auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::OpenExisting);
            store->saveCopyAs(project);
        }
        // One edit first (the journal files exist), then fill what is left.
        QProcess first;
        first.start(QStringLiteral(VIGIL_CLI_PATH), {QStringLiteral("labels"), QStringLiteral("apply"), QStringLiteral("--project"),
                                                      project, QStringLiteral("-")});
        first.write("add cctv_fighting 1 5 Fighting\n");
        first.closeWriteChannel();
        QVERIFY(first.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        const QString before = m_dir.filePath(QStringLiteral("full-before.json"));
        QCOMPARE(runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), project,
                         QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), before})
                     .exitCode,
                 0);
        {
            QFile filler(disk + QStringLiteral("/filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
        }
        // 300 labels with long notes: far more than the few bytes left.
        const QString csv = m_dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("video,start_frame,end_frame,class,note\n");
            for (int i = 0; i < 300; ++i)
                f.write("cctv_fighting," + QByteArray::number(i * 3) + "," + QByteArray::number(i * 3 + 2) + ",Fighting," +
                        QByteArray(2000, 'n') + "\n");
        }
        const Run full = runCli({QStringLiteral("labels"), QStringLiteral("import"), QStringLiteral("--project"), project,
                                 QStringLiteral("--format"), QStringLiteral("csv"), csv});
        QVERIFY2(full.exitCode == 1 && full.err.contains(QLatin1String("the disk is full; nothing was changed")), qPrintable(full.err));
        QFile::remove(disk + QStringLiteral("/filler"));
        QCOMPARE(integrity(project), QStringLiteral("ok"));
        const QString after = m_dir.filePath(QStringLiteral("full-after.json"));
        QCOMPARE(runCli({QStringLiteral("labels"), QStringLiteral("export"), QStringLiteral("--project"), project,
                         QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), after})
                     .exitCode,
                 0);
        QCOMPARE(readAll(after), readAll(before));
    }
};

QTEST_GUILESS_MAIN(TestCliLabels)
#include "tst_clilabels.moc"
