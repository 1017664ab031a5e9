// ProjectStore on real project files: opening and refusing files, schema versions, videos,
// models, score blobs, detections with their review, filters, locking and transactions.
#include "model/Error.h"
#include "model/NpyArray.h"
#include "project/AnnotationFile.h"
#include "project/Migrations.h"
#include "project/ProjectStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <random>

using namespace vigil;

Q_DECLARE_METATYPE(ProjectStore::OpenMode)

namespace {

// A second, plain Qt SQL connection to the same file, as another program would hold it.
class RawConnection {
public:
    explicit RawConnection(const QString& path)
        : m_name(QStringLiteral("raw.%1").arg(++s_count))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        if (!m_db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query.next() ? query.value(0) : QVariant();
    }
    void exec(const QString& sql) { scalar(sql); }

private:
    static inline int s_count = 0;
    QString m_name;
    QSqlDatabase m_db;
};

QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& error) {
        return QString::fromStdString(error.what());
    }
    return QString();
}

VideoRecord videoAt(const QString& path, const QString& fingerprint = QString())
{
    VideoRecord v;
    v.path = path;
    v.fingerprint = fingerprint;
    v.frameCount = 900;
    v.frameRate = 30;
    v.width = 320;
    v.height = 240;
    v.durationSeconds = 30;
    v.fileSize = 12345;
    return v;
}

ModelRecord modelNamed(const QString& name)
{
    ModelRecord m;
    m.name = name;
    m.checkpointPath = QStringLiteral("/models/%1.pth").arg(name);
    m.centroidPath = QStringLiteral("/models/%1.npy").arg(name);
    m.labels = QStringLiteral("ucf");
    m.encoderFingerprint = QStringLiteral("enc-%1").arg(name);
    m.headFingerprint = QStringLiteral("head-%1").arg(name);
    return m;
}

ScoreTrack randomTrack(qint64 videoId, qint64 modelId, qint64 frames, int classes, unsigned seed)
{
    ScoreTrack t;
    t.videoId = videoId;
    t.modelId = modelId;
    t.frames = frames;
    t.classes = classes;
    t.normalId = 7;
    for (int c = 0; c < classes; ++c)
        t.classNames << QStringLiteral("class \"%1\", with comma").arg(c);
    t.stride = 2;
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(0.f, 1.f);
    t.scores.resize(size_t(frames));
    for (float& s : t.scores)
        s = uniform(random);
    t.classProbs.resize(size_t(frames * classes));
    for (float& p : t.classProbs)
        p = uniform(random);
    if (frames >= 4) {
        // Values that a text or double round trip would not keep bit for bit.
        t.scores[0] = -0.0f;
        t.scores[1] = std::numeric_limits<float>::denorm_min();
        t.scores[2] = std::numeric_limits<float>::quiet_NaN();
        t.scores[3] = std::numeric_limits<float>::infinity();
    }
    return t;
}

