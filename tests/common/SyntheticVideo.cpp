// Encoding and muxing of the synthetic test media with libavcodec and libavformat.
#include "SyntheticVideo.h"

#include "video/FfmpegHandles.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <cmath>
#include <map>

namespace vigil::test {

namespace {

using namespace vigil::ffmpeg;

std::string failed(const std::string& what, int error)
{
    return what + ": " + errorString(error);
}

// Moving background, the frame number in binary along the top, a red marker below it.
void paint(AVFrame& frame, int number)
{
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(AVPixelFormat(frame.format));
    const int shiftX = descriptor->log2_chroma_w;
    const int shiftY = descriptor->log2_chroma_h;
    const auto region = [&](int x, int y, uint8_t& luma, uint8_t& u, uint8_t& v) {
        luma = uint8_t(40 + ((x + 2 * number + y / 2) % 64) * 2);
        u = uint8_t(112 + (y + number) % 32);
        v = 128;
        if (y < kCodeBlock && x < kCodeBits * kCodeBlock) {
            luma = ((number >> (x / kCodeBlock)) & 1) ? 235 : 16;
            u = v = 128;
        } else if (y >= kCodeBlock && y < 3 * kCodeBlock && x < 2 * kCodeBlock) {
            luma = 81;
            u = 90;
            v = 240;
        }
    };
    uint8_t luma, u, v;
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            region(x, y, luma, u, v);
            frame.data[0][y * frame.linesize[0] + x] = luma;
        }
    const int chromaWidth = AV_CEIL_RSHIFT(frame.width, shiftX);
    const int chromaHeight = AV_CEIL_RSHIFT(frame.height, shiftY);
    for (int y = 0; y < chromaHeight; ++y)
        for (int x = 0; x < chromaWidth; ++x) {
            region(x << shiftX, y << shiftY, luma, u, v);
            frame.data[1][y * frame.linesize[1] + x] = u;
            frame.data[2][y * frame.linesize[2] + x] = v;
        }
}

// Sends one frame (or the end, with nullptr) and writes every packet that comes out.
// `durations` maps a frame's pts to its duration, both in the encoder's time base.
std::string encode(AVCodecContext& encoder, AVFrame* frame, AVFormatContext& muxer, AVStream& stream,
                   const std::map<int64_t, int64_t>& durations)
{
    int ret = avcodec_send_frame(&encoder, frame);
    if (ret < 0)
        return failed("sending a frame to the encoder", ret);
    PacketPtr packet(av_packet_alloc());
    while ((ret = avcodec_receive_packet(&encoder, packet.get())) >= 0) {
        // Encoders leave the duration unset; without it the MP4 muxer ends the edit list at
        // the last frame's start, and demuxers then drop that frame.
        if (packet->duration == 0 && durations.count(packet->pts))
            packet->duration = durations.at(packet->pts);
        av_packet_rescale_ts(packet.get(), encoder.time_base, stream.time_base);
        packet->stream_index = stream.index;
        ret = av_interleaved_write_frame(&muxer, packet.get());
        if (ret < 0)
            return failed("writing a packet", ret);
    }
    if (ret != AVERROR(EAGAIN) && ret != AVERROR_EOF)
        return failed("encoding", ret);
    return {};
}

std::string openMuxer(const std::string& path, const std::string& container, OutputFormatPtr& muxer)
{
    AVFormatContext* raw = nullptr;
    const int ret = avformat_alloc_output_context2(&raw, nullptr, container.c_str(), path.c_str());
    if (ret < 0 || !raw)
        return failed("no muxer " + container, ret);
    muxer.reset(raw);
    return {};
}

std::string startFile(AVFormatContext& muxer, const std::string& path, Dictionary& options)
{
    if (!(muxer.oformat->flags & AVFMT_NOFILE)) {
        const int ret = avio_open(&muxer.pb, path.c_str(), AVIO_FLAG_WRITE);
        if (ret < 0)
            return failed("cannot create " + path, ret);
    }
    const int ret = avformat_write_header(&muxer, &options.entries);
    return ret < 0 ? failed("writing the header", ret) : std::string();
}

} // namespace

SyntheticSpec longGopH264(int frames, int gopSize)
{
    SyntheticSpec spec;
    spec.encoder = "libx264";
    spec.container = "mp4";
    spec.width = 320;
    spec.height = 240;
    spec.frames = frames;
    spec.gopSize = gopSize;
    return spec;
}

bool hasEncoder(const std::string& name)
{
    return avcodec_find_encoder_by_name(name.c_str()) != nullptr;
}

