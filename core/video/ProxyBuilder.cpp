// Proxy writing: decode with FrameDecoder, scale RGB to full-range YUV 4:2:0 once, encode
// every frame as a JPEG, mux into Matroska with millisecond timestamps.
#include "video/ProxyBuilder.h"

#include "FfmpegHandles.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "video/FrameDecoder.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

#include <cstdio>
#include <filesystem>

namespace vigil {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error)
{
    throw Error(path + ": " + what + " (" + ffmpeg::errorString(error) + ")");
}

struct Writer {
    std::string path;
    ffmpeg::OutputFormatPtr muxer;
    ffmpeg::CodecContextPtr encoder;
    AVStream* stream = nullptr;
    ffmpeg::PacketPtr packet{av_packet_alloc()};

    void drain(bool flushing)
    {
        int ret = 0;
        while ((ret = avcodec_receive_packet(encoder.get(), packet.get())) >= 0) {
            packet->stream_index = stream->index;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            ret = av_interleaved_write_frame(muxer.get(), packet.get());
            if (ret < 0)
                fail(path, "cannot write the proxy", ret);
        }
        if (ret != AVERROR(EAGAIN) && !(flushing && ret == AVERROR_EOF))
            fail(path, "cannot encode the proxy", ret);
    }
};

} // namespace

bool buildProxy(const std::string& source, const std::string& target, const ProxyOptions& options,
                const std::function<bool(int64_t done, int64_t total)>& progress)
{
    FrameDecoder decoder(source);
    const VideoInfo& info = decoder.info();
    // Even sizes (4:2:0), no larger than the source.
    const int width = std::max(2, std::min(info.width, options.maxWidth) / 2 * 2);
    const int height = std::max(2, int(double(info.height) * width / std::max(1, info.width) + 0.5) / 2 * 2);

    // Unique to this call: two windows may make the same proxy at once.
    const std::string partial = temporaryPathFor(target);
    struct RemovePartial {
        const std::string& path;
        bool keep = false;
        ~RemovePartial()
        {
            if (!keep)
                std::remove(path.c_str());
        }
    } cleanup{partial};

    Writer w;
    w.path = target;
    AVFormatContext* raw = nullptr;
    int ret = avformat_alloc_output_context2(&raw, nullptr, "matroska", partial.c_str());
    if (ret < 0 || !raw)
        fail(target, "no Matroska muxer", ret);
    w.muxer.reset(raw);
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (!codec)
        throw Error(target + ": this FFmpeg has no MJPEG encoder");
    w.encoder.reset(avcodec_alloc_context3(codec));
    if (!w.packet || !w.encoder)
        throw std::bad_alloc();
    w.encoder->width = width;
    w.encoder->height = height;
    w.encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    w.encoder->color_range = AVCOL_RANGE_JPEG;
    w.encoder->time_base = AVRational{1, 1000};
    w.encoder->flags |= AV_CODEC_FLAG_QSCALE;
    w.encoder->global_quality = FF_QP2LAMBDA * std::clamp(options.quality, 2, 31);
    w.encoder->thread_count = 1;
    if (w.muxer->oformat->flags & AVFMT_GLOBALHEADER)
        w.encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((ret = avcodec_open2(w.encoder.get(), codec, nullptr)) < 0)
        fail(target, "cannot open the MJPEG encoder", ret);
    w.stream = avformat_new_stream(w.muxer.get(), nullptr);
    if (!w.stream)
        throw std::bad_alloc();
    w.stream->time_base = w.encoder->time_base;
    avcodec_parameters_from_context(w.stream->codecpar, w.encoder.get());
    if ((ret = avio_open(&w.muxer->pb, partial.c_str(), AVIO_FLAG_WRITE)) < 0)
        fail(partial, "cannot create", ret);
    if ((ret = avformat_write_header(w.muxer.get(), nullptr)) < 0)
        fail(partial, "cannot write the header", ret);

    ffmpeg::SwsContextPtr scaler(sws_getContext(info.width, info.height, AV_PIX_FMT_RGB24, width, height,
                                                AV_PIX_FMT_YUVJ420P, SWS_AREA, nullptr, nullptr, nullptr));
    ffmpeg::FramePtr picture(av_frame_alloc());
    if (!scaler || !picture)
        throw std::bad_alloc();
    picture->format = AV_PIX_FMT_YUVJ420P;
    picture->width = width;
    picture->height = height;
    picture->color_range = AVCOL_RANGE_JPEG;
    if ((ret = av_frame_get_buffer(picture.get(), 0)) < 0)
        fail(target, "cannot allocate a picture", ret);

    VideoFrame frame;
    while (decoder.read(frame)) {
        if (frame.width != info.width || frame.height != info.height)
            continue; // a mid-stream size change: such frames get no proxy picture
        if ((ret = av_frame_make_writable(picture.get())) < 0)
            fail(target, "cannot allocate a picture", ret);
        const uint8_t* rows[1] = {frame.rgb.data()};
        const int strides[1] = {frame.width * 3};
        sws_scale(scaler.get(), rows, strides, 0, frame.height, picture->data, picture->linesize);
        picture->pts = frame.index; // milliseconds: see proxySourceIndex
        if ((ret = avcodec_send_frame(w.encoder.get(), picture.get())) < 0)
            fail(target, "cannot encode the proxy", ret);
        w.drain(false);
        if (progress && !progress(frame.index + 1, info.frameCount))
            return false;
    }
    if ((ret = avcodec_send_frame(w.encoder.get(), nullptr)) < 0)
        fail(target, "cannot encode the proxy", ret);
    w.drain(true);
    if ((ret = av_write_trailer(w.muxer.get())) < 0)
        fail(partial, "cannot finish", ret);
    w.muxer.reset(); // closes the file
    std::error_code error;
    std::filesystem::rename(partial, target, error);
    if (error)
        throw Error(target + ": cannot rename the finished proxy (" + error.message() + ")");
    cleanup.keep = true;
    return true;
}

} // namespace vigil
