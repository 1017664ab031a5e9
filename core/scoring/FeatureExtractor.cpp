// The three-stage feature pipeline. Rows whose frame was not encoded (stride, or frames
// a damaged file lost) hold the feature of the closest encoded frame before them.
#include "scoring/FeatureExtractor.h"

#include "model/ClipPreprocessor.h"
#include "model/Error.h"
#include "model/InferenceSession.h"
#include "scoring/BoundedQueue.h"
#include "scoring/EncoderLanes.h"
#include "scoring/JobControl.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

namespace vigil {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct DecodedItem {
    int64_t index = 0;
    VideoFrame frame;
};

struct PixelItem {
    int64_t index = 0;
    std::vector<float> pixels; // 3 x R x R
};

// Runs `body`, turning an exception into a stored one and a queue abort, so the other
// stages stop instead of waiting forever.
template <typename Body>
void runStage(std::exception_ptr& error, const std::function<void()>& abortAll, Body body)
{
    try {
        body();
    } catch (...) {
        error = std::current_exception();
        abortAll();
    }
}

} // namespace

FeatureExtractor::FeatureExtractor(const InferenceSession& session, const ExtractionOptions& options)
    : m_session(session)
    , m_options(options)
{
    m_options.batchSize = std::max(1, m_options.batchSize);
    m_options.stride = std::max(1, m_options.stride);
}

