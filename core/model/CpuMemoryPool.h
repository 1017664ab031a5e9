// A pool for LibTorch's large CPU buffers. Without it every batch of the image encoder
// asks the kernel for fresh pages: glibc serves large blocks with mmap and gives them back
// on free, so each of the encoder's activations (tens of MB at batch 16) page-faulted and
// was zeroed again, batch after batch: 0.7 to 5 million page faults and 8 to 20 s of system
// time for 160 frames of ViT-B/16.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vigil {

struct CpuMemoryPoolStats {
    uint64_t hits = 0;     // large allocations served from the pool
    uint64_t misses = 0;   // large allocations that went to the system
    size_t cachedBytes = 0; // free blocks held now
    size_t limitBytes = 0;
};

/// Makes the pool LibTorch's CPU allocator, once per process (any thread). Blocks of 1 MiB
/// and more are kept when freed, up to a limit of free bytes (512 MiB), and reused for
/// requests of the same size class; smaller ones go to malloc as before.
void installCpuMemoryPool();
/// Gives the free blocks back to the system (a worker going idle).
void trimCpuMemoryPool();
CpuMemoryPoolStats cpuMemoryPoolStats();

} // namespace vigil
