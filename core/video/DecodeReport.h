// What went wrong while reading one file, kept as the counts and the where-and-why that
// DecodeStatus reports: the first damage, the reason decoding stopped, and totals.
#pragma once

#include "FrameDecoder.h"

#include <cstdint>
#include <string>

namespace vigil {

/// Used on the thread of the FrameDecoder that owns it.
class DecodeReport {
public:
    explicit DecodeReport(std::string path = {});

    const DecodeStatus& status() const { return m_status; }
    const std::string& firstDamage() const { return m_firstDamage; }

    /// Some data could not be read or decoded; the first such `what` is kept for the message.
    void damage(const std::string& what);
    /// The decoder rejected a packet, which is skipped.
    void corruptPacket(const std::string& what);
    /// A frame came out of the decoder with errors concealed.
    void concealedFrame(int64_t frameIndex);
    /// FFmpeg has logged `total` errors so far, the latest being `latest` (found `where`).
    void loggedErrors(int64_t total, const std::string& where, const std::string& latest);
    /// The demuxer or decoder gave up on the rest of the file.
    void stop(const std::string& why);
    bool stoppedByError() const { return m_stoppedByError; }
    /// Reading ended; `early` says the end of the frames was not reached, `why` says how
    /// when no stop() said it already.
    void finish(bool early, const std::string& why);

    void frameReturned() { ++m_status.framesDecoded; }
    /// Decoding starts again elsewhere (a seek): the count and the stop are cleared, the
    /// damage found so far is kept.
    void restart();
    void clearStop();

private:
    void update();

    std::string m_path;
    DecodeStatus m_status;
    std::string m_firstDamage;
    std::string m_stopText;
    bool m_stoppedByError = false;
    int64_t m_concealedFrames = 0;
    int64_t m_loggedErrors = 0;
};

} // namespace vigil
