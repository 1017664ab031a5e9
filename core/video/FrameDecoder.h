// Decodes a video file into RGB frames with FFmpeg's libraries: metadata, an exact frame
// index <-> timestamp map (built by demuxing the whole file once, so variable frame rate
// files are exact), frame-accurate seeking, and damage reports instead of crashes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vigil {

/// Plain value; any thread.
struct VideoInfo {
    std::string path;
    std::string container;     // FFmpeg's demuxer name: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", ...
    std::string codec;         // "h264", "hevc", "mpeg4", "mjpeg", ...
    int codedWidth = 0;        // as stored, before rotation
    int codedHeight = 0;
    int width = 0;             // as displayed: after rotation when the decoder applies it
    int height = 0;
    int rotationDegrees = 0;   // clockwise rotation the file asks for on display: 0, 90, 180 or 270
    double frameRate = 0;      // average frames per second (frameCount / duration)
    bool variableFrameRate = false;
    int64_t frameCount = 0;    // frames in the index (what a full decode returns on an intact file)
    double durationSeconds = 0;
    int64_t fileSizeBytes = 0;
};

/// One decoded frame: tightly packed RGB24, rotation applied when the decoder was asked to.
struct VideoFrame {
    int64_t index = -1;            // 0-based, presentation order
    double timestampSeconds = 0;   // presentation time relative to the first frame (frame 0 is 0)
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb;      // width * height * 3 bytes
};

/// How far decoding got and why it stopped early, if it did.
struct DecodeStatus {
    bool damaged = false;          // some data could not be read or decoded
    bool stoppedEarly = false;     // the end of the frames was not reached
    int64_t framesDecoded = 0;     // frames returned by read() since open or the last seek
    int64_t corruptPackets = 0;    // packets the decoder rejected (skipped)
    std::string message;           // where and why, naming the file and the frame; empty when clean
};

/// Create, use and destroy on one thread; independent instances may run on different threads.
class FrameDecoder {
public:
    struct Options {
        bool applyRotation = true; // rotate frames by the file's display matrix
        int threads = 0;           // decoder threads; 0: FFmpeg's automatic choice
    };

    /// Opens the file and indexes its frames. Throws vigil::Error naming the file when it
    /// cannot be opened, is not a video, has no video stream or no decodable frame.
    explicit FrameDecoder(const std::string& path);
    FrameDecoder(const std::string& path, const Options& options);
    ~FrameDecoder();
    FrameDecoder(const FrameDecoder&) = delete;
    FrameDecoder& operator=(const FrameDecoder&) = delete;

    const VideoInfo& info() const;
    /// Presentation timestamp of a frame in seconds (frame 0 is 0); index in [0, frameCount).
    double timestampOf(int64_t frameIndex) const;
    /// The frame shown at `seconds`: the last frame whose timestamp is <= seconds (clamped).
    int64_t frameAt(double seconds) const;
    /// All timestamps, one per frame, increasing.
    const std::vector<double>& timestamps() const;
    /// The keyframe a seek to `frameIndex` decodes from (0 when none is before it).
    int64_t keyframeBefore(int64_t frameIndex) const;
    /// The most frames between two keyframes (or from the last to the end): what the
    /// slowest seek decodes.
    int64_t longestKeyframeGap() const;

    /// Decodes the next frame in presentation order. Returns false at the end of the
    /// video or when decoding cannot go on; status() tells which.
    bool read(VideoFrame& frame);
    /// Positions the decoder so that the next read() returns frame `frameIndex` with the
    /// same pixels as a decode from the start (seek to the keyframe before, decode forward).
    /// Throws vigil::Error when the index is out of range.
    void seek(int64_t frameIndex);
    const DecodeStatus& status() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace vigil
