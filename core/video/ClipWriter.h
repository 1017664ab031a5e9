// One clip of a video, frame-exact: by stream copy when the cut can be made without
// decoding (the first frame is a keyframe, frames come in display order, and the clip ends
// at the video's end or before a keyframe), otherwise re-encoded with libx264 so that it
// starts at the first frame asked for and ends at the last. The source's audio over the
// same span is copied when there is some. FFmpeg stays inside the video layer.
#pragma once

#include "video/FrameDecoder.h"

#include <cstdint>
#include <functional>
#include <string>

namespace vigil {

/// Plain value.
struct ClipRequest {
    std::string source, target;     // the target's extension picks the container (.mp4, .mkv, .mov)
    int64_t firstFrame = 0, lastFrame = 0; // both included
    bool allowStreamCopy = true;
    bool keepAudio = true;
    int quality = 18;               // libx264 CRF when re-encoding
    /// Re-encoding only: draws on each frame before it is encoded (an overlay); forces a
    /// re-encode when set.
    std::function<void(VideoFrame& frame)> draw;
    /// Rows added under the picture (black) for `draw` to fill, e.g. a score strip.
    int extraHeight = 0;
};

/// Plain value.
struct ClipResult {
    bool streamCopied = false;
    int64_t frames = 0;
    double startSeconds = 0, endSeconds = 0; // of the first frame and after the last, in the source
    bool audio = false;
    std::string method; // "stream copy" or "re-encoded (libx264, crf N)", with why
};

/// Reports frames done; returns false to cancel (vigil::Cancelled is thrown).
using ClipProgress = std::function<bool(int64_t done, int64_t total)>;

/// Any thread. Writes `target` atomically (a partial file is removed on any failure or a
/// cancel). Throws vigil::Error naming the file for a range outside the video, a codec or
/// container that cannot be written, or a full disk.
ClipResult writeClip(const ClipRequest& request, const ClipProgress& progress = {});

} // namespace vigil
