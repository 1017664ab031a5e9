// Test media made with FFmpeg's own encoders and muxers: frames whose pixels carry their
// frame number, in any container and codec the system has, with chosen timestamps and
// display rotation, plus an audio-only file. Tests only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::test {

/// Any thread. What to write. Timestamps are in ticks of 1/timeBaseDen seconds.
struct SyntheticSpec {
    std::string container = "matroska"; // muxer name: matroska, mp4, mov, avi, mpegts
    std::string encoder = "mpeg4";      // libx264, libx265, mpeg4, mjpeg, ...
    std::string pixelFormat = "yuv420p";
    int width = 160;
    int height = 120;
    int frames = 30;
    int timeBaseDen = 30;            // with the default pts: one tick per frame
    std::vector<int64_t> pts;        // one per frame; empty: 0, 1, 2, ...
    int gopSize = 12;
    int maxBFrames = 0;
    int rotationDegrees = 0;         // clockwise display rotation stored as a display matrix
    bool fastStart = false;          // MP4/MOV: index (moov) before the data
    bool audio = false;              // also an AAC sine tone as long as the video
};

/// H.264 in MP4 at 320x240 with keyframes `gopSize` frames apart: what the seek proxy is
/// for, at a size that encodes in a moment.
SyntheticSpec longGopH264(int frames, int gopSize);

/// True when this FFmpeg build has an encoder by that name.
bool hasEncoder(const std::string& name);

/// Writes `spec` to `path`. Returns an empty string, or why it could not.
std::string writeSyntheticVideo(const std::string& path, const SyntheticSpec& spec);

/// Writes one second of a sine tone (AAC in MP4 when available, else PCM in WAV).
std::string writeAudioOnly(const std::string& path);

/// The frame-number code painted into every frame: 10 bits as 16x16 blocks along the top
/// edge (so frames are at least 160 wide), then a 32x32 red marker at the top left below.
constexpr int kCodeBits = 10;
constexpr int kCodeBlock = 16;

/// The frame number painted into an unrotated RGB24 frame; -1 when unreadable.
int readFrameNumber(const std::vector<uint8_t>& rgb, int width, int height);

} // namespace vigil::test
