// Opening a video, decoding it in presentation order, seeking frame-accurately and
// reporting damage: every loop is bounded so broken input ends in a status, not a hang.
#include "FrameDecoder.h"

#include "DecodeReport.h"
#include "FfmpegErrorLog.h"
#include "FfmpegHandles.h"
#include "FrameIndex.h"
#include "RgbConverter.h"
#include "model/Error.h"

extern "C" {
#include <libavutil/display.h>
}

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace vigil {

namespace {

// Corrupt packets or read errors in a row before decoding gives up on the rest of the file:
// a damaged stretch is skipped, a file that is garbage from here on is not read forever.
constexpr int kMaxConsecutiveFailures = 64;
// Receive/send steps for one frame; a real decoder needs a few dozen packets at most.
constexpr int64_t kMaxStepsPerFrame = int64_t(1) << 20;
// Keyframes tried, each earlier than the last, before a seek falls back to the start.
constexpr int kMaxSeekAttempts = 4;
// A seek this close ahead decodes forward instead of going through the demuxer.
constexpr int64_t kForwardDecodeFrames = 16;
// Packets read after a demuxer seek while looking for the keyframe it landed on.
constexpr int kMaxPeekPackets = 1 << 16;
// A video this much shorter than its container declares was cut short, not trimmed by an
// edit list or padded by a longer audio track.
constexpr double kTruncationMinSeconds = 1.0;
constexpr double kTruncationFraction = 0.05;

std::string byteText(int64_t byteOffset)
{
    return byteOffset >= 0 ? " (byte " + std::to_string(byteOffset) + ")" : std::string();
}

// Clockwise degrees the display matrix asks for. The matrix stores a counter-clockwise
// angle, hence the minus, as in ffmpeg's own autorotation.
int rotationOf(const AVStream& stream)
{
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return 0;
    const double degrees = -av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    if (!std::isfinite(degrees))
        return 0;
    const int quarters = int(((std::lround(degrees / 90.0) % 4) + 4) % 4);
    return quarters * 90;
}

// The video's length as the container's header states it, or -1 when it states none
// (MPEG-TS, or a length FFmpeg estimated from the data itself).
double declaredSeconds(const AVFormatContext& format, const AVStream& stream)
{
    if (format.duration_estimation_method != AVFMT_DURATION_FROM_STREAM)
        return -1;
    if (stream.duration > 0 && stream.duration != AV_NOPTS_VALUE)
        return double(stream.duration) * av_q2d(stream.time_base);
    // Matroska has no per-track length field; muxers write this tag (HH:MM:SS.nnnnnnnnn).
    if (const AVDictionaryEntry* tag = av_dict_get(stream.metadata, "DURATION", nullptr, 0)) {
        int hours = 0, minutes = 0;
        double seconds = 0;
        if (std::sscanf(tag->value, "%d:%d:%lf", &hours, &minutes, &seconds) == 3)
            return hours * 3600.0 + minutes * 60.0 + seconds;
    }
    if (format.nb_streams == 1 && format.duration > 0)
        return double(format.duration) / AV_TIME_BASE;
    return -1;
}

std::string secondsText(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

std::string streamList(const AVFormatContext& format)
{
    std::string list;
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        const AVCodecParameters* parameters = format.streams[i]->codecpar;
        const char* type = av_get_media_type_string(parameters->codec_type);
        list += (list.empty() ? "" : ", ") + std::string(type ? type : "unknown") + " "
            + avcodec_get_name(parameters->codec_id);
    }
    return list.empty() ? "no streams" : "streams: " + list;
}

} // namespace

struct FrameDecoder::State {
    FfmpegErrorLog errorLog; // first member: outlives the contexts that report into it
    std::string path;
    Options options;
    ffmpeg::InputFormatPtr format;
    ffmpeg::CodecContextPtr decoder;
    ffmpeg::PacketPtr packet;
    ffmpeg::PacketPtr held;  // read while checking where a seek landed, to be sent first
    bool hasHeld = false;
    ffmpeg::FramePtr frame; // the decoder's latest output
    RgbConverter converter;
    int streamIndex = -1;
    FrameIndex index;
    VideoInfo info;
    DecodeReport report;

    bool demuxEnded = false;      // no more packets will be sent
    bool flushSent = false;       // the decoder was told the input ended
    bool decoderEnded = false;    // the decoder has returned every frame
    bool pending = false;         // `frame` holds a frame read() has not returned yet
    int64_t pendingIndex = -1;
    int64_t nextIndex = 0;        // the index the next decoded frame most likely has
    // While seeking: packets presented before this timestamp may skip decoding when no
    // other frame refers to them (AVDISCARD_NONREF), which cannot change any shown pixel.
    int64_t skipNonRefBefore = INT64_MIN;
    int64_t lastReturned = -1;
    int64_t furthestReturned = -1;
    int readFailures = 0;         // consecutive
    int decodeFailures = 0;       // consecutive
    std::string truncation;       // why the file looks cut short; empty when it does not

    void openInput();
    void openDecoder();
    void resetDecoding();
    void rewind();
    bool seekToKeyframe(int64_t frameIndex);
    void checkLog(const std::string& where);
    bool decodeNext();
    void readAndSend();
    bool advanceTo(int64_t target);
    void finish();
    int64_t frameOfPacket() const;
};

void FrameDecoder::State::openInput()
{
    format.reset();
    // Allocated here so that the log is attached while probing: FFmpeg's error code alone
    // ("Invalid data found") does not say what is wrong, its log does ("moov atom not found").
    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        throw std::bad_alloc();
    errorLog.attach(*raw);
    const int64_t errorsBefore = errorLog.count();
    const auto explain = [&](int ret) {
        const std::string logged = errorLog.count() > errorsBefore ? ": " + errorLog.last() : std::string();
        return ffmpeg::errorString(ret) + logged;
    };
    int ret = avformat_open_input(&raw, path.c_str(), nullptr, nullptr); // frees raw on failure
    if (ret < 0) {
        const std::string why = explain(ret);
        // An MP4 or MOV written to the end keeps its index there: a copy cut short has none.
        const std::string hint = why.find("moov atom not found") != std::string::npos
                                     ? "; if it is an MP4 or MOV file, it is probably cut short before its index"
                                     : "";
        throw Error(path + ": not a video file FFmpeg can read (" + why + ")" + hint);
    }
    format.reset(raw);
    ret = avformat_find_stream_info(raw, nullptr);
    if (ret < 0)
        throw Error(path + ": cannot read the streams of the file (" + explain(ret) + ")");
    if (streamIndex < 0) {
        streamIndex = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        // Cover art in audio files is a one-picture "video" stream: not a video.
        const auto isPicture = [&](int i) {
            return (raw->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0;
        };
        if (streamIndex >= 0 && isPicture(streamIndex))
            streamIndex = -1;
        for (unsigned i = 0; streamIndex < 0 && i < raw->nb_streams; ++i)
            if (raw->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !isPicture(int(i)))
                streamIndex = int(i);
        if (streamIndex < 0)
            throw Error(path + ": has no video stream (" + streamList(*raw) + ")");
    }
    // Other streams are never read: let the demuxer skip them.
    for (unsigned i = 0; i < raw->nb_streams; ++i)
        raw->streams[i]->discard = int(i) == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
}

void FrameDecoder::State::openDecoder()
{
    const AVCodecParameters* parameters = format->streams[streamIndex]->codecpar;
    const AVCodec* codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec)
        throw Error(path + ": no decoder for video codec " + avcodec_get_name(parameters->codec_id));
    decoder.reset(avcodec_alloc_context3(codec));
    packet.reset(av_packet_alloc());
    held.reset(av_packet_alloc());
    frame.reset(av_frame_alloc());
    if (!decoder || !packet || !held || !frame)
        throw std::bad_alloc();
    errorLog.attach(*decoder);
    int ret = avcodec_parameters_to_context(decoder.get(), parameters);
    if (ret < 0)
        throw Error(path + ": bad video stream parameters (" + ffmpeg::errorString(ret) + ")");
    decoder->pkt_timebase = format->streams[streamIndex]->time_base;
    decoder->thread_count = std::max(0, options.threads);
    decoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    ret = avcodec_open2(decoder.get(), codec, nullptr);
    if (ret < 0)
        throw Error(path + ": cannot open the " + codec->name + " decoder (" + ffmpeg::errorString(ret) + ")");
}

void FrameDecoder::State::resetDecoding()
{
    avcodec_flush_buffers(decoder.get());
    demuxEnded = flushSent = decoderEnded = pending = hasHeld = false;
    readFailures = decodeFailures = 0;
    report.clearStop();
}

// Back to the state right after opening. A seek to the first timestamp is not enough:
// MPEG-TS seeks by bisecting the file and can land a few packets late.
void FrameDecoder::State::rewind()
{
    resetDecoding();
    openInput();
    nextIndex = 0;
}

// Puts the demuxer on the keyframe `frameIndex`, or an earlier one, with an empty decoder.
// False when the demuxer cannot get there.
bool FrameDecoder::State::seekToKeyframe(int64_t frameIndex)
{
    const int64_t keyPts = index.pts(frameIndex);
    // Matroska seeks by presentation time, MP4, AVI and TS by decode time, which is earlier
    // with B-frames: the presentation time first, and if that lands on a later keyframe,
    // the decode time.
    for (const int64_t ts : {keyPts, index.seekTimestamp(frameIndex)}) {
        resetDecoding();
        int ret = av_seek_frame(format.get(), streamIndex, ts, AVSEEK_FLAG_BACKWARD);
        if (ret < 0)
            ret = avformat_seek_file(format.get(), streamIndex, INT64_MIN, ts, ts, 0);
        if (ret < 0)
            continue;
        // Packets before the first keyframe cannot be decoded: skip them.
        for (int n = 0; n < kMaxPeekPackets; ++n) {
            if (av_read_frame(format.get(), held.get()) < 0)
                break;
            if (held->stream_index != streamIndex || !(held->flags & AV_PKT_FLAG_KEY)) {
                av_packet_unref(held.get());
                continue;
            }
            const int64_t landed = held->pts != AV_NOPTS_VALUE ? index.find(held->pts, frameIndex) : -1;
            if (landed > frameIndex) {
                av_packet_unref(held.get());
                break;
            }
            hasHeld = true;
            nextIndex = landed >= 0 ? landed : frameIndex;
            return true;
        }
    }
    resetDecoding();
    return false;
}

void FrameDecoder::State::checkLog(const std::string& where)
{
    report.loggedErrors(errorLog.count(), where, errorLog.last());
}

int64_t FrameDecoder::State::frameOfPacket() const
{
    const int64_t found = packet->pts != AV_NOPTS_VALUE ? index.find(packet->pts, -1) : -1;
    return found >= 0 ? found : nextIndex;
}

void FrameDecoder::State::readAndSend()
{
    int ret = 0;
    if (hasHeld) {
        av_packet_move_ref(packet.get(), held.get());
        hasHeld = false;
    } else {
        ret = av_read_frame(format.get(), packet.get());
    }
    if (ret == AVERROR_EOF) {
        demuxEnded = true;
        return;
    }
    if (ret < 0) {
        const int64_t byteOffset = format->pb ? avio_tell(format->pb) : -1;
        const std::string where = "frame " + std::to_string(nextIndex) + byteText(byteOffset);
        report.damage("read error at " + where + ": " + ffmpeg::errorString(ret));
        if ((format->pb && avio_feof(format->pb)) || ++readFailures > kMaxConsecutiveFailures) {
            demuxEnded = true;
            report.stop("stopped at " + where + ": " + ffmpeg::errorString(ret));
        }
        return;
    }
    readFailures = 0;
    struct Unref {
        AVPacket* packet;
        ~Unref() { av_packet_unref(packet); }
    } unref{packet.get()};
    if (packet->stream_index != streamIndex)
        return;
    decoder->skip_frame = packet->pts != AV_NOPTS_VALUE && packet->pts < skipNonRefBefore ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
    ret = avcodec_send_packet(decoder.get(), packet.get());
    if (ret < 0 && ret != AVERROR_EOF) {
        const std::string where = "frame " + std::to_string(frameOfPacket()) + byteText(packet->pos);
        report.corruptPacket("packet of " + where + " rejected: " + ffmpeg::errorString(ret));
        if (++decodeFailures > kMaxConsecutiveFailures) {
            demuxEnded = true;
            report.stop("stopped at " + where + ": " + std::to_string(kMaxConsecutiveFailures)
                        + " packets in a row could not be decoded");
        }
    }
}

// Decodes the next frame into `frame` and finds its index; false when no frame is left.
bool FrameDecoder::State::decodeNext()
{
    pending = false;
    for (int64_t step = 0; step < kMaxStepsPerFrame && !decoderEnded; ++step) {
        const int ret = avcodec_receive_frame(decoder.get(), frame.get());
        if (ret == 0) {
            decodeFailures = 0;
            const int64_t ts = frame->best_effort_timestamp;
            int64_t found = ts != AV_NOPTS_VALUE ? index.find(ts, nextIndex) : -1;
            // A frame whose time is not in the index follows the one before it.
            if (found < 0)
                found = std::clamp<int64_t>(nextIndex, 0, index.size() - 1);
            if (frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT))
                report.concealedFrame(found);
            checkLog("near frame " + std::to_string(found));
            pendingIndex = found;
            nextIndex = found + 1;
            pending = true;
            return true;
        }
        if (ret == AVERROR_EOF) {
            decoderEnded = true;
            break;
        }
        if (ret != AVERROR(EAGAIN)) {
            // With frame threading a bad packet's error surfaces here, a few packets later.
            report.corruptPacket("frame " + std::to_string(nextIndex) + " could not be decoded: "
                                 + ffmpeg::errorString(ret));
            if (++decodeFailures > kMaxConsecutiveFailures && !demuxEnded) {
                demuxEnded = true;
                report.stop("stopped at frame " + std::to_string(nextIndex) + ": "
                            + std::to_string(kMaxConsecutiveFailures) + " frames in a row could not be decoded");
            }
            continue;
        }
        if (!demuxEnded) {
            readAndSend();
        } else if (!flushSent) {
            // Draining returns the frames a B-frame decoder still holds.
            avcodec_send_packet(decoder.get(), nullptr);
            flushSent = true;
        } else {
            decoderEnded = true; // drained yet not at its end: nothing more will come
        }
    }
    decoderEnded = true;
    checkLog("at the end");
    return false;
}

