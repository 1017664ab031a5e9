// The truth a project's figures are measured against.
#include "review/TruthSource.h"

#include "project/ProjectStore.h"
#include "review/Evaluation.h"

namespace vigil {

QString truthSourceName(TruthSource source)
{
    switch (source) {
    case TruthSource::GroundTruth:
        return QStringLiteral("ground truth");
    case TruthSource::Labels:
        return QStringLiteral("analysts' labels");
    case TruthSource::Both:
        break;
    }
    return QStringLiteral("ground truth and analysts' labels");
}

QString truthSourceKey(TruthSource source)
{
    switch (source) {
    case TruthSource::GroundTruth:
        return QStringLiteral("ground");
    case TruthSource::Labels:
        return QStringLiteral("labels");
    case TruthSource::Both:
        break;
    }
    return QStringLiteral("both");
}

std::optional<TruthSource> parseTruthSource(const QString& key)
{
    for (const TruthSource s : {TruthSource::GroundTruth, TruthSource::Labels, TruthSource::Both})
        if (key == truthSourceKey(s))
            return s;
    return std::nullopt;
}

VideoTruth videoTruth(const ProjectStore& store, const VideoRecord& video, TruthSource source, const QString& normalClass)
{
    VideoTruth truth;
    if (source != TruthSource::Labels)
        truth.intervals = store.groundTruth(video.id);
    if (source != TruthSource::GroundTruth)
        for (const LabelRecord& l : store.labels(video.id))
            truth.intervals << GroundTruthInterval{l.startFrame, l.endFrame, l.className};
    truth.known = !truth.intervals.isEmpty() || (!video.videoClass.isEmpty() && classKey(video.videoClass) == classKey(normalClass));
    return truth;
}

} // namespace vigil