ExtractedFeatures FeatureExtractor::extract(const std::string& videoPath, JobControl* control,
                                            const ChunkCallback& onChunk) const
{
    const auto start = Clock::now();
    const int resolution = m_session.model().config().imageResolution;
    const int dim = m_session.model().config().embedDim;
    const int batch = m_options.batchSize, stride = m_options.stride;
    if (!m_session.model().config().hasImageEncoder)
        throw Error("the checkpoint has no image encoder: it can only score pre-extracted features");

    FrameDecoder::Options decoderOptions;
    decoderOptions.threads = m_options.decoderThreads;
    // Opened here, not in the thread, so that an unreadable file is reported at once.
    auto decoder = std::make_unique<FrameDecoder>(videoPath, decoderOptions);

    ExtractedFeatures result;
    result.video = decoder->info();
    result.stride = stride;
    result.dim = dim;
    const int64_t total = m_options.maxFrames > 0 ? std::min(result.video.frameCount, m_options.maxFrames)
                                                  : result.video.frameCount;
    result.values.reserve(size_t(total) * size_t(dim));

    BoundedQueue<DecodedItem> decoded{size_t(batch)};
    BoundedQueue<PixelItem> preprocessed{size_t(2 * batch)};
    const std::function<void()> abortAll = [&] {
        decoded.abort();
        preprocessed.abort();
    };
    std::exception_ptr decodeError, preprocessError;
    DecodeStatus decodeStatus;

    std::thread decodeThread([&] {
        runStage(decodeError, abortAll, [&] {
            int64_t nextToEncode = 0;
            DecodedItem item;
            while (true) {
                if (control && control->isCancelled())
                    break;
                const auto t0 = Clock::now();
                if (!decoder->read(item.frame))
                    break;
                if (m_options.maxFrames > 0 && item.frame.index >= m_options.maxFrames)
                    break;
                result.decodeSeconds += secondsSince(t0);
                if (item.frame.index < nextToEncode)
                    continue;
                item.index = item.frame.index;
                nextToEncode = item.index + stride;
                if (!decoded.push(std::move(item)))
                    break;
                item = DecodedItem();
            }
            decodeStatus = decoder->status();
            decoded.close();
        });
    });
    std::thread preprocessThread([&] {
        runStage(preprocessError, abortAll, [&] {
            ClipPreprocessor preprocessor(resolution);
            while (std::optional<DecodedItem> in = decoded.pop()) {
                const auto t0 = Clock::now();
                PixelItem out;
                out.index = in->index;
                out.pixels.resize(size_t(3) * resolution * resolution);
                const VideoFrame& f = in->frame;
                preprocessor.process(f.rgb.data(), f.width, f.height, f.width * 3, out.pixels.data());
                result.preprocessSeconds += secondsSince(t0);
                if (!preprocessed.push(std::move(out)))
                    return;
            }
            preprocessed.close();
        });
    });

    // Encoder stage. Frames go in groups, in order; `append` writes each group's rows, in
    // order, on this thread (the session's), and reports the chunk.
    std::exception_ptr encodeError;
    std::atomic<bool> cancelled{false}; // by `control`
    int64_t filled = 0; // rows final so far
    auto fillUpTo = [&](int64_t end, const float* feature) {
        // Rows [filled, end) take `feature` (held from the last encoded frame).
        for (int64_t row = filled; row < end; ++row)
            result.values.insert(result.values.end(), feature, feature + dim);
        filled = std::max(filled, end);
    };
    // Takes up to `size` frames off the queue; fewer only at the end.
    auto take = [&](int size, FrameGroup& group) {
        group.indices.clear();
        group.pixels.clear();
        while (int(group.indices.size()) < size) {
            std::optional<PixelItem> item = preprocessed.pop();
            if (!item)
                break;
            group.indices.push_back(item->index);
            group.pixels.insert(group.pixels.end(), item->pixels.begin(), item->pixels.end());
        }
        return !group.indices.empty();
    };
    auto append = [&](const std::vector<int64_t>& indices, const std::vector<float>& features) {
        result.framesEncoded += int64_t(indices.size());
        const int64_t chunkStart = filled;
        for (size_t i = 0; i < indices.size(); ++i) {
            const float* feature = features.data() + i * size_t(dim);
            if (indices[i] > filled) {
                // Rows before the first encoded frame take its feature; later gaps the
                // previous one's (copied: filling may reallocate the rows).
                const std::vector<float> held = filled == 0
                    ? std::vector<float>(feature, feature + dim)
                    : std::vector<float>(result.values.end() - dim, result.values.end());
                fillUpTo(indices[i], held.data());
            }
            fillUpTo(indices[i] + 1, feature);
        }
        if (onChunk) {
            ExtractionProgress progress;
            progress.framesDone = filled;
            progress.framesTotal = total;
            const double elapsed = secondsSince(start);
            progress.framesPerSecond = elapsed > 0 ? double(filled) / elapsed : 0;
            if (progress.framesPerSecond > 0)
                progress.secondsLeft = double(std::max<int64_t>(0, total - filled)) / progress.framesPerSecond;
            FeatureChunk chunk;
            chunk.firstFrame = chunkStart;
            chunk.frames = filled - chunkStart;
            chunk.dim = dim;
            chunk.values = result.values.data() + chunkStart * dim;
            onChunk(chunk, progress);
        }
    };
    auto noteFirstBatch = [&](Clock::time_point at) {
        if (result.firstBatchAfterSeconds < 0)
            result.firstBatchAfterSeconds = std::chrono::duration<double>(at - start).count();
    };

    // Blocks while paused; false once cancelled (any encoding thread).
    auto proceed = [&] {
        if (control && !control->proceed()) {
            cancelled = true;
            return false;
        }
        return true;
    };

    const int lanes = std::min(m_session.encoderLanes(), batch);
    if (lanes <= 1) {
        try {
            FrameGroup group;
            while (true) {
                if (!proceed())
                    break;
                const auto waitStart = Clock::now();
                if (!take(batch, group))
                    break;
                const auto t0 = Clock::now();
                result.encodeWaitSeconds += std::chrono::duration<double>(t0 - waitStart).count();
                noteFirstBatch(t0);
                const std::vector<float> features = m_session.encodeImages(group.pixels.data(), int64_t(group.indices.size()));
                result.encodeSeconds += secondsSince(t0);
                append(group.indices, features);
            }
        } catch (...) {
            encodeError = std::current_exception();
        }
    } else {
        EncoderLanes::Plan plan;
        plan.lanes = lanes;
        plan.groupSize = (batch + lanes - 1) / lanes;
        plan.stride = stride;
        plan.frames = total;
        plan.shrinkLastGroups = !m_session.fixedBatchSize();
        EncoderLanes::Calls calls;
        calls.take = take;
        calls.encode = [&](const FrameGroup& group) {
            return m_session.encodeImagesOnThisThread(group.pixels.data(), int64_t(group.indices.size()));
        };
        calls.deliver = [&](const std::vector<int64_t>& indices, const std::vector<float>& features,
                            EncoderLanes::Clock::time_point started) {
            noteFirstBatch(started);
            append(indices, features);
        };
        calls.proceed = proceed;
        calls.abort = abortAll;
        try {
            const EncoderLanes::Times times = EncoderLanes(plan).run(calls);
            // Per lane, on average: the rate is the frames over one lane's busy time.
            result.encodeSeconds += times.busySeconds;
            result.encodeWaitSeconds += times.waitSeconds;
        } catch (...) {
            encodeError = std::current_exception();
        }
    }
    if (cancelled || encodeError)
        abortAll();
    decodeThread.join();
    preprocessThread.join();
    decoder.reset();

    if (cancelled || (control && control->isCancelled()))
        throw Cancelled();
    for (const std::exception_ptr& error : {encodeError, decodeError, preprocessError})
        if (error)
            std::rethrow_exception(error);
    if (filled == 0)
        throw Error(videoPath + ": no frame could be decoded" +
                    (decodeStatus.message.empty() ? std::string() : " (" + decodeStatus.message + ")"));

    // Frames after the last encoded one (stride) hold its feature, up to the index's end;
    // a video that stopped early ends at its last decoded frame.
    const int64_t end = decodeStatus.stoppedEarly ? filled : std::max(filled, total);
    if (end > filled) {
        const std::vector<float> last(result.values.end() - dim, result.values.end());
        fillUpTo(end, last.data());
    }
    result.decode = decodeStatus;
    result.frames = filled;
    result.seconds = secondsSince(start);
    return result;
}

} // namespace vigil
