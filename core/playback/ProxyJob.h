// Builds a seek proxy (see video/ProxyBuilder.h) on a thread of its own, at low priority:
// it only makes later seeks faster, so it yields to scoring and playback.
#pragma once

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace vigil {

/// Create and destroy on one thread; the callbacks run on the job's thread.
class ProxyJob {
public:
    using Progress = std::function<void(int64_t done, int64_t total)>;
    /// ok false with an empty error: cancelled.
    using Done = std::function<void(bool ok, const QString& error)>;

    ProxyJob(const QString& source, const QString& target, Progress progress, Done done);
    /// Asks the job to stop soon (the partial file is removed); does not wait.
    void cancel() { m_cancel.store(true); }
    /// The thread has done its work (destroying the job then waits for nothing).
    bool finished() const { return m_finished.load(); }
    /// Cancels and waits for the thread.
    ~ProxyJob();
    ProxyJob(const ProxyJob&) = delete;
    ProxyJob& operator=(const ProxyJob&) = delete;

private:
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

} // namespace vigil
