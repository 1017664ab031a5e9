// swscale to RGB24 into an aligned buffer, then one copy that packs the rows and rotates.
#include "RgbConverter.h"

#include "model/Error.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <cstring>

namespace vigil {

namespace {

// swscale's SIMD paths want 16-byte aligned rows; odd widths give unaligned packed rows.
constexpr int kStrideAlignment = 64;

// The deprecated full-range "J" formats: swscale wants the plain format plus a range flag.
AVPixelFormat withoutJpegRange(AVPixelFormat format, bool& fullRange)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P: fullRange = true; return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P: fullRange = true; return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P: fullRange = true; return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P: fullRange = true; return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P: fullRange = true; return AV_PIX_FMT_YUV411P;
    default: return format;
    }
}

} // namespace

void RgbConverter::prepare(const AVFrame& frame, const std::string& path)
{
    if (m_context && frame.width == m_width && frame.height == m_height && frame.format == m_format
        && frame.colorspace == m_colorspace && frame.color_range == m_range)
        return;
    m_context.reset();
    bool fullRange = frame.color_range == AVCOL_RANGE_JPEG;
    const AVPixelFormat source = withoutJpegRange(AVPixelFormat(frame.format), fullRange);
    // No scaling happens; bicubic is what ffmpeg's command line and OpenCV use, so frames
    // match what Python pipelines built on them see.
    m_context.reset(sws_getContext(frame.width, frame.height, source, frame.width, frame.height, AV_PIX_FMT_RGB24,
                                   SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!m_context) {
        const char* name = av_get_pix_fmt_name(AVPixelFormat(frame.format));
        throw Error(path + ": cannot convert pixel format " + (name ? name : "unknown") + " to RGB");
    }
    // Files that do not say which matrix they use get BT.601, as in every common player and
    // library; RGB sources ignore the call.
    const int colorspace = frame.colorspace == AVCOL_SPC_RGB ? SWS_CS_DEFAULT : int(frame.colorspace);
    sws_setColorspaceDetails(m_context.get(), sws_getCoefficients(colorspace), fullRange ? 1 : 0,
                             sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    m_width = frame.width;
    m_height = frame.height;
    m_format = frame.format;
    m_colorspace = frame.colorspace;
    m_range = frame.color_range;
    m_stride = (m_width * 3 + kStrideAlignment - 1) / kStrideAlignment * kStrideAlignment;
    m_buffer.assign(size_t(m_stride) * size_t(m_height) + kStrideAlignment, 0);
}

void RgbConverter::convert(const AVFrame& frame, int rotationDegrees, const std::string& path,
                           std::vector<uint8_t>& rgb, int& width, int& height)
{
    prepare(frame, path);
    uint8_t* planes[4] = {m_buffer.data(), nullptr, nullptr, nullptr};
    int strides[4] = {m_stride, 0, 0, 0};
    sws_scale(m_context.get(), frame.data, frame.linesize, 0, m_height, planes, strides);

    const int w = m_width;
    const int h = m_height;
    const bool swap = rotationDegrees == 90 || rotationDegrees == 270;
    width = swap ? h : w;
    height = swap ? w : h;
    rgb.resize(size_t(w) * size_t(h) * 3);
    const uint8_t* in = m_buffer.data();
    uint8_t* out = rgb.data();
    const auto put = [&](int x, int y, const uint8_t* pixel) {
        std::memcpy(out + (size_t(y) * width + x) * 3, pixel, 3);
    };
    switch (rotationDegrees) {
    case 90: // input (x, y) lands at column h-1-y of row x
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                put(h - 1 - y, x, in + size_t(y) * m_stride + size_t(x) * 3);
        break;
    case 180:
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                put(w - 1 - x, h - 1 - y, in + size_t(y) * m_stride + size_t(x) * 3);
        break;
    case 270: // input (x, y) lands at column y of row w-1-x
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                put(y, w - 1 - x, in + size_t(y) * m_stride + size_t(x) * 3);
        break;
    default:
        for (int y = 0; y < h; ++y)
            std::memcpy(out + size_t(y) * w * 3, in + size_t(y) * m_stride, size_t(w) * 3);
        break;
    }
}

} // namespace vigil
