// Clip writing: a packet copy between two timestamps when that is frame-exact, otherwise a
// decode (FrameDecoder's exact seek) and a libx264 encode of the frames asked for.
#include "video/ClipWriter.h"

#include "FfmpegHandles.h"
#include "model/Error.h"
#include "model/NpyArray.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace vigil {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error)
{
    throw Error(path + ": " + what + " (" + ffmpeg::errorString(error) + ")");
}

struct RemovePartial {
    std::string path;
    bool keep = false;
    ~RemovePartial()
    {
        if (!keep)
            std::remove(path.c_str());
    }
};

const char* muxerFor(const std::string& target)
{
    const std::string ext = std::filesystem::path(target).extension().string();
    if (ext == ".mkv")
        return "matroska";
    if (ext == ".mov")
        return "mov";
    return "mp4";
}

ffmpeg::OutputFormatPtr openMuxer(const std::string& target, const std::string& partial)
{
    AVFormatContext* raw = nullptr;
    const int ret = avformat_alloc_output_context2(&raw, nullptr, muxerFor(target), partial.c_str());
    if (ret < 0 || !raw)
        fail(target, "no muxer for this file type", ret);
    return ffmpeg::OutputFormatPtr(raw);
}

void finish(AVFormatContext* muxer, const std::string& partial, const std::string& target, RemovePartial& cleanup)
{
    int ret = av_write_trailer(muxer);
    if (ret < 0)
        fail(target, "cannot finish the clip (is the disk full?)", ret);
    std::error_code error;
    std::filesystem::rename(partial, target, error);
    if (error)
        throw Error(target + ": cannot rename the finished clip (" + error.message() + ")");
    cleanup.keep = true;
}

struct Input {
    ffmpeg::InputFormatPtr demuxer;
    int video = -1, audio = -1;
};

Input openInput(const std::string& source)
{
    Input in;
    AVFormatContext* raw = nullptr;
    int ret = avformat_open_input(&raw, source.c_str(), nullptr, nullptr);
    if (ret < 0)
        fail(source, "cannot open", ret);
    in.demuxer.reset(raw);
    if ((ret = avformat_find_stream_info(raw, nullptr)) < 0)
        fail(source, "cannot read the streams", ret);
    in.video = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    in.audio = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, in.video, nullptr, 0);
    if (in.video < 0)
        throw Error(source + ": no video stream");
    return in;
}

double streamSeconds(const AVStream* s, int64_t ts, int64_t origin)
{
    return double(ts - origin) * av_q2d(s->time_base);
}

struct AudioCopy {
    AVStream* in = nullptr;
    AVStream* out = nullptr;
};

} // namespace

namespace {

double meanDifference(const VideoFrame& a, const VideoFrame& b)
{
    if (a.rgb.size() != b.rgb.size() || a.rgb.empty())
        return 1e9;
    double sum = 0;
    for (size_t i = 0; i < a.rgb.size(); ++i)
        sum += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
    return sum / double(a.rgb.size());
}

ClipResult writeOnce(const ClipRequest& request, const ClipProgress& progress, bool mayCopy, FrameDecoder& decoder);

// A stream copy of a stream that reorders frames is frame-exact only when no picture of
// the span leans on one outside it: decoded again, the clip must hold the span's frames,
// its first and last equal to the source's.
bool copyIsExact(const ClipRequest& request, FrameDecoder& source, const ClipResult& result)
{
    try {
        FrameDecoder clip(request.target);
        if (clip.info().frameCount != result.frames)
            return false;
        VideoFrame a, b;
        for (const auto& [inClip, inSource] : {std::pair<int64_t, int64_t>{0, request.firstFrame},
                                               std::pair<int64_t, int64_t>{result.frames - 1, request.lastFrame}}) {
            clip.seek(inClip);
            source.seek(inSource);
            if (!clip.read(a) || !source.read(b) || meanDifference(a, b) != 0)
                return false;
        }
        return true;
    } catch (const Error&) {
        return false;
    }
}

} // namespace

