// Cancellation and pause token.
#include "scoring/JobControl.h"

namespace vigil {

void JobControl::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
}

void JobControl::reset()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = false;
}

bool JobControl::isCancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void JobControl::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = paused;
    }
    m_changed.notify_all();
}

bool JobControl::isPaused() const
{
    std::lock_guard lock(m_mutex);
    return m_paused;
}

bool JobControl::proceed()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_cancelled || !m_paused; });
    return !m_cancelled;
}

} // namespace vigil
