// Internal to core/project: score tracks as float32 little-endian blobs, one row per
// (video, model), so a 9-hour video is one row of a few MB and loads in one read.
#pragma once

#include "project/ProjectTypes.h"

#include <QByteArray>

#include <optional>

namespace vigil {

class SqlConnection;

/// The thread of its SqlConnection.
class ScoreTable {
public:
    /// How the blobs are encoded; stored per row so a later schema can add others.
    static constexpr int kRawFloat32Le = 1;

    explicit ScoreTable(SqlConnection& sql);

    /// Replaces the (videoId, modelId) track in one transaction; throws Error when the
    /// sizes disagree (scores != frames, classProbs != frames * classes) or a key is unknown.
    void save(const ScoreTrack& track);
    std::optional<ScoreTrack> load(qint64 videoId, qint64 modelId) const;
    bool has(qint64 videoId, qint64 modelId) const;
    QList<qint64> unscoredVideos(qint64 modelId) const;

    static QByteArray encode(const std::vector<float>& values);
    /// Empty optional when the blob is not a whole number of floats.
    static std::optional<std::vector<float>> decode(const QByteArray& blob);

private:
    SqlConnection& m_sql;
};

} // namespace vigil
