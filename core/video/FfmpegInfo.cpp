#include "FfmpegInfo.h"

#include "FfmpegHandles.h"

extern "C" {
#include <libavutil/avutil.h>
}

namespace vigil {

namespace {

std::string versionText(unsigned version)
{
    return std::to_string(AV_VERSION_MAJOR(version)) + "." + std::to_string(AV_VERSION_MINOR(version)) + "." +
           std::to_string(AV_VERSION_MICRO(version));
}

} // namespace

std::string ffmpegVersions()
{
    // The run-time versions (avformat_version()...), not the headers' LIB*_VERSION.
    return std::string("FFmpeg ") + av_version_info() + " (libavformat " + versionText(avformat_version()) +
           ", libavcodec " + versionText(avcodec_version()) + ", libswscale " + versionText(swscale_version()) + ")";
}

CodecSupport probeVideoCodec(const std::string& path)
{
    CodecSupport support;
    AVFormatContext* raw = nullptr;
    int status = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (status < 0) {
        support.error = ffmpeg::errorString(status);
        return support;
    }
    ffmpeg::InputFormatPtr input(raw);
    status = avformat_find_stream_info(input.get(), nullptr);
    if (status < 0) {
        support.error = ffmpeg::errorString(status);
        return support;
    }
    const int stream = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream < 0) {
        support.error = "no video stream";
        return support;
    }
    const AVCodecID id = input->streams[stream]->codecpar->codec_id;
    support.codec = avcodec_get_name(id);
    support.decoder = avcodec_find_decoder(id) != nullptr;
    return support;
}

} // namespace vigil
