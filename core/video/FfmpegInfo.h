// What the FFmpeg libraries loaded at run time are, and whether they can decode a file:
// for the About box, the log's header and the system check.
#pragma once

#include <string>

namespace vigil {

/// "FFmpeg 5.1.6 (libavformat 59.27.100, libavcodec 59.37.100, libswscale 6.7.100)".
std::string ffmpegVersions();

/// The video codec a file's best video stream uses, and whether this FFmpeg decodes it.
struct CodecSupport {
    std::string codec;    // "h264", "hevc"...; empty when the file could not be probed
    bool decoder = false; // a decoder for it is built in
    std::string error;    // why the probe failed; empty when it did not
};

/// Reads the file's header only (no frame index): milliseconds per file. Any thread.
CodecSupport probeVideoCodec(const std::string& path);

} // namespace vigil
