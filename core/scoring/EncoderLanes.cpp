// Lanes instead of one batch split between threads: the split batch's parts all had to end
// before the next batch, which left a core idle 9 % of the time (the parts' ends 0.1-0.5 s
// apart on 2.2-3.3 s; the decoding and preprocessing threads take their share from one core
// at a time). Groups are the parts the split batch had, so int8's activation ranges, taken
// per part, are those of the split batch, but for the video's last frames (groupSizeFrom).
#include "scoring/EncoderLanes.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>

namespace vigil {

namespace {

double secondsBetween(EncoderLanes::Clock::time_point from, EncoderLanes::Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

struct EncodedGroup {
    std::vector<int64_t> indices;
    std::vector<float> features;
    EncoderLanes::Clock::time_point started;
};

} // namespace

EncoderLanes::EncoderLanes(const Plan& plan, ThreadStarter startThread)
    : m_plan(plan)
    , m_startThread(std::move(startThread))
{
    m_plan.lanes = std::max(1, m_plan.lanes);
    m_plan.groupSize = std::max(1, m_plan.groupSize);
    m_plan.stride = std::max(1, m_plan.stride);
    if (!m_startThread)
        m_startThread = [](std::function<void()> body) { return std::thread(std::move(body)); };
}

// With groups of 8 to the end, one lane was left alone on the last group for 1 s of a 27 s
// run (2.1 s of one core; 8 ViT-B/16 frames take 2.2-2.9 s on one); groups of 2 encode at
// about the rate of groups of 8, groups of 1 10-15 % slower (bench_encoder --threads 1).
// Smaller groups are powers of two, so that few sizes of buffers are asked for. In int8 the
// groups stay whole (InferenceSession::fixedBatchSize()): its oneDNN kernels are made per
// row count and kept, and groups of 4 and 2 at the end of 160 frames raised the peak from
// 1.10 to 1.29 GB (1.32 GB with groups of 6, 5, 4, 3 and 2); in fp32 968 MB against 961.
int EncoderLanes::groupSizeFrom(int64_t next) const
{
    const int64_t stride = m_plan.stride, lanes = m_plan.lanes;
    const int64_t left = m_plan.frames > next ? (m_plan.frames - next + stride - 1) / stride : 0;
    const int64_t wanted = (left + 2 * lanes - 1) / (2 * lanes);
    // Past the index's count, which may be an estimate: full groups.
    if (!m_plan.shrinkLastGroups || left <= 0 || wanted >= m_plan.groupSize)
        return m_plan.groupSize;
    int size = 2;
    while (size * 2 <= wanted)
        size *= 2;
    return std::min(size, m_plan.groupSize);
}

EncoderLanes::Times EncoderLanes::run(const Calls& calls) const
{
    const int lanes = m_plan.lanes;
    std::atomic<bool> stop{false}; // a lane or the delivery failed, or `proceed` said so
    std::mutex takeMutex, doneMutex;
    std::condition_variable doneChanged;
    std::map<int64_t, EncodedGroup> done; // by group number
    int64_t nextGroup = 0, nextFrame = 0;  // under takeMutex
    int running = lanes;                   // under doneMutex
    std::exception_ptr laneError;
    std::vector<double> busy(size_t(lanes), 0.0), waited(size_t(lanes), 0.0);

    auto lane = [&](int laneIndex) {
        try {
            FrameGroup group;
            while (!stop) {
                if (calls.proceed && !calls.proceed()) {
                    stop = true;
                    break;
                }
                int64_t number = 0;
                const Clock::time_point waitStart = Clock::now();
                {
                    std::lock_guard lock(takeMutex); // groups of consecutive frames, numbered in order
                    if (stop || !calls.take(groupSizeFrom(nextFrame), group))
                        break;
                    number = nextGroup++;
                    nextFrame = group.indices.back() + m_plan.stride;
                }
                EncodedGroup encoded;
                encoded.started = Clock::now();
                waited[size_t(laneIndex)] += secondsBetween(waitStart, encoded.started);
                encoded.features = calls.encode(group);
                busy[size_t(laneIndex)] += secondsBetween(encoded.started, Clock::now());
                encoded.indices = std::move(group.indices);
                group = FrameGroup();
                std::lock_guard lock(doneMutex);
                done.emplace(number, std::move(encoded));
                doneChanged.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(doneMutex);
            if (!laneError)
                laneError = std::current_exception();
            stop = true; // the other lanes too
            if (calls.abort)
                calls.abort();
        }
        std::lock_guard lock(doneMutex);
        --running;
        doneChanged.notify_all();
    };

    std::vector<std::thread> threads;
    try {
        for (int i = 0; i < lanes; ++i)
            threads.push_back(m_startThread([&lane, i] { lane(i); }));
    } catch (const std::system_error&) { // the lanes that could not start never run
        std::lock_guard lock(doneMutex);
        running -= lanes - int(threads.size());
    }
    if (threads.empty()) {
        running = 1;
        lane(0); // on this thread; its groups are delivered below
    }

    std::exception_ptr deliveryError;
    try {
        for (int64_t next = 0;; ++next) {
            std::unique_lock lock(doneMutex);
            doneChanged.wait(lock, [&] { return done.count(next) > 0 || running == 0; });
            const auto it = done.find(next);
            if (it == done.end())
                break; // every lane ended and no group is left
            EncodedGroup encoded = std::move(it->second);
            done.erase(it);
            lock.unlock();
            calls.deliver(encoded.indices, encoded.features, encoded.started);
        }
    } catch (...) {
        deliveryError = std::current_exception();
        stop = true;
        if (calls.abort)
            calls.abort();
    }
    for (std::thread& t : threads)
        t.join();
    if (deliveryError)
        std::rethrow_exception(deliveryError);
    if (laneError)
        std::rethrow_exception(laneError);

    Times times;
    for (int i = 0; i < lanes; ++i) {
        times.busySeconds += busy[size_t(i)] / lanes;
        times.waitSeconds += waited[size_t(i)] / lanes;
    }
    return times;
}

} // namespace vigil
