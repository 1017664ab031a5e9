// The encoder lanes on their own, with a stand-in encoder (each frame's feature is its frame
// number): groups come back in frame order whatever order the lanes finish in, the last
// groups shrink so that the lanes end together, lanes whose thread cannot start are not
// waited for, and a failure or a stop ends every lane. tst_featureextractor runs them with
// the real encoder on a real video.
#include "scoring/EncoderLanes.h"

#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <system_error>

using namespace vigil;

namespace {

// A queue of `count` frames numbered 0, stride, 2 stride...; records what the lanes do.
struct Run {
    int64_t count = 0;
    int stride = 1;
    int64_t taken = 0;
    std::atomic<int> taking{0};
    bool overlappingTakes = false;
    std::vector<int> groupSizes;    // as taken
    std::vector<int64_t> groupFirst; // each group's first frame
    std::vector<int64_t> delivered;
    bool featuresMatch = true;
    std::set<std::thread::id> encoders, deliverers;
    std::mutex mutex;

    EncoderLanes::Calls calls()
    {
        EncoderLanes::Calls c;
        c.take = [this](int size, FrameGroup& group) {
            if (taking++ != 0)
                overlappingTakes = true;
            group.indices.clear();
            group.pixels.clear();
            while (int(group.indices.size()) < size && taken < count) {
                group.indices.push_back(taken * stride);
                group.pixels.push_back(float(taken * stride));
                ++taken;
            }
            if (!group.indices.empty()) {
                groupSizes.push_back(int(group.indices.size()));
                groupFirst.push_back(group.indices.front());
            }
            --taking;
            return !group.indices.empty();
        };
        c.encode = [this](const FrameGroup& group) {
            {
                std::lock_guard lock(mutex);
                encoders.insert(std::this_thread::get_id());
            }
            return std::vector<float>(group.pixels.begin(), group.pixels.end()); // D = 1
        };
        c.deliver = [this](const std::vector<int64_t>& indices, const std::vector<float>& features,
                           EncoderLanes::Clock::time_point) {
            deliverers.insert(std::this_thread::get_id());
            for (size_t i = 0; i < indices.size(); ++i) {
                delivered.push_back(indices[i]);
                featuresMatch = featuresMatch && features.size() == indices.size() && features[i] == float(indices[i]);
            }
        };
        return c;
    }

    bool deliveredAllInOrder() const
    {
        if (int64_t(delivered.size()) != count)
            return false;
        for (int64_t i = 0; i < count; ++i)
            if (delivered[size_t(i)] != i * stride)
                return false;
        return true;
    }
};

// Until `flag` is set (10 s at most).
void waitFor(const std::atomic<bool>& flag)
{
    QElapsedTimer timer;
    timer.start();
    while (!flag && timer.elapsed() < 10000)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

EncoderLanes::Plan plan(int lanes, int groupSize, int stride, int64_t frames, bool shrink = true)
{
    EncoderLanes::Plan p;
    p.shrinkLastGroups = shrink;
    p.lanes = lanes;
    p.groupSize = groupSize;
    p.stride = stride;
    p.frames = frames;
    return p;
}

} // namespace

class TestEncoderLanes : public QObject {
    Q_OBJECT
private slots:
    // The first group ends only after another lane has finished one: delivery still in
    // frame order, every frame once, features with their frames, one take at a time.
    void groupsComeBackInOrderWhateverOrderTheyEndIn()
    {
        Run run;
        run.count = 60;
        EncoderLanes::Calls calls = run.calls();
        std::mutex gate;
        std::condition_variable changed;
        int finished = 0;
        bool firstWaitedForAnother = false;
        const auto encode = calls.encode;
        calls.encode = [&](const FrameGroup& group) {
            std::vector<float> features = encode(group);
            std::unique_lock lock(gate);
            if (group.indices.front() == 0)
                firstWaitedForAnother =
                    changed.wait_for(lock, std::chrono::seconds(10), [&] { return finished > 0; });
            ++finished;
            changed.notify_all();
            return features;
        };
        const EncoderLanes::Times times = EncoderLanes(plan(2, 8, 1, 60)).run(calls);
        QVERIFY(firstWaitedForAnother);
        QVERIFY(run.deliveredAllInOrder());
        QVERIFY(run.featuresMatch);
        QVERIFY(!run.overlappingTakes);
        QCOMPARE(int(run.encoders.size()), 2);
        QVERIFY(!run.encoders.count(std::this_thread::get_id()));
        QCOMPARE(run.deliverers, std::set<std::thread::id>{std::this_thread::get_id()});
        QVERIFY(times.busySeconds > 0);
    }