// Decodes forward, dropping frames, until a frame at or after `target` is pending.
bool FrameDecoder::State::advanceTo(int64_t target)
{
    for (int64_t guard = 0; guard <= index.size() + kMaxConsecutiveFailures; ++guard) {
        if (!pending && !decodeNext())
            return false;
        if (pendingIndex >= target)
            return true;
        pending = false;
    }
    return false;
}

void FrameDecoder::State::finish()
{
    const int64_t last = index.size() - 1;
    const bool missingFrames = furthestReturned < last;
    std::string why = "stopped after frame " + std::to_string(furthestReturned) + ": " + truncation;
    if (missingFrames)
        why = "decoding ended after frame " + std::to_string(furthestReturned) + ", before the file's last frame ("
              + std::to_string(last) + ")";
    report.finish(report.stoppedByError() || missingFrames || !truncation.empty(), why);
}

FrameDecoder::FrameDecoder(const std::string& path)
    : FrameDecoder(path, Options())
{
}

FrameDecoder::FrameDecoder(const std::string& path, const Options& options)
    : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.path = path;
    s.options = options;
    s.report = DecodeReport(path);
    // FFmpeg's own errors for these ("Invalid data found") would not say what is wrong.
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw Error(path + ": no such file");
    if (std::filesystem::is_directory(path, error))
        throw Error(path + ": is a folder, not a video file");
    const auto fileSize = std::filesystem::file_size(path, error);
    if (!error && fileSize == 0)
        throw Error(path + ": the file is empty");

    s.openInput();
    s.openDecoder();
    const AVStream& stream = *s.format->streams[s.streamIndex];
    VideoInfo& info = s.info;
    info.path = path;
    info.container = s.format->iformat->name;
    info.codec = avcodec_get_name(stream.codecpar->codec_id);
    info.rotationDegrees = rotationOf(stream);
    info.fileSizeBytes = error ? 0 : int64_t(fileSize);

    FrameIndex::ReadProblem problem;
    s.index = FrameIndex::build(*s.format, s.streamIndex, problem);
    if (s.index.empty())
        throw Error(path + ": the video stream has no frames"
                    + (problem.occurred ? " (" + problem.reason + byteText(problem.byteOffset) + ")" : std::string()));
    if (problem.occurred)
        s.report.damage("the file cannot be read after frame " + std::to_string(s.index.size() - 1)
                        + byteText(problem.byteOffset) + ": " + problem.reason);
    s.checkLog("reading the file");
    info.frameCount = s.index.size();
    info.durationSeconds = s.index.durationSeconds();
    info.frameRate = info.durationSeconds > 0 ? double(info.frameCount) / info.durationSeconds : 0;
    info.variableFrameRate = s.index.variableFrameRate();
    const double declared = declaredSeconds(*s.format, stream);
    if (declared > 0
        && info.durationSeconds < declared - std::max(kTruncationMinSeconds, kTruncationFraction * declared)) {
        s.truncation = "the video ends at " + secondsText(info.durationSeconds) + " but the file declares "
            + secondsText(declared) + ": it was cut short";
        s.report.damage(s.truncation);
    }
    // A transport stream declares no length, but it is made of fixed-size packets (188
    // bytes, or 192 and 204 with timecodes or error correction): a file that ends inside
    // one was cut short.
    if (s.truncation.empty() && info.container == "mpegts" && !error && fileSize % 188 != 0 && fileSize % 192 != 0
        && fileSize % 204 != 0) {
        s.truncation = "the file ends inside a transport-stream packet: it was cut short";
        s.report.damage(s.truncation);
    }

    s.rewind();
    // Decoding the first frame proves the stream decodes and gives its true size; read()
    // returns it.
    if (!s.decodeNext())
        throw Error(path + ": no frame of the video could be decoded"
                    + (s.report.firstDamage().empty() ? std::string() : " (" + s.report.firstDamage() + ")"));
    info.codedWidth = s.frame->width;
    info.codedHeight = s.frame->height;
    const bool swap = options.applyRotation && (info.rotationDegrees == 90 || info.rotationDegrees == 270);
    info.width = swap ? info.codedHeight : info.codedWidth;
    info.height = swap ? info.codedWidth : info.codedHeight;
}

