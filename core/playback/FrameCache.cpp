#include "playback/FrameCache.h"

#include <algorithm>

namespace vigil {

namespace {

size_t bytesOf(const FrameImage& frame)
{
    return frame.rgb ? frame.rgb->size() : 0;
}

} // namespace

FrameCache::FrameCache(size_t budgetBytes)
    : m_budget(budgetBytes)
{
}

void FrameCache::setBudget(size_t bytes)
{
    m_budget = bytes;
    evictTo(m_budget);
}

int64_t FrameCache::capacityFor(int width, int height) const
{
    const size_t frameBytes = size_t(std::max(1, width)) * size_t(std::max(1, height)) * 3;
    return std::max<int64_t>(1, int64_t(m_budget / frameBytes));
}

void FrameCache::insert(const FrameImage& frame)
{
    if (frame.isNull() || bytesOf(frame) > m_budget)
        return;
    if (auto it = m_where.find(frame.index); it != m_where.end()) {
        m_bytes -= bytesOf(*it->second);
        m_order.erase(it->second);
        m_where.erase(it);
    }
    evictTo(m_budget - bytesOf(frame));
    m_order.push_front(frame);
    m_where[frame.index] = m_order.begin();
    m_bytes += bytesOf(frame);
}

std::optional<FrameImage> FrameCache::take(int64_t index)
{
    const auto it = m_where.find(index);
    if (it == m_where.end())
        return std::nullopt;
    m_order.splice(m_order.begin(), m_order, it->second);
    return *it->second;
}

void FrameCache::clear()
{
    m_order.clear();
    m_where.clear();
    m_bytes = 0;
}

void FrameCache::evictTo(size_t bytes)
{
    while (m_bytes > bytes && !m_order.empty()) {
        m_bytes -= bytesOf(m_order.back());
        m_where.erase(m_order.back().index);
        m_order.pop_back();
    }
}

} // namespace vigil