    // Full groups, then smaller ones (powers of two) down to 2 frames near the end of the
    // index; past an index that undercounts, with none, or when the plan asks for whole
    // groups, full groups (the last may be short).
    void lastGroupsShrinkSoThatTheLanesEndTogether_data()
    {
        QTest::addColumn<int>("lanes");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<int>("stride");
        QTest::addColumn<qint64>("indexFrames");
        QTest::addColumn<qint64>("frames"); // frames the queue gives
        QTest::addColumn<bool>("planShrinks");
        QTest::addColumn<bool>("shrinks");
        QTest::newRow("2 lanes, groups of 8") << 2 << 8 << 1 << qint64(60) << qint64(60) << true << true;
        QTest::newRow("4 lanes, groups of 3") << 4 << 3 << 1 << qint64(50) << qint64(50) << true << true;
        QTest::newRow("stride 3") << 2 << 8 << 3 << qint64(300) << qint64(100) << true << true;
        QTest::newRow("groups of 1") << 2 << 1 << 1 << qint64(20) << qint64(20) << true << false;
        QTest::newRow("no frame count") << 2 << 8 << 1 << qint64(0) << qint64(60) << true << false;
        QTest::newRow("frame count too low") << 2 << 8 << 1 << qint64(20) << qint64(100) << true << false;
        QTest::newRow("whole groups asked for (int8)") << 2 << 8 << 1 << qint64(60) << qint64(60) << false << false;
    }

    void lastGroupsShrinkSoThatTheLanesEndTogether()
    {
        QFETCH(int, lanes);
        QFETCH(int, groupSize);
        QFETCH(int, stride);
        QFETCH(qint64, indexFrames);
        QFETCH(qint64, frames);
        QFETCH(bool, planShrinks);
        QFETCH(bool, shrinks);
        Run run;
        run.count = frames;
        run.stride = stride;
        EncoderLanes(plan(lanes, groupSize, stride, indexFrames, planShrinks)).run(run.calls());
        QVERIFY(run.deliveredAllInOrder());
        const std::vector<int>& sizes = run.groupSizes;
        const size_t last = sizes.size() - 1;
        for (size_t i = 0; i < last; ++i) {
            if (!planShrinks || indexFrames == 0 || run.groupFirst[i] >= indexFrames) {
                QCOMPARE(sizes[i], groupSize); // past the index: full groups
            } else {
                QVERIFY(sizes[i] >= std::min(2, groupSize));
                if (i > 0)
                    QVERIFY(sizes[i] <= sizes[i - 1]);
            }
        }
        if (shrinks) {
            QCOMPARE(sizes.front(), groupSize);
            const int fullGroups = int((frames + groupSize - 1) / groupSize);
            QVERIFY2(int(sizes.size()) > fullGroups, qPrintable(QString::number(sizes.size())));
            QVERIFY(sizes.back() <= 2);
            // Powers of two below the full size: few sizes of buffers and kernels.
            for (int size : sizes)
                QVERIFY(size == groupSize || (size & (size - 1)) == 0);
        }
    }

    // A lane whose thread cannot start does not run and is not waited for; with none, one
    // lane runs on the calling thread.
    void lanesThatCannotStartAreNotWaitedFor_data()
    {
        QTest::addColumn<int>("threadsThatStart");
        QTest::newRow("1 of 3") << 1;
        QTest::newRow("none") << 0;
    }