FrameDecoder::~FrameDecoder() = default;

const VideoInfo& FrameDecoder::info() const
{
    return m_state->info;
}

double FrameDecoder::timestampOf(int64_t frameIndex) const
{
    const auto& seconds = m_state->index.seconds();
    return seconds[size_t(std::clamp<int64_t>(frameIndex, 0, int64_t(seconds.size()) - 1))];
}

int64_t FrameDecoder::frameAt(double seconds) const
{
    return m_state->index.frameAt(seconds);
}

const std::vector<double>& FrameDecoder::timestamps() const
{
    return m_state->index.seconds();
}

bool FrameDecoder::read(VideoFrame& frame)
{
    State& s = *m_state;
    if (!s.pending && !s.decodeNext()) {
        s.finish();
        return false;
    }
    s.pending = false;
    const int rotation = s.options.applyRotation ? s.info.rotationDegrees : 0;
    s.converter.convert(*s.frame, rotation, s.path, frame.rgb, frame.width, frame.height);
    frame.index = s.pendingIndex;
    frame.timestampSeconds = s.index.seconds()[size_t(s.pendingIndex)];
    // Damaged timestamps (an MP4's ctts, say) make the decoder's order disagree with the index.
    if (s.pendingIndex <= s.lastReturned)
        s.report.damage("frame " + std::to_string(s.pendingIndex) + " came after frame "
                        + std::to_string(s.lastReturned) + ": the file's timestamps are inconsistent");
    s.lastReturned = s.pendingIndex;
    s.furthestReturned = std::max(s.furthestReturned, s.pendingIndex);
    s.report.frameReturned();
    return true;
}

