// The player's frame cache: least recently used frames go first, under a byte budget.
#include "playback/FrameCache.h"

#include <QtTest>

using namespace vigil;

class TestFrameCache : public QObject {
    Q_OBJECT
private slots:
    void frameCacheKeepsTheMostRecentUnderItsBudget()
    {
        auto frame = [](int64_t index) {
            FrameImage f;
            f.index = index;
            f.width = 10;
            f.height = 10;
            f.rgb = std::make_shared<const std::vector<uint8_t>>(300, uint8_t(index));
            return f;
        };
        FrameCache cache(1000); // three 300-byte frames
        QCOMPARE(cache.capacityFor(10, 10), int64_t(3));
        for (int64_t i = 0; i < 3; ++i)
            cache.insert(frame(i));
        QVERIFY(cache.take(0).has_value()); // 0 is now the most recent; 1 the oldest
        cache.insert(frame(3));
        QCOMPARE(cache.size(), size_t(3));
        QVERIFY(!cache.contains(1));
        QVERIFY(cache.contains(0) && cache.contains(2) && cache.contains(3));
        QCOMPARE(cache.take(3)->rgb->front(), uint8_t(3));
        cache.insert(frame(3)); // again: replaced, not counted twice
        QCOMPARE(cache.bytes(), size_t(900));
        cache.setBudget(600);
        QCOMPARE(cache.size(), size_t(2));
        cache.setBudget(100); // a frame larger than the budget is not held
        cache.insert(frame(9));
        QCOMPARE(cache.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestFrameCache)
#include "tst_framecache.moc"
