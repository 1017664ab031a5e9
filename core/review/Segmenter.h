// Detections from per-frame anomaly scores: threshold with hysteresis, gaps merged,
// short events dropped, and each event's peak, mean score and top class. Plain C++, fast
// enough to re-run on every threshold drag (one pass over the scores).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vigil {

/// Plain value; any thread.
struct SegmentSettings {
    float threshold = 0.5f;     // an event starts when the score reaches this
    float hysteresis = 0.1f;    // ... and lasts while the score stays at or above threshold - hysteresis
    int64_t minFrames = 1;      // events shorter than this (after merging) are dropped
    int64_t mergeGapFrames = 0; // events separated by at most this many frames become one
};

struct Segment {
    int64_t startFrame = 0;
    int64_t endFrame = 0; // exclusive
    int64_t peakFrame = 0;
    float peakScore = 0;
    float meanScore = 0;
    int topClass = -1;               // model-order class index (never the normal class); -1 without class data
    float topClassProbability = 0;   // its p(class | abnormal), score-weighted mean over the event
    int64_t frames() const { return endFrame - startFrame; }
};

/// scores: [frames]; classProbs: [frames, classes] p(c) with the normal column at
/// normalId (as InferenceSession gives them), or null. Any thread.
std::vector<Segment> segmentScores(const float* scores, int64_t frames, const float* classProbs, int classes, int normalId,
                                   const SegmentSettings& settings);

/// Events per hour of video at `framesPerSecond`.
double alarmsPerHour(size_t events, int64_t frames, double framesPerSecond);

} // namespace vigil
