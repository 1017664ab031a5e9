// Detections from scores: hysteresis, merging, minimum duration and event statistics,
// on hand-made cases and against a frame-by-frame reference on random score curves.
#include "review/Segmenter.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace vigil;

Q_DECLARE_METATYPE(std::vector<float>)

namespace {

using Spans = QList<QPair<qint64, qint64>>; // [start, end)

Spans spansOf(const std::vector<Segment>& segments)
{
    Spans spans;
    for (const Segment& s : segments)
        spans << qMakePair(qint64(s.startFrame), qint64(s.endFrame));
    return spans;
}

// The same rules written the slow, obvious way: a per-frame on/off state, runs of "on",
// then gap filling and duration filtering on the runs.
Spans reference(const std::vector<float>& scores, const SegmentSettings& s)
{
    std::vector<bool> on(scores.size());
    bool state = false;
    for (size_t t = 0; t < scores.size(); ++t) {
        if (!state && scores[t] >= s.threshold)
            state = true;
        else if (state && scores[t] < s.threshold - s.hysteresis)
            state = false;
        on[t] = state;
    }
    Spans runs;
    for (size_t t = 0; t < on.size(); ++t) {
        if (!on[t])
            continue;
        size_t end = t;
        while (end < on.size() && on[end])
            ++end;
        runs << qMakePair(qint64(t), qint64(end));
        t = end;
    }
    Spans merged;
    for (const auto& r : runs) {
        if (!merged.isEmpty() && r.first - merged.last().second <= s.mergeGapFrames)
            merged.last().second = r.second;
        else
            merged << r;
    }
    Spans kept;
    for (const auto& r : merged)
        if (r.second - r.first >= std::max<qint64>(1, s.minFrames))
            kept << r;
    return kept;
}

} // namespace

class TestSegmenter : public QObject {
    Q_OBJECT
private slots:
    void segmentsFollowTheRules_data()
    {
        QTest::addColumn<std::vector<float>>("scores");
        QTest::addColumn<float>("hysteresis");
        QTest::addColumn<qint64>("minFrames");
        QTest::addColumn<qint64>("mergeGap");
        QTest::addColumn<Spans>("expected");
        const std::vector<float> dip{0.1f, 0.6f, 0.45f, 0.7f, 0.3f, 0.2f};
        QTest::newRow("hysteresis holds through a shallow dip") << dip << 0.1f << qint64(1) << qint64(0) << Spans{{1, 4}};
        QTest::newRow("without hysteresis the dip splits") << dip << 0.0f << qint64(1) << qint64(0) << Spans{{1, 2}, {3, 4}};
        QTest::newRow("a gap of one frame is merged") << dip << 0.0f << qint64(1) << qint64(1) << Spans{{1, 4}};
        QTest::newRow("short events are dropped") << dip << 0.0f << qint64(2) << qint64(0) << Spans{};
        QTest::newRow("merge happens before the duration filter") << dip << 0.0f << qint64(3) << qint64(1) << Spans{{1, 4}};
        QTest::newRow("event running to the end") << std::vector<float>{0.1f, 0.2f, 0.9f, 0.8f} << 0.1f << qint64(1) << qint64(0)
                                                  << Spans{{2, 4}};
        QTest::newRow("threshold reached exactly starts an event")
            << std::vector<float>{0.5f, 0.39f} << 0.1f << qint64(1) << qint64(0) << Spans{{0, 1}};
        QTest::newRow("below threshold never starts") << std::vector<float>{0.45f, 0.49f, 0.3f} << 0.1f << qint64(1) << qint64(0)
                                                      << Spans{};
        QTest::newRow("empty") << std::vector<float>{} << 0.1f << qint64(1) << qint64(0) << Spans{};
    }
    void segmentsFollowTheRules()
    {
        QFETCH(std::vector<float>, scores);
        QFETCH(float, hysteresis);
        QFETCH(qint64, minFrames);
        QFETCH(qint64, mergeGap);
        QFETCH(Spans, expected);
        SegmentSettings s;
        s.threshold = 0.5f;
        s.hysteresis = hysteresis;
        s.minFrames = minFrames;
        s.mergeGapFrames = mergeGap;
        QCOMPARE(spansOf(segmentScores(scores.data(), int64_t(scores.size()), nullptr, 0, 0, s)), expected);
    }

    void matchesTheFrameByFrameReferenceOnRandomCurves()
    {
        QRandomGenerator random(11);
        for (int trial = 0; trial < 300; ++trial) {
            // A random walk looks like real scores: runs above and below the threshold.
            std::vector<float> scores(size_t(random.bounded(1, 2000)));
            float v = float(random.generateDouble());
            for (float& x : scores) {
                v = std::clamp(v + float(random.generateDouble() - 0.5) * 0.2f, 0.0f, 1.0f);
                x = v;
            }
            SegmentSettings s;
            s.threshold = float(random.generateDouble() * 0.8 + 0.1);
            s.hysteresis = float(random.generateDouble() * 0.2);
            s.minFrames = random.bounded(1, 40);
            s.mergeGapFrames = random.bounded(0, 40);
            const Spans got = spansOf(segmentScores(scores.data(), int64_t(scores.size()), nullptr, 0, 0, s));
            QCOMPARE(got, reference(scores, s));
        }
    }

    void eventStatisticsComeFromTheEventsFrames()
    {
        // 3 classes, normal at 1. Frames 2..4 are the event; class 2 dominates there while
        // class 0 dominates outside it.
        const std::vector<float> scores{0.1f, 0.2f, 0.8f, 0.9f, 0.6f, 0.1f};
        std::vector<float> probs;
        for (size_t t = 0; t < scores.size(); ++t) {
            const bool inEvent = t >= 2 && t <= 4;
            const float a = scores[t];
            const float p2 = inEvent ? 0.75f : 0.1f; // p(class 2 | abnormal)
            probs.insert(probs.end(), {a * (1 - p2), 1 - a, a * p2});
        }
        SegmentSettings s;
        s.threshold = 0.5f;
        const std::vector<Segment> events = segmentScores(scores.data(), 6, probs.data(), 3, 1, s);
        QCOMPARE(events.size(), size_t(1));
        const Segment& e = events[0];
        QCOMPARE(e.startFrame, int64_t(2));
        QCOMPARE(e.endFrame, int64_t(5));
        QCOMPARE(e.peakFrame, int64_t(3));
        QCOMPARE(e.peakScore, 0.9f);
        QVERIFY(qAbs(e.meanScore - (0.8f + 0.9f + 0.6f) / 3) < 1e-6f);
        QCOMPARE(e.topClass, 2);
        QVERIFY(qAbs(e.topClassProbability - 0.75f) < 1e-6f);
    }

    void normalClassIsNeverTheTopClass()
    {
        const std::vector<float> scores{0.9f, 0.9f};
        // The normal column (0) holds 1 - a = 0.1; make every abnormal p(c) smaller still.
        const std::vector<float> probs{0.1f, 0.05f, 0.04f, 0.1f, 0.05f, 0.04f};
        const std::vector<Segment> events = segmentScores(scores.data(), 2, probs.data(), 3, 0, {});
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].topClass, 1);
    }

    void alarmsPerHourScalesWithTheVideoLength()
    {
        QCOMPARE(alarmsPerHour(3, 30 * 3600, 30.0), 3.0);
        QCOMPARE(alarmsPerHour(3, 30 * 1800, 30.0), 6.0);
        QCOMPARE(alarmsPerHour(3, 0, 30.0), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestSegmenter)
#include "tst_segmenter.moc"
