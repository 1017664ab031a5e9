// A blocking queue of fixed capacity between two pipeline threads: the producer waits
// when the consumer is behind, so memory stays bounded whatever the video length.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace vigil {

/// Any thread; one producer and one consumer per queue.
template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity)
        : m_capacity(capacity)
    {
    }

    /// Blocks while full. Returns false (dropping the item) once the queue is aborted.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_aborted || m_items.size() < m_capacity; });
        if (m_aborted)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    /// Blocks while empty. Returns nothing at the end (closed and drained) or when aborted.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return m_aborted || m_closed || !m_items.empty(); });
        if (m_aborted || m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    /// The producer is done: pop() returns what is left, then nothing.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }

    /// Stop both sides now (an error or a cancellation).
    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_items.clear();
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<T> m_items;
    size_t m_capacity;
    bool m_closed = false;
    bool m_aborted = false;
};

} // namespace vigil
