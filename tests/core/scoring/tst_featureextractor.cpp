// The feature pipeline's encoder lanes: with two CPU threads each lane encodes its own group
// of frames and the rows are put back in order. Real decoding of a real video, the golden
// checkpoint's small CLIP: the features must be the ones one thread computes, whatever the
// batch, the stride and the order in which the lanes finish; the groups shrink at the end.
#include "model/AnomalyClipModel.h"
#include "model/Error.h"
#include "model/InferenceSession.h"
#include "scoring/FeatureExtractor.h"
#include "scoring/JobControl.h"

#include <QThread>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);
const std::string kRoad = (kShared + QStringLiteral("/media/cctv_roadaccident.mp4")).toStdString(); // 243 frames

std::shared_ptr<const AnomalyClipModel> goldenModel()
{
    static const std::shared_ptr<const AnomalyClipModel> model = [] {
        ModelLoadOptions options;
        options.checkpointPath = (kShared + QStringLiteral("/golden/ucf/last.ckpt")).toStdString();
        options.centroidPath = (kShared + QStringLiteral("/golden/ucf/ncentroid.pt")).toStdString();
        return AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    }();
    return model;
}

SessionOptions cpu(int threads)
{
    SessionOptions o;
    o.device = ComputeDevice::Cpu;
    o.threads = threads;
    return o;
}

struct Chunks {
    QList<QPair<qint64, qint64>> spans; // first frame, frames
    bool inOrder = true;
    qint64 next = 0;
    FeatureExtractor::ChunkCallback callback()
    {
        return [this](const FeatureChunk& c, const ExtractionProgress&) {
            if (c.firstFrame != next)
                inOrder = false;
            next = c.firstFrame + c.frames;
            spans << qMakePair(c.firstFrame, c.frames);
        };
    }
};

double largestDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return INFINITY;
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

} // namespace

class TestFeatureExtractor : public QObject {
    Q_OBJECT
private slots:
    void lanesGiveOneThreadsFeaturesInOrder_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("frames");
        QTest::newRow("batch 16") << 16 << 1 << 60;
        QTest::newRow("odd batch 5: groups of 3, last one short") << 5 << 1 << 37;
        QTest::newRow("stride 3") << 8 << 3 << 49;
        QTest::newRow("batch 1: one lane") << 1 << 1 << 9;
    }

    void lanesGiveOneThreadsFeaturesInOrder()
    {
        QFETCH(int, batch);
        QFETCH(int, stride);
        QFETCH(int, frames);
        const InferenceSession one(goldenModel(), cpu(1));
        const InferenceSession two(goldenModel(), cpu(2));
        QCOMPARE(one.encoderLanes(), 1);
        QCOMPARE(two.encoderLanes(), 2);
        ExtractionOptions options;
        options.batchSize = batch;
        options.stride = stride;
        options.maxFrames = frames;

        Chunks oneChunks, twoChunks;
        const ExtractedFeatures reference = FeatureExtractor(one, options).extract(kRoad, nullptr, oneChunks.callback());
        const ExtractedFeatures lanes = FeatureExtractor(two, options).extract(kRoad, nullptr, twoChunks.callback());

        QCOMPARE(lanes.frames, qint64(frames));
        QCOMPARE(reference.frames, qint64(frames));
        QCOMPARE(lanes.framesEncoded, qint64((frames + stride - 1) / stride));
        QCOMPARE(lanes.values.size(), size_t(frames) * size_t(lanes.dim));
        // Rows in order, each once, covering the video; per group with two lanes.
        QVERIFY(twoChunks.inOrder);
        QCOMPARE(twoChunks.next, qint64(frames));
        const qint64 groupSize = (batch + 1) / 2;
        if (batch == 1) {
            QCOMPARE(twoChunks.spans.size(), int(lanes.framesEncoded));
        } else if (stride == 1) { // a chunk's rows are its group's frames
            // Full groups first, then smaller ones towards the end, down to 2 frames, so that
            // the lanes end together: more groups than full ones would make.
            const int fullGroups = int((lanes.framesEncoded + groupSize - 1) / groupSize);
            QVERIFY2(twoChunks.spans.size() > fullGroups, qPrintable(QString::number(twoChunks.spans.size())));
            QCOMPARE(twoChunks.spans.first().second, groupSize);
            for (int i = 1; i < twoChunks.spans.size(); ++i)
                QVERIFY(twoChunks.spans[i].second <= twoChunks.spans[i - 1].second);
            QVERIFY(twoChunks.spans.last().second <= 2);
        }
        const double difference = largestDifference(reference.values, lanes.values);
        qInfo("largest difference to one thread: %.3g", difference);
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
        // Frames between encoded ones hold the last encoded frame's feature.
        const size_t dim = size_t(lanes.dim);
        for (int row = 0; row < frames; ++row) {
            const size_t encodedRow = size_t(row - row % stride);
            QVERIFY(std::equal(lanes.values.begin() + row * dim, lanes.values.begin() + (row + 1) * dim,
                               lanes.values.begin() + encodedRow * dim));
        }
        QVERIFY(lanes.encodeSeconds > 0);
        QVERIFY(lanes.firstBatchAfterSeconds >= 0);
    }

    void cancellingStopsEveryLane()
    {
        const InferenceSession two(goldenModel(), cpu(2));
        ExtractionOptions options;
        options.batchSize = 4;
        JobControl control;
        int chunks = 0;
        QElapsedTimer timer;
        timer.start();
        bool cancelled = false;
        try {
            FeatureExtractor(two, options).extract(kRoad, &control, [&](const FeatureChunk&, const ExtractionProgress&) {
                if (++chunks == 2)
                    control.cancel();
            });
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        // The groups already under way may end: a few, not the 122 of the whole video.
        QVERIFY2(chunks < 10, qPrintable(QString::number(chunks)));
    }

    void aFailureReportingAChunkStopsTheLanesAndIsThrown()
    {
        const InferenceSession two(goldenModel(), cpu(2));
        ExtractionOptions options;
        options.batchSize = 4;
        int chunks = 0;
        QString message;
        try {
            FeatureExtractor(two, options).extract(kRoad, nullptr, [&](const FeatureChunk&, const ExtractionProgress&) {
                if (++chunks == 3)
                    throw Error("disk full");
            });
        } catch (const Cancelled&) {
            message = QStringLiteral("cancelled");
        } catch (const Error& e) {
            message = QString::fromStdString(e.what());
        }
        QCOMPARE(message, QStringLiteral("disk full"));
        QCOMPARE(chunks, 3);
    }

    void pausedLanesWaitThenFinish()
    {
        const InferenceSession two(goldenModel(), cpu(2));
        ExtractionOptions options;
        options.batchSize = 4;
        options.maxFrames = 24;
        JobControl control;
        control.setPaused(true);
        std::atomic<int> chunks{0};
        ExtractedFeatures result;
        std::thread scorer([&] {
            result = FeatureExtractor(two, options).extract(kRoad, &control,
                                                             [&](const FeatureChunk&, const ExtractionProgress&) { ++chunks; });
        });
        QThread::msleep(500);
        QCOMPARE(chunks.load(), 0); // nothing encoded while paused
        control.setPaused(false);
        scorer.join();
        QCOMPARE(result.frames, qint64(24));
        QCOMPARE(chunks.load(), 12);
    }
};

QTEST_GUILESS_MAIN(TestFeatureExtractor)
#include "tst_featureextractor.moc"
