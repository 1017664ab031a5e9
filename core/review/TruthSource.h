// What a frame's truth is when a project's scores are measured: the one definition that
// the research window, the video list's figures, `vigil-cli eval --project` and the model
// comparison share, so that they give the same numbers and can name what they used.
// Qt Core.
#pragma once

#include "project/ProjectTypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace vigil {

class ProjectStore;

/// Where a frame's truth comes from.
enum class TruthSource {
    GroundTruth, // the imported ground-truth intervals (the dataset's own)
    Labels,      // the analysts' labels
    Both,        // both, an analyst's label winning over the ground truth where both cover a frame
};

/// Any thread. "ground truth", "analysts' labels", "ground truth and analysts' labels".
QString truthSourceName(TruthSource source);
/// Any thread. The command line's words: "ground", "labels", "both".
QString truthSourceKey(TruthSource source);
/// Any thread. Reads a key of truthSourceKey(); nullopt for anything else.
std::optional<TruthSource> parseTruthSource(const QString& key);

/// Plain value: what a video's truth is under one source.
struct VideoTruth {
    bool known = false;                 // false: the video is left out of every figure
    QList<GroundTruthInterval> intervals; // in the order they apply: a later one wins a frame
};

/// Thread of `store`. A video is known when the source gives it intervals, or when its
/// class as a whole is `normalClass` (then every frame outside an interval is normal); a
/// video with neither (an abnormal or unknown class and no interval saying where) is left
/// out, since nothing says which of its frames are abnormal. Classes are compared ignoring
/// case, with '_' and ' ' alike.
VideoTruth videoTruth(const ProjectStore& store, const VideoRecord& video, TruthSource source, const QString& normalClass);

} // namespace vigil
