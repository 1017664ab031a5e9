// Video file -> per-frame CLIP features, as a pipeline: a decoding thread, a
// preprocessing thread and the encoder, joined by bounded queues so the encoder never waits
// for frames and memory does not grow with the video. On the CPU the encoder is one lane
// per thread (InferenceSession::encoderLanes()), each encoding its own group of frames; the
// calling thread puts the rows back in order and reports them.
#pragma once

#include "video/FrameDecoder.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vigil {

class InferenceSession;
class JobControl;

struct ExtractionOptions {
    int batchSize = 16;    // frames in flight in the encoder: one call, or split between its lanes
    int stride = 1;        // encode every stride-th frame, hold its feature in between
    int decoderThreads = 0; // 0: FFmpeg's choice
    int64_t maxFrames = 0;  // stop after this many frames (benchmarks, previews); 0: all
};

struct ExtractionProgress {
    int64_t framesDone = 0;  // frames whose feature row is final
    int64_t framesTotal = 0; // frames in the video's index
    double framesPerSecond = 0;
    double secondsLeft = -1; // -1 until a rate is known
};

/// Rows [firstFrame, firstFrame + frames) of the [T, D] features, just completed.
struct FeatureChunk {
    int64_t firstFrame = 0;
    int64_t frames = 0;
    int dim = 0;
    const float* values = nullptr; // valid during the callback only
};

struct ExtractedFeatures {
    VideoInfo video;
    DecodeStatus decode;       // damage and early stops are reported here, not thrown
    int stride = 1;
    int64_t frames = 0;        // T: the index's frame count, or up to the last decoded frame
    int dim = 0;               // D
    int64_t framesEncoded = 0; // frames that went through the encoder
    std::vector<float> values; // [T, D]
    double seconds = 0;        // wall time
    // Busy time of each stage (they overlap): where the time goes.
    double decodeSeconds = 0, preprocessSeconds = 0, encodeSeconds = 0;
    double encodeWaitSeconds = 0;       // the encoder waiting for preprocessed frames
                                        // (with lanes: busy and waiting time per lane, on average)
    double firstBatchAfterSeconds = -1; // from the call to the first batch's encoding
};

/// Create and call on the thread that owns `session` (a worker thread).
class FeatureExtractor {
public:
    using ChunkCallback = std::function<void(const FeatureChunk&, const ExtractionProgress&)>;

    FeatureExtractor(const InferenceSession& session, const ExtractionOptions& options = {});

    /// Throws vigil::Error when the file cannot be decoded at all, vigil::Cancelled when
    /// `control` is cancelled (nothing is kept). Blocks while `control` is paused.
    ExtractedFeatures extract(const std::string& videoPath, JobControl* control = nullptr,
                              const ChunkCallback& onChunk = {}) const;

private:
    const InferenceSession& m_session;
    ExtractionOptions m_options;
};

} // namespace vigil
