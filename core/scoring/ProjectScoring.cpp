// Probing and storing results.
#include "scoring/ProjectScoring.h"

#include "project/AnnotationFile.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "video/FrameDecoder.h"

#include <QFile>
#include <QDirIterator>
#include <QFileInfo>

#include <cmath>

namespace vigil {

QList<DetectionRecord> segmentTrack(const ScoreTrack& track, const DetectionSettings& settings, double framesPerSecond)
{
    const double fps = framesPerSecond > 0 ? framesPerSecond : 30;
    SegmentSettings s;
    s.threshold = float(settings.threshold);
    s.hysteresis = float(settings.hysteresis);
    s.minFrames = std::max<int64_t>(1, int64_t(std::lround(settings.minDurationSeconds * fps)));
    s.mergeGapFrames = int64_t(std::lround(settings.mergeGapSeconds * fps));
    QList<DetectionRecord> detections;
    for (const Segment& segment : segmentScores(track.scores.data(), track.frames,
                                                track.classProbs.empty() ? nullptr : track.classProbs.data(), track.classes,
                                                track.normalId, s)) {
        DetectionRecord d;
        d.videoId = track.videoId;
        d.modelId = track.modelId;
        d.startFrame = segment.startFrame;
        d.endFrame = segment.endFrame;
        d.peakFrame = segment.peakFrame;
        d.peakScore = segment.peakScore;
        d.meanScore = segment.meanScore;
        d.topClass = segment.topClass;
        d.topClassProbability = segment.topClassProbability;
        detections << d;
    }
    return detections;
}

QStringList videoFilesIn(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (videoFileSuffixes().contains(QFileInfo(file).suffix().toLower()))
                files << file;
        }
    }
    return files;
}

VideoRecord probeVideo(const QString& path)
{
    const FrameDecoder decoder(QFile::encodeName(path).toStdString());
    const VideoInfo& info = decoder.info();
    VideoRecord r;
    r.path = QFileInfo(path).absoluteFilePath();
    r.fingerprint = FeatureCache::videoFingerprint(path);
    r.frameCount = info.frameCount;
    r.frameRate = info.frameRate;
    r.width = info.width;
    r.height = info.height;
    r.durationSeconds = info.durationSeconds;
    r.fileSize = info.fileSizeBytes;
    return r;
}

int storeScoringResult(ProjectStore& store, qint64 videoId, qint64 modelId, const ScoringResult& result,
                       const QStringList& classNames, double framesPerSecond)
{
    ScoreTrack track;
    track.videoId = videoId;
    track.modelId = modelId;
    track.frames = result.scores->frames;
    track.classes = result.scores->classes;
    track.normalId = result.scores->normalId;
    track.classNames = classNames;
    track.stride = result.stride;
    track.scores = result.scores->scores;
    track.classProbs = result.scores->classProbs;
    store.saveScores(track);

    QList<DetectionRecord> detections = segmentTrack(track, store.detectionSettings(), framesPerSecond);
    store.replaceDetections(videoId, modelId, detections);
    return int(detections.size());
}

namespace {

QString precisionSuffix(Precision precision)
{
    return QStringLiteral("+") + QString::fromLatin1(precisionName(precision));
}

} // namespace

ModelRecord modelAtPrecision(ModelRecord base, Precision precision)
{
    base = basePrecisionModel(base);
    if (precision == Precision::Float32)
        return base;
    base.id = 0;
    base.headFingerprint += precisionSuffix(precision);
    base.name += QStringLiteral(" (%1)").arg(QString::fromLatin1(precisionName(precision)));
    return base;
}

Precision precisionOf(const ModelRecord& model)
{
    for (const Precision p : {Precision::Int8, Precision::Float16})
        if (model.headFingerprint.endsWith(precisionSuffix(p)))
            return p;
    return Precision::Float32;
}

ModelRecord basePrecisionModel(const ModelRecord& model)
{
    const Precision precision = precisionOf(model);
    if (precision == Precision::Float32)
        return model;
    ModelRecord base = model;
    base.id = 0;
    base.headFingerprint.chop(precisionSuffix(precision).size());
    const QString nameSuffix = QStringLiteral(" (%1)").arg(QString::fromLatin1(precisionName(precision)));
    if (base.name.endsWith(nameSuffix))
        base.name.chop(nameSuffix.size());
    return base;
}

} // namespace vigil