std::string writeSyntheticVideo(const std::string& path, const SyntheticSpec& spec)
{
    const AVCodec* codec = avcodec_find_encoder_by_name(spec.encoder.c_str());
    if (!codec)
        return "no encoder " + spec.encoder;
    OutputFormatPtr muxer;
    if (std::string error = openMuxer(path, spec.container, muxer); !error.empty())
        return error;

    CodecContextPtr encoder(avcodec_alloc_context3(codec));
    encoder->width = spec.width;
    encoder->height = spec.height;
    encoder->pix_fmt = av_get_pix_fmt(spec.pixelFormat.c_str());
    if (encoder->pix_fmt == AV_PIX_FMT_YUVJ420P || encoder->pix_fmt == AV_PIX_FMT_YUVJ422P
        || encoder->pix_fmt == AV_PIX_FMT_YUVJ444P)
        encoder->color_range = AVCOL_RANGE_JPEG;
    encoder->time_base = AVRational{1, spec.timeBaseDen};
    if (spec.pts.empty())
        encoder->framerate = AVRational{spec.timeBaseDen, 1};
    encoder->gop_size = spec.gopSize;
    encoder->max_b_frames = spec.maxBFrames;
    if (spec.encoder == "mpeg4" || spec.encoder == "mjpeg") {
        // Fixed quality: the frame number must survive compression.
        encoder->flags |= AV_CODEC_FLAG_QSCALE;
        encoder->global_quality = FF_QP2LAMBDA * 3;
    }
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
        encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    Dictionary codecOptions;
    if (spec.encoder == "libx264")
        av_dict_set(&codecOptions.entries, "preset", "veryfast", 0);
    if (spec.encoder == "libx265") {
        av_dict_set(&codecOptions.entries, "preset", "ultrafast", 0);
        av_dict_set(&codecOptions.entries, "x265-params", "log-level=none", 0);
    }
    int ret = avcodec_open2(encoder.get(), codec, &codecOptions.entries);
    if (ret < 0)
        return failed("opening encoder " + spec.encoder, ret);

    AVStream* stream = avformat_new_stream(muxer.get(), nullptr);
    stream->time_base = encoder->time_base;
    avcodec_parameters_from_context(stream->codecpar, encoder.get());
    CodecContextPtr audioEncoder;
    AVStream* audioStream = nullptr;
    if (spec.audio) {
        const AVCodec* aac = avcodec_find_encoder_by_name("aac");
        if (!aac)
            return "no AAC encoder";
        audioEncoder.reset(avcodec_alloc_context3(aac));
        audioEncoder->sample_fmt = AV_SAMPLE_FMT_FLTP;
        audioEncoder->sample_rate = 44100;
        audioEncoder->time_base = AVRational{1, 44100};
        audioEncoder->bit_rate = 64000;
        av_channel_layout_default(&audioEncoder->ch_layout, 1);
        if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
            audioEncoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        if ((ret = avcodec_open2(audioEncoder.get(), aac, nullptr)) < 0)
            return failed("opening the audio encoder", ret);
        audioStream = avformat_new_stream(muxer.get(), nullptr);
        audioStream->time_base = audioEncoder->time_base;
        avcodec_parameters_from_context(audioStream->codecpar, audioEncoder.get());
    }
    if (spec.rotationDegrees != 0) {
        auto* matrix = reinterpret_cast<int32_t*>(
            av_stream_new_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
        // av_display_rotation_set takes a clockwise angle (av_display_rotation_get returns a
        // counter-clockwise one, so get(set(a)) == -a).
        av_display_rotation_set(matrix, spec.rotationDegrees);
    }
    Dictionary muxerOptions;
    if (spec.fastStart)
        av_dict_set(&muxerOptions.entries, "movflags", "+faststart", 0);
    if (std::string error = startFile(*muxer, path, muxerOptions); !error.empty())
        return error;

    FramePtr frame(av_frame_alloc());
    frame->format = encoder->pix_fmt;
    frame->width = spec.width;
    frame->height = spec.height;
    frame->color_range = encoder->color_range;
    if ((ret = av_frame_get_buffer(frame.get(), 0)) < 0)
        return failed("allocating a frame", ret);
    std::vector<int64_t> pts = spec.pts;
    for (int i = int(pts.size()); i < spec.frames; ++i)
        pts.push_back(i);
    std::map<int64_t, int64_t> durations;
    for (size_t i = 0; i < pts.size(); ++i)
        durations[pts[i]] = i + 1 < pts.size() ? pts[i + 1] - pts[i] : (i > 0 ? pts[i] - pts[i - 1] : 1);
    for (int i = 0; i < spec.frames; ++i) {
        if ((ret = av_frame_make_writable(frame.get())) < 0)
            return failed("allocating a frame", ret);
        paint(*frame, i);
        frame->pts = pts[size_t(i)];
        if (std::string error = encode(*encoder, frame.get(), *muxer, *stream, durations); !error.empty())
            return error;
    }
    if (std::string error = encode(*encoder, nullptr, *muxer, *stream, durations); !error.empty())
        return error;
    if (audioEncoder) {
        // The tone for as long as the frames last; the muxer interleaves the two streams.
        FramePtr samples(av_frame_alloc());
        samples->format = audioEncoder->sample_fmt;
        samples->nb_samples = audioEncoder->frame_size > 0 ? audioEncoder->frame_size : 1024;
        samples->sample_rate = audioEncoder->sample_rate;
        av_channel_layout_copy(&samples->ch_layout, &audioEncoder->ch_layout);
        if ((ret = av_frame_get_buffer(samples.get(), 0)) < 0)
            return failed("allocating audio", ret);
        const int64_t total = int64_t(double(spec.frames) / spec.timeBaseDen * audioEncoder->sample_rate);
        for (int64_t start = 0; start < total; start += samples->nb_samples) {
            if ((ret = av_frame_make_writable(samples.get())) < 0)
                return failed("allocating audio", ret);
            for (int i = 0; i < samples->nb_samples; ++i)
                reinterpret_cast<float*>(samples->data[0])[i] =
                    float(0.3 * std::sin(2 * M_PI * 440.0 * double(start + i) / audioEncoder->sample_rate));
            samples->pts = start;
            if (std::string error = encode(*audioEncoder, samples.get(), *muxer, *audioStream, {}); !error.empty())
                return error;
        }
        if (std::string error = encode(*audioEncoder, nullptr, *muxer, *audioStream, {}); !error.empty())
            return error;
    }
    ret = av_write_trailer(muxer.get());
    return ret < 0 ? failed("writing the trailer", ret) : std::string();
}

std::string writeAudioOnly(const std::string& path)
{
    const bool aac = avcodec_find_encoder_by_name("aac") != nullptr;
    const AVCodec* codec = avcodec_find_encoder_by_name(aac ? "aac" : "pcm_s16le");
    if (!codec)
        return "no audio encoder";
    OutputFormatPtr muxer;
    if (std::string error = openMuxer(path, aac ? "mp4" : "wav", muxer); !error.empty())
        return error;
    CodecContextPtr encoder(avcodec_alloc_context3(codec));
    encoder->sample_fmt = aac ? AV_SAMPLE_FMT_FLTP : AV_SAMPLE_FMT_S16;
    encoder->sample_rate = 44100;
    encoder->time_base = AVRational{1, 44100};
    encoder->bit_rate = 64000;
    av_channel_layout_default(&encoder->ch_layout, 1);
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
        encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    int ret = avcodec_open2(encoder.get(), codec, nullptr);
    if (ret < 0)
        return failed("opening the audio encoder", ret);
    AVStream* stream = avformat_new_stream(muxer.get(), nullptr);
    stream->time_base = encoder->time_base;
    avcodec_parameters_from_context(stream->codecpar, encoder.get());
    Dictionary muxerOptions;
    if (std::string error = startFile(*muxer, path, muxerOptions); !error.empty())
        return error;

    FramePtr frame(av_frame_alloc());
    frame->format = encoder->sample_fmt;
    frame->nb_samples = encoder->frame_size > 0 ? encoder->frame_size : 1024;
    frame->sample_rate = encoder->sample_rate;
    av_channel_layout_copy(&frame->ch_layout, &encoder->ch_layout);
    if ((ret = av_frame_get_buffer(frame.get(), 0)) < 0)
        return failed("allocating audio", ret);
    for (int64_t start = 0; start < encoder->sample_rate; start += frame->nb_samples) {
        if ((ret = av_frame_make_writable(frame.get())) < 0)
            return failed("allocating audio", ret);
        for (int i = 0; i < frame->nb_samples; ++i) {
            const double sample = 0.3 * std::sin(2 * M_PI * 440.0 * double(start + i) / encoder->sample_rate);
            if (aac)
                reinterpret_cast<float*>(frame->data[0])[i] = float(sample);
            else
                reinterpret_cast<int16_t*>(frame->data[0])[i] = int16_t(sample * 32767);
        }
        frame->pts = start;
        if (std::string error = encode(*encoder, frame.get(), *muxer, *stream, {}); !error.empty())
            return error;
    }
    if (std::string error = encode(*encoder, nullptr, *muxer, *stream, {}); !error.empty())
        return error;
    ret = av_write_trailer(muxer.get());
    return ret < 0 ? failed("writing the trailer", ret) : std::string();
}

int readFrameNumber(const std::vector<uint8_t>& rgb, int width, int height)
{
    if (width < kCodeBits * kCodeBlock || height < kCodeBlock || rgb.size() < size_t(width) * height * 3)
        return -1;
    int number = 0;
    for (int bit = 0; bit < kCodeBits; ++bit) {
        const size_t at = (size_t(kCodeBlock / 2) * width + size_t(bit * kCodeBlock + kCodeBlock / 2)) * 3;
        const int luma = (rgb[at] + rgb[at + 1] + rgb[at + 2]) / 3;
        if (luma > 128)
            number |= 1 << bit;
    }
    return number;
}

} // namespace vigil::test
