// Building the presentation-order frame table from the demuxer's packets.
#include "FrameIndex.h"

#include "FfmpegHandles.h"

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

// A demuxer that keeps failing without reaching the end is stuck: give up rather than hang.
constexpr int kMaxConsecutiveReadErrors = 16;
// No real video has this many packets; the bound only guarantees the loop ends.
constexpr int64_t kMaxPackets = int64_t(1) << 28;
// Far below any frame interval, far above double rounding of a timestamp.
constexpr double kTimeToleranceSeconds = 1e-6;

struct Entry {
    int64_t pts;
    int64_t seekTs;
    int64_t duration;
    bool key;
};

} // namespace

FrameIndex FrameIndex::build(AVFormatContext& format, int streamIndex, ReadProblem& problem)
{
    const AVStream* stream = format.streams[streamIndex];
    ffmpeg::PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();

    std::vector<Entry> entries;
    int64_t lastTs = AV_NOPTS_VALUE;
    int consecutiveErrors = 0;
    for (int64_t n = 0; n < kMaxPackets; ++n) {
        const int ret = av_read_frame(&format, packet.get());
        if (ret == AVERROR_EOF)
            break;
        if (ret < 0) {
            problem.occurred = true;
            problem.byteOffset = format.pb ? avio_tell(format.pb) : -1;
            problem.reason = ffmpeg::errorString(ret);
            if ((format.pb && avio_feof(format.pb)) || ++consecutiveErrors > kMaxConsecutiveReadErrors)
                break;
            continue;
        }
        consecutiveErrors = 0;
        // Discard-flagged packets (before an MP4 edit list's start) are decoded for reference
        // only: the decoder never returns their frames, so they are not frames of the video.
        if (packet->stream_index == streamIndex && !(packet->flags & AV_PKT_FLAG_DISCARD)) {
            int64_t ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (ts == AV_NOPTS_VALUE)
                ts = lastTs == AV_NOPTS_VALUE ? 0 : lastTs + std::max<int64_t>(packet->duration, 1);
            const int64_t seekTs = packet->dts != AV_NOPTS_VALUE ? packet->dts : ts;
            entries.push_back({ts, seekTs, packet->duration, (packet->flags & AV_PKT_FLAG_KEY) != 0});
            lastTs = ts;
        }
        av_packet_unref(packet.get());
    }
    if (format.pb && format.pb->error < 0 && format.pb->error != AVERROR_EOF && !problem.occurred) {
        problem.occurred = true;
        problem.byteOffset = avio_tell(format.pb);
        problem.reason = ffmpeg::errorString(format.pb->error);
    }

    // Decode order to presentation order; stable so equal timestamps keep their order.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.pts < b.pts; });

    FrameIndex index;
    if (entries.empty())
        return index;
    const double timeBase = av_q2d(stream->time_base);
    const int64_t firstPts = entries.front().pts;
    index.m_pts.reserve(entries.size());
    index.m_seekTs.reserve(entries.size());
    index.m_seconds.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        index.m_pts.push_back(entries[i].pts);
        index.m_seekTs.push_back(entries[i].seekTs);
        // One rounding (the division) rather than two, so 40 ticks of 1/1000 is exactly 0.04.
        index.m_seconds.push_back(double(entries[i].pts - firstPts) * double(stream->time_base.num)
                                  / double(stream->time_base.den));
        if (entries[i].key)
            index.m_keyframes.push_back(int64_t(i));
    }

    int64_t minStep = INT64_MAX;
    int64_t maxStep = 0;
    for (size_t i = 1; i < entries.size(); ++i) {
        const int64_t step = entries[i].pts - entries[i - 1].pts;
        minStep = std::min(minStep, step);
        maxStep = std::max(maxStep, step);
    }
    const int64_t span = entries.back().pts - firstPts;
    const size_t steps = entries.size() - 1;
    // Millisecond time bases (Matroska) store 30 fps as steps of 33 and 34: not variable.
    if (steps > 0)
        index.m_variableFrameRate = double(maxStep - minStep) > std::max(2.0, 0.1 * double(span) / double(steps));

    // The last frame lasts its packet's duration; without one, the average step or the
    // stream's nominal rate.
    double lastSeconds = double(entries.back().duration) * timeBase;
    if (lastSeconds <= 0 && steps > 0)
        lastSeconds = double(span) * timeBase / double(steps);
    if (lastSeconds <= 0 && stream->avg_frame_rate.num > 0 && stream->avg_frame_rate.den > 0)
        lastSeconds = av_q2d(av_inv_q(stream->avg_frame_rate));
    index.m_durationSeconds = double(span) * timeBase + std::max(0.0, lastSeconds);
    return index;
}

int64_t FrameIndex::find(int64_t pts, int64_t hint) const
{
    if (hint >= 0 && hint < size() && m_pts[size_t(hint)] == pts)
        return hint;
    const auto it = std::lower_bound(m_pts.begin(), m_pts.end(), pts);
    if (it == m_pts.end() || *it != pts)
        return -1;
    return int64_t(it - m_pts.begin());
}

int64_t FrameIndex::frameAt(double seconds) const
{
    if (m_seconds.empty())
        return 0;
    // Times a caller computed (0.1 for frame 3 at 30 fps) may round below the stored value.
    const auto it = std::upper_bound(m_seconds.begin(), m_seconds.end(), seconds + kTimeToleranceSeconds);
    if (it == m_seconds.begin())
        return 0;
    return int64_t(it - m_seconds.begin()) - 1;
}

} // namespace vigil
