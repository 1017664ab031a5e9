// The scoring worker on its own thread, with the real decoder, the golden checkpoint's
// small CLIP and the real videos: queue, failures, cancellation, pause, cache and stride.
// LibTorch first (only to write a checkpoint variant): its headers must precede Qt's.
#include "model/nn/CheckpointReader.h"
#include "model/nn/CheckpointWriter.h"

#include "model/Error.h"
#include "scoring/FeatureCache.h"
#include "scoring/ScoringController.h"
#include "video/FrameDecoder.h"

#include "SyntheticVideo.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QtTest>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);
const QString kRoad = kShared + QStringLiteral("/media/cctv_roadaccident.mp4");   // 243 frames
const QString kFight = kShared + QStringLiteral("/media/cctv_fighting.mp4");       // 1105 frames

ScoringSettings goldenSettings(const QString& checkpoint = kShared + QStringLiteral("/golden/ucf/last.ckpt"))
{
    ScoringSettings s;
    s.model.checkpointPath = checkpoint.toStdString();
    s.model.centroidPath = (kShared + QStringLiteral("/golden/ucf/ncentroid.pt")).toStdString();
    s.labels = LabelSet::resolve("ucf");
    s.session.device = ComputeDevice::Cpu;
    s.session.threads = 2;
    s.extraction.batchSize = 16;
    return s;
}

// Everything a run of the worker reported, in order.
// The receiving context of its connections, so that queued signals still in flight when a
// test ends die with it.
struct Recorder : QObject {
    QList<ScoringResult> finished;
    QStringList failed, failures, cancelled, started;
    QList<ScoringProgress> progress;
    QMap<QString, QVector<float>> partial; // provisional scores, concatenated per video
    QMap<QString, qint64> partialNext;     // the next frame expected from partialScores
    QMap<QString, int> partialCalls;
    bool partialInOrder = true;
    bool idle = false;

    void attach(ScoringWorker* w, QObject*)
    {
        QObject* context = this;
        QObject::connect(w, &ScoringWorker::videoStarted, context, [this](const QString& p, qint64) { started << p; });
        QObject::connect(w, &ScoringWorker::progress, context, [this](const ScoringProgress& p) { progress << p; });
        QObject::connect(w, &ScoringWorker::partialScores, context, [this](const QString& p, qint64 first, const QVector<float>& s) {
            if (first != partialNext.value(p, 0))
                partialInOrder = false;
            partialNext[p] = first + s.size();
            partial[p] += s;
            ++partialCalls[p];
        });
        QObject::connect(w, &ScoringWorker::videoFinished, context, [this](const ScoringResult& r) { finished << r; });
        QObject::connect(w, &ScoringWorker::videoFailed, context, [this](const QString& p, const QString& m) {
            failed << p;
            failures << m;
        });
        QObject::connect(w, &ScoringWorker::videoCancelled, context, [this](const QString& p) { cancelled << p; });
        QObject::connect(w, &ScoringWorker::idle, context, [this] { idle = true; });
    }
};

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

// The golden checkpoint with the temporal head's weights changed and the image encoder kept.
void writeHeadVariant(const QString& path)
{
    torch::NoGradGuard noGrad;
    const CheckpointReader reader((kShared + QStringLiteral("/golden/ucf/last.ckpt")).toStdString());
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    torch::manual_seed(3);
    for (auto& [name, tensor] : reader.stateDict()) {
        torch::Tensor t = tensor.contiguous().clone();
        if (name.find("temporal_model.classifier") != std::string::npos && t.is_floating_point())
            t += 0.5 * torch::randn_like(t);
        tensors.emplace_back(name, t);
    }
    writeStateDict(path.toStdString(), tensors);
}

} // namespace

class TestScoringWorker : public QObject {
    Q_OBJECT
private slots:
    void scoresTheQueueAndReportsEachFailureWithoutStopping()
    {
        QTemporaryDir dir;
        const QString notVideo = dir.filePath(QStringLiteral("notes.mp4"));
        QFile text(notVideo);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not a video\n");
        text.close();
        const QString missing = dir.filePath(QStringLiteral("missing.mp4"));

        ScoringController controller(goldenSettings());
        Recorder rec;
        rec.attach(controller.worker(), this);
        // The owner's event loop keeps running while the worker scores.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        QElapsedTimer timer;
        timer.start();
        controller.enqueue({kRoad, notVideo, missing, kFight});
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 300000);
        const double seconds = double(timer.elapsed()) / 1000.0;

