// Playback on its thread with the real decoder and a real video: exact frames on seek and
// step, scrubbing coalesced to the latest request, real-time play that keeps pace.
#include "playback/PlaybackController.h"
#include "playback/PlaybackWorker.h"
#include "video/FrameDecoder.h"
#include "video/ProxyBuilder.h"
#include "SyntheticVideo.h"

#include <QtTest>

using namespace vigil;

namespace {

const QString kVideo = QStringLiteral(VIGIL_SHARED_DIR "/media/cctv_roadaccident.mp4"); // 243 frames, 30 fps

std::vector<uint8_t> sequentialFrame(int64_t index)
{
    FrameDecoder decoder(kVideo.toStdString());
    VideoFrame frame;
    while (decoder.read(frame))
        if (frame.index == index)
            return frame.rgb;
    return {};
}

// The receiving context of its connections: queued signals still in flight when a test
// ends die with it instead of reaching the next test's recorder.
struct Seen : QObject {
    QList<FrameImage> frames;
    QList<PlaybackVideo> opened;
    QStringList failures;
    void attach(PlaybackWorker* w, QObject*)
    {
        QObject* context = this;
        QObject::connect(w, &PlaybackWorker::frameReady, context, [this](const FrameImage& f) { frames << f; });
        QObject::connect(w, &PlaybackWorker::opened, context, [this](const PlaybackVideo& v) { opened << v; });
        QObject::connect(w, &PlaybackWorker::failed, context, [this](const QString&, const QString& m) { failures << m; });
    }
};

} // namespace

