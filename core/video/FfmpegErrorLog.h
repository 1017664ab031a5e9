// Collects the errors FFmpeg logs for one demuxer and decoder. With frame threading a
// damaged frame's decode_error_flags can be lost in a race, and demuxers resync past
// garbage without returning an error; the log is the one place both always show up.
#pragma once

#include <atomic>
#include <cstdarg>
#include <cstdint>
#include <mutex>
#include <string>

struct AVCodecContext;
struct AVFormatContext;

namespace vigil {

/// Attach on the owner's thread; FFmpeg's worker threads report into it concurrently.
/// The first instance installs FFmpeg's log callback for the process (messages still reach
/// FFmpeg's default output); a later av_log_set_callback elsewhere would blind it.
class FfmpegErrorLog {
public:
    FfmpegErrorLog();
    ~FfmpegErrorLog();
    FfmpegErrorLog(const FfmpegErrorLog&) = delete;
    FfmpegErrorLog& operator=(const FfmpegErrorLog&) = delete;

    /// Errors logged by these contexts (and the decoder's thread copies) are counted here.
    void attach(AVCodecContext& decoder);
    void attach(AVFormatContext& demuxer);

    int64_t count() const { return m_count.load(); }

    /// Where FFmpeg's warnings and errors go besides their logs (the run log); any thread,
    /// called from FFmpeg's threads with one line each. Installs the callback if no log did.
    using Sink = void (*)(int level, const char* line);
    static void setSink(Sink sink);
    /// The text of the most recent error, without the trailing newline.
    std::string last() const;

private:
    static void callback(void* context, int level, const char* format, va_list args);
    static void install();
    void add(const char* text);

    std::atomic<int64_t> m_count{0};
    mutable std::mutex m_mutex;
    std::string m_last;
};

} // namespace vigil
