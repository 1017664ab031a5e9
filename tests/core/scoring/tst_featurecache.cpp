// The feature cache: content fingerprints, entries keyed by encoder and stride, imports
// by video name, and failures that leave nothing half-written.
#include "model/Error.h"
#include "scoring/FeatureCache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

QString copyOf(const QString& source, const QString& dir, const QString& name)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile::remove(path);
    if (!QFile::copy(source, path))
        qFatal("cannot copy %s", qPrintable(source));
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void flipByte(const QString& path, qint64 offset)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(offset));
    QVERIFY(file.putChar(char(byte ^ 0x5a)));
}

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class TestFeatureCache : public QObject {
    Q_OBJECT
private slots:
    void fingerprintFollowsContentNotName_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("first byte") << qint64(0);
        QTest::newRow("middle") << qint64(-2);
        QTest::newRow("last byte") << qint64(-1);
    }
    void fingerprintFollowsContentNotName()
    {
        QFETCH(qint64, offset);
        QTemporaryDir dir;
        const QString video = kShared + QStringLiteral("/media/Fighting033_x264.mp4");
        const QString a = copyOf(video, dir.path(), QStringLiteral("a.mp4"));
        const QString b = copyOf(video, dir.path(), QStringLiteral("renamed.mkv"));
        QCOMPARE(FeatureCache::videoFingerprint(a), FeatureCache::videoFingerprint(b));
        QCOMPARE(FeatureCache::videoFingerprint(a), FeatureCache::videoFingerprint(video));
        const qint64 size = QFileInfo(a).size();
        flipByte(b, offset == -1 ? size - 1 : offset == -2 ? size / 2 : offset);
        QVERIFY(FeatureCache::videoFingerprint(a) != FeatureCache::videoFingerprint(b));
        QCOMPARE(FeatureCache::videoFingerprint(a).size(), 32);
    }

    void unreadableVideoNamesTheFile()
    {
        try {
            FeatureCache::videoFingerprint(QStringLiteral("/nonexistent/video.mp4"));
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("/nonexistent/video.mp4")), e.what());
        }
    }

    void storedEntryIsFoundByContentEncoderAndStride()
    {
        QTemporaryDir dir;
        const FeatureCache cache(dir.path() + QStringLiteral("/cache"));
        const int frames = 37, dim = 8;
        std::vector<float> values(size_t(frames * dim));
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = float(i) * 0.25f - 3.0f;
        QJsonObject meta;
        meta[QStringLiteral("stride")] = 1;
        const QString path = cache.store(QStringLiteral("fp1"), QStringLiteral("enc1"), 1, values.data(), frames, dim, meta);
        QVERIFY(QFileInfo::exists(path));
        const auto hit = cache.find(QStringLiteral("/x/video.mp4"), QStringLiteral("fp1"), QStringLiteral("enc1"), 1, dim);
        QVERIFY(hit.has_value());
        QVERIFY(!hit->byName);
        QCOMPARE(hit->features.shape, (std::vector<int64_t>{frames, dim}));
        QVERIFY(hit->features.toFloat() == values);
        QCOMPARE(hit->meta.value(QStringLiteral("stride")).toInt(), 1);
        // Any other key misses.
        QVERIFY(!cache.find(QStringLiteral("/x/video.mp4"), QStringLiteral("fp2"), QStringLiteral("enc1"), 1, dim));
        QVERIFY(!cache.find(QStringLiteral("/x/video.mp4"), QStringLiteral("fp1"), QStringLiteral("enc2"), 1, dim));
        QVERIFY(!cache.find(QStringLiteral("/x/video.mp4"), QStringLiteral("fp1"), QStringLiteral("enc1"), 2, dim));
        QVERIFY(!cache.find(QStringLiteral("/x/video.mp4"), QStringLiteral("fp1"), QStringLiteral("enc1"), 1, dim + 1));
        for (const QString& file : filesUnder(dir.path()))
            QVERIFY2(!file.endsWith(QLatin1String(".partial")), qPrintable(file));
    }

    void importedFeaturesAreFoundByVideoName()
    {
        QTemporaryDir dir;
        const FeatureCache cache(dir.path());
        const QString features = kShared + QStringLiteral("/golden/ucf/video300_features.npy");
        cache.importNamed(features, QStringLiteral("Arson011_x264"), QStringLiteral("enc"));
        const auto hit = cache.find(QStringLiteral("/videos/Arson011_x264.mp4"), QStringLiteral("unknown"),
                                    QStringLiteral("enc"), 1, 128);
        QVERIFY(hit.has_value());
        QVERIFY(hit->byName);
        QCOMPARE(hit->features.shape, (std::vector<int64_t>{300, 128}));
        QVERIFY(hit->features.toFloat() == readNpy(features.toStdString()).toFloat());
        // Coarse (strided) requests never take per-frame imports; other names miss.
        QVERIFY(!cache.find(QStringLiteral("/videos/Arson011_x264.mp4"), QStringLiteral("unknown"), QStringLiteral("enc"), 3, 128));
        QVERIFY(!cache.find(QStringLiteral("/videos/Arson012_x264.mp4"), QStringLiteral("unknown"), QStringLiteral("enc"), 1, 128));
    }

    void damagedEntryIsAMissThatNamesItAndIsReplaced()
    {
        QTemporaryDir dir;
        const FeatureCache cache(dir.path());
        const std::vector<float> values(64, 1.0f);
        const QString path = cache.store(QStringLiteral("fp"), QStringLiteral("enc"), 1, values.data(), 8, 8, {});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 40));
        file.close();
        QString problem;
        QVERIFY(!cache.find(QStringLiteral("/v.mp4"), QStringLiteral("fp"), QStringLiteral("enc"), 1, 8, &problem));
        QVERIFY2(problem.contains(path), qPrintable(problem));
        // Scoring the video again stores a good entry over the damaged one.
        cache.store(QStringLiteral("fp"), QStringLiteral("enc"), 1, values.data(), 8, 8, {});
        problem.clear();
        QVERIFY(cache.find(QStringLiteral("/v.mp4"), QStringLiteral("fp"), QStringLiteral("enc"), 1, 8, &problem));
        QVERIFY(problem.isEmpty());
    }

    void unwritableFolderFailsWithoutPartialFiles()
    {
        if (::geteuid() == 0)
            QSKIP("root writes anywhere; a read-only folder cannot be simulated");
        QTemporaryDir dir;
        QDir().mkpath(dir.path() + QStringLiteral("/ro"));
        QFile(dir.path() + QStringLiteral("/ro")).setPermissions(QFile::ReadOwner | QFile::ExeOwner);
        const FeatureCache cache(dir.path() + QStringLiteral("/ro"));
        const std::vector<float> values(64, 1.0f);
        QVERIFY_THROWS_EXCEPTION(Error, cache.store(QStringLiteral("fp"), QStringLiteral("enc"), 1, values.data(), 8, 8, {}));
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void fullDiskFailsWithoutPartialFiles()
    {
        // A file size limit makes writes fail part-way, as a full disk does.
        QTemporaryDir dir;
        const FeatureCache cache(dir.path());
        const std::vector<float> values(size_t(4096) * 64, 1.0f); // 1 MiB of features
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit small = saved;
        small.rlim_cur = 64 * 1024;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        QString message;
        try {
            cache.store(QStringLiteral("fp"), QStringLiteral("enc"), 1, values.data(), 4096, 64, {});
        } catch (const Error& e) {
            message = QString::fromUtf8(e.what());
        }
        ::setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY2(message.contains(QLatin1String("disk full")), qPrintable(message));
        QVERIFY2(filesUnder(dir.path()).isEmpty(), qPrintable(filesUnder(dir.path()).join(' ')));
        QVERIFY(!cache.find(QStringLiteral("/v.mp4"), QStringLiteral("fp"), QStringLiteral("enc"), 1, 64));
    }
};

QTEST_GUILESS_MAIN(TestFeatureCache)
#include "tst_featurecache.moc"
