// The CPU encoder's lanes: one thread per lane, each taking its own group of consecutive
// frames off a shared queue and encoding it alone, never waiting for another lane; the
// calling thread gets the groups back in frame order. FeatureExtractor's encoder stage
// when the session has more than one lane (InferenceSession::encoderLanes()).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace vigil {

struct FrameGroup {
    std::vector<int64_t> indices; // frame numbers, increasing
    std::vector<float> pixels;    // [n, 3, R, R]
};

class EncoderLanes {
public:
    using Clock = std::chrono::steady_clock;

    struct Plan {
        int lanes = 2;
        int groupSize = 8;  // frames in a group, but for the video's last ones
        int stride = 1;     // frame numbers between the frames the queue gives
        int64_t frames = 0; // frames in the video's index: an estimate, 0 when unknown
        bool shrinkLastGroups = true; // false: every group but the last is whole (groupSizeFrom)
    };

    struct Calls {
        // Up to `size` frames, the next ones in order; false when none is left. One lane
        // at a time calls it.
        std::function<bool(int size, FrameGroup& group)> take;
        // A group's [n, D] features, on its lane's thread.
        std::function<std::vector<float>(const FrameGroup& group)> encode;
        // Each group's features, in frame order, on the thread that called run().
        std::function<void(const std::vector<int64_t>& indices, const std::vector<float>& features,
                           Clock::time_point started)>
            deliver;
        // Before each group, on its lane: false stops the lanes (cancelled); may block (paused).
        std::function<bool()> proceed;
        // On a failure: whatever makes a blocked `take` return.
        std::function<void()> abort;
    };

    struct Times {
        double busySeconds = 0; // encoding, per lane, on average
        double waitSeconds = 0; // waiting for frames, per lane, on average
    };

    /// Starts a lane's thread; throws std::system_error when it cannot (tests replace it).
    using ThreadStarter = std::function<std::thread(std::function<void()> body)>;

    explicit EncoderLanes(const Plan& plan, ThreadStarter startThread = {});

    /// Until every frame is delivered, `proceed` says stop, or a call throws: then the
    /// first exception is rethrown once every lane has ended. Lanes whose thread cannot be
    /// started do not run; with none, one lane runs on this thread (its groups are
    /// delivered when it ends).
    Times run(const Calls& calls) const;

    /// The size of the group whose first frame is `next`: full groups until near the end
    /// of the index, then about a quarter of what is left per lane (a power of two, 2 at
    /// least), so that the lanes end together; always full groups when the plan says not to shrink.
    int groupSizeFrom(int64_t next) const;

private:
    Plan m_plan;
    ThreadStarter m_startThread;
};

} // namespace vigil
