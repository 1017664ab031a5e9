// The video stream's frames in presentation order, from one demux pass over the whole file
// (packets only, no decoding): exact timestamps for variable frame rate files, the frame
// count a full decode returns, and the keyframes a seek can start from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct AVFormatContext;

namespace vigil {

/// Plain value; built and used on the thread that owns the demuxer.
class FrameIndex {
public:
    /// Where and why the demux pass ended before a clean end of file.
    struct ReadProblem {
        bool occurred = false;
        int64_t byteOffset = -1; // -1 when unknown
        std::string reason;
    };

    /// Reads every packet of stream `streamIndex` to the end of the file; the demuxer is left
    /// there. Read errors are bounded and reported in `problem`, never thrown.
    static FrameIndex build(AVFormatContext& format, int streamIndex, ReadProblem& problem);

    int64_t size() const { return int64_t(m_pts.size()); }
    bool empty() const { return m_pts.empty(); }
    /// Presentation timestamp in the stream's time base.
    int64_t pts(int64_t frameIndex) const { return m_pts[size_t(frameIndex)]; }
    /// The timestamp to give av_seek_frame to land on this frame's packet: its decode
    /// timestamp where the container has one (MP4, AVI and TS indexes and searches use
    /// them), else its presentation timestamp (Matroska cues).
    int64_t seekTimestamp(int64_t frameIndex) const { return m_seekTs[size_t(frameIndex)]; }
    /// Seconds from frame 0, one per frame, non-decreasing.
    const std::vector<double>& seconds() const { return m_seconds; }
    /// The frame with presentation timestamp `pts`, trying `hint` first so that duplicate
    /// timestamps map to consecutive frames; -1 when no frame has it.
    int64_t find(int64_t pts, int64_t hint) const;
    /// The frame shown at `seconds`: the last one whose time is <= seconds, clamped.
    int64_t frameAt(double seconds) const;
    /// Indices of the frames whose packets are flagged as keyframes, increasing.
    const std::vector<int64_t>& keyframes() const { return m_keyframes; }
    double durationSeconds() const { return m_durationSeconds; }
    bool variableFrameRate() const { return m_variableFrameRate; }

private:
    std::vector<int64_t> m_pts;
    std::vector<int64_t> m_seekTs;
    std::vector<double> m_seconds;
    std::vector<int64_t> m_keyframes;
    double m_durationSeconds = 0;
    bool m_variableFrameRate = false;
};

} // namespace vigil
