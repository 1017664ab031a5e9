// Owning handles for FFmpeg's C objects, declared once so that every handle is freed on
// every path (errors throw) and no other file calls av_*_free. Internal to core/video and
// its tests: FFmpeg types never appear in a public header of the video layer.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace vigil::ffmpeg {

/// Any thread; a handle belongs to the thread that uses its FFmpeg object.

struct InputFormatDeleter {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
/// A demuxer opened with avformat_open_input.
using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;

struct OutputFormatDeleter {
    void operator()(AVFormatContext* context) const
    {
        // The muxer does not own its file: close it here, or it leaks when writing fails.
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE))
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
/// A muxer made with avformat_alloc_output_context2, with the file it writes.
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;

struct CodecContextDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;

struct SwsContextDeleter {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

/// Options passed to FFmpeg by address (AVDictionary**), so a holder rather than a unique_ptr.
struct Dictionary {
    AVDictionary* entries = nullptr;
    Dictionary() = default;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    ~Dictionary() { av_dict_free(&entries); }
};

/// FFmpeg's text for an error code; av_err2str is a C99 compound literal C++ lacks.
inline std::string errorString(int error)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error, text, sizeof text);
    return text;
}

} // namespace vigil::ffmpeg