class TestPlaybackWorker : public QObject {
    Q_OBJECT
private slots:
    void opensAndShowsTheFirstFrame()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        player.openVideo(kVideo);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        QCOMPARE(seen.opened.size(), 1);
        QCOMPARE(seen.opened[0].frameCount, int64_t(243));
        QCOMPARE(seen.opened[0].timestamps->size(), size_t(243));
        QCOMPARE(seen.frames[0].index, int64_t(0));
        QCOMPARE(*seen.frames[0].rgb, sequentialFrame(0));
    }

    void seekAndStepShowExactFrames()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        player.openVideo(kVideo);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        for (int64_t target : {200, 37, 38, 242, 0, 121}) {
            seen.frames.clear();
            player.seek(target);
            QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
            QCOMPARE(seen.frames[0].index, target);
            QCOMPARE(*seen.frames[0].rgb, sequentialFrame(target));
            QVERIFY(qAbs(seen.frames[0].timestampSeconds - double(target) / 30.0) < 1e-3);
        }
        seen.frames.clear();
        player.step(1);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        QCOMPARE(seen.frames[0].index, int64_t(122));
        player.step(-30);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 2, 20000);
        QCOMPARE(seen.frames[1].index, int64_t(92));
        QCOMPARE(*seen.frames[1].rgb, sequentialFrame(92));
    }

    void scrubbingServesOnlyTheLatestRequest()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        player.openVideo(kVideo);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        seen.frames.clear();
        for (int64_t i = 10; i <= 230; i += 10)
            player.seek(i);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.frames.isEmpty() && seen.frames.last().index == 230, 20000);
        QTest::qWait(200);
        QVERIFY2(seen.frames.size() < 23, qPrintable(QString::number(seen.frames.size())));
        QCOMPARE(seen.frames.last().index, int64_t(230));
    }

    void playKeepsPaceWithTheClock()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        player.openVideo(kVideo);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        seen.frames.clear();
        QElapsedTimer clock;
        clock.start();
        player.play(1.0);
        QTest::qWait(1000);
        player.pause();
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY(!seen.frames.isEmpty());
        // Frames rise, and the last one shown is the one due at that time (within 5 frames).
        for (qsizetype i = 1; i < seen.frames.size(); ++i)
            QVERIFY(seen.frames[i].index > seen.frames[i - 1].index);
        const double due = seconds * 30.0;
        QVERIFY2(qAbs(double(seen.frames.last().index) - due) <= 5,
                 qPrintable(QStringLiteral("frame %1, due %2").arg(seen.frames.last().index).arg(due)));
        // Double speed covers twice the frames.
        const int64_t from = seen.frames.last().index;
        seen.frames.clear();
        player.play(2.0);
        QTest::qWait(500);
        player.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!seen.frames.isEmpty(), 20000);
        const double covered = double(seen.frames.last().index - from);
        QVERIFY2(covered >= 20 && covered <= 45, qPrintable(QString::number(covered)));
    }

    void playStopsAtTheEnd()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        bool playing = true;
        connect(player.worker(), &PlaybackWorker::playingChanged, this, [&](bool p, double) { playing = p; });
        player.openVideo(kVideo);
        QTRY_COMPARE_WITH_TIMEOUT(seen.frames.size(), 1, 20000);
        player.seek(230);
        QTRY_VERIFY_WITH_TIMEOUT(seen.frames.size() >= 2, 20000);
        QStringList indices;
        for (const FrameImage& f : seen.frames)
            indices << QString::number(f.index);
        QVERIFY2(seen.frames.size() == 2 && seen.frames[1].index == 230, qPrintable(indices.join(' ')));
        player.play(4.0);
        QTRY_VERIFY_WITH_TIMEOUT(!playing && seen.frames.last().index == 242, 5000);
    }

    // Stepping back decodes a stretch before the frame once; the following steps back are
    // served from the cache, and every frame is still the exact one.
    void steppingBackIsServedFromTheCache()
    {
        std::vector<std::vector<uint8_t>> sequential;
        {
            FrameDecoder decoder(kVideo.toStdString());
            VideoFrame frame;
            while (decoder.read(frame))
                sequential.push_back(frame.rgb);
        }
        PlaybackWorker worker; // on this thread: its slots are called directly
        QList<FrameImage> frames;
        connect(&worker, &PlaybackWorker::frameReady, this, [&](const FrameImage& f) { frames << f; });
        worker.openVideo(kVideo);
        worker.step(150);
        QCOMPARE(frames.last().index, int64_t(150));
        worker.step(-1);
        const size_t afterFill = worker.cache().size();
        QVERIFY2(afterFill >= 30, qPrintable(QString::number(afterFill)));
        for (int i = 0; i < 20; ++i)
            worker.step(-1);
        QCOMPARE(worker.cache().size(), afterFill); // nothing decoded: all hits
        QCOMPARE(frames.size(), 23);
        for (int i = 1; i < frames.size(); ++i) {
            QCOMPARE(frames[i].index, int64_t(150 - i + 1));
            QVERIFY2(*frames[i].rgb == sequential[size_t(frames[i].index)], qPrintable(QString::number(frames[i].index)));
        }
        // Going forward again reuses the frames just shown.
        worker.step(5);
        QCOMPARE(frames.last().index, int64_t(134));
        QCOMPARE(worker.cache().size(), afterFill);
        QVERIFY(*frames.last().rgb == sequential[134]);
        // A cache of nothing still shows exact frames.
        worker.setCacheBudget(0);
        QCOMPARE(worker.cache().size(), size_t(0));
        worker.step(-3);
        QCOMPARE(frames.last().index, int64_t(131));
        QVERIFY(*frames.last().rgb == sequential[131]);
        QCOMPARE(worker.cache().size(), size_t(0));
    }

    // A long-GOP video gets a seek proxy in the background; a seek far from a keyframe then
    // shows the proxy's picture of the frame at once and the exact frame after it, unless
    // a newer request came meanwhile (scrubbing).
    void longSeeksShowTheProxyFirst()
    {
        QTemporaryDir dir;
        const vigil::test::SyntheticSpec spec = vigil::test::longGopH264(300, 250);
        if (!vigil::test::hasEncoder(spec.encoder))
            QSKIP("no libx264 encoder in this FFmpeg");
        const QString video = dir.filePath(QStringLiteral("long-gop.mp4"));
        const std::string error = vigil::test::writeSyntheticVideo(video.toStdString(), spec);
        QVERIFY2(error.empty(), error.c_str());
        std::vector<std::vector<uint8_t>> sequential;
        {
            FrameDecoder decoder(video.toStdString());
            VideoFrame frame;
            while (decoder.read(frame))
                sequential.push_back(frame.rgb);
        }
        QCOMPARE(sequential.size(), size_t(300));

        ProxySettings settings;
        settings.directory = dir.filePath(QStringLiteral("proxies"));
        settings.minSeekPixels = 0; // this small file would not need one
        settings.minPreroll = 10;
        PlaybackWorker worker; // on this thread: slots called directly, queued calls need events
        worker.setProxySettings(settings);
        QList<FrameImage> frames;
        int ready = 0, progress = 0;
        connect(&worker, &PlaybackWorker::frameReady, this, [&](const FrameImage& f) { frames << f; });
        connect(&worker, &PlaybackWorker::proxyReady, this, [&] { ++ready; });
        connect(&worker, &PlaybackWorker::proxyProgress, this, [&] { ++progress; }, Qt::QueuedConnection);
        worker.openVideo(video);
        QTRY_COMPARE_WITH_TIMEOUT(ready, 1, 60000);
        QVERIFY(progress > 0);

        frames.clear();
        worker.requestSeek(200);
        QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 2, 20000);
        QVERIFY(frames[0].proxy);
        QCOMPARE(frames[0].index, int64_t(200));
        QCOMPARE(vigil::test::readFrameNumber(*frames[0].rgb, frames[0].width, frames[0].height), 200);
        QVERIFY(qAbs(frames[0].timestampSeconds - 200.0 / 30.0) < 1e-3);
        QVERIFY(!frames[1].proxy);
        QCOMPARE(frames[1].index, int64_t(200));
        QVERIFY(*frames[1].rgb == sequential[200]);

        // Near a keyframe the exact frame comes directly.
        frames.clear();
        worker.requestSeek(255);
        QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 1, 20000);
        QTest::qWait(50);
        QCOMPARE(frames.size(), 1);
        QVERIFY(!frames[0].proxy);

        // Scrubbing: a request that comes before the exact decode of the previous one
        // skips it.
        frames.clear();
        worker.requestSeek(100);
        // Serve it, but not the exact decode it queues (posted while serving: left for later).
        QCoreApplication::sendPostedEvents(&worker, QEvent::MetaCall);
        QCOMPARE(frames.size(), 1); // the proxy's picture
        worker.requestSeek(180);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.last().proxy && frames.last().index == 180, 20000);
        QStringList shown;
        for (const FrameImage& f : frames)
            shown << QStringLiteral("%1%2").arg(f.index).arg(f.proxy ? "p" : "");
        QCOMPARE(shown, (QStringList{QStringLiteral("100p"), QStringLiteral("180p"), QStringLiteral("180")}));

        // Stepping stays exact where the cache or a short decode serves it.
        frames.clear();
        worker.step(1);
        QCOMPARE(frames.size(), 1);
        QVERIFY(!frames[0].proxy);
        QVERIFY(*frames[0].rgb == sequential[181]);

        // Opened again, the proxy is reused, not made again.
        ready = progress = 0;
        worker.openVideo(video);
        QCOMPARE(ready, 1);
        QTest::qWait(50);
        QCOMPARE(progress, 0);
        // A damaged proxy is made again.
        worker.closeVideo();
        const QStringList proxies = QDir(settings.directory).entryList({QStringLiteral("*.mkv")}, QDir::Files);
        QCOMPARE(proxies.size(), 1);
        const QString proxyFile = settings.directory + QLatin1Char('/') + proxies[0];
        {
            QFile damaged(proxyFile);
            QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
            damaged.write("not a video");
        }
        ready = 0;
        worker.openVideo(video);
        QCOMPARE(ready, 0);
        QTRY_COMPARE_WITH_TIMEOUT(ready, 1, 60000);

        // One with fewer pictures than frames (a source damaged at the end gives that) is
        // kept, not made again and again; frames it lacks are decoded exactly.
        worker.closeVideo();
        vigil::test::SyntheticSpec shorter = spec;
        shorter.frames = 150;
        const QString shortVideo = dir.filePath(QStringLiteral("short.mp4"));
        QVERIFY(vigil::test::writeSyntheticVideo(shortVideo.toStdString(), shorter).empty());
        QFile::remove(proxyFile);
        QVERIFY(vigil::buildProxy(shortVideo.toStdString(), proxyFile.toStdString(), {}));
        ready = progress = 0;
        worker.openVideo(video);
        QCOMPARE(ready, 1);
        QTest::qWait(100);
        QCOMPARE(progress, 0);
        frames.clear();
        worker.requestSeek(220);
        QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 1, 20000);
        QTest::qWait(50);
        QCOMPARE(frames.size(), 1);
        QVERIFY(!frames[0].proxy);
        QVERIFY(*frames[0].rgb == sequential[220]);
    }

    // Switching videos while a proxy is made: the cancelled job's late report does not
    // stop the next one, and reopening the same video keeps its job running.
    void proxyJobsSurviveSwitchingVideos()
    {
        QTemporaryDir dir;
        vigil::test::SyntheticSpec spec = vigil::test::longGopH264(240, 240);
        if (!vigil::test::hasEncoder(spec.encoder))
            QSKIP("no libx264 encoder in this FFmpeg");
        const QString a = dir.filePath(QStringLiteral("a.mp4")), b = dir.filePath(QStringLiteral("b.mp4"));
        QVERIFY(vigil::test::writeSyntheticVideo(a.toStdString(), spec).empty());
        spec.frames = 200;
        QVERIFY(vigil::test::writeSyntheticVideo(b.toStdString(), spec).empty());
        ProxySettings settings;
        settings.directory = dir.filePath(QStringLiteral("proxies"));
        settings.minSeekPixels = 0;
        PlaybackWorker worker;
        worker.setProxySettings(settings);
        QStringList ready;
        connect(&worker, &PlaybackWorker::proxyReady, this, [&](const QString& path) { ready << path; });
        worker.openVideo(a);
        worker.openVideo(a); // the same video again: its job goes on
        worker.openVideo(b); // another: a's job is cancelled
        worker.openVideo(a); // back: a new job for a, whatever a's cancelled one reports
        QTRY_VERIFY_WITH_TIMEOUT(ready.contains(a), 60000);
        QTest::qWait(200);
        QCOMPARE(ready, QStringList{a});
        QCOMPARE(QDir(settings.directory).entryList({QStringLiteral("*.mkv")}).size(), 1);
        QTRY_VERIFY(QDir(settings.directory).entryList({QStringLiteral("*.partial")}).isEmpty());

        // Over their budget, the least recently used proxies go when a new one is made; using
        // one marks it as used.
        worker.openVideo(b);
        QTRY_VERIFY_WITH_TIMEOUT(ready.contains(b), 60000);
        QCOMPARE(QDir(settings.directory).entryList({QStringLiteral("*.mkv")}).size(), 2);
        const QFileInfoList made = QDir(settings.directory).entryInfoList({QStringLiteral("*.mkv")}, QDir::Files, QDir::Time);
        const QString oldest = made.last().filePath(); // a's
        {
            QFile old(oldest);
            QVERIFY(old.open(QIODevice::ReadOnly));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
        }
        worker.openVideo(a);
        QTRY_COMPARE(ready.count(a), 2);
        QVERIFY(QFileInfo(oldest).lastModified() > QDateTime::currentDateTimeUtc().addSecs(-60)); // a's: used now
        ready.clear();
        settings.maxBytes = 1; // only the one in use stays
        worker.setProxySettings(settings);
        const QString c = dir.filePath(QStringLiteral("c.mp4"));
        spec.frames = 120;
        QVERIFY(vigil::test::writeSyntheticVideo(c.toStdString(), spec).empty());
        worker.openVideo(c);
        QTRY_VERIFY_WITH_TIMEOUT(ready.contains(c), 60000);
        QCOMPARE(QDir(settings.directory).entryList({QStringLiteral("*.mkv")}).size(), 1);
        worker.openVideo(a); // a's proxy went: made again
        QTest::qWait(50);
        QCOMPARE(ready.count(a), 0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(a), 1, 60000);
    }

    void unreadableFileIsReported()
    {
        PlaybackController player;
        Seen seen;
        seen.attach(player.worker(), this);
        player.openVideo(QStringLiteral("/nonexistent/clip.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(seen.failures.size(), 1, 20000);
        QVERIFY2(seen.failures[0].contains(QLatin1String("/nonexistent/clip.mp4")), qPrintable(seen.failures[0]));
        QVERIFY(seen.frames.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlaybackWorker)
#include "tst_playbackworker.moc"
