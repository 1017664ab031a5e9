// Labels in a real project file: every edit in the audit trail, labels made from the
// model's detections with their provenance and the per-analyst report, the analysts' own
// classes, export and import in every format with identical round trips, invalid files
// refused whole, and read-only projects.
#include "model/Error.h"
#include "project/LabelInterchange.h"
#include "project/LabelJson.h"
#include "project/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace vigil;

namespace {

VideoRecord video(const QString& path, qint64 frames)
{
    VideoRecord v;
    v.path = path;
    v.frameCount = frames;
    v.frameRate = 25;
    return v;
}

LabelRecord label(qint64 videoId, qint64 start, qint64 end, const QString& cls, const QString& note = QString())
{
    LabelRecord l;
    l.videoId = videoId;
    l.startFrame = start;
    l.endFrame = end;
    l.className = cls;
    l.note = note;
    return l;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Everything a label holds but its id and times of writing, for comparing two imports.
QStringList contents(const ProjectStore& store, bool withProvenance)
{
    QStringList rows;
    for (const LabelRecord& l : store.allLabels()) {
        QString row = QStringLiteral("%1 %2-%3 %4").arg(l.videoId).arg(l.startFrame).arg(l.endFrame).arg(l.className);
        if (withProvenance)
            row += QStringLiteral(" | %1").arg(l.note);
        if (withProvenance)
            row += QStringLiteral(" | %1 %2 %3 %4 %5 %6 %7 %8 %9")
                       .arg(l.author, labelSourceName(l.source), l.created.toString(Qt::ISODateWithMs),
                            l.modified.toString(Qt::ISODateWithMs), l.modelClass)
                       .arg(l.modelStart)
                       .arg(l.modelEnd)
                       .arg(l.modelPeak)
                       .arg(l.decisionSeconds);
        rows << row;
    }
    return rows;
}

const QStringList kClasses = {QStringLiteral("Abuse"), QStringLiteral("Arson"), QStringLiteral("Fighting"),
                              QStringLiteral("Normal"), QStringLiteral("Road Accidents")};

} // namespace

class TestLabels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<ProjectStore> project(QList<qint64>* ids)
    {
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("p%1.vigil").arg(++m_count)),
                                        ProjectStore::OpenMode::CreateIfMissing);
        store->setAuthor(QStringLiteral("ana"));
        *ids = store->addVideos({video(QStringLiteral("/v/Arson011_x264.mp4"), 500), video(QStringLiteral("/v/cam-2.mp4"), 300),
                                 video(QStringLiteral("/v/quiet.mp4"), 200)});
        return store;
    }

    // A project with labels of every kind: manual with notes (commas, quotes, a line
    // break), one made from a detection then modified, a custom class, a video class.
    std::unique_ptr<ProjectStore> filled(QList<qint64>* ids)
    {
        auto store = project(ids);
        store->addCustomClass(QStringLiteral("Loitering"));
        store->addLabel(label((*ids)[0], 10, 50, QStringLiteral("Arson"), QStringLiteral("smoke, then \"flames\"\nsecond line")));
        store->addLabel(label((*ids)[0], 100, 180, QStringLiteral("Arson")));
        store->addLabel(label((*ids)[1], 0, 30, QStringLiteral("Loitering")));
        LabelRecord fromModel = label((*ids)[1], 40, 90, QStringLiteral("Fighting"));
        fromModel.source = LabelSource::Model;
        fromModel.modelId = store->ensureModel([] {
            ModelRecord m;
            m.name = QStringLiteral("ucf");
            m.checkpointPath = QStringLiteral("/m/last.ckpt");
            m.labels = QStringLiteral("ucf");
            return m;
        }());
        fromModel.modelClass = QStringLiteral("Fighting");
        fromModel.modelStart = 40;
        fromModel.modelEnd = 90;
        fromModel.modelPeak = 0.9123456789;
        fromModel.modelMean = 0.7;
        fromModel.decisionSeconds = 3.25;
        fromModel.detectionId = 77;
        store->addLabel(fromModel);
        store->setVideoClasses({{(*ids)[2], QStringLiteral("Normal")}});
        return store;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyEditIsInTheAuditTrail()
    {
        QList<qint64> ids;
        auto store = project(&ids);
        const qint64 id = store->addLabel(label(ids[0], 10, 20, QStringLiteral("Arson")));
        std::optional<LabelRecord> l = store->label(id);
        QCOMPARE(l->author, QStringLiteral("ana"));
        QCOMPARE(l->source, LabelSource::Manual);
        store->setAuthor(QStringLiteral("ben"));
        l->endFrame = 30;
        l->note = QStringLiteral("longer");
        store->updateLabel(*l);
        store->updateLabel(*l); // no change: no row
        store->removeLabel(id);
        const QList<LabelAuditRecord> rows = store->labelHistory(id);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].action, QStringLiteral("add"));
        QCOMPARE(rows[0].author, QStringLiteral("ana"));
        QVERIFY(rows[0].before.isEmpty());
        QCOMPARE(rows[0].after.value(QStringLiteral("end_frame")).toInt(), 20);
        QCOMPARE(rows[1].action, QStringLiteral("change"));
        QCOMPARE(rows[1].author, QStringLiteral("ben"));
        QCOMPARE(rows[1].before.value(QStringLiteral("end_frame")).toInt(), 20);
        QCOMPARE(rows[1].after.value(QStringLiteral("end_frame")).toInt(), 30);
        QCOMPARE(rows[1].after.value(QStringLiteral("note")).toString(), QStringLiteral("longer"));
        QCOMPARE(rows[2].action, QStringLiteral("remove"));
        QVERIFY(rows[2].after.isEmpty());
        QVERIFY(rows[0].at <= rows[1].at && rows[1].at <= rows[2].at);
        // Per video too, and an undoable step (writeLabels) writes its rows with it.
        QList<LabelRecord> step{label(ids[0], 5, 6, QStringLiteral("Abuse"))};
        store->writeLabels(step, {});
        QCOMPARE(store->videoLabelHistory(ids[0]).size(), 4);
        QCOMPARE(store->videoLabelHistory(ids[1]).size(), 0);
    }

    void modelLabelsKeepTheirProvenanceAndFeedTheReport()
    {
        QList<qint64> ids;
        auto store = filled(&ids);
        const QList<LabelRecord> labels = store->labels(ids[1]);
        const LabelRecord& fromModel = labels[1];
        QCOMPARE(fromModel.source, LabelSource::Model);
        QCOMPARE(fromModel.modelPeak, 0.9123456789);
        QCOMPARE(fromModel.decisionSeconds, 3.25);
        QVERIFY(!fromModel.modifiedFromModel());
        QList<AnalystReport> reports = store->analystReports();
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports[0].author, QStringLiteral("ana"));
        QCOMPARE(reports[0].labels, 4);
        QCOMPARE(reports[0].accepted, 1);
        QCOMPARE(reports[0].modified, 0);
        QCOMPARE(reports[0].unchangedShare(), 1.0);
        QCOMPARE(reports[0].meanDecisionSeconds, 3.25);
        // Moved by an analyst: modified, the model's own bounds still there.
        LabelRecord moved = fromModel;
        moved.endFrame = 95;
        store->updateLabel(moved);
        QVERIFY(store->label(moved.id)->modifiedFromModel());
        QCOMPARE(store->label(moved.id)->modelEnd, 90);
        reports = store->analystReports();
        QCOMPARE(reports[0].accepted, 0);
        QCOMPARE(reports[0].modified, 1);
        QCOMPARE(reports[0].unchangedShare(), 0.0);
    }

    void customClassesAreTheProjectsOwn()
    {
        QList<qint64> ids;
        auto store = filled(&ids);
        store->addCustomClass(QStringLiteral("loitering")); // there, in any case
        store->addCustomClass(QStringLiteral("Wrong Way"));
        QCOMPARE(store->customClasses(), (QStringList{QStringLiteral("Loitering"), QStringLiteral("Wrong Way")}));
        QVERIFY_THROWS_EXCEPTION(Error, store->removeCustomClass(QStringLiteral("Loitering"))); // a label uses it
        store->removeCustomClass(QStringLiteral("Wrong Way"));
        QCOMPARE(store->customClasses(), QStringList{QStringLiteral("Loitering")});
        QVERIFY_THROWS_EXCEPTION(Error, store->addCustomClass(QStringLiteral("  ")));
    }

    void everyFormatRoundTrips_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("everyField");
        QTest::newRow("ucf") << QStringLiteral("ucf") << false;
        QTest::newRow("xd") << QStringLiteral("xd") << false;
        QTest::newRow("sht") << QStringLiteral("sht") << false;
        QTest::newRow("csv") << QStringLiteral("csv") << true;
        QTest::newRow("json") << QStringLiteral("json") << true;
    }

    void everyFormatRoundTrips()
    {
        QFETCH(QString, format);
        QFETCH(bool, everyField);
        const LabelFormat f = *labelFormatFromName(format);
        QList<qint64> ids;
        auto source = filled(&ids);
        const QString first = m_dir.filePath(QStringLiteral("first.") + format);
        const QString second = m_dir.filePath(QStringLiteral("second.") + format);
        const LabelExport written = exportLabels(*source, f, first);
        QCOMPARE(written.labels, 4);
        // Import into a fresh project, export again, import into a third.
        LabelImportOptions options;
        options.knownClasses = kClasses + QStringList{QStringLiteral("Loitering")};
        options.defaultClass = QStringLiteral("Fighting");
        options.normalClass = QStringLiteral("Normal");
        QList<qint64> ids2, ids3;
        auto a = project(&ids2);
        const LabelImport imported = importLabels(*a, f, first, options);
        QCOMPARE(imported.labels, 4);
        exportLabels(*a, f, second);
        auto b = project(&ids3);
        importLabels(*b, f, second, options);
        QCOMPARE(contents(*b, everyField), contents(*a, everyField));
        if (f == LabelFormat::Sht) {
            for (const QString& name : QDir(first).entryList({QStringLiteral("*.npy")}))
                QCOMPARE(readAll(QDir(second).filePath(name)), readAll(QDir(first).filePath(name)));
        } else {
            QCOMPARE(readAll(second), readAll(first)); // the export of an import is the file itself
        }
        if (everyField) {
            // Every field survives, provenance and times included: the same as the source.
            QCOMPARE(contents(*a, true), contents(*source, true));
            if (f == LabelFormat::Json) // the class list too; a CSV holds labels only
                QCOMPARE(a->customClasses(), source->customClasses());
        } else if (f == LabelFormat::Ucf) {
            QCOMPARE(contents(*a, false), contents(*source, false));
            QCOMPARE(a->video(ids2[2])->videoClass, QStringLiteral("Normal")); // the weak label of "-1 -1"
            QCOMPARE(a->labels(ids2[0]).first().source, LabelSource::Import);
            QCOMPARE(a->labels(ids2[0]).first().author, QStringLiteral("ana"));
        } else {
            // No classes in these forms: the bounds, and the class given for them.
            QCOMPARE(a->labels(ids2[0]).size(), 2);
            QCOMPARE(a->labels(ids2[1]).size(), 2);
            QCOMPARE(a->labels(ids2[1]).first().className, QStringLiteral("Fighting"));
            QCOMPARE(a->labels(ids2[1]).last().endFrame, 90);
        }
    }

    void ucfCrimesOwnFormRoundTripsByteForByte()
    {
        // Temporal_Anomaly_Annotation_for_Testing_Videos.txt's exact form: file names, two
        // spaces, two intervals padded with -1; a third interval makes a longer line, as
        // AnomalyCLIP's reader accepts. Lines sorted by file name.
        const QByteArray text = "Arson011_x264.mp4  Arson  10  49  100  179\n"
                                "cam-2.mp4  Fighting  0  29  40  89  120  130\n"
                                "quiet.mp4  Normal  -1  -1  -1  -1\n";
        const QString in = m_dir.filePath(QStringLiteral("ucf-own.txt")), out = m_dir.filePath(QStringLiteral("ucf-again.txt"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        QList<qint64> ids;
        auto store = project(&ids);
        LabelImportOptions options;
        options.knownClasses = kClasses;
        options.normalClass = QStringLiteral("Normal");
        QCOMPARE(importLabels(*store, LabelFormat::Ucf, in, options).labels, 5);
        QCOMPARE(store->labels(ids[1]).size(), 3);
        const LabelExport written = exportLabels(*store, LabelFormat::Ucf, out);
        QCOMPARE(readAll(out), text);
        QCOMPARE(written.longLines, 1);
    }

    void xdViolencesOwnFormRoundTripsByteForByte()
    {
        // annotations.txt's exact form: names without their extension (dots and '#' in them),
        // single spaces, first frame and the frame after the last, sorted by name; a normal
        // (label_A) video is not listed. The project holds the videos in another order.
        const QByteArray text = "A.Beautiful.Mind.2001__#00-25-20_00-29-20_label_B2-0-0 2144 2256 2320 2448\n"
                                "Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6 32 96 144 288 416 512\n"
                                "v=8cTqh9tMz_I__#1_label_B1-0-0 0 64\n";
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("xd.vigil")), ProjectStore::OpenMode::CreateIfMissing);
        const QList<qint64> ids = store->addVideos(
            {video(QStringLiteral("/xd/v=8cTqh9tMz_I__#1_label_B1-0-0.mp4"), 1000),
             video(QStringLiteral("/xd/Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6.mp4"), 1200),
             video(QStringLiteral("/xd/Black.Hawk.Down.2001__#00-01-00_00-01-30_label_A.mp4"), 700),
             video(QStringLiteral("/xd/A.Beautiful.Mind.2001__#00-25-20_00-29-20_label_B2-0-0.mp4"), 6000)});
        const QString in = m_dir.filePath(QStringLiteral("annotations.txt")), out = m_dir.filePath(QStringLiteral("xd-again.txt"));
        writeFile(in, text);
        LabelImportOptions options;
        options.knownClasses = {QStringLiteral("Abuse"),    QStringLiteral("Car_accident"), QStringLiteral("Explosion"),
                                QStringLiteral("Fighting"), QStringLiteral("Normal"),       QStringLiteral("Riot"),
                                QStringLiteral("Shooting")};
        options.normalClass = QStringLiteral("Normal");
        QCOMPARE(importLabels(*store, LabelFormat::Xd, in, options).labels, 6);
        // Every interval takes the video's first class, as AnomalyCLIP reads the file.
        QCOMPARE(store->labels(ids[1]).size(), 3);
        QCOMPARE(store->labels(ids[1]).first().className, QStringLiteral("Explosion"));
        QCOMPARE(store->labels(ids[1]).first().endFrame, 96);
        QCOMPARE(store->labels(ids[3]).first().className, QStringLiteral("Shooting"));
        QVERIFY(store->labels(ids[2]).isEmpty());
        exportLabels(*store, LabelFormat::Xd, out);
        QCOMPARE(readAll(out), text);
    }

    void aNameTheDatasetFormsCannotHoldIsRefused()
    {
        QList<qint64> ids;
        auto store = project(&ids);
        const qint64 spaced = store->addVideos({video(QStringLiteral("/v/cam 3.mp4"), 100)}).first();
        store->addLabel(label(spaced, 1, 5, QStringLiteral("Arson")));
        for (const LabelFormat f : {LabelFormat::Ucf, LabelFormat::Xd}) {
            const QString out = m_dir.filePath(QStringLiteral("spaced.txt"));
            try {
                exportLabels(*store, f, out);
                QFAIL("a name with a space was written");
            } catch (const Error& e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("video 'cam 3'")), e.what());
            }
            QVERIFY(!QFileInfo::exists(out));
        }
        QCOMPARE(exportLabels(*store, LabelFormat::Csv, m_dir.filePath(QStringLiteral("spaced.csv"))).labels, 1);
    }

    void invalidFilesAreRefusedWhole_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown class") << QStringLiteral("ucf") << QByteArray("Arson011_x264 Arson 1 5\nquiet Juggling 1 5\n")
                                       << QStringLiteral(":2: video 'quiet', frames 1-5: unknown class 'Juggling'");
        QTest::newRow("end before start") << QStringLiteral("ucf") << QByteArray("Arson011_x264 Arson 1 5\nquiet Arson 9 5\n")
                                          << QStringLiteral("line 2: an interval ends before it starts");
        QTest::newRow("past the end") << QStringLiteral("ucf") << QByteArray("Arson011_x264 Arson 1 5\nquiet Arson 150 250\n")
                                      << QStringLiteral(":2: video 'quiet', frames 150-250: past the video's last frame (199)");
        QTest::newRow("unknown video") << QStringLiteral("xd") << QByteArray("Arson011_x264 1 5\nnowhere 1 5\n")
                                       << QStringLiteral(":2: no video of the project is named 'nowhere'");
        QTest::newRow("malformed line") << QStringLiteral("ucf") << QByteArray("Arson011_x264 Arson 1 5\nquiet Arson 1\n")
                                        << QStringLiteral("line 2: is not 'Video Class start end");
        // A file cut short after a class: refused, not read as "no labels for this video".
        QTest::newRow("class, no interval") << QStringLiteral("ucf") << QByteArray("Arson011_x264.mp4  Arson  1  5  -1  -1\nquiet.mp4  Arson\n")
                                            << QStringLiteral("line 2: has a class but no interval");
        QTest::newRow("binary file") << QStringLiteral("ucf") << QByteArray("Arson011_x264 Arson 1 5\n\x00\x01\x02", 27)
                                     << QStringLiteral("binary");
        QTest::newRow("csv fields") << QStringLiteral("csv")
                                    << QByteArray("video,start_frame,end_frame,class\nquiet,1,5,Arson\nquiet,1,5\n")
                                    << QStringLiteral(":3: has 3 fields, the header 4");
        QTest::newRow("csv number") << QStringLiteral("csv") << QByteArray("video,start_frame,end_frame,class\nquiet,one,5,Arson\n")
                                    << QStringLiteral(":2: 'one' is not a number in column start_frame");
        QTest::newRow("json syntax") << QStringLiteral("json") << QByteArray("{\"format\": \"vigil-labels\",\n\"videos\": [}\n")
                                     << QStringLiteral(":2: ");
    }

    void invalidFilesAreRefusedWhole()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QList<qint64> ids;
        auto store = filled(&ids);
        const QString before = m_dir.filePath(QStringLiteral("before.json"));
        exportLabels(*store, LabelFormat::Json, before);
        const QString revision = store->labelRevision();
        const QString bad = m_dir.filePath(QStringLiteral("bad.txt"));
        writeFile(bad, text);
        LabelImportOptions options;
        options.knownClasses = kClasses;
        try {
            importLabels(*store, *labelFormatFromName(format), bad, options);
            QFAIL("the file was imported");
        } catch (const Error& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.startsWith(bad) && what.contains(message), qPrintable(what));
        }
        QCOMPARE(store->labelRevision(), revision);
        const QString after = m_dir.filePath(QStringLiteral("after.json"));
        exportLabels(*store, LabelFormat::Json, after);
        QCOMPARE(readAll(after), readAll(before)); // byte for byte the same labels
    }

    void aReadOnlyProjectRefusesEditsAndChangesNothing()
    {
        QList<qint64> ids;
        QString path;
        {
            auto store = filled(&ids);
            path = store->path();
        }
        const QByteArray bytes = readAll(path);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->allLabels().size(), 4);
        try {
            store->addLabel(label(ids[0], 1, 2, QStringLiteral("Arson")));
            QFAIL("a read-only project took a label");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("the project is read-only")), e.what());
        }
        QCOMPARE(store->allLabels().size(), 4);
        store.reset();
        QCOMPARE(readAll(path), bytes);
        // A file the user may not write: opened read-only on its own. Root writes any file,
        // so this part needs an ordinary user.
        if (::geteuid() == 0)
            QSKIP("running as root: file permissions do not stop root from writing");
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        auto locked = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(locked->isReadOnly());
        QVERIFY_THROWS_EXCEPTION(Error, locked->addLabel(label(ids[0], 1, 2, QStringLiteral("Arson"))));
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
