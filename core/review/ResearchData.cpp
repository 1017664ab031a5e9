#include "review/ResearchData.h"

#include "model/Error.h"
#include "project/ProjectStore.h"
#include "review/Evaluation.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace vigil {

ResearchData researchData(const ProjectStore& store, qint64 modelId, double threshold, TruthSource source, int bins)
{
    ResearchData data;
    data.truth = source;
    for (const ModelRecord& m : store.models())
        if (m.id == modelId)
            data.model = m.name;
    bins = std::max(1, bins);
    data.normalHistogram.assign(size_t(bins), 0);
    data.abnormalHistogram.assign(size_t(bins), 0);
    QHash<QString, int> rowOf; // truth class key -> row
    std::vector<float> scores;
    std::vector<uint8_t> positive;

    for (const VideoRecord& video : store.videos()) {
        const std::optional<ScoreTrack> track = store.scores(video.id, modelId);
        if (!track || track->frames == 0)
            continue;
        if (data.modelClasses.isEmpty()) {
            data.modelClasses = track->classNames;
            const QString normal = track->classNames.value(track->normalId);
            data.truthClasses << normal;
            rowOf.insert(classKey(normal), 0);
        }
        const VideoTruth known = videoTruth(store, video, source, data.truthClasses.first());
        if (!known.known) {
            data.leftOut << QFileInfo(video.path).completeBaseName();
            continue; // nothing known frame by frame
        }
        const QList<GroundTruthInterval>& intervals = known.intervals;
        ++data.videos;
        const qint64 frames = track->frames;
        std::vector<int> truth(size_t(frames), 0);
        for (const GroundTruthInterval& interval : intervals) {
            const QString k = classKey(interval.className);
            int row = rowOf.value(k, -1);
            if (row < 0) {
                row = int(data.truthClasses.size());
                rowOf.insert(k, row);
                data.truthClasses << interval.className;
            }
            for (qint64 f = std::max<qint64>(0, interval.startFrame); f < std::min(interval.endFrame, frames); ++f)
                truth[size_t(f)] = row;
        }
        data.confusion.resize(size_t(data.truthClasses.size()), std::vector<qint64>(size_t(data.modelClasses.size()), 0));
        data.cells.resize(size_t(data.truthClasses.size()), std::vector<QList<FrameSpan>>(size_t(data.modelClasses.size())));
        const QString name = QFileInfo(video.path).completeBaseName();
        const int classes = track->classes;
        int runRow = -1, runCol = -1;
        qint64 runStart = 0;
        auto closeRun = [&](qint64 end) {
            if (runRow >= 0)
                data.cells[size_t(runRow)][size_t(runCol)] << FrameSpan{video.id, name, runStart, end};
        };
        FailureCase current;
        bool inFailure = false;
        auto closeFailure = [&](qint64 end) {
            if (inFailure) {
                current.span.end = end;
                data.failures << current;
            }
            inFailure = false;
        };
        for (qint64 f = 0; f < frames; ++f) {
            const float s = track->scores[size_t(f)];
            const int row = truth[size_t(f)];
            const float* p = track->classProbs.data() + f * classes;
            const int col = int(std::max_element(p, p + classes) - p);
            ++data.confusion[size_t(row)][size_t(col)];
            if (row != runRow || col != runCol) {
                closeRun(f);
                runRow = row;
                runCol = col;
                runStart = f;
            }
            const bool abnormal = row != 0;
            scores.push_back(s);
            positive.push_back(abnormal);
            data.abnormalFrames += abnormal;
            (abnormal ? data.abnormalHistogram : data.normalHistogram)[size_t(std::clamp(int(s * bins), 0, bins - 1))]++;
            // Failures: alarms on normal frames, silence on abnormal ones.
            const bool alarm = double(s) >= threshold;
            const bool wrong = alarm != abnormal;
            const bool falseAlarm = alarm && !abnormal;
            if (!wrong || (inFailure && current.falseAlarm != falseAlarm) ||
                (inFailure && !falseAlarm && current.truthClass != data.truthClasses[row]))
                closeFailure(f);
            if (wrong) {
                if (!inFailure) {
                    current = FailureCase{FrameSpan{video.id, name, f, f + 1}, falseAlarm, 0, s,
                                          falseAlarm ? QString() : data.truthClasses[row]};
                    inFailure = true;
                }
                current.severity += std::abs(double(s) - threshold);
                current.peak = falseAlarm ? std::max(current.peak, s) : std::min(current.peak, s);
            }
        }
        closeRun(frames);
        closeFailure(frames);
        data.frames += frames;
    }
    if (data.videos == 0)
        throw Error("no video scored by this model has a known truth under '" + truthSourceName(source).toStdString() +
                    "' (intervals, or a normal video class)");
    data.curve = binaryCurve(scores.data(), positive.data(), int64_t(scores.size()));
    data.aucRoc = data.curve.rocAuc();
    data.aucPr = data.curve.averagePrecision();
    std::stable_sort(data.failures.begin(), data.failures.end(),
                     [](const FailureCase& a, const FailureCase& b) { return a.severity > b.severity; });
    return data;
}

} // namespace vigil
