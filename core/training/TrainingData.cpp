// Dataset loading for fine-tuning.
#include "training/TrainingData.h"

#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/InferenceSession.h"
#include "project/AnnotationFile.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "review/Evaluation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace vigil {

int classIndex(const LabelSet& labels, const QString& name)
{
    if (name.trimmed().isEmpty())
        return labels.normalId();
    auto key = [](QString text) { return text.replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed().toLower(); };
    const std::vector<std::string>& names = labels.modelOrderNames();
    for (size_t c = 0; c < names.size(); ++c)
        if (key(QString::fromStdString(names[c])) == key(name))
            return int(c);
    return -1;
}

std::vector<TrainingVideo> trainingVideosFromFiles(const QString& featuresDir, const QString& annotationsPath,
                                                   const LabelSet& labels, int dim)
{
    const Annotations annotations = readAnnotations(annotationsPath);
    const std::string file = QFile::encodeName(annotationsPath).toStdString();
    QStringList classNames;
    for (const std::string& name : labels.modelOrderNames())
        classNames << QString::fromStdString(name);
    QStringList names = annotations.videoClasses.keys();
    names.sort();
    std::vector<TrainingVideo> videos;
    for (const QString& name : names) {
        const QString className = annotations.videoClasses.value(name);
        TrainingVideo video;
        video.name = name.toStdString();
        video.label = classIndex(labels, className);
        if (video.label < 0)
            throw Error(file + ": video '" + video.name + "' has class '" + className.toStdString() + "', not one of '" +
                        labels.source() + "'");
        const QString npy = QDir(featuresDir).filePath(name + QStringLiteral(".npy"));
        const std::string npyPath = QFile::encodeName(npy).toStdString();
        if (!QFileInfo::exists(npy))
            throw Error(npyPath + ": no features for video '" + video.name + "' of " + file);
        NpyArray array = readNpy(npyPath);
        const bool flat = array.shape.size() == 2, oneCrop = array.shape.size() == 3 && array.shape[1] == 1;
        if (!(flat || oneCrop) || array.shape.back() != dim || array.shape[0] < 1)
            throw Error(npyPath + ": expected [T, " + std::to_string(dim) + "] features (or [T, 1, " + std::to_string(dim) +
                        "]), not an array of " + std::to_string(array.shape.size()) + " dimensions ending in " +
                        std::to_string(array.shape.empty() ? 0 : array.shape.back()));
        video.frames = array.shape[0];
        video.dim = dim;
        video.features = array.toFloat();
        const QList<GroundTruthInterval> intervals = annotations.videos.value(name);
        if (!intervals.isEmpty() || video.label == labels.normalId())
            video.frameLabels = frameLabels(video.frames, intervals, classNames, labels.normalId(), name);
        videos.push_back(std::move(video));
    }
    if (videos.empty())
        throw Error(file + ": no video listed");
    return videos;
}

QMap<QString, int> classesNotInModel(const ProjectStore& store, const LabelSet& labels)
{
    QMap<QString, int> found;
    QHash<QString, QString> spelling; // key -> the first spelling met
    auto key = [](QString text) { return text.replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed().toLower(); };
    for (const VideoRecord& video : store.videos()) {
        QStringList names{video.videoClass};
        for (const GroundTruthInterval& interval : store.groundTruth(video.id))
            names << interval.className;
        for (const LabelRecord& label : store.labels(video.id))
            names << label.className;
        QSet<QString> counted;
        for (const QString& name : names) {
            if (name.trimmed().isEmpty() || classIndex(labels, name) >= 0)
                continue;
            const QString k = key(name);
            if (!spelling.contains(k))
                spelling.insert(k, name.trimmed());
            if (!counted.contains(k)) {
                counted.insert(k);
                ++found[spelling.value(k)];
            }
        }
    }
    return found;
}

ProjectTrainingSet projectTrainingVideos(const ProjectStore& store, const AnomalyClipModel& base, const FeatureCache& cache)
{
    const LabelSet& labels = base.labels();
    const int classes = labels.size(), dim = base.config().embedDim;
    QStringList classNames;
    for (const std::string& name : labels.modelOrderNames())
        classNames << QString::fromStdString(name);
    const QString encoder = QString::fromStdString(featureFingerprint(base, Precision::Float32));
    ProjectTrainingSet set;
    for (const VideoRecord& video : store.videos()) {
        const QString name = QFileInfo(video.path).completeBaseName();
        const QList<LabelRecord> analyst = store.labels(video.id);
        QList<GroundTruthInterval> intervals = store.groundTruth(video.id);
        for (const LabelRecord& label : analyst) // after the ground truth: they win where both are
            intervals << GroundTruthInterval{label.startFrame, label.endFrame, label.className};
        int cls = -1;
        if (!video.videoClass.isEmpty()) {
            cls = classIndex(labels, video.videoClass);
            if (cls < 0) {
                set.skipped << QStringLiteral("%1: class '%2' is not one of the model's").arg(name, video.videoClass);
                continue;
            }
        } else if (!analyst.isEmpty()) {
            std::vector<qint64> frames(static_cast<size_t>(classes), 0);
            for (const LabelRecord& label : analyst)
                if (const int c = classIndex(labels, label.className); c >= 0)
                    frames[size_t(c)] += label.endFrame - label.startFrame;
            cls = int(std::max_element(frames.begin(), frames.end()) - frames.begin());
        } else {
            set.skipped << QStringLiteral("%1: no class (neither a video class nor labels)").arg(name);
            continue;
        }
        if (video.missing) {
            set.skipped << QStringLiteral("%1: the file is missing (%2)").arg(name, video.path);
            continue;
        }
        const std::optional<CachedFeatures> cached = cache.find(video.path, video.fingerprint, encoder, 1, dim);
        if (!cached) {
            set.unscored << video.path;
            continue;
        }
        TrainingVideo v;
        v.name = name.toStdString();
        v.label = cls;
        v.frames = cached->features.shape[0];
        v.dim = dim;
        v.features = cached->features.toFloat();
        if (!intervals.isEmpty() || cls == labels.normalId()) {
            try {
                v.frameLabels = frameLabels(v.frames, intervals, classNames, labels.normalId(), name);
            } catch (const Error& e) {
                set.skipped << QString::fromStdString(e.what());
                continue;
            }
        }
        set.videos.push_back(std::move(v));
        set.videoIds << video.id;
    }
    return set;
}

} // namespace vigil