        QCOMPARE(rec.finished.size(), 2);
        QCOMPARE(rec.finished[0].videoPath, kRoad);
        QCOMPARE(rec.finished[1].videoPath, kFight);
        QCOMPARE(rec.failed, (QStringList{notVideo, missing}));
        QVERIFY2(rec.failures[0].contains(notVideo), qPrintable(rec.failures[0]));
        QVERIFY2(rec.failures[1].contains(missing), qPrintable(rec.failures[1]));
        QVERIFY2(ticks > seconds * 1000 / 20 / 10, qPrintable(QStringLiteral("%1 ticks in %2 s").arg(ticks).arg(seconds)));

        for (const ScoringResult& r : rec.finished) {
            const FrameDecoder decoder(r.videoPath.toStdString());
            QCOMPARE(r.scores->frames, decoder.info().frameCount);
            QCOMPARE(int64_t(r.scores->scores.size()), decoder.info().frameCount);
            QCOMPARE(int64_t(r.features->size()), decoder.info().frameCount * 128);
            QCOMPARE(r.framesEncoded, decoder.info().frameCount);
            QVERIFY(!r.fromCache);
            QVERIFY(r.decodeWarning.isEmpty());
            for (float s : r.scores->scores)
                QVERIFY(s > 0 && s < 1);
            // Provisional scores cover every frame once, in order, and are scores too.
            QVERIFY(rec.partialInOrder);
            QCOMPARE(qint64(rec.partial[r.videoPath].size()), r.scores->frames);
            // Not one per encoder chunk (the head on a window costs tens of milliseconds on
            // the encoder's cores): at most one per 250 ms, and the last rows.
            const int calls = rec.partialCalls.value(r.videoPath);
            QVERIFY2(calls >= 1 && calls <= 2 + int(r.seconds * 4),
                     qPrintable(QStringLiteral("%1 provisional emissions in %2 s").arg(calls).arg(r.seconds)));
        }
        // Progress rose to the total for each scored video.
        qint64 last = -1;
        bool rising = true;
        for (const ScoringProgress& p : rec.progress) {
            if (p.videoPath != kFight)
                continue;
            rising = rising && p.framesDone >= last;
            last = p.framesDone;
            QVERIFY(p.framesTotal == 1105);
        }
        QVERIFY(rising);
        QCOMPARE(last, qint64(1105));
    }

    void cancellingLeavesNoCacheEntryAndTheQueueGoesOn()
    {
        QTemporaryDir dir;
        ScoringSettings settings = goldenSettings();
        settings.cacheDirectory = dir.filePath(QStringLiteral("cache"));
        ScoringController controller(settings);
        Recorder rec;
        rec.attach(controller.worker(), this);
        bool cancelSent = false;
        connect(controller.worker(), &ScoringWorker::progress, this, [&](const ScoringProgress& p) {
            if (p.videoPath == kFight && !cancelSent && p.framesDone > 0 && p.framesDone < p.framesTotal) {
                cancelSent = true;
                controller.cancelCurrent();
            }
        });
        controller.enqueue({kFight, kRoad});
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 300000);
        QVERIFY(cancelSent);
        QCOMPARE(rec.cancelled, QStringList{kFight});
        QCOMPARE(rec.finished.size(), 1);
        QCOMPARE(rec.finished[0].videoPath, kRoad);
        // Only the finished video's entry (.npy + .json) is in the cache: nothing partial.
        const QStringList files = filesUnder(settings.cacheDirectory);
        QCOMPARE(files.size(), 2);
        for (const QString& f : files)
            QVERIFY2(!f.contains(FeatureCache::videoFingerprint(kFight)) && !f.endsWith(QLatin1String(".partial")), qPrintable(f));
    }

    void pauseHoldsTheWorkUntilResumed()
    {
        ScoringController controller(goldenSettings());
        Recorder rec;
        rec.attach(controller.worker(), this);
        bool paused = false;
        qsizetype progressAtPause = 0;
        connect(controller.worker(), &ScoringWorker::progress, this, [&](const ScoringProgress& p) {
            if (!paused && p.framesDone > 0 && p.framesDone < p.framesTotal) {
                paused = true;
                controller.setPaused(true);
                progressAtPause = rec.progress.size();
            }
        });
        controller.enqueue({kFight});
        QTRY_VERIFY_WITH_TIMEOUT(paused, 120000);
        // The batch under way when the pause came still ends (on a loaded machine that can
        // take a while) and its signals arrive; then nothing moves.
        qsizetype settled = -1;
        QElapsedTimer settling;
        settling.start();
        // Settled: nothing new for 1.5 s (a batch in flight on two busy cores can take more
        // than a fraction of a second to report).
        while (rec.progress.size() != settled && settling.elapsed() < 30000) {
            settled = rec.progress.size();
            QTest::qWait(1500);
        }
        QTest::qWait(1000);
        QCOMPARE(rec.progress.size(), settled);
        QVERIFY(settled - progressAtPause <= 10); // the few already on their way, even on a loaded machine
        QVERIFY(rec.finished.isEmpty());
        QVERIFY(controller.worker()->isPaused());
        controller.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 300000);
        QCOMPARE(rec.finished.size(), 1);
        QCOMPARE(rec.finished[0].scores->frames, qint64(1105));
    }

    void cachedFeaturesServeANewHeadWithoutDecoding()
    {
        QTemporaryDir dir;
        const QString variant = dir.filePath(QStringLiteral("variant.ckpt"));
        writeHeadVariant(variant);
        ScoringSettings settings = goldenSettings();
        settings.cacheDirectory = dir.filePath(QStringLiteral("cache"));

        ScoringResult first, second;
        {
            ScoringController controller(settings);
            Recorder rec;
            rec.attach(controller.worker(), this);
            controller.enqueue({kRoad});
            QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 120000);
            QCOMPARE(rec.finished.size(), 1);
            first = rec.finished[0];
        }
        QVERIFY(!first.fromCache);
        QVERIFY(QFileInfo::exists(first.cachePath));
        settings.model.checkpointPath = variant.toStdString();
        {
            ScoringController controller(settings);
            Recorder rec;
            rec.attach(controller.worker(), this);
            controller.enqueue({kRoad});
            QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 120000);
            QCOMPARE(rec.finished.size(), 1);
            second = rec.finished[0];
        }
        QVERIFY(second.fromCache);
        QCOMPARE(second.framesEncoded, qint64(0));
        QCOMPARE(second.cachePath, first.cachePath);
        QVERIFY(*second.features == *first.features);
        // A different head gives different scores from the same features.
        QCOMPARE(second.scores->frames, first.scores->frames);
        double diff = 0;
        for (size_t i = 0; i < first.scores->scores.size(); ++i)
            diff = std::max(diff, double(std::abs(first.scores->scores[i] - second.scores->scores[i])));
        QVERIFY2(diff > 1e-3, qPrintable(QString::number(diff)));
    }

    void strideEncodesEveryKthFrameAndHoldsItsFeature()
    {
        ScoringSettings settings = goldenSettings();
        settings.extraction.stride = 5;
        ScoringController controller(settings);
        Recorder rec;
        rec.attach(controller.worker(), this);
        controller.enqueue({kRoad});
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 120000);
        QCOMPARE(rec.finished.size(), 1);
        const ScoringResult& r = rec.finished[0];
        QCOMPARE(r.stride, 5);
        QCOMPARE(r.scores->frames, qint64(243));
        QCOMPARE(r.framesEncoded, qint64((243 + 4) / 5));
        const std::vector<float>& f = *r.features;
        const int dim = r.dim;
        for (int i = 0; i < 243; ++i) {
            const int source = i / 5 * 5;
            QVERIFY(std::equal(f.begin() + i * dim, f.begin() + (i + 1) * dim, f.begin() + source * dim));
        }
        // Encoded frames differ from one another (real features, not one row repeated).
        QVERIFY(!std::equal(f.begin(), f.begin() + dim, f.begin() + 5 * dim));
    }

    void damagedVideoIsScoredAsFarAsItDecodes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.mkv"));
        test::SyntheticSpec spec;
        spec.frames = 300;
        const std::string why = test::writeSyntheticVideo(path.toStdString(), spec);
        QVERIFY2(why.empty(), why.c_str());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() * 6 / 10));
        file.close();

        ScoringSettings settings = goldenSettings();
        settings.cacheDirectory = dir.filePath(QStringLiteral("cache"));
        ScoringController controller(settings);
        Recorder rec;
        rec.attach(controller.worker(), this);
        controller.enqueue({path});
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 120000);
        QCOMPARE(rec.finished.size(), 1);
        const ScoringResult& r = rec.finished[0];
        QVERIFY2(r.decodeWarning.contains(path), qPrintable(r.decodeWarning));
        QVERIFY2(r.scores->frames > 30 && r.scores->frames < 300, qPrintable(QString::number(r.scores->frames)));
        QCOMPARE(qint64(r.features->size()), r.scores->frames * r.dim);
        QCOMPARE(qint64(rec.partial[path].size()), r.scores->frames);
    }

    void brokenCheckpointFailsEveryVideoWithItsReason()
    {
        ScoringController controller(goldenSettings(kShared + QStringLiteral("/golden/ucf/ncentroid.npy")));
        Recorder rec;
        rec.attach(controller.worker(), this);
        controller.enqueue({kRoad, kFight});
        QTRY_VERIFY_WITH_TIMEOUT(rec.idle, 60000);
        QCOMPARE(rec.failed.size(), 2);
        QVERIFY2(rec.failures[0].contains(QLatin1String("ncentroid.npy")), qPrintable(rec.failures[0]));
        QVERIFY(rec.finished.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScoringWorker)
#include "tst_scoringworker.moc"