DetectionRecord detection(qint64 start, qint64 end, float peak, int topClass = 1)
{
    DetectionRecord d;
    d.startFrame = start;
    d.endFrame = end;
    d.peakFrame = start;
    d.peakScore = peak;
    d.meanScore = peak / 2;
    d.topClass = topClass;
    d.topClassProbability = 0.5f;
    return d;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file(const QString& name) const { return m_dir.filePath(name); }
    std::unique_ptr<ProjectStore> create(const QString& name)
    {
        return ProjectStore::open(file(name), ProjectStore::OpenMode::CreateIfMissing);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createThenReopenKeepsEverything()
    {
        const QString path = file(QStringLiteral("reopen/project.vigil")); // folder made on create
        qint64 videoId = 0, modelId = 0, detectionId = 0;
        ScoreTrack track = randomTrack(0, 0, 500, 3, 1);
        DetectionSettings settings;
        settings.threshold = 0.73;
        settings.hysteresis = 0.05;
        settings.minDurationSeconds = 2.5;
        settings.mergeGapSeconds = 0.25;
        {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
            videoId = store->addVideos({videoAt(QStringLiteral("/videos/a.mp4"), QStringLiteral("fp-a"))}).value(0);
            modelId = store->ensureModel(modelNamed(QStringLiteral("ucf")));
            track.videoId = videoId;
            track.modelId = modelId;
            store->saveScores(track);
            QList<DetectionRecord> detections{detection(10, 50, 0.9f)};
            store->replaceDetections(videoId, modelId, detections);
            detectionId = detections[0].id;
            store->setReviewState({detectionId}, ReviewState::Accepted);
            store->setCorrectedClass(detectionId, 4);
            store->setNote(detectionId, QStringLiteral("a fight, ünïcode"));
            store->setDetectionSettings(settings);
        }
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
        QCOMPARE(store->path(), path);
        const QList<VideoRecord> videos = store->videos();
        QCOMPARE(videos.size(), 1);
        QCOMPARE(videos[0].id, videoId);
        QCOMPARE(videos[0].path, QStringLiteral("/videos/a.mp4"));
        QCOMPARE(videos[0].fingerprint, QStringLiteral("fp-a"));
        QCOMPARE(videos[0].frameCount, 900);
        QCOMPARE(videos[0].frameRate, 30.0);
        QCOMPARE(videos[0].width, 320);
        QCOMPARE(videos[0].height, 240);
        QCOMPARE(videos[0].durationSeconds, 30.0);
        QCOMPARE(videos[0].fileSize, 12345);
        QVERIFY(videos[0].added.isValid());
        QVERIFY(qAbs(videos[0].added.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const QList<ModelRecord> models = store->models();
        QCOMPARE(models.size(), 1);
        const ModelRecord expected = modelNamed(QStringLiteral("ucf"));
        QCOMPARE(models[0].id, modelId);
        QCOMPARE(models[0].name, expected.name);
        QCOMPARE(models[0].checkpointPath, expected.checkpointPath);
        QCOMPARE(models[0].centroidPath, expected.centroidPath);
        QCOMPARE(models[0].labels, expected.labels);
        QCOMPARE(models[0].encoderFingerprint, expected.encoderFingerprint);
        QCOMPARE(models[0].headFingerprint, expected.headFingerprint);

        const std::optional<ScoreTrack> scores = store->scores(videoId, modelId);
        QVERIFY(scores);
        QCOMPARE(scores->frames, track.frames);
        QCOMPARE(scores->classNames, track.classNames);
        QCOMPARE(scores->normalId, 7);
        QCOMPARE(scores->stride, 2);
        QVERIFY(sameBits(scores->scores, track.scores));
        QVERIFY(sameBits(scores->classProbs, track.classProbs));
        QVERIFY(scores->created.isValid());

        const QList<DetectionRecord> detections = store->detections({});
        QCOMPARE(detections.size(), 1);
        QCOMPARE(detections[0].id, detectionId);
        QCOMPARE(detections[0].startFrame, 10);
        QCOMPARE(detections[0].endFrame, 50);
        QCOMPARE(detections[0].peakScore, 0.9f);
        QCOMPARE(detections[0].state, ReviewState::Accepted);
        QCOMPARE(detections[0].correctedClass, 4);
        QCOMPARE(detections[0].note, QStringLiteral("a fight, ünïcode"));
        QVERIFY(detections[0].reviewedAt.isValid());

        const DetectionSettings stored = store->detectionSettings();
        QCOMPARE(stored.threshold, 0.73);
        QCOMPARE(stored.hysteresis, 0.05);
        QCOMPARE(stored.minDurationSeconds, 2.5);
        QCOMPARE(stored.mergeGapSeconds, 0.25);
    }

    void newProjectHasDefaultSettings()
    {
        auto store = create(QStringLiteral("defaults.vigil"));
        const DetectionSettings settings = store->detectionSettings();
        const DetectionSettings defaults;
        QCOMPARE(settings.threshold, defaults.threshold);
        QCOMPARE(settings.hysteresis, defaults.hysteresis);
        QCOMPARE(settings.minDurationSeconds, defaults.minDurationSeconds);
        QCOMPARE(settings.mergeGapSeconds, defaults.mergeGapSeconds);
        QVERIFY(ProjectStore::defaultProjectPath().endsWith(QLatin1String("/default.vigil")));
    }

    void walJournalAndForeignKeysAreOn()
    {
        const QString path = file(QStringLiteral("wal.vigil"));
        auto store = create(QStringLiteral("wal.vigil"));
        store->addVideos({videoAt(QStringLiteral("/v/wal.mp4"))});
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        // foreign_keys is per connection: seen through its effect, a track of no video fails.
        ScoreTrack orphan = randomTrack(999, 999, 4, 1, 2);
        const QString message = errorOf([&] { store->saveScores(orphan); });
        QVERIFY2(message.contains(QLatin1String("FOREIGN KEY")), qPrintable(message));
        QVERIFY(message.startsWith(path));
    }

    void schemaVersionIsRecorded()
    {
        const QString path = file(QStringLiteral("version.vigil"));
        auto store = create(QStringLiteral("version.vigil"));
        QVERIFY(ProjectStore::currentSchemaVersion() >= 1);
        QCOMPARE(ProjectStore::currentSchemaVersion(), Migrations::all().size());
        QCOMPARE(store->schemaVersion(), ProjectStore::currentSchemaVersion());
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")).toInt(),
                 ProjectStore::currentSchemaVersion());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(), ProjectStore::kApplicationId);
    }

    void newerSchemaIsRefused()
    {
        const QString path = file(QStringLiteral("newer.vigil"));
        create(QStringLiteral("newer.vigil")).reset();
        {
            RawConnection raw(path);
            raw.exec(QStringLiteral("UPDATE meta SET value = '7' WHERE key = 'schema_version'"));
        }
        const QString message = errorOf([&] { ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting); });
        QVERIFY2(message.contains(QStringLiteral("schema version 7 is newer than this Vigil (%1)")
                                      .arg(ProjectStore::currentSchemaVersion())),
                 qPrintable(message));
        QVERIFY(message.startsWith(path));
    }

    void filesThatAreNotProjectsAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // "sqlite": a database of another program
        QTest::addColumn<ProjectStore::OpenMode>("mode");
        QTest::addColumn<QString>("expected");
        const auto existing = ProjectStore::OpenMode::OpenExisting;
        const auto create = ProjectStore::OpenMode::CreateIfMissing;
        QTest::newRow("sqlite of another program") << "other.db" << QByteArray("sqlite") << create
                                                   << "not a Vigil project (an SQLite database of another program)";
        QTest::newRow("text file") << "notes.txt" << QByteArray("hello, not a database\n") << create
                                   << "not a Vigil project (not an SQLite database)";
        QTest::newRow("short text file") << "short.vigil" << QByteArray("x") << existing
                                         << "not a Vigil project (not an SQLite database)";
        QTest::newRow("empty file, open existing") << "empty.vigil" << QByteArray("") << existing
                                                   << "not a Vigil project (an empty database)";
        QTest::newRow("no file, open existing") << "absent.vigil" << QByteArray() << existing
                                                << "no such project file";
        QTest::newRow("folder") << "folder.vigil" << QByteArray("folder") << create
                                << "not a Vigil project (it is a folder)";
    }
    void filesThatAreNotProjectsAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(ProjectStore::OpenMode, mode);
        QFETCH(QString, expected);
        const QString path = file(QStringLiteral("refused/") + name);
        QDir().mkpath(file(QStringLiteral("refused")));
        if (content == "sqlite") {
            RawConnection raw(path);
            raw.exec(QStringLiteral("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)"));
            raw.exec(QStringLiteral("INSERT INTO things (name) VALUES ('kept')"));
        } else if (content == "folder") {
            QVERIFY(QDir().mkpath(path));
        } else if (!content.isNull()) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
        }
        QByteArray before;
        if (QFileInfo(path).isFile()) {
            QFile in(path);
            QVERIFY(in.open(QIODevice::ReadOnly));
            before = in.readAll();
        }

        const QString message = errorOf([&] { ProjectStore::open(path, mode); });
        QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));

        // Refusing a file never changes it (no WAL switch, no tables).
        if (QFileInfo(path).isFile()) {
            QFile in(path);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QCOMPARE(in.readAll(), before);
        } else if (content.isNull()) {
            QVERIFY(!QFileInfo::exists(path));
        }
    }

    void emptyFileBecomesAProjectWhenCreating()
    {
        const QString path = file(QStringLiteral("empty-create.vigil"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QCOMPARE(store->schemaVersion(), ProjectStore::currentSchemaVersion());
    }

    void addVideosDeduplicatesByPath()
    {
        auto store = create(QStringLiteral("dedup.vigil"));
        const QList<qint64> first = store->addVideos({videoAt(QStringLiteral("/v/a.mp4")), videoAt(QStringLiteral("/v/b.mp4")),
                                                      videoAt(QStringLiteral("/v/./a.mp4"))});
        QCOMPARE(first.size(), 3);
        QCOMPARE(first[2], first[0]);
        QVERIFY(first[1] != first[0]);
        const QList<qint64> second = store->addVideos({videoAt(QStringLiteral("/v/b.mp4")), videoAt(QStringLiteral("/v/c.mp4"))});
        QCOMPARE(second[0], first[1]);
        QCOMPARE(store->videos().size(), 3);
        QCOMPARE(store->video(second[1])->path, QStringLiteral("/v/c.mp4"));
        QVERIFY(!store->video(12345));
    }

    void addVideosIsOneTransaction_data()
    {
        QTest::addColumn<int>("badRow");
        QTest::newRow("first row fails") << 0;
        QTest::newRow("last row fails") << 2;
    }
    void addVideosIsOneTransaction()
    {
        QFETCH(int, badRow);
        auto store = create(QStringLiteral("transaction-%1.vigil").arg(badRow));
        store->addVideos({videoAt(QStringLiteral("/v/existing.mp4"))});
        QList<VideoRecord> videos{videoAt(QStringLiteral("/v/1.mp4")), videoAt(QStringLiteral("/v/2.mp4")),
                                  videoAt(QStringLiteral("/v/3.mp4"))};
        videos[badRow].frameCount = -1; // violates CHECK (frame_count >= 0)
        const QString message = errorOf([&] { store->addVideos(videos); });
        QVERIFY2(message.contains(QLatin1String("CHECK constraint failed")), qPrintable(message));
        QVERIFY2(message.contains(videos[badRow].path), qPrintable(message));
        QCOMPARE(store->videos().size(), 1); // none of the three
        videos[badRow].frameCount = 10;
        QCOMPARE(store->addVideos(videos).size(), 3); // and the store still works
        QCOMPARE(store->videos().size(), 4);
    }

    void groundTruthIsReplacedPerVideoAndCascades()
    {
        auto store = create(QStringLiteral("truth.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(file(QStringLiteral("a.mp4"))), videoAt(file(QStringLiteral("b.mp4")))});
        store->setGroundTruth(ids[0], {{300, 421, QStringLiteral("Arson")}, {10, 20, QStringLiteral("Arson")}});
        store->setGroundTruth(ids[1], {{5, 6, QStringLiteral("Fighting")}});
        QList<GroundTruthInterval> a = store->groundTruth(ids[0]);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0].startFrame, 10); // ordered by start
        QCOMPARE(a[1].endFrame, 421);
        QCOMPARE(a[1].className, QStringLiteral("Arson"));
        store->setGroundTruth(ids[0], {{1, 2, QStringLiteral("Arson")}});
        QCOMPARE(store->groundTruth(ids[0]).size(), 1);
        QVERIFY_THROWS_EXCEPTION(Error, store->setGroundTruth(ids[1], {{9, 9, QStringLiteral("bad")}}));
        QCOMPARE(store->groundTruth(ids[1]).size(), 1); // unchanged: one transaction
        store->removeVideos({ids[1]});
        QCOMPARE(store->groundTruth(ids[1]).size(), 0);
    }

    void ucfCrimeAnnotationsAreRead()
    {
        const QString path = file(QStringLiteral("Temporal_Anomaly_Annotation.txt"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
        out.write("Arson011_x264.mp4  Arson  150  420  680  1267\n"
                  "Normal_Videos_003_x264.mp4  Normal  -1  -1  -1  -1\n"
                  "\n"
                  "RoadAccidents017_x264.mp4\tRoadAccidents\t90\t185\t-1\t-1\n"
                  "Abuse028_x264  Abuse  165  240  -1  -1  \n" // VadCLIP's copy: no extension
                  "Fighting003_x264.mp4  Fighting  10  20  30  40  50  60\n"); // AnomalyCLIP: any number of pairs
        out.close();
        const Annotations annotations = readAnnotations(path);
        QCOMPARE(int(annotations.format), int(AnnotationFormat::UcfCrime));
        QCOMPARE(annotations.videos.size(), 5);
        const QList<GroundTruthInterval> arson = annotations.videos.value(QStringLiteral("Arson011_x264"));
        QCOMPARE(arson.size(), 2);
        QCOMPARE(arson[0].startFrame, 150);
        QCOMPARE(arson[0].endFrame, 421); // the file's last frame is inclusive
        QCOMPARE(arson[1].startFrame, 680);
        QCOMPARE(arson[1].endFrame, 1268);
        QVERIFY(annotations.videos.contains(QStringLiteral("Normal_Videos_003_x264")));
        QCOMPARE(annotations.videos.value(QStringLiteral("Normal_Videos_003_x264")).size(), 0);
        QCOMPARE(annotations.videos.value(QStringLiteral("RoadAccidents017_x264")).first().className, QStringLiteral("RoadAccidents"));
        QCOMPARE(annotations.videos.value(QStringLiteral("Abuse028_x264")).first().endFrame, 241);
        QCOMPARE(annotations.videos.value(QStringLiteral("Fighting003_x264")).size(), 3);

        for (const QByteArray& bad : {QByteArray("Arson011_x264.mp4  Arson  150\n"),
                                      QByteArray("Arson011_x264.mp4  Arson  150  x\n"),
                                      QByteArray("Arson011_x264.mp4  Arson  420  150\n"),
                                      QByteArray("A.mp4  Arson  1  2\nB.mp4  3  4\n")}) {
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
            out.write(bad);
            out.close();
            try {
                readAnnotations(path);
                QFAIL(bad.constData());
            } catch (const Error& e) {
                const QString message = QString::fromUtf8(e.what());
                QVERIFY2(message.contains(path) && message.contains(QLatin1String("line ")), e.what());
            }
        }
    }

    void xdViolenceAnnotationsAreRead()
    {
        const QString path = file(QStringLiteral("annotations.txt"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
        out.write("Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6 157 180 185 244 250 360 582 810\n"
                  "v=U6MC8JJJZSY__#1_label_B1-0-0.mp4 150 779\n");
        out.close();
        const Annotations annotations = readAnnotations(path);
        QCOMPARE(int(annotations.format), int(AnnotationFormat::XdViolence));
        const auto boys = annotations.videos.value(QStringLiteral("Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6"));
        QCOMPARE(boys.size(), 4);
        QCOMPARE(boys[0].startFrame, 157);
        QCOMPARE(boys[0].endFrame, 180); // XD-Violence's ends are exclusive
        QCOMPARE(boys[3].endFrame, 810);
        QCOMPARE(boys[0].className, QStringLiteral("Explosion"));
        const auto fight = annotations.videos.value(QStringLiteral("v=U6MC8JJJZSY__#1_label_B1-0-0"));
        QCOMPARE(fight.size(), 1);
        QCOMPARE(fight[0].className, QStringLiteral("Fighting"));
        // The names are matched by what a project's video file is called.
        QCOMPARE(annotationKey(QStringLiteral("/data/xd/Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6.mp4")),
                 QStringLiteral("Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6"));
        QCOMPARE(xdViolenceClasses(QStringLiteral("Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6")),
                 QStringList({QStringLiteral("Explosion"), QStringLiteral("Shooting"), QStringLiteral("Car_accident")}));
        QCOMPARE(xdViolenceClasses(QStringLiteral("A.Beautiful.Mind.2001__#00-25-20_00-29-20_label_A")), QStringList());
        // Every class the names can carry is in the dataset's class list.
        QFile labels(QStringLiteral(VIGIL_SHARED_DIR "/labels/xd_labels.csv"));
        QVERIFY(labels.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString list = QString::fromUtf8(labels.readAll());
        for (const char* code : {"B1", "B2", "B4", "B5", "B6", "G"}) {
            const QStringList cls = xdViolenceClasses(QStringLiteral("x_label_%1-0-0").arg(QLatin1String(code)));
            QCOMPARE(cls.size(), 1);
            QVERIFY2(list.contains(QLatin1Char(',') + cls[0] + QLatin1Char('\n')), qPrintable(cls[0]));
        }
    }

    void frameMaskFolderIsRead()
    {
        QDir dir(file(QStringLiteral("test_frame_mask")));
        QVERIFY(dir.mkpath(QStringLiteral(".")));
        const std::vector<int64_t> mask = {0, 0, 1, 1, 1, 0, 0, 1, 1};
        writeNpy(QFile::encodeName(dir.filePath(QStringLiteral("01_0014.npy"))).toStdString(),
                 NpyArray::fromInt64({int64_t(mask.size())}, mask.data()));
        const std::vector<float> ones = {1, 1, 1};
        writeNpy(QFile::encodeName(dir.filePath(QStringLiteral("02_0161.npy"))).toStdString(),
                 NpyArray::fromFloat({3}, ones.data()));
        const Annotations annotations = readAnnotations(dir.path());
        QCOMPARE(int(annotations.format), int(AnnotationFormat::FrameMasks));
        QCOMPARE(annotations.videos.size(), 2);
        const auto runs = annotations.videos.value(QStringLiteral("01_0014"));
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].startFrame, 2);
        QCOMPARE(runs[0].endFrame, 5);
        QCOMPARE(runs[1].startFrame, 7);
        QCOMPARE(runs[1].endFrame, 9); // a run to the last frame
        QCOMPARE(annotations.videos.value(QStringLiteral("02_0161")).size(), 1);
        // One file alone, and a mask that is not one value per frame.
        QCOMPARE(readAnnotations(dir.filePath(QStringLiteral("01_0014.npy"))).videos.size(), 1);
        const std::vector<float> square = {0, 1, 1, 0};
        const QString bad = dir.filePath(QStringLiteral("bad.npy"));
        writeNpy(QFile::encodeName(bad).toStdString(), NpyArray::fromFloat({2, 2}, square.data()));
        QVERIFY_THROWS_EXCEPTION(Error, readAnnotations(dir.path()));
        QFile::remove(bad);
        QFile broken(bad);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("\x93NUMPY garbage");
        broken.close();
        try {
            readAnnotations(dir.path());
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("bad.npy")), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, readAnnotations(file(QStringLiteral("empty_folder_that_is_missing"))));
    }

    void labelsAreStoredEditedAndRemoved()
    {
        auto store = create(QStringLiteral("labels.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(file(QStringLiteral("l1.mp4"))), videoAt(file(QStringLiteral("l2.mp4")))});
        LabelRecord label;
        label.videoId = ids[0];
        label.startFrame = 100;
        label.endFrame = 160;
        label.className = QStringLiteral("Fighting");
        label.note = QStringLiteral("missed by the model");
        const qint64 first = store->addLabel(label);
        label.startFrame = 10;
        label.endFrame = 20;
        label.className = QStringLiteral("Arson");
        label.note.clear();
        const qint64 second = store->addLabel(label);
        QVERIFY(first > 0 && second > first);
        QList<LabelRecord> labels = store->labels(ids[0]);
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].id, second); // by start
        QCOMPARE(labels[1].note, QStringLiteral("missed by the model"));
        QVERIFY(labels[1].created.isValid());
        QCOMPARE(store->labels(ids[1]).size(), 0);
        QCOMPARE(store->labelCount(), 2);

        LabelRecord changed = labels[1];
        changed.endFrame = 170;
        changed.className = QStringLiteral("Robbery");
        store->updateLabel(changed);
        QCOMPARE(store->label(first)->endFrame, 170);
        QCOMPARE(store->label(first)->className, QStringLiteral("Robbery"));
        QCOMPARE(store->label(first)->created, labels[1].created);

        // Bad labels are refused with a message and change nothing.
        LabelRecord empty = changed;
        empty.endFrame = empty.startFrame;
        QVERIFY_THROWS_EXCEPTION(Error, store->updateLabel(empty));
        LabelRecord noClass = changed;
        noClass.className = QStringLiteral("  ");
        QVERIFY_THROWS_EXCEPTION(Error, store->addLabel(noClass));
        LabelRecord noVideo = changed;
        noVideo.id = 0;
        noVideo.videoId = 999;
        QVERIFY_THROWS_EXCEPTION(Error, store->addLabel(noVideo));
        QCOMPARE(store->label(first)->endFrame, 170);
        QCOMPARE(store->labelCount(), 2);

        // Removing and adding back under the same id (what undo does).
        const LabelRecord removed = *store->label(first);
        store->removeLabel(first);
        QVERIFY(!store->label(first));
        QVERIFY_THROWS_EXCEPTION(Error, store->removeLabel(first));
        QCOMPARE(store->addLabel(removed), first);
        QCOMPARE(store->label(first)->note, QStringLiteral("missed by the model"));

        // A batch (one undoable edit) is all or nothing.
        LabelRecord added = removed;
        added.id = 0;
        added.startFrame = 500;
        added.endFrame = 510;
        LabelRecord broken = *store->label(second);
        broken.className.clear();
        QList<LabelRecord> batch = {added, broken};
        QVERIFY_THROWS_EXCEPTION(Error, store->writeLabels(batch, {first}));
        QCOMPARE(batch[0].id, 0);
        QVERIFY(store->label(first));
        QCOMPARE(store->labelCount(), 2);
        broken.className = QStringLiteral("Shooting");
        batch = {added, broken};
        store->writeLabels(batch, {first});
        QVERIFY(batch[0].id > 0);
        QVERIFY(!store->label(first));
        QCOMPARE(store->label(second)->className, QStringLiteral("Shooting"));
        QCOMPARE(store->label(batch[0].id)->startFrame, 500);
        QList<LabelRecord> restore = {removed};
        store->writeLabels(restore, {batch[0].id});
        QCOMPARE(restore[0].id, first);

        // They survive reopening and go with their video.
        store.reset();
        store = ProjectStore::open(file(QStringLiteral("labels.vigil")), ProjectStore::OpenMode::OpenExisting);
        QCOMPARE(store->labels(ids[0]).size(), 2);
        store->removeVideos({ids[0]});
        QCOMPARE(store->labelCount(), 0);
    }

    void reviewsAreAppliedInOneTransaction()
    {
        auto store = create(QStringLiteral("reviews.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(file(QStringLiteral("r.mp4")))});
        ModelRecord model;
        model.checkpointPath = QStringLiteral("/m/last.ckpt");
        const qint64 modelId = store->ensureModel(model);
        QList<DetectionRecord> detections;
        for (int i = 0; i < 3; ++i) {
            DetectionRecord d;
            d.startFrame = i * 100;
            d.endFrame = i * 100 + 50;
            d.peakFrame = i * 100 + 10;
            d.peakScore = 0.9f - float(i) * 0.1f;
            d.topClass = 1;
            detections << d;
        }
        store->replaceDetections(ids[0], modelId, detections);
        store->applyReviews({{detections[0].id, ReviewState::Accepted, 4, QStringLiteral("car")},
                             {detections[1].id, ReviewState::Rejected, -1, QString()}});
        QHash<qint64, DetectionRecord> stored;
        for (const DetectionRecord& d : store->detections({}))
            stored.insert(d.id, d);
        QCOMPARE(stored[detections[0].id].state, ReviewState::Accepted);
        QCOMPARE(stored[detections[0].id].correctedClass, 4);
        QCOMPARE(stored[detections[0].id].note, QStringLiteral("car"));
        QVERIFY(stored[detections[0].id].reviewedAt.isValid());
        QCOMPARE(stored[detections[1].id].state, ReviewState::Rejected);
        // An unknown id rolls the whole step back.
        QVERIFY_THROWS_EXCEPTION(Error, store->applyReviews({{detections[2].id, ReviewState::Accepted, -1, QString()},
                                                             {999999, ReviewState::Accepted, -1, QString()}}));
        for (const DetectionRecord& d : store->detections({}))
            if (d.id == detections[2].id)
                QCOMPARE(d.state, ReviewState::Unreviewed);
    }

    void missingFileIsShownNotDropped()
    {
        auto store = create(QStringLiteral("missing.vigil"));
        const QString present = file(QStringLiteral("present.mp4"));
        QFile out(present);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("not really a video");
        out.close();
        const QList<qint64> ids = store->addVideos({videoAt(present), videoAt(file(QStringLiteral("gone.mp4")))});
        QList<VideoRecord> videos = store->videos();
        QCOMPARE(videos.size(), 2);
        QVERIFY(!videos[0].missing);
        QVERIFY(videos[1].missing);
        QVERIFY(QFile::remove(present));
        videos = store->videos();
        QCOMPARE(videos.size(), 2);
        QVERIFY(videos[0].missing);
        QVERIFY(store->video(ids[0])->missing);
    }

    void movedVideoIsFoundByFingerprintAndRelinked()
    {
        auto store = create(QStringLiteral("relink.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(QStringLiteral("/old/a.mp4"), QStringLiteral("fp-a")),
                                                    videoAt(QStringLiteral("/old/b.mp4"), QStringLiteral("fp-b"))});
        QVERIFY(!store->findByFingerprint(QStringLiteral("fp-x")));
        QVERIFY(!store->findByFingerprint(QString()));
        const std::optional<VideoRecord> found = store->findByFingerprint(QStringLiteral("fp-b"));
        QVERIFY(found);
        QCOMPARE(found->id, ids[1]);
        const QString moved = file(QStringLiteral("moved-b.mp4"));
        QFile out(moved);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        store->relinkVideo(ids[1], moved);
        QCOMPARE(store->video(ids[1])->path, moved);
        QVERIFY(!store->video(ids[1])->missing);
        QCOMPARE(store->findByFingerprint(QStringLiteral("fp-b"))->path, moved);

        QString message = errorOf([&] { store->relinkVideo(999, moved); });
        QVERIFY2(message.contains(QLatin1String("no video with id 999")), qPrintable(message));
        message = errorOf([&] { store->relinkVideo(ids[0], moved); }); // path taken by b
        QVERIFY2(message.contains(QLatin1String("UNIQUE")), qPrintable(message));
        QCOMPARE(store->video(ids[0])->path, QStringLiteral("/old/a.mp4"));
    }

    void modelsAreAddedOnce()
    {
        auto store = create(QStringLiteral("models.vigil"));
        const qint64 a = store->ensureModel(modelNamed(QStringLiteral("a")));
        ModelRecord renamed = modelNamed(QStringLiteral("a"));
        renamed.name = QStringLiteral("other name");
        QCOMPARE(store->ensureModel(renamed), a);
        ModelRecord finetuned = modelNamed(QStringLiteral("a"));
        finetuned.headFingerprint = QStringLiteral("head-finetuned");
        const qint64 b = store->ensureModel(finetuned);
        QVERIFY(b != a);
        QCOMPARE(store->models().size(), 2);
    }

    void scoresRoundTripBitExactAndCompact()
    {
        const QString path = file(QStringLiteral("scores.vigil"));
        const qint64 frames = 100000;
        const int classes = 14;
        const ScoreTrack track = randomTrack(0, 0, frames, classes, 42);
        qint64 videoId = 0, modelId = 0, otherVideo = 0;
        QElapsedTimer timer;
        {
            auto store = create(QStringLiteral("scores.vigil"));
            const QList<qint64> ids = store->addVideos({videoAt(QStringLiteral("/v/long.mp4")), videoAt(QStringLiteral("/v/other.mp4"))});
            videoId = ids[0];
            otherVideo = ids[1];
            modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
            QVERIFY(!store->hasScores(videoId, modelId));
            QCOMPARE(store->unscoredVideos(modelId), ids);
            ScoreTrack first = randomTrack(videoId, modelId, 10, classes, 1);
            store->saveScores(first); // replaced below
            ScoreTrack saved = track;
            saved.videoId = videoId;
            saved.modelId = modelId;
            timer.start();
            store->saveScores(saved);
            const qint64 saveMs = timer.elapsed();
            QVERIFY(store->hasScores(videoId, modelId));
            QCOMPARE(store->unscoredVideos(modelId), QList<qint64>{otherVideo});
            timer.start();
            const std::optional<ScoreTrack> loaded = store->scores(videoId, modelId);
            qInfo("score track of %lld frames x %d classes: save %lld ms, load %lld ms", frames, classes, saveMs,
                  qint64(timer.elapsed()));
            QVERIFY(loaded);
            QCOMPARE(loaded->frames, frames);
            QCOMPARE(loaded->classes, classes);
            QCOMPARE(loaded->classNames, track.classNames);
            QVERIFY(sameBits(loaded->scores, track.scores));
            QVERIFY(sameBits(loaded->classProbs, track.classProbs));
            QVERIFY(!store->scores(otherVideo, modelId));
        }
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        qInfo("project file with one %lld x %d track: %lld bytes", frames, classes, bytes);
        QVERIFY2(bytes < 10 * 1024 * 1024, qPrintable(QString::number(bytes)));
    }

    void scoresWithInconsistentSizesAreRefused_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scores") << 0 << "9 scores for 10 frames";
        QTest::newRow("class probabilities") << 1 << "29 class probabilities for 10 frames x 3 classes";
        QTest::newRow("class names") << 2 << "2 class names for 3 classes";
        QTest::newRow("stride") << 3 << "stride 0 out of range";
    }
    void scoresWithInconsistentSizesAreRefused()
    {
        QFETCH(int, defect);
        QFETCH(QString, expected);
        auto store = create(QStringLiteral("bad-scores.vigil"));
        const qint64 videoId = store->addVideos({videoAt(QStringLiteral("/v/a.mp4"))})[0];
        const qint64 modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
        ScoreTrack track = randomTrack(videoId, modelId, 10, 3, 3);
        switch (defect) {
        case 0: track.scores.pop_back(); break;
        case 1: track.classProbs.pop_back(); break;
        case 2: track.classNames.removeLast(); break;
        default: track.stride = 0; break;
        }
        const QString message = errorOf([&] { store->saveScores(track); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(!store->hasScores(videoId, modelId));
    }

    void removingVideosCascadesToScoresAndDetections()
    {
        auto store = create(QStringLiteral("cascade.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(QStringLiteral("/v/a.mp4")), videoAt(QStringLiteral("/v/b.mp4"))});
        const qint64 modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
        for (qint64 id : ids) {
            store->saveScores(randomTrack(id, modelId, 20, 2, 4));
            QList<DetectionRecord> detections{detection(0, 5, 0.8f), detection(10, 15, 0.7f)};
            store->replaceDetections(id, modelId, detections);
        }
        QCOMPARE(store->detections({}).size(), 4);
        store->removeVideos({ids[0], 4242});
        QCOMPARE(store->videos().size(), 1);
        QVERIFY(!store->hasScores(ids[0], modelId));
        QVERIFY(store->hasScores(ids[1], modelId));
        const QList<DetectionRecord> left = store->detections({});
        QCOMPARE(left.size(), 2);
        for (const DetectionRecord& d : left)
            QCOMPARE(d.videoId, ids[1]);
        QCOMPARE(store->models().size(), 1);
    }

    void replaceDetectionsKeepsReviewOfOverlappingDetections_data()
    {
        // Before: [100, 200) accepted, class 3, note "fight"; [250, 300) rejected, note "rain";
        // [400, 450) unreviewed.
        QTest::addColumn<QList<qint64>>("bounds"); // start, end pairs of the new segmentation
        QTest::addColumn<QList<int>>("states");
        QTest::addColumn<QList<int>>("classes");
        QTest::addColumn<QStringList>("notes");
        QTest::addColumn<QList<bool>>("keptIds");
        QTest::newRow("same bounds keep id and review")
            << QList<qint64>{100, 200, 250, 300, 400, 450} << QList<int>{1, 2, 0} << QList<int>{3, -1, -1}
            << QStringList{"fight", "rain", ""} << QList<bool>{true, true, true};
        QTest::newRow("shifted segment inherits")
            << QList<qint64>{150, 230} << QList<int>{1} << QList<int>{3} << QStringList{"fight"} << QList<bool>{false};
        QTest::newRow("split segment: both halves inherit")
            << QList<qint64>{100, 140, 160, 200} << QList<int>{1, 1} << QList<int>{3, 3} << QStringList{"fight", "fight"}
            << QList<bool>{false, false};
        QTest::newRow("merged segments: larger overlap wins, notes joined")
            << QList<qint64>{90, 310} << QList<int>{1} << QList<int>{3} << QStringList{"fight\nrain"} << QList<bool>{false};
        QTest::newRow("merged: state from the only one that has it")
            << QList<qint64>{260, 460} << QList<int>{2} << QList<int>{-1} << QStringList{"rain"} << QList<bool>{false};
        QTest::newRow("no overlap stays unreviewed")
            << QList<qint64>{200, 250, 500, 600} << QList<int>{0, 0} << QList<int>{-1, -1} << QStringList{"", ""}
            << QList<bool>{false, false};
        QTest::newRow("empty segmentation") << QList<qint64>{} << QList<int>{} << QList<int>{} << QStringList{}
                                            << QList<bool>{};
    }
    void replaceDetectionsKeepsReviewOfOverlappingDetections()
    {
        QFETCH(QList<qint64>, bounds);
        QFETCH(QList<int>, states);
        QFETCH(QList<int>, classes);
        QFETCH(QStringList, notes);
        QFETCH(QList<bool>, keptIds);
        auto store = create(QStringLiteral("review-%1.vigil").arg(QTest::currentDataTag()));
        const qint64 videoId = store->addVideos({videoAt(QStringLiteral("/v/a.mp4"))})[0];
        const qint64 modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
        QList<DetectionRecord> before{detection(100, 200, 0.9f), detection(250, 300, 0.8f), detection(400, 450, 0.7f)};
        store->replaceDetections(videoId, modelId, before);
        store->setReviewState({before[0].id}, ReviewState::Accepted);
        store->setCorrectedClass(before[0].id, 3);
        store->setNote(before[0].id, QStringLiteral("fight"));
        store->setReviewState({before[1].id}, ReviewState::Rejected);
        store->setNote(before[1].id, QStringLiteral("rain"));
        // Another track of the same video is not touched.
        const qint64 otherModel = store->ensureModel(modelNamed(QStringLiteral("other")));
        QList<DetectionRecord> other{detection(100, 200, 0.5f)};
        store->replaceDetections(videoId, otherModel, other);
        store->setReviewState({other[0].id}, ReviewState::Rejected);

        QList<DetectionRecord> after;
        for (int i = 0; i + 1 < bounds.size(); i += 2)
            after.append(detection(bounds[i], bounds[i + 1], 0.6f + 0.01f * float(i)));
        store->replaceDetections(videoId, modelId, after);

        DetectionFilter filter;
        filter.modelId = modelId;
        const QList<DetectionRecord> stored = store->detections(filter);
        QCOMPARE(stored.size(), after.size());
        QList<qint64> beforeIds;
        for (const DetectionRecord& d : before)
            beforeIds << d.id;
        for (int i = 0; i < after.size(); ++i) {
            QVERIFY(after[i].id > 0);
            QCOMPARE(after[i].videoId, videoId);
            QCOMPARE(after[i].modelId, modelId);
            QCOMPARE(int(after[i].state), states[i]);
            QCOMPARE(after[i].correctedClass, classes[i]);
            QCOMPARE(after[i].note, notes[i]);
            QCOMPARE(after[i].reviewedAt.isValid(), states[i] != 0 || !notes[i].isEmpty());
            QCOMPARE(beforeIds.contains(after[i].id), keptIds[i]);
            const auto match = std::find_if(stored.begin(), stored.end(), [&](const DetectionRecord& d) { return d.id == after[i].id; });
            QVERIFY(match != stored.end());
            QCOMPARE(int(match->state), states[i]);
            QCOMPARE(match->note, notes[i]);
            QCOMPARE(match->startFrame, after[i].startFrame);
        }
        filter.modelId = otherModel;
        const QList<DetectionRecord> untouched = store->detections(filter);
        QCOMPARE(untouched.size(), 1);
        QCOMPARE(untouched[0].state, ReviewState::Rejected);
    }

    void invalidDetectionRollsBackTheReplacement()
    {
        auto store = create(QStringLiteral("bad-detection.vigil"));
        const qint64 videoId = store->addVideos({videoAt(QStringLiteral("/v/a.mp4"))})[0];
        const qint64 modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
        QList<DetectionRecord> before{detection(0, 10, 0.9f)};
        store->replaceDetections(videoId, modelId, before);
        QList<DetectionRecord> bad{detection(20, 30, 0.9f), detection(50, 40, 0.8f)}; // end before start
        const QString message = errorOf([&] { store->replaceDetections(videoId, modelId, bad); });
        QVERIFY2(message.contains(QLatin1String("CHECK constraint failed")), qPrintable(message));
        const QList<DetectionRecord> stored = store->detections({});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].id, before[0].id);
    }

    void setReviewStateIsOneTransaction()
    {
        auto store = create(QStringLiteral("review-batch.vigil"));
        const qint64 videoId = store->addVideos({videoAt(QStringLiteral("/v/a.mp4"))})[0];
        const qint64 modelId = store->ensureModel(modelNamed(QStringLiteral("m")));
        QList<DetectionRecord> detections{detection(0, 10, 0.9f), detection(20, 30, 0.8f)};
        store->replaceDetections(videoId, modelId, detections);
        const QString message = errorOf([&] { store->setReviewState({detections[0].id, 999}, ReviewState::Accepted); });
        QVERIFY2(message.contains(QLatin1String("no detection with id 999")), qPrintable(message));
        for (const DetectionRecord& d : store->detections({}))
            QCOMPARE(d.state, ReviewState::Unreviewed);
        store->setReviewState({detections[0].id, detections[1].id}, ReviewState::Rejected);
        for (const DetectionRecord& d : store->detections({})) {
            QCOMPARE(d.state, ReviewState::Rejected);
            QVERIFY(d.reviewedAt.isValid());
        }
    }

    void detectionsAreFiltered_data()
    {
        // Fixture (peak, video, class, state): see filterFixture(); names a..f by peak rank.
        QTest::addColumn<int>("filter");
        QTest::addColumn<QString>("expected"); // detection names, highest peak first
        QTest::newRow("all, by peak") << 0 << "abcdef";
        QTest::newRow("video") << 1 << "bdf";
        QTest::newRow("class (corrected class counts)") << 2 << "ace";
        QTest::newRow("several classes") << 3 << "abce";
        QTest::newRow("score range, inclusive") << 4 << "bcd";
        QTest::newRow("minimum score only") << 5 << "ab";
        QTest::newRow("state") << 6 << "bf";
        QTest::newRow("unreviewed") << 7 << "ad";
        QTest::newRow("added after") << 8 << "bdf";
        QTest::newRow("added before") << 9 << "ace";
        QTest::newRow("model") << 10 << "f";
        QTest::newRow("combined") << 11 << "ce";
    }
    void detectionsAreFiltered()
    {
        QFETCH(int, filter);
        QFETCH(QString, expected);
        auto store = create(QStringLiteral("filters.vigil"));
        const QDateTime january(QDate(2024, 1, 10), QTime(12, 0), Qt::UTC);
        const QDateTime march(QDate(2024, 3, 10), QTime(12, 0), Qt::UTC);
        VideoRecord early = videoAt(QStringLiteral("/v/early.mp4"));
        early.added = january;
        VideoRecord late = videoAt(QStringLiteral("/v/late.mp4"));
        late.added = march;
        const QList<qint64> videos = store->addVideos({early, late});
        const qint64 model = store->ensureModel(modelNamed(QStringLiteral("m")));
        const qint64 model2 = store->ensureModel(modelNamed(QStringLiteral("m2")));
        // a 0.95 early cls 2 | b 0.9 late cls 5, accepted | c 0.8 early cls 5 corrected to 2, rejected
        // d 0.7 late cls 1    | e 0.6 early cls 2, rejected | f 0.5 late (model2) cls 4, accepted
        QList<DetectionRecord> earlyDetections{detection(0, 10, 0.95f, 2), detection(20, 30, 0.8f, 5), detection(40, 50, 0.6f, 2)};
        QList<DetectionRecord> lateDetections{detection(0, 10, 0.9f, 5), detection(20, 30, 0.7f, 1)};
        QList<DetectionRecord> model2Detections{detection(0, 10, 0.5f, 4)};
        store->replaceDetections(videos[0], model, earlyDetections);
        store->replaceDetections(videos[1], model, lateDetections);
        store->replaceDetections(videos[1], model2, model2Detections);
        store->setReviewState({lateDetections[0].id, model2Detections[0].id}, ReviewState::Accepted);
        store->setReviewState({earlyDetections[1].id, earlyDetections[2].id}, ReviewState::Rejected);
        store->setCorrectedClass(earlyDetections[1].id, 2);
        QHash<qint64, QChar> names{{earlyDetections[0].id, QLatin1Char('a')}, {lateDetections[0].id, QLatin1Char('b')}, {earlyDetections[1].id, QLatin1Char('c')},
                                   {lateDetections[1].id, QLatin1Char('d')}, {earlyDetections[2].id, QLatin1Char('e')}, {model2Detections[0].id, QLatin1Char('f')}};

        DetectionFilter f;
        const QDateTime february(QDate(2024, 2, 1), QTime(0, 0), Qt::UTC);
        switch (filter) {
        case 1: f.videoId = videos[1]; break;
        case 2: f.classes = {2}; break;
        case 3: f.classes = {2, 5}; break;
        case 4: f.minPeak = 0.7f; f.maxPeak = 0.9f; break;
        case 5: f.minPeak = 0.85f; break;
        case 6: f.state = ReviewState::Accepted; break;
        case 7: f.state = ReviewState::Unreviewed; break;
        case 8: f.addedAfter = february; break;
        case 9: f.addedBefore = february; break;
        case 10: f.modelId = model2; break;
        case 11:
            f.classes = {2};
            f.state = ReviewState::Rejected;
            f.addedBefore = march;
            f.maxPeak = 0.8f;
            break;
        default: break;
        }
        QString got;
        for (const DetectionRecord& d : store->detections(f))
            got += names.value(d.id, QLatin1Char('?'));
        QCOMPARE(got, expected);
    }

    void writeFailsWhileAnotherProgramHoldsTheLock()
    {
        const QString path = file(QStringLiteral("locked.vigil"));
        auto store = create(QStringLiteral("locked.vigil"));
        DetectionSettings original;
        original.threshold = 0.42;
        store->setDetectionSettings(original);
        RawConnection other(path);
        other.exec(QStringLiteral("BEGIN IMMEDIATE"));
        DetectionSettings changed;
        changed.threshold = 0.9;
        QElapsedTimer timer;
        timer.start();
        const QString message = errorOf([&] { store->setDetectionSettings(changed); });
        const qint64 waitedMs = timer.elapsed();
        QVERIFY2(message.startsWith(path), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("locked by another program")), qPrintable(message));
        QVERIFY2(waitedMs >= 2500, qPrintable(QString::number(waitedMs))); // waited busy_timeout
        // Reads still work while the other program writes (WAL), and see the old data.
        QCOMPARE(store->detectionSettings().threshold, 0.42);
        other.exec(QStringLiteral("ROLLBACK"));
        QCOMPARE(store->detectionSettings().threshold, 0.42);
        store->setDetectionSettings(changed); // and the lock released, writing works again
        QCOMPARE(store->detectionSettings().threshold, 0.9);
    }

    void listingAThousandVideos()
    {
        const QString path = file(QStringLiteral("thousand.vigil"));
        {
            auto store = create(QStringLiteral("thousand.vigil"));
            QList<VideoRecord> videos;
            for (int i = 0; i < 1000; ++i)
                videos.append(videoAt(QStringLiteral("/archive/camera-%1/clip-%2.mp4").arg(i % 10).arg(i),
                                      QStringLiteral("fingerprint-%1").arg(i)));
            QElapsedTimer timer;
            timer.start();
            QCOMPARE(store->addVideos(videos).size(), 1000);
            qInfo("adding 1,000 videos in one transaction: %lld ms", qint64(timer.elapsed()));
        }
        QElapsedTimer timer;
        timer.start();
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
        const qint64 openMs = timer.elapsed();
        timer.start();
        const QList<VideoRecord> videos = store->videos();
        qInfo("project of 1,000 videos: open %lld ms, videos() %lld ms", openMs, qint64(timer.elapsed()));
        QCOMPARE(videos.size(), 1000);
        QCOMPARE(videos.last().path, QStringLiteral("/archive/camera-9/clip-999.mp4"));
        QVERIFY(videos.last().missing);
    }

    void everyEarlierSchemaMigratesKeepingItsDataAndABackup()
    {
        // Files as each earlier build wrote them: migrations 1 to N only, with a video, a
        // model and (from schema 3, which brought labels) a label in them.
        for (int version = 1; version < ProjectStore::currentSchemaVersion(); ++version) {
            const QString path = file(QStringLiteral("schema%1.vigil").arg(version));
            {
                RawConnection raw(path);
                raw.exec(QStringLiteral("PRAGMA application_id = %1").arg(ProjectStore::kApplicationId));
                for (const Migration& migration : Migrations::all()) {
                    if (migration.version > version)
                        break;
                    for (const QString& statement : Migrations::statements(migration))
                        raw.exec(statement);
                }
                raw.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '%1')").arg(version));
                raw.exec(QStringLiteral("INSERT INTO videos (path, frame_count, added) VALUES ('/v/a.mp4', 100, '2026-01-01T00:00:00.000Z')"));
                raw.exec(QStringLiteral("INSERT INTO models (name, checkpoint_path, added) VALUES ('ucf', '/m/last.ckpt', '2026-01-01T00:00:00.000Z')"));
                if (version >= 3)
                    raw.exec(QStringLiteral("INSERT INTO labels (video_id, start_frame, end_frame, class_name, created, modified) "
                                            "VALUES (1, 10, 20, 'Arson', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"));
            }
            const QByteArray before = [&] {
                QFile f(path);
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }();
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting);
            QCOMPARE(store->schemaVersion(), ProjectStore::currentSchemaVersion());
            QCOMPARE(store->videos().size(), 1);
            QCOMPARE(store->videos().first().frameCount, qint64(100));
            QCOMPARE(store->videos().first().videoClass, QString());
            QCOMPARE(store->models().size(), 1);
            QVERIFY(store->modelVersions().isEmpty());
            QCOMPARE(store->activeModelId(), qint64(0));
            if (version >= 3) {
                const QList<LabelRecord> labels = store->labels(1);
                QCOMPARE(labels.size(), 1);
                QCOMPARE(labels.first().source, LabelSource::Manual); // schema 5's provenance defaults
                QCOMPARE(labels.first().author, QString());
                QVERIFY(store->labelHistory(labels.first().id).isEmpty()); // no trail before schema 5
            }
            // The old file is kept beside it, still at its own schema, with its data.
            const QString backup = store->migrationBackupPath();
            QCOMPARE(backup, path + QStringLiteral(".schema%1.bak").arg(version));
            {
                RawConnection raw(backup);
                QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")).toString(),
                         QString::number(version));
                QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM videos")).toInt(), 1);
                QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
            }
            QVERIFY(!before.isEmpty());
            // Opened again: nothing to upgrade, no second backup.
            store.reset();
            QCOMPARE(ProjectStore::open(path, ProjectStore::OpenMode::OpenExisting)->migrationBackupPath(), QString());
            QVERIFY(!QFileInfo::exists(path + QStringLiteral(".schema%1-2.bak").arg(version)));
        }
    }

    void modelVersionsVideoClassesAndTheActiveModelAreStored()
    {
        auto store = create(QStringLiteral("versions.vigil"));
        const QList<qint64> ids = store->addVideos({videoAt(QStringLiteral("/v/a.mp4")), videoAt(QStringLiteral("/v/b.mp4"))});
        store->setVideoClasses({{ids[0], QStringLiteral("Arson")}, {ids[1], QStringLiteral("Normal")}});
        QCOMPARE(store->video(ids[0])->videoClass, QStringLiteral("Arson"));
        QCOMPARE(store->video(ids[1])->videoClass, QStringLiteral("Normal"));
        ModelRecord base;
        base.name = QStringLiteral("ucf");
        base.checkpointPath = QStringLiteral("/m/ucf/last.ckpt");
        const qint64 baseId = store->ensureModel(base);
        ModelRecord tuned = base;
        tuned.name = QStringLiteral("ucf-ft1");
        tuned.checkpointPath = QStringLiteral("/m/ft1/last.ckpt");
        const qint64 tunedId = store->ensureModel(tuned);
        const QString revision = store->labelRevision();
        ModelVersionRecord version;
        version.modelId = tunedId;
        version.parentModelId = baseId;
        version.data[QStringLiteral("label_revision")] = revision;
        version.metrics[QStringLiteral("best_epoch")] = 3;
        store->addModelVersion(version);
        const std::optional<ModelVersionRecord> read = store->modelVersion(tunedId);
        QVERIFY(read.has_value());
        QCOMPARE(read->parentModelId, baseId);
        QCOMPARE(read->data.value(QStringLiteral("label_revision")).toString(), revision);
        QCOMPARE(read->metrics.value(QStringLiteral("best_epoch")).toInt(), 3);
        QVERIFY(read->created.isValid());
        LabelRecord label;
        label.videoId = ids[0];
        label.startFrame = 1;
        label.endFrame = 5;
        label.className = QStringLiteral("Arson");
        store->addLabel(label);
        QVERIFY(store->labelRevision() != revision); // a label edit is a new revision
        store->setActiveModelId(tunedId);
        QCOMPARE(store->activeModelId(), tunedId);
        // Ground truth imported from annotations sets the videos' classes in the same transaction.
        const QString annotations = file(QStringLiteral("versions-annotations.txt"));
        {
            QFile out(annotations);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Text));
            out.write("a.mp4 Explosion 1 4 -1 -1\nb Normal -1 -1\n");
        }
        importAnnotations(*store, annotations);
        QCOMPARE(store->video(ids[0])->videoClass, QStringLiteral("Explosion"));
        QCOMPARE(store->video(ids[1])->videoClass, QStringLiteral("Normal"));
    }

    void migrationScriptsAreSplitIntoStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("two statements") << "CREATE TABLE a (x);\nCREATE TABLE b (y);"
                                        << QStringList{"CREATE TABLE a (x)", "CREATE TABLE b (y)"};
        QTest::newRow("comments dropped") << "-- header; with semicolon\nCREATE TABLE a (x); /* c; */ -- tail"
                                          << QStringList{"CREATE TABLE a (x)"};
        QTest::newRow("semicolon in string") << "INSERT INTO t VALUES ('a;b', 'it''s;');"
                                             << QStringList{"INSERT INTO t VALUES ('a;b', 'it''s;')"};
        QTest::newRow("trigger body kept whole")
            << "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET y = 1; DELETE FROM c; END;\nSELECT 1;"
            << QStringList{"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET y = 1; DELETE FROM c; END", "SELECT 1"};
        QTest::newRow("no final semicolon") << "SELECT 1" << QStringList{"SELECT 1"};
        QTest::newRow("only comments") << "-- nothing\n/* here */" << QStringList{};
    }
    void migrationScriptsAreSplitIntoStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(Migrations::splitStatements(script), statements);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