ClipResult writeClip(const ClipRequest& request, const ClipProgress& progress)
{
    // One index of the source (demuxing the whole file) serves the write, the check and a fallback.
    FrameDecoder source(request.source);
    ClipResult result = writeOnce(request, progress, true, source);
    if (!result.streamCopied)
        return result;
    if (copyIsExact(request, source, result))
        return result;
    std::remove(request.target.c_str());
    result = writeOnce(request, progress, false, source);
    result.method += ": a stream copy was not frame-exact (frames lean on others outside the cut)";
    return result;
}

namespace {

ClipResult writeOnce(const ClipRequest& request, const ClipProgress& progress, bool mayCopy, FrameDecoder& decoder)
{
    const VideoInfo& info = decoder.info();
    if (request.firstFrame < 0 || request.lastFrame < request.firstFrame || request.lastFrame >= info.frameCount)
        throw Error(request.target + ": frames " + std::to_string(request.firstFrame) + "-" + std::to_string(request.lastFrame) +
                    " are not all in " + request.source + " (" + std::to_string(info.frameCount) + " frames)");
    ClipResult result;
    result.frames = request.lastFrame - request.firstFrame + 1;
    const double frameSeconds = info.frameRate > 0 ? 1.0 / info.frameRate : 1.0 / 25;
    result.startSeconds = decoder.timestampOf(request.firstFrame);
    result.endSeconds = request.lastFrame + 1 < info.frameCount ? decoder.timestampOf(request.lastFrame + 1)
                                                                : decoder.timestampOf(request.lastFrame) + frameSeconds;

    Input input = openInput(request.source);
    AVStream* videoIn = input.demuxer->streams[input.video];
    // Frame-exact without decoding: starts on a keyframe, no reordering (packets come in
    // display order), and ends where the next frame is a keyframe or the video ends.
    const bool startsOnKey = decoder.keyframeBefore(request.firstFrame) == request.firstFrame;
    const bool endsClean = request.lastFrame + 1 == info.frameCount || decoder.keyframeBefore(request.lastFrame + 1) == request.lastFrame + 1;
    const bool copy = mayCopy && request.allowStreamCopy && !request.draw && request.extraHeight == 0 && startsOnKey && endsClean;

    const std::string partial = temporaryPathFor(request.target);
    RemovePartial cleanup{partial};
    ffmpeg::OutputFormatPtr muxer = openMuxer(request.target, partial);
    AudioCopy audio;
    if (request.keepAudio && input.audio >= 0) {
        audio.in = input.demuxer->streams[input.audio];
        audio.out = avformat_new_stream(muxer.get(), nullptr);
        if (!audio.out)
            throw std::bad_alloc();
        avcodec_parameters_copy(audio.out->codecpar, audio.in->codecpar);
        audio.out->codecpar->codec_tag = 0;
        audio.out->time_base = audio.in->time_base;
        result.audio = true;
    }
    AVStream* videoOut = avformat_new_stream(muxer.get(), nullptr);
    if (!videoOut)
        throw std::bad_alloc();
    int ret = 0;
    ffmpeg::CodecContextPtr encoder;
    ffmpeg::SwsContextPtr scaler;
    if (copy) {
        avcodec_parameters_copy(videoOut->codecpar, videoIn->codecpar);
        videoOut->codecpar->codec_tag = 0;
        videoOut->time_base = videoIn->time_base;
        result.streamCopied = true;
        result.method = "stream copy (the cut falls on keyframes)";
    } else {
        const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
        if (!codec)
            throw Error(request.target + ": this FFmpeg has no libx264 encoder to cut between keyframes");
        encoder.reset(avcodec_alloc_context3(codec));
        if (!encoder)
            throw std::bad_alloc();
        encoder->width = info.width / 2 * 2;
        encoder->height = (info.height + std::max(0, request.extraHeight)) / 2 * 2;
        encoder->pix_fmt = AV_PIX_FMT_YUV420P;
        encoder->time_base = AVRational{1, 1000};
        encoder->framerate = av_d2q(info.frameRate > 0 ? info.frameRate : 25, 100000);
        encoder->thread_count = 0;
        encoder->max_b_frames = 0; // timestamps in display order: every frame keeps its own
        av_opt_set(encoder->priv_data, "preset", "veryfast", 0);
        av_opt_set(encoder->priv_data, "crf", std::to_string(request.quality).c_str(), 0);
        if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
            encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        if ((ret = avcodec_open2(encoder.get(), codec, nullptr)) < 0)
            fail(request.target, "cannot open the libx264 encoder", ret);
        videoOut->time_base = encoder->time_base;
        avcodec_parameters_from_context(videoOut->codecpar, encoder.get());
        scaler.reset(sws_getContext(info.width, info.height + std::max(0, request.extraHeight), AV_PIX_FMT_RGB24, encoder->width, encoder->height, AV_PIX_FMT_YUV420P,
                                    SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
        if (!scaler)
            throw std::bad_alloc();
        result.method = "re-encoded (libx264, crf " + std::to_string(request.quality) + ")" +
                        (request.draw ? ": with an overlay"
                         : !request.allowStreamCopy ? ": asked for"
                         : !startsOnKey          ? ": the first frame is not a keyframe"
                         : !endsClean            ? ": the last frame is not before a keyframe"
                                                 : "");
    }
    if ((ret = avio_open(&muxer->pb, partial.c_str(), AVIO_FLAG_WRITE)) < 0)
        fail(partial, "cannot create", ret);
    if ((ret = avformat_write_header(muxer.get(), nullptr)) < 0)
        fail(partial, "cannot write the header", ret);

    const int64_t videoOrigin = videoIn->start_time != AV_NOPTS_VALUE ? videoIn->start_time : 0;
    // Seconds of the first frame in the stream's own time (timestamps are relative to it).
    const double firstFrameSeconds = decoder.timestampOf(0);
    ffmpeg::PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    const double eps = frameSeconds / 4;
    auto write = [&](AVPacket* p) {
        if ((ret = av_interleaved_write_frame(muxer.get(), p)) < 0)
            fail(request.target, "cannot write the clip (is the disk full?)", ret);
    };
    // Audio on the video's clock: seconds after the video's first frame.
    const double videoFirst = double(videoOrigin) * av_q2d(videoIn->time_base) + firstFrameSeconds;
    auto copyAudio = [&](AVPacket* p) {
        if (p->pts == AV_NOPTS_VALUE)
            return;
        const double t = double(p->pts) * av_q2d(audio.in->time_base) - videoFirst;
        if (t < result.startSeconds - eps || t >= result.endSeconds - eps)
            return;
        const int64_t shift = int64_t(std::llround((videoFirst + result.startSeconds) / av_q2d(audio.in->time_base)));
        p->pts -= shift;
        if (p->dts != AV_NOPTS_VALUE)
            p->dts -= shift;
        p->stream_index = audio.out->index;
        av_packet_rescale_ts(p, audio.in->time_base, audio.out->time_base);
        p->pos = -1;
        write(p);
    };

    int64_t done = 0;
    if (copy) {
        // From the keyframe at the first frame to the last frame, packets as they are.
        const int64_t target = av_rescale_q(int64_t(std::llround((result.startSeconds + firstFrameSeconds) * 1e6)), AVRational{1, 1000000},
                                            videoIn->time_base) + videoOrigin;
        if ((ret = av_seek_frame(input.demuxer.get(), input.video, target, AVSEEK_FLAG_BACKWARD)) < 0)
            fail(request.source, "cannot seek", ret);
        int64_t shift = AV_NOPTS_VALUE;
        bool videoDone = false;
        while ((ret = av_read_frame(input.demuxer.get(), packet.get())) >= 0) {
            const auto unref = [&] { av_packet_unref(packet.get()); };
            if (packet->stream_index == input.audio && audio.out) {
                copyAudio(packet.get());
                unref();
                continue;
            }
            if (packet->stream_index != input.video || packet->pts == AV_NOPTS_VALUE) {
                unref();
                continue;
            }
            const double t = streamSeconds(videoIn, packet->pts, videoOrigin) - firstFrameSeconds;
            if (t >= result.endSeconds - eps && (packet->flags & AV_PKT_FLAG_KEY)) {
                unref(); // the next keyframe: in decode order, the span's pictures all came before it
                videoDone = true;
                if (!audio.out)
                    break;
                continue;
            }
            if (videoDone || t < result.startSeconds - eps || t >= result.endSeconds - eps) {
                unref();
                continue;
            }
            if (shift == AV_NOPTS_VALUE) // the first packet kept is the keyframe: the clip starts at 0
                shift = packet->pts;
            packet->pts -= shift;
            if (packet->dts != AV_NOPTS_VALUE)
                packet->dts -= shift;
            packet->stream_index = videoOut->index;
            av_packet_rescale_ts(packet.get(), videoIn->time_base, videoOut->time_base);
            packet->pos = -1;
            write(packet.get());
            unref();
            ++done;
            if (progress && !progress(done, result.frames))
                throw Cancelled();
        }
        if (done != result.frames)
            throw Error(request.target + ": copied " + std::to_string(done) + " of " + std::to_string(result.frames) +
                        " frames: the source ends or is damaged there");
    } else {
        ffmpeg::FramePtr picture(av_frame_alloc());
        if (!picture)
            throw std::bad_alloc();
        picture->format = encoder->pix_fmt;
        picture->width = encoder->width;
        picture->height = encoder->height;
        if ((ret = av_frame_get_buffer(picture.get(), 0)) < 0)
            fail(request.target, "cannot allocate a picture", ret);
        auto drain = [&](bool flushing) {
            while ((ret = avcodec_receive_packet(encoder.get(), packet.get())) >= 0) {
                if (packet->duration <= 0)
                    packet->duration = std::max<int64_t>(1, std::llround(1000 * frameSeconds));
                packet->stream_index = videoOut->index;
                av_packet_rescale_ts(packet.get(), encoder->time_base, videoOut->time_base);
                write(packet.get());
                av_packet_unref(packet.get());
            }
            if (ret != AVERROR(EAGAIN) && !(flushing && ret == AVERROR_EOF))
                fail(request.target, "cannot encode the clip", ret);
        };
        decoder.seek(request.firstFrame);
        VideoFrame frame;
        while (done < result.frames && decoder.read(frame)) {
            if (request.extraHeight > 0) {
                frame.rgb.resize(frame.rgb.size() + size_t(frame.width) * 3 * size_t(request.extraHeight), 0); // black rows below
                frame.height += request.extraHeight;
            }
            if (request.draw)
                request.draw(frame);
            if ((ret = av_frame_make_writable(picture.get())) < 0)
                fail(request.target, "cannot allocate a picture", ret);
            const uint8_t* rows[1] = {frame.rgb.data()};
            const int strides[1] = {frame.width * 3};
            sws_scale(scaler.get(), rows, strides, 0, frame.height, picture->data, picture->linesize);
            picture->pts = std::llround((frame.timestampSeconds - result.startSeconds) * 1000);
            if ((ret = avcodec_send_frame(encoder.get(), picture.get())) < 0)
                fail(request.target, "cannot encode the clip", ret);
            drain(false);
            ++done;
            if (progress && !progress(done, result.frames))
                throw Cancelled();
        }
        if (done != result.frames)
            throw Error(request.target + ": decoded " + std::to_string(done) + " of " + std::to_string(result.frames) +
                        " frames: " + decoder.status().message);
        if ((ret = avcodec_send_frame(encoder.get(), nullptr)) < 0)
            fail(request.target, "cannot encode the clip", ret);
        drain(true);
        if (audio.out) {
            const int64_t target = int64_t(std::llround((videoFirst + result.startSeconds) / av_q2d(audio.in->time_base)));
            av_seek_frame(input.demuxer.get(), input.audio, target, AVSEEK_FLAG_BACKWARD);
            while (av_read_frame(input.demuxer.get(), packet.get()) >= 0) {
                if (packet->stream_index == input.audio)
                    copyAudio(packet.get());
                av_packet_unref(packet.get());
            }
        }
    }
    finish(muxer.get(), partial, request.target, cleanup);
    return result;
}

} // namespace

} // namespace vigil
