// Cancellation and pause for long calls: a token the owner sets by direct call from any
// thread and the worker polls in its loops (never a queued call, which would wait behind
// the very work it should stop).
#pragma once

#include <condition_variable>
#include <mutex>

namespace vigil {

/// Any thread.
class JobControl {
public:
    void cancel();
    /// Clears a cancellation so the token can serve the next job.
    void reset();
    bool isCancelled() const;

    void setPaused(bool paused);
    bool isPaused() const;

    /// Called by the worker between units of work: blocks while paused and returns false
    /// once cancelled (also when cancelled while paused).
    bool proceed();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_cancelled = false;
    bool m_paused = false;
};

} // namespace vigil
