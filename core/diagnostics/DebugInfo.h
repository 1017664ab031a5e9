// The versions and devices a bug report needs, in one block of text: About, Help > Copy
// Debug Information, `vigil-cli --debug-info` and the head of each run's log say the same.
#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

/// What the caller knows beyond the libraries: the model in use and where the logs go.
struct DebugContext {
    QString program;          // "vigil", "vigil-cli"
    QString version;          // VIGIL_VERSION
    QString model;            // checkpoint path; empty: no model chosen
    QString modelFingerprint; // the image encoder's and head's fingerprints, as known; empty if not
    QString device;           // the device the user chose ("Automatic", "CPU, int8"...)
    QString logFolder;        // empty: no log
    bool safeMode = false;
};

/// "Key: value" lines. Any thread once LibTorch can be called (it asks LibTorch and FFmpeg).
QStringList debugInformation(const DebugContext& context);

} // namespace vigil
