// Evidence export: labels or detections of a project cut into frame-exact clips, each with
// a sidecar JSON (source video and its fingerprint, frames, times, label, class, per-frame
// score and class probabilities, model, reviewer), a CSV index of the batch and a SHA-256
// manifest of every file written. Qt Core; runs on any thread with its own store.
#pragma once

#include "project/ProjectTypes.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace vigil {

class ProjectStore;

/// Plain value: what to export.
struct ClipSelection {
    enum class Source { Labels, Detections } source = Source::Labels;
    QString className;               // only this class ("" any)
    std::optional<ReviewState> state; // detections only: only this review state
    qint64 modelId = 0;              // the model whose scores go in the sidecars (and whose detections); 0: the active one
};

/// Plain value.
struct ClipExportOptions {
    QString outDir;
    double padSeconds = 0;      // before and after, within the video
    bool allowStreamCopy = true;
    /// Burned in: the frame's time, number, score and top class, and a strip of the clip's
    /// scores under the picture (re-encodes every clip).
    bool overlay = false;
};

/// Plain value: one clip written.
struct ExportedClip {
    QString clip, sidecar;
    QString video;
    qint64 firstFrame = 0, lastFrame = 0; // of the clip (padding included), both included
    bool streamCopied = false;
    QString method;
};

/// Plain value.
struct ClipBatch {
    QList<ExportedClip> clips;
    QString index, manifest; // clips.csv and SHA256SUMS in outDir
    QStringList failures;    // "what: why", for clips that could not be written
    bool cancelled = false;
};

/// Reports clips done; returns false to cancel (the clip being written is removed, those
/// done are kept and listed).
using ClipBatchProgress = std::function<bool(int done, int total, const QString& current)>;

/// Thread of `store`. Writes into options.outDir (made when missing); the index and the
/// manifest are written even when a clip fails or the batch is cancelled, listing what was
/// exported. Throws vigil::Error only when nothing can be written at all.
ClipBatch exportClips(const ProjectStore& store, const ClipSelection& selection, const ClipExportOptions& options,
                      const ClipBatchProgress& progress = {});

/// SHA-256 of a file as lower-case hex; throws vigil::Error when it cannot be read.
QString sha256OfFile(const QString& path);

} // namespace vigil