    void lanesThatCannotStartAreNotWaitedFor()
    {
        QFETCH(int, threadsThatStart);
        Run run;
        run.count = 40;
        int started = 0;
        EncoderLanes::ThreadStarter starter = [&](std::function<void()> body) {
            if (started == threadsThatStart)
                throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
            ++started;
            return std::thread(std::move(body));
        };
        QElapsedTimer timer;
        timer.start();
        EncoderLanes(plan(3, 4, 1, 40), starter).run(run.calls());
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY(run.deliveredAllInOrder());
        QVERIFY(run.featuresMatch);
        QCOMPARE(int(run.encoders.size()), 1);
        QCOMPARE(run.encoders.count(std::this_thread::get_id()) == 1, threadsThatStart == 0);
    }

    // An encoder failure stops every lane and is the one thrown, after all lanes ended;
    // `abort` is called so that a blocked queue lets go. Groups after the failing one wait
    // for the abort, so that no lane can run ahead while the failing one is not scheduled.
    void aFailureStopsEveryLaneAndIsThrown()
    {
        Run run;
        run.count = 400;
        EncoderLanes::Calls calls = run.calls();
        const auto encode = calls.encode;
        std::atomic<int> groups{0};
        std::atomic<bool> aborted{false};
        calls.encode = [&](const FrameGroup& group) {
            const int number = ++groups;
            if (number == 5)
                throw std::runtime_error("out of memory");
            if (number > 5)
                waitFor(aborted);
            return encode(group);
        };
        calls.abort = [&] { aborted = true; };
        QString message;
        try {
            EncoderLanes(plan(2, 4, 1, 400)).run(calls);
        } catch (const std::runtime_error& e) {
            message = QString::fromUtf8(e.what());
        }
        QCOMPARE(message, QStringLiteral("out of memory"));
        QVERIFY(aborted);
        QVERIFY2(groups <= 6, qPrintable(QString::number(groups))); // not the 100 groups of the queue
        QVERIFY(run.delivered.size() <= 16);

        // The same for a failure delivering a group, on the calling thread.
        Run second;
        second.count = 400;
        EncoderLanes::Calls secondCalls = second.calls();
        std::atomic<bool> deliveryFailed{false};
        const auto secondEncode = secondCalls.encode;
        secondCalls.encode = [&](const FrameGroup& group) {
            if (group.indices.front() >= 6 * 4)
                waitFor(deliveryFailed);
            return secondEncode(group);
        };
        int delivered = 0;
        const auto deliver = secondCalls.deliver;
        secondCalls.deliver = [&](const std::vector<int64_t>& indices, const std::vector<float>& features,
                                  EncoderLanes::Clock::time_point started) {
            if (++delivered == 3)
                throw std::runtime_error("disk full");
            deliver(indices, features, started);
        };
        secondCalls.abort = [&] { deliveryFailed = true; }; // after the lanes were told to stop
        message.clear();
        try {
            EncoderLanes(plan(2, 4, 1, 400)).run(secondCalls);
        } catch (const std::runtime_error& e) {
            message = QString::fromUtf8(e.what());
        }
        QCOMPARE(message, QStringLiteral("disk full"));
        QCOMPARE(delivered, 3);
        QVERIFY(deliveryFailed);
        // Groups 0-5 and the one each lane held when the delivery failed.
        QVERIFY2(second.taken <= 8 * 4, qPrintable(QString::number(second.taken)));
    }

    // `proceed` saying no stops the lanes without an error: what was encoded is delivered.
    void proceedFalseStopsTheLanes()
    {
        Run run;
        run.count = 400;
        EncoderLanes::Calls calls = run.calls();
        std::atomic<int> asked{0};
        calls.proceed = [&] { return ++asked <= 4; };
        EncoderLanes(plan(2, 4, 1, 400)).run(calls);
        QVERIFY(run.delivered.size() <= 16);
        for (size_t i = 0; i < run.delivered.size(); ++i)
            QCOMPARE(run.delivered[i], int64_t(i));
    }
};

QTEST_GUILESS_MAIN(TestEncoderLanes)
#include "tst_encoderlanes.moc"
