#include "TrackQueries.h"

#include <algorithm>

namespace vigil {

namespace {

// p(c | abnormal) for one frame's row; 0 where the score is 0 (nothing abnormal to share).
inline double conditional(const ScoreTrack& track, qint64 frame, int cls)
{
    const float score = track.scores[size_t(frame)];
    const float* row = track.classProbs.data() + frame * track.classes;
    return score > 0 ? double(row[cls]) / double(score) : 0.0;
}

bool hasClasses(const ScoreTrack& track) { return !track.classProbs.empty() && track.classes > 0; }

} // namespace

int topAbnormalClass(const ScoreTrack& track, qint64 frame, float* probability)
{
    *probability = 0;
    if (!hasClasses(track) || frame < 0 || frame >= track.frames || track.scores[size_t(frame)] <= 0)
        return -1;
    const float* row = track.classProbs.data() + frame * track.classes;
    int best = -1;
    for (int c = 0; c < track.classes; ++c)
        if (c != track.normalId && (best < 0 || row[c] > row[best]))
            best = c;
    if (best >= 0)
        *probability = row[best] / track.scores[size_t(frame)];
    return best;
}

QVector<double> abnormalClassProbabilities(const ScoreTrack& track, qint64 frame)
{
    QVector<double> p;
    if (!hasClasses(track) || frame < 0 || frame >= track.frames)
        return p;
    for (int c = 0; c < track.classes; ++c)
        if (c != track.normalId)
            p << conditional(track, frame, c);
    return p;
}

std::shared_ptr<const std::vector<float>> abnormalClassMatrix(const ScoreTrack& track)
{
    if (!hasClasses(track))
        return nullptr;
    auto matrix = std::make_shared<std::vector<float>>();
    matrix->reserve(size_t(track.frames) * size_t(track.classes - 1));
    for (qint64 t = 0; t < track.frames; ++t) {
        const float score = track.scores[size_t(t)];
        const float* row = track.classProbs.data() + t * track.classes;
        for (int c = 0; c < track.classes; ++c)
            if (c != track.normalId)
                matrix->push_back(score > 0 ? row[c] / score : 0.0f);
    }
    return matrix;
}

int dominantAbnormalClass(const ScoreTrack& track, qint64 start, qint64 end)
{
    if (!hasClasses(track))
        return -1;
    const qint64 first = std::clamp<qint64>(start, 0, track.frames);
    const qint64 last = std::clamp<qint64>(end, first, track.frames);
    if (last == first)
        return -1;
    std::vector<double> sums(size_t(track.classes), 0.0);
    for (qint64 t = first; t < last; ++t)
        for (int c = 0; c < track.classes; ++c)
            sums[size_t(c)] += conditional(track, t, c);
    int best = -1;
    for (int c = 0; c < track.classes; ++c)
        if (c != track.normalId && (best < 0 || sums[size_t(c)] > sums[size_t(best)]))
            best = c;
    return best;
}

} // namespace vigil
