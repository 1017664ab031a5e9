// Per-frame CLIP features on disk, keyed by (video content fingerprint, image-encoder
// fingerprint, stride), so a new head (fine-tuning) re-scores a video without decoding
// it again. The authors' pre-extracted per-video features can be imported by video name.
#pragma once

#include "model/NpyArray.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vigil {

struct CachedFeatures {
    NpyArray features;  // float32 [T, D]
    QJsonObject meta;   // what made them (empty for imported files)
    QString path;       // the .npy in the cache
    bool byName = false; // found by the video's file name (imported), not by content
};

/// One instance per thread; several instances (threads, processes) may share a folder:
/// entries are written to a temporary file and renamed into place.
class FeatureCache {
public:
    explicit FeatureCache(const QString& directory);

    /// The per-user default, shared by the application and vigil-cli: the folder every part of Vigil uses: the one the settings name (set once at start by
    /// each main), else builtInDirectory().
    static QString defaultDirectory();
    /// Before any other thread starts; empty: back to the built-in folder.
    static void setDefaultDirectory(const QString& directory);
    /// `~/.cache/vigil/features`.
    static QString builtInDirectory();
    /// A content fingerprint of a video file: SHA-256 over its size and three 1 MiB
    /// samples (start, middle, end). Throws vigil::Error naming the file when unreadable.
    static QString videoFingerprint(const QString& videoPath);

    const QString& directory() const { return m_directory; }
    QString entryPath(const QString& videoFingerprint, const QString& encoderFingerprint, int stride) const;
    QString namedEntryPath(const QString& videoStem, const QString& encoderFingerprint) const;

    /// Looks up by content, then (stride 1 only) by the video's file name among imported
    /// features. Entries whose width is not `dim` are ignored; an entry that cannot be read
    /// is a miss (the video is scored again and its entry replaced), with the reason in
    /// `problem` when given.
    std::optional<CachedFeatures> find(const QString& videoPath, const QString& videoFingerprint,
                                       const QString& encoderFingerprint, int stride, int dim,
                                       QString* problem = nullptr) const;
    /// Stores features [frames, dim] with their metadata. Throws vigil::Error (disk full,
    /// no permission) leaving no partial file behind.
    QString store(const QString& videoFingerprint, const QString& encoderFingerprint, int stride,
                  const float* values, int64_t frames, int dim, const QJsonObject& meta) const;
    /// Copies a [T, D] .npy file into the cache under the name of the video it belongs to
    /// (`videoStem`: its file name without extension). Returns the entry's path.
    QString importNamed(const QString& npyPath, const QString& videoStem, const QString& encoderFingerprint) const;

    /// Bytes of every file under `directory` (0 when it does not exist).
    static qint64 folderBytes(const QString& directory);
    /// Removes the least recently used entries (found or stored longest ago) until the
    /// folder holds at most `maxBytes`; 0: no limit. Returns the bytes freed.
    qint64 prune(qint64 maxBytes) const;

private:
    QString m_directory;
};

} // namespace vigil
