// When the player makes a seek proxy for a video, where it keeps proxies, and when a seek
// shows the proxy's picture first (see video/ProxyBuilder.h).
#pragma once

#include <QStandardPaths>
#include <QString>

namespace vigil {

/// Any thread. `~/.cache/vigil/proxies`: where proxies go unless the settings name a folder.
inline QString builtInProxyDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/vigil/proxies");
}

/// When a video gets a seek proxy and when seeks show it first.
struct ProxySettings {
    QString directory;                 // where proxies are kept; empty: none are made or used
    /// Proxies kept at most, in bytes: the least recently used go first.
    qint64 maxBytes = qint64(20) << 30;
    /// Videos whose slowest seek decodes more than this many pixels (longest keyframe gap
    /// times frame size) get a proxy: 60 frames of 1080p decode in about 100 ms here.
    qint64 minSeekPixels = qint64(60) * 1920 * 1080;
    /// A seek that decodes more frames than this from its keyframe shows the proxy first.
    qint64 minPreroll = 30;
};

} // namespace vigil
