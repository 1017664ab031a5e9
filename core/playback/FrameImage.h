// A decoded frame as it crosses from the playback thread to the view: RGB24 bytes shared
// read-only, so a queued signal copies a pointer, not the picture.
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace vigil {

/// Plain value; any thread.
struct FrameImage {
    int64_t index = -1;
    double timestampSeconds = 0;
    int width = 0;
    int height = 0;
    std::shared_ptr<const std::vector<uint8_t>> rgb; // width * height * 3
    /// The seek proxy's smaller picture of this frame, shown while the exact one decodes.
    bool proxy = false;
    bool isNull() const { return !rgb || width <= 0 || height <= 0; }
};

/// What the view needs to know of an opened video.
struct PlaybackVideo {
    QString path;
    int64_t frameCount = 0;
    double frameRate = 0;
    int width = 0;
    int height = 0;
    double durationSeconds = 0;
    std::shared_ptr<const std::vector<double>> timestamps; // one per frame, seconds
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::FrameImage)
Q_DECLARE_METATYPE(vigil::PlaybackVideo)
