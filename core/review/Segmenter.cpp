// Segmentation: hysteresis pass, merge pass, duration filter, then per-event statistics
// over the surviving events only.
#include "review/Segmenter.h"

#include <algorithm>

namespace vigil {

std::vector<Segment> segmentScores(const float* scores, int64_t frames, const float* classProbs, int classes, int normalId,
                                   const SegmentSettings& settings)
{
    std::vector<Segment> events;
    const float low = settings.threshold - std::max(0.0f, settings.hysteresis);
    bool inside = false;
    Segment current;
    for (int64_t t = 0; t < frames; ++t) {
        const float s = scores[t];
        if (!inside) {
            if (s >= settings.threshold) {
                inside = true;
                current.startFrame = t;
            }
        } else if (s < low) {
            inside = false;
            current.endFrame = t;
            events.push_back(current);
        }
    }
    if (inside) {
        current.endFrame = frames;
        events.push_back(current);
    }

    // Merge events whose gap is within the setting.
    std::vector<Segment> merged;
    for (const Segment& e : events) {
        if (!merged.empty() && e.startFrame - merged.back().endFrame <= settings.mergeGapFrames)
            merged.back().endFrame = e.endFrame;
        else
            merged.push_back(e);
    }
    merged.erase(std::remove_if(merged.begin(), merged.end(),
                                [&](const Segment& e) { return e.frames() < std::max<int64_t>(1, settings.minFrames); }),
                 merged.end());

    std::vector<double> classMass(size_t(std::max(0, classes)));
    for (Segment& e : merged) {
        double sum = 0;
        e.peakScore = -1;
        for (int64_t t = e.startFrame; t < e.endFrame; ++t) {
            sum += scores[t];
            if (scores[t] > e.peakScore) {
                e.peakScore = scores[t];
                e.peakFrame = t;
            }
        }
        e.meanScore = float(sum / double(e.frames()));
        if (classProbs && classes > 1) {
            // p(c) = p(c | abnormal) * score: summing p(c) and dividing by the summed score
            // gives the score-weighted mean p(c | abnormal).
            std::fill(classMass.begin(), classMass.end(), 0.0);
            for (int64_t t = e.startFrame; t < e.endFrame; ++t) {
                const float* row = classProbs + t * classes;
                for (int c = 0; c < classes; ++c)
                    classMass[size_t(c)] += row[c];
            }
            int best = -1;
            for (int c = 0; c < classes; ++c)
                if (c != normalId && (best < 0 || classMass[size_t(c)] > classMass[size_t(best)]))
                    best = c;
            e.topClass = best;
            e.topClassProbability = sum > 0 ? float(classMass[size_t(best)] / sum) : 0.0f;
        }
    }
    return merged;
}

double alarmsPerHour(size_t events, int64_t frames, double framesPerSecond)
{
    if (frames <= 0 || framesPerSecond <= 0)
        return 0;
    return double(events) / (double(frames) / framesPerSecond / 3600.0);
}

} // namespace vigil
