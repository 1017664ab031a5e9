// A seek proxy: the video again as intra-only MJPEG at a smaller size, one picture per
// source frame in the same order. Any frame of it decodes on its own in a millisecond or
// two, where the source may need hundreds of frames decoded from its keyframe: the player
// shows the proxy's picture of the right frame at once and the exact one when decoded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace vigil {

struct ProxyOptions {
    int maxWidth = 640;  // larger sources are scaled down, keeping the aspect ratio
    int quality = 4;     // MJPEG quantiser: 2 (best) to 31
};

/// Any thread (one call per thread). Writes the proxy of `source` to `target` (Matroska),
/// through a temporary file renamed at the end. `progress(done, total)` returning false
/// cancels: nothing is left at `target`. Returns false when cancelled; throws vigil::Error
/// naming the file when reading or writing fails.
bool buildProxy(const std::string& source, const std::string& target, const ProxyOptions& options,
                const std::function<bool(int64_t done, int64_t total)>& progress = {});

/// The source frame a proxy frame stands for: proxy frames carry it as their timestamp in
/// milliseconds (frame n at n ms), so a frame the source failed to decode leaves no shift.
inline int64_t proxySourceIndex(double proxyTimestampSeconds)
{
    return int64_t(proxyTimestampSeconds * 1000.0 + 0.5);
}

} // namespace vigil
