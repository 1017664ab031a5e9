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
    /// Cancels (the partial file is removed) and waits for the thread.
    ~ProxyJob();
    ProxyJob(const ProxyJob&) = delete;
    ProxyJob& operator=(const ProxyJob&) = delete;

private:
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
};

} // namespace vigil