int64_t FrameDecoder::keyframeBefore(int64_t frameIndex) const
{
    const auto& keys = m_state->index.keyframes();
    const auto it = std::upper_bound(keys.begin(), keys.end(), frameIndex);
    return it == keys.begin() ? 0 : *(it - 1);
}

int64_t FrameDecoder::longestKeyframeGap() const
{
    const auto& keys = m_state->index.keyframes();
    int64_t longest = 0, previous = 0;
    for (const int64_t key : keys) {
        longest = std::max(longest, key - previous);
        previous = key;
    }
    return std::max(longest, m_state->index.size() - previous);
}

void FrameDecoder::seek(int64_t frameIndex)
{
    State& s = *m_state;
    if (frameIndex < 0 || frameIndex >= s.index.size())
        throw Error(s.path + ": cannot seek to frame " + std::to_string(frameIndex) + ", the video has "
                    + std::to_string(s.index.size()) + " frames");
    s.report.restart();
    s.lastReturned = s.furthestReturned = frameIndex - 1;
    // Frames before the target are decoded only as far as later frames need them.
    s.skipNonRefBefore = s.index.pts(frameIndex);
    struct Restore {
        int64_t& value;
        ~Restore() { value = INT64_MIN; }
    } restore{s.skipNonRefBefore};

    const auto& keys = s.index.keyframes();
    // The keyframe a decode of `frameIndex` can start from: the last one at or before it.
    int64_t key = int64_t(std::upper_bound(keys.begin(), keys.end(), frameIndex) - keys.begin()) - 1;
    const int64_t position = s.pending ? s.pendingIndex : s.nextIndex;
    const bool noKeyBetween = key >= 0 && keys[size_t(key)] <= position;
    if (!s.decoderEnded && frameIndex >= position
        && (frameIndex - position <= kForwardDecodeFrames || noKeyBetween)) {
        // Decoding on from here is what a decode from the start does.
        s.advanceTo(frameIndex);
        return;
    }
    for (int attempt = 0;; ++attempt, --key) {
        const bool fromStart = key < 0 || attempt >= kMaxSeekAttempts;
        if (fromStart)
            s.rewind();
        else if (!s.seekToKeyframe(keys[size_t(key)]))
            continue;
        if (!s.decodeNext()) {
            if (fromStart)
                return;
            continue;
        }
        // A frame after the target means this keyframe does not lead to it (the target is a
        // leading picture of an open GOP, or was lost): try an earlier one.
        if (s.pendingIndex <= frameIndex || fromStart) {
            s.advanceTo(frameIndex);
            return;
        }
    }
}

const DecodeStatus& FrameDecoder::status() const
{
    return m_state->report.status();
}

} // namespace vigil
