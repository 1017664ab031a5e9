// Recently decoded frames kept by index, so that stepping back, playing backwards and
// returning to a frame already seen cost no decoding. A long-GOP file otherwise decodes
// from its keyframe again for every backward step (hundreds of frames at 1080p).
#pragma once

#include "playback/FrameImage.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <unordered_map>

namespace vigil {

/// Least-recently-used frames under a byte budget. One thread.
class FrameCache {
public:
    explicit FrameCache(size_t budgetBytes = size_t(384) << 20);

    void setBudget(size_t bytes);
    size_t budget() const { return m_budget; }
    /// Frames of this size that fit the budget (at least 1).
    int64_t capacityFor(int width, int height) const;

    void insert(const FrameImage& frame);
    /// The frame, marked as most recently used; empty when not held.
    std::optional<FrameImage> take(int64_t index);
    bool contains(int64_t index) const { return m_where.count(index) != 0; }
    void clear();

    size_t bytes() const { return m_bytes; }
    size_t size() const { return m_where.size(); }

private:
    void evictTo(size_t bytes);

    size_t m_budget;
    size_t m_bytes = 0;
    std::list<FrameImage> m_order; // most recently used first
    std::unordered_map<int64_t, std::list<FrameImage>::iterator> m_where;
};

} // namespace vigil
