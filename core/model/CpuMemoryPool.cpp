// c10's allocator interface only (no ATen), so this file compiles quickly.
#include "model/CpuMemoryPool.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vigil {

namespace {

constexpr size_t kPooledFrom = size_t(1) << 20;
// Sizes are rounded up to 64 KiB, so that batches of slightly different shapes (the last
// batch of a video) still find blocks; a block is reused for a request at most 1/8 smaller.
constexpr size_t kGranule = size_t(64) << 10;
constexpr size_t kFreeLimit = size_t(512) << 20;

// c10::Allocator changed between LibTorch 1.13 and 2.x: allocate() lost its const (2.3) and
// copy_data() became pure virtual (2.2). Both forms are declared without `override`, so the
// one the base class has is overridden and the other is a plain member, whatever the version.
class PoolAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(size_t bytes) { return allocateBlock(bytes); }
    c10::DataPtr allocate(size_t bytes) const { return allocateBlock(bytes); }
    void copy_data(void* dest, const void* src, std::size_t count) const { std::memcpy(dest, src, count); }

    c10::DeleterFnPtr raw_deleter() const override { return &release; }

private:
    c10::DataPtr allocateBlock(size_t bytes) const
    {
        if (bytes < kPooledFrom) {
            void* data = c10::alloc_cpu(bytes);
            return {data, data, &c10::free_cpu, c10::Device(c10::DeviceType::CPU)};
        }
        const size_t size = (bytes + kGranule - 1) / kGranule * kGranule;
        void* data = nullptr;
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_bySize.lower_bound(size);
            if (it != m_bySize.end() && it->first - size <= it->first / 8) {
                data = it->second->data;
                m_blockSize[data] = it->first;
                m_cachedBytes -= it->first;
                m_recent.erase(it->second);
                m_bySize.erase(it);
                ++m_hits;
            } else {
                ++m_misses;
            }
        }
        if (!data) {
            data = c10::alloc_cpu(size); // throws c10::Error when out of memory
            std::lock_guard lock(m_mutex);
            m_blockSize[data] = size;
        }
        // The context is the data pointer itself, as raw_allocate() requires.
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

public:
    void trim()
    {
        std::vector<void*> blocks;
        {
            std::lock_guard lock(m_mutex);
            for (const FreeBlock& block : m_recent)
                blocks.push_back(block.data);
            m_recent.clear();
            m_bySize.clear();
            m_cachedBytes = 0;
        }
        for (void* data : blocks)
            c10::free_cpu(data);
    }

    CpuMemoryPoolStats stats() const
    {
        std::lock_guard lock(m_mutex);
        return {m_hits, m_misses, m_cachedBytes, kFreeLimit};
    }

    static PoolAllocator& instance()
    {
        // Never destroyed: tensors may outlive static destruction.
        static PoolAllocator* pool = new PoolAllocator();
        return *pool;
    }

private:
    struct FreeBlock {
        void* data;
        size_t size;
    };
    using Recent = std::list<FreeBlock>;

    static void release(void* data) { instance().give(data); }

    // A freed block joins the pool as the most recent; the least recently freed leave it
    // when the pool holds more than its limit, so blocks of sizes no longer asked for do
    // not keep the ones in use out.
    void give(void* data)
    {
        if (!data)
            return;
        std::vector<void*> evicted;
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_blockSize.find(data);
            if (it == m_blockSize.end()) {
                evicted.push_back(data); // a small block from raw_allocate()
            } else {
                const size_t size = it->second;
                m_blockSize.erase(it);
                m_recent.push_front({data, size});
                m_bySize.emplace(size, m_recent.begin());
                m_cachedBytes += size;
                while (m_cachedBytes > kFreeLimit) {
                    const FreeBlock oldest = m_recent.back();
                    auto range = m_bySize.equal_range(oldest.size);
                    for (auto i = range.first; i != range.second; ++i)
                        if (i->second == std::prev(m_recent.end())) {
                            m_bySize.erase(i);
                            break;
                        }
                    m_recent.pop_back();
                    m_cachedBytes -= oldest.size;
                    evicted.push_back(oldest.data);
                }
            }
        }
        for (void* block : evicted)
            c10::free_cpu(block);
    }

    mutable std::mutex m_mutex;
    mutable Recent m_recent;                                 // free blocks, most recently freed first
    mutable std::multimap<size_t, Recent::iterator> m_bySize; // the same blocks by size
    mutable std::unordered_map<void*, size_t> m_blockSize;    // blocks handed out
    mutable size_t m_cachedBytes = 0;
    mutable uint64_t m_hits = 0, m_misses = 0;
};

} // namespace

void installCpuMemoryPool()
{
    static std::once_flag once;
    std::call_once(once, [] { c10::SetCPUAllocator(&PoolAllocator::instance(), 1); });
}

void trimCpuMemoryPool() { PoolAllocator::instance().trim(); }

CpuMemoryPoolStats cpuMemoryPoolStats() { return PoolAllocator::instance().stats(); }

} // namespace vigil
