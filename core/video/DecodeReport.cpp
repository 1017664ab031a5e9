// Building DecodeStatus's message: the file, then why decoding stopped, then the damage.
#include "DecodeReport.h"

#include <utility>

namespace vigil {

DecodeReport::DecodeReport(std::string path)
    : m_path(std::move(path))
{
}

void DecodeReport::damage(const std::string& what)
{
    m_status.damaged = true;
    if (m_firstDamage.empty())
        m_firstDamage = what;
    update();
}

void DecodeReport::corruptPacket(const std::string& what)
{
    ++m_status.corruptPackets;
    damage(what);
}

void DecodeReport::concealedFrame(int64_t frameIndex)
{
    ++m_concealedFrames;
    damage("frame " + std::to_string(frameIndex) + " decoded with errors");
}

void DecodeReport::loggedErrors(int64_t total, const std::string& where, const std::string& latest)
{
    if (total == m_loggedErrors)
        return;
    m_loggedErrors = total;
    damage(where + ": " + latest);
}

void DecodeReport::stop(const std::string& why)
{
    m_stoppedByError = true;
    m_stopText = why;
    update();
}

void DecodeReport::finish(bool early, const std::string& why)
{
    if (!early)
        return;
    m_status.stoppedEarly = true;
    if (m_stopText.empty())
        m_stopText = why;
    update();
}

void DecodeReport::restart()
{
    m_status.framesDecoded = 0;
    m_status.stoppedEarly = false;
    clearStop();
}

void DecodeReport::clearStop()
{
    m_stoppedByError = false;
    m_stopText.clear();
    update();
}

void DecodeReport::update()
{
    std::string text = m_status.stoppedEarly ? m_stopText : std::string();
    const auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
    if (!m_firstDamage.empty() && text.find(m_firstDamage) == std::string::npos)
        add("first damage: " + m_firstDamage);
    if (m_status.corruptPackets > 0)
        add(std::to_string(m_status.corruptPackets) + " corrupt packets skipped");
    if (m_concealedFrames > 0)
        add(std::to_string(m_concealedFrames) + " frames decoded with errors concealed");
    if (m_loggedErrors > 0)
        add(std::to_string(m_loggedErrors) + " errors reported by FFmpeg");
    m_status.message = text.empty() ? std::string() : m_path + ": " + text;
}

} // namespace vigil
