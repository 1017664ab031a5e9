// Turns a decoded frame of any pixel format into tightly packed RGB24, rotated clockwise
// by a multiple of 90 degrees. Internal to core/video.
#pragma once

#include "FfmpegHandles.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

/// Used on the thread of the FrameDecoder that owns it.
class RgbConverter {
public:
    /// Writes width * height * 3 bytes to `rgb`; width and height are after rotation.
    /// Throws vigil::Error naming `path` when swscale cannot handle the frame's format.
    void convert(const AVFrame& frame, int rotationDegrees, const std::string& path, std::vector<uint8_t>& rgb,
                 int& width, int& height);

private:
    void prepare(const AVFrame& frame, const std::string& path);

    ffmpeg::SwsContextPtr m_context;
    int m_width = 0;
    int m_height = 0;
    int m_format = -1;
    int m_colorspace = -1;
    int m_range = -1;
    std::vector<uint8_t> m_buffer; // swscale's output, rows padded to an aligned stride
    int m_stride = 0;
};

} // namespace vigil
