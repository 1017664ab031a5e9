// The three-stage feature pipeline. Rows whose frame was not encoded (stride, or frames
// a damaged file lost) hold the feature of the closest encoded frame before them.
#include "scoring/FeatureExtractor.h"

#include "model/ClipPreprocessor.h"
#include "model/Error.h"
#include "model/InferenceSession.h"
#include "scoring/BoundedQueue.h"
#include "scoring/JobControl.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>
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

struct FrameGroup {
    std::vector<int64_t> indices;
    std::vector<float> pixels; // [n, 3, R, R]
};

struct EncodedGroup {
    std::vector<int64_t> indices;
    std::vector<float> features; // [n, D]
    Clock::time_point started;
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
    std::atomic<bool> stop{false};      // the lanes stop: cancelled, or a stage failed
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
        // One lane per thread, each taking its own group of batch / lanes frames and encoding
        // it with single-threaded kernels, never waiting for the other: the batch split in
        // parts that all had to end before the next batch left a core idle 9 % of the time
        // (the parts' ends 0.1-0.5 s apart on 2.2-3.3 s; the decoding and preprocessing
        // threads take their share from one core at a time). Groups are the parts the split
        // batch had, so int8's activation ranges, taken per part, are those of the split
        // batch, but for the video's last frames: there the groups shrink to a quarter of
        // what is left per lane, down to 2 frames, so that the lanes end together. With
        // groups of 8 to the end, one lane was left alone on the last group for 1 s of a
        // 27 s run (2.1 s of one core; 8 frames take 2.2-2.9 s); groups of 2 frames encode
        // at the rate of groups of 8, groups of 1 about 15 % slower (vigil-cli --batch 2, 4, 8).
        const int groupSize = (batch + lanes - 1) / lanes;
        const int smallestGroup = std::min(2, groupSize);
        int64_t nextIndex = 0; // the next frame to encode, as the decoder's stride says; under takeMutex
        auto groupSizeNow = [&] {
            // The frame count is the container's, maybe an estimate: past it, full groups.
            const int64_t left = total > nextIndex ? (total - nextIndex + stride - 1) / stride : 0;
            if (left <= 0)
                return groupSize;
            return int(std::clamp<int64_t>((left + 2 * lanes - 1) / (2 * lanes), smallestGroup, groupSize));
        };
        std::mutex takeMutex, doneMutex;
        std::condition_variable doneChanged;
        std::map<int64_t, EncodedGroup> done; // by group number
        int64_t nextGroup = 0;
        int running = lanes;
        std::exception_ptr laneError;
        std::vector<double> busy(size_t(lanes), 0.0), waited(size_t(lanes), 0.0);
        auto lane = [&](int laneIndex) {
            try {
                FrameGroup group;
                while (true) {
                    if (!proceed())
                        break;
                    int64_t number = 0;
                    const auto waitStart = Clock::now();
                    {
                        std::lock_guard lock(takeMutex); // groups of consecutive frames, numbered in order
                        if (stop || !take(groupSizeNow(), group))
                            break;
                        number = nextGroup++;
                        nextIndex = group.indices.back() + stride;
                    }
                    const auto t0 = Clock::now();
                    waited[size_t(laneIndex)] += std::chrono::duration<double>(t0 - waitStart).count();
                    EncodedGroup encoded;
                    encoded.features = m_session.encodeImagesOnThisThread(group.pixels.data(), int64_t(group.indices.size()));
                    busy[size_t(laneIndex)] += secondsSince(t0);
                    encoded.started = t0;
                    encoded.indices = std::move(group.indices);
                    std::lock_guard lock(doneMutex);
                    done.emplace(number, std::move(encoded));
                    doneChanged.notify_all();
                }
            } catch (...) {
                std::lock_guard lock(doneMutex);
                if (!laneError)
                    laneError = std::current_exception();
                stop = true; // the other lanes too
                abortAll();
            }
            std::lock_guard lock(doneMutex);
            --running;
            doneChanged.notify_all();
        };
        std::vector<std::thread> laneThreads;
        try {
            for (int i = 0; i < lanes; ++i)
                laneThreads.emplace_back(lane, i);
        } catch (const std::system_error&) { // the lanes that could not start never run
            std::lock_guard lock(doneMutex);
            running -= lanes - int(laneThreads.size());
        }
        if (laneThreads.empty()) {
            running = 1;
            lane(0); // on this thread; its groups are appended below
        }
        try {
            for (int64_t next = 0;; ++next) {
                std::unique_lock lock(doneMutex);
                doneChanged.wait(lock, [&] { return done.count(next) > 0 || running == 0; });
                const auto it = done.find(next);
                if (it == done.end())
                    break; // every lane ended and no group is left
                EncodedGroup encoded = std::move(it->second);
                done.erase(it);
                lock.unlock();
                noteFirstBatch(encoded.started);
                append(encoded.indices, encoded.features);
            }
        } catch (...) {
            encodeError = std::current_exception();
            stop = true;
            abortAll();
        }
        for (std::thread& t : laneThreads)
            t.join();
        if (!encodeError)
            encodeError = laneError;
        // Per lane, on average: the rate is the frames over one lane's busy time.
        for (int i = 0; i < lanes; ++i) {
            result.encodeSeconds += busy[size_t(i)] / lanes;
            result.encodeWaitSeconds += waited[size_t(i)] / lanes;
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
