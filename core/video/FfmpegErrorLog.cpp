// A process-wide av_log callback that routes error messages to the FfmpegErrorLog their
// context names. FFmpeg's own console output is off (the messages reach the user through
// DecodeStatus and vigil::Error, in one line); VIGIL_FFMPEG_LOG=1 turns it back on.
#include "FfmpegErrorLog.h"

#include "FfmpegHandles.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace vigil {

namespace {

// The live logs: a context's opaque pointer is only trusted when it is one of these.
std::mutex registryMutex;
std::set<FfmpegErrorLog*>& registry()
{
    static std::set<FfmpegErrorLog*> logs;
    return logs;
}

std::atomic<FfmpegErrorLog::Sink> sink{nullptr};

} // namespace

void FfmpegErrorLog::install()
{
    static std::once_flag installed;
    std::call_once(installed, [] { av_log_set_callback(&FfmpegErrorLog::callback); });
}

void FfmpegErrorLog::setSink(Sink to)
{
    sink.store(to);
    install();
}

FfmpegErrorLog::FfmpegErrorLog()
{
    install();
    std::lock_guard<std::mutex> lock(registryMutex);
    registry().insert(this);
}

FfmpegErrorLog::~FfmpegErrorLog()
{
    std::lock_guard<std::mutex> lock(registryMutex);
    registry().erase(this);
}

// Frame threads decode in copies of the codec context, which keep its opaque pointer.
void FfmpegErrorLog::attach(AVCodecContext& decoder)
{
    decoder.opaque = this;
}

void FfmpegErrorLog::attach(AVFormatContext& demuxer)
{
    demuxer.opaque = this;
}

std::string FfmpegErrorLog::last() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_last;
}

void FfmpegErrorLog::add(const char* text)
{
    std::string line = text;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_last = line;
    ++m_count;
}

void FfmpegErrorLog::callback(void* context, int level, const char* format, va_list args)
{
    if (context && level <= AV_LOG_ERROR) {
        const AVClass* type = *static_cast<const AVClass* const*>(context);
        void* opaque = nullptr;
        if (type == avcodec_get_class())
            opaque = static_cast<AVCodecContext*>(context)->opaque;
        else if (type == avformat_get_class())
            opaque = static_cast<AVFormatContext*>(context)->opaque;
        if (opaque) {
            // Held while adding, so a log cannot be destroyed under the message.
            std::lock_guard<std::mutex> lock(registryMutex);
            const auto it = registry().find(static_cast<FfmpegErrorLog*>(opaque));
            if (it != registry().end()) {
                char text[512];
                va_list copy;
                va_copy(copy, args);
                std::vsnprintf(text, sizeof text, format, copy);
                va_end(copy);
                (*it)->add(text);
            }
        }
    }
    if (const Sink to = sink.load(); to && level <= AV_LOG_WARNING) {
        // FFmpeg's own formatting (the context's name first), without its repeat folding.
        char line[1024];
        int prefix = 1;
        va_list copy;
        va_copy(copy, args);
        av_log_format_line2(context, level, format, copy, line, sizeof line, &prefix);
        va_end(copy);
        to(level, line);
    }
    static const bool forward = std::getenv("VIGIL_FFMPEG_LOG") != nullptr;
    if (forward)
        av_log_default_callback(context, level, format, args);
}

} // namespace vigil
