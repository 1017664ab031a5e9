// Inference. The head runs over the video in chunks of sub-sequences so that memory
// stays bounded for videos of any length.
#include "model/InferenceSession.h"

#include "model/BlasRuntime.h"
#include "model/CpuMemoryPool.h"
#include "model/Error.h"
#include "model/ParallelParts.h"
#include "model/nn/AnomalyClipModelImpl.h"
#include "model/nn/Int8Linear.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/Version.h>

#include <thread>

namespace vigil {

struct InferenceSession::State {
    torch::Device device{torch::kCPU};
    Precision precision = Precision::Float32;
    Int8Kernels int8Kernels = Int8Kernels::Best;
    torch::ScalarType dtype = torch::kFloat32; // of the device copy: kHalf for fp16
    int threads = 1;
    int64_t sequencesPerChunk = 16;
    AnomalyClipNet net{nullptr}; // the model's own on CPU fp32, else a copy on the device
    VisionTransformer int8Encoder{nullptr}; // int8: a copy sharing the weights, with int8 layers
    torch::Tensor centroid, textFeatures;
};

// Debian's LibTorch calls the system BLAS, which with OpenBLAS runs a thread pool of its
// own beside ATen's OpenMP one. Two pools spinning on the same cores slow each other down:
// an ATen operation right after a GEMM ran 40 % slower, and ViT-B/16 reached 5.3 frames/s
// instead of 6.7 on 2 cores. So OpenBLAS gets the threads and ATen's own operations run on
// the calling thread. With MKL (official LibTorch builds) both share OpenMP's pool.
//
// In int8 the large products run in the quantized engine, on ATen's threads: ATen gets
// them then, and OpenBLAS (left with attention's small products) one.
void applyThreadCount(int threads, bool int8)
{
    selectBlasKernels();
    static const bool mkl = at::show_config().find("BLAS_INFO=mkl") != std::string::npos;
    if (!mkl && setOpenBlasThreads(int8 ? 1 : threads))
        at::set_num_threads(int8 ? threads : 1);
    else
        at::set_num_threads(threads);
}

// One thread for OpenBLAS and for ATen on the calling thread: kernels that several
// threads run side by side, each on its own data.
void applySingleThreadKernels()
{
    setOpenBlasThreads(1);
    at::set_num_threads(1);
}

void keepFp32ExactOnCuda()
{
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setAllowTF32CuDNN(false);
}

std::string featureFingerprint(const AnomalyClipModel& model, Precision precision)
{
    const std::string& encoder = model.imageEncoderFingerprint();
    if (encoder.empty() || precision == Precision::Float32)
        return encoder;
    return encoder + "-" + precisionName(precision);
}

const char* precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Float16:
        return "fp16";
    case Precision::Int8:
        return "int8";
    case Precision::Float32:
        break;
    }
    return "fp32";
}

bool int8Available() { return Int8Linear::available(); }

bool InferenceSession::cudaAvailable() { return torch::cuda::is_available(); }

InferenceSession::InferenceSession(std::shared_ptr<const AnomalyClipModel> model, const SessionOptions& options)
    : m_model(std::move(model))
    , m_state(std::make_unique<State>())
{
    State& s = *m_state;
    if (options.precision == Precision::Int8 && options.device == ComputeDevice::Cuda)
        throw Error("int8 inference runs on the CPU only (use --device cpu, or fp16 on CUDA)");
    const bool cuda = options.device == ComputeDevice::Cuda ||
                      (options.device == ComputeDevice::Auto && torch::cuda::is_available());
    if (cuda && !torch::cuda::is_available())
        throw Error("CUDA was requested but no CUDA device is available (or LibTorch was built without CUDA)");
    if (options.precision == Precision::Float16 && !cuda)
        throw Error("fp16 inference needs a CUDA device");
    if (options.precision == Precision::Int8 && cuda)
        throw Error("int8 inference runs on the CPU only (use --device cpu, or fp16 on CUDA)");
    if (options.precision == Precision::Int8 && !Int8Linear::available())
        throw Error("this LibTorch has no quantized CPU engine: int8 inference is not available");
    s.precision = options.precision;
    s.int8Kernels = options.int8Kernels;
    const bool int8 = s.precision == Precision::Int8;
    s.device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    s.dtype = options.precision == Precision::Float16 ? torch::kHalf : torch::kFloat32;
    s.threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    s.sequencesPerChunk = std::max<int64_t>(1, options.sequencesPerChunk);
    if (!cuda) {
        applyThreadCount(s.threads, int8);
        installCpuMemoryPool();
    } else if (s.precision == Precision::Float32) {
        keepFp32ExactOnCuda();
    }

    const AnomalyClipModel::Impl& impl = m_model->impl();
    if (cuda) {
        torch::NoGradGuard noGrad;
        s.net = AnomalyClipNet(impl.config);
        auto source = impl.net->named_parameters();
        for (auto& p : s.net->named_parameters()) {
            const torch::Tensor& from = source[p.key()];
            if (from.numel() == 0 && p.value().numel() != 0)
                p.value().set_data(torch::empty({0})); // released after load (text encoder)
            else
                p.value().copy_(from);
        }
        auto sourceBuffers = impl.net->named_buffers();
        for (auto& b : s.net->named_buffers())
            b.value().copy_(sourceBuffers[b.key()]);
        s.net->eval();
        s.net->to(s.device);
        s.net->temporal_model->to(s.dtype);
        if (s.net->image_encoder)
            s.net->image_encoder->to(s.dtype);
    } else {
        s.net = impl.net;
    }
    if (int8 && impl.net->image_encoder) {
        // The shared model stays fp32; this session's copy shares its weights' storage.
        torch::NoGradGuard noGrad;
        const VisionTransformer& source = impl.net->image_encoder;
        s.int8Encoder = VisionTransformer(source->options);
        auto from = source->named_parameters();
        for (auto& p : s.int8Encoder->named_parameters())
            p.value().set_data(from[p.key()]);
        s.int8Encoder->eval();
        s.int8Encoder->quantizeInt8(options.int8Kernels);
    }
    s.centroid = impl.centroid.to(s.device);
    s.textFeatures = impl.textFeatures.to(s.device);
}

InferenceSession::~InferenceSession() = default;

std::string InferenceSession::deviceDescription() const
{
    State& s = *m_state;
    if (s.device.is_cuda())
        return std::string("cuda:0 ") + precisionName(s.precision);
    std::string kernels;
    if (s.precision == Precision::Int8)
        kernels = ", " + Int8Linear::kernelsName(s.int8Kernels);
    return std::string("cpu ") + precisionName(s.precision) + " (" + std::to_string(s.threads) + " threads" + kernels + ")";
}

VideoScores InferenceSession::scoreFeatures(const float* features, int64_t frames, int64_t dim,
                                            const ProgressCallback& progress) const
{
    State& s = *m_state;
    const ModelConfig& config = m_model->config();
    if (frames < 1)
        throw Error("no frames to score");
    if (dim != config.embedDim)
        throw Error("the features have " + std::to_string(dim) + " dimensions, the model expects " +
                    std::to_string(config.embedDim));
    c10::InferenceMode guard;
    if (!s.device.is_cuda())
        applyThreadCount(s.threads, false); // the head stays fp32
    const int normalId = m_model->labels().normalId();
    const int64_t window = config.windowFrames(), n = config.segments, l = config.framesPerSegment;

    const torch::Tensor input = torch::from_blob(const_cast<float*>(features), {frames, dim}, torch::kFloat32);
    const torch::Tensor x = input.to(s.device);

    // Section 3: selector logits per frame, no windowing. Evaluated in slices of frames
    // (exact in eval mode) so that no full-length copy of the features is made.
    constexpr int64_t kSelectorSlice = 32768;
    std::vector<torch::Tensor> logitSlices;
    for (int64_t first = 0; first < frames; first += kSelectorSlice) {
        const torch::Tensor slice = x.slice(0, first, std::min(frames, first + kSelectorSlice));
        logitSlices.push_back(s.net->selector_model->forward(slice, s.textFeatures, s.centroid, normalId));
    }
    const torch::Tensor logits = torch::cat(logitSlices, 0);
    logitSlices.clear();

    // Section 5: pad by wrapping, view as [N, S, L], run the S sub-sequences as batches.
    const int64_t padded = (frames + window - 1) / window * window;
    const int64_t sequences = padded / window;
    torch::Tensor scores = torch::empty({frames}, torch::TensorOptions().dtype(torch::kFloat32).device(s.device));
    const auto longOptions = torch::TensorOptions().dtype(torch::kLong).device(s.device);
    const torch::Tensor segmentIndex = torch::arange(n, longOptions).view({1, n, 1});
    const torch::Tensor frameIndex = torch::arange(l, longOptions).view({1, 1, l});
    for (int64_t first = 0; first < sequences; first += s.sequencesPerChunk) {
        const int64_t count = std::min(s.sequencesPerChunk, sequences - first);
        const torch::Tensor sequence = torch::arange(first, first + count, longOptions).view({count, 1, 1});
        const torch::Tensor position = ((segmentIndex * sequences + sequence) * l + frameIndex).view({-1}); // [count*N*L]
        const torch::Tensor source = position.remainder(frames);
        const torch::Tensor input =
            s.net->temporalInput(x.index_select(0, source), logits.index_select(0, source), s.centroid);
        const torch::Tensor out =
            s.net->temporal_model->forward(input.to(s.dtype).view({count, n * l, -1})).to(torch::kFloat32).view({-1});
        const torch::Tensor keep = position < frames;
        scores.index_put_({position.masked_select(keep)}, out.masked_select(keep));
        if (progress && !progress(first + count, sequences))
            throw Cancelled();
    }

    // p(c | abnormal) and p(c) with the normal column inserted at normal_id.
    const torch::Tensor softmax = torch::softmax(logits, -1);
    const torch::Tensor a = scores.unsqueeze(1);
    const torch::Tensor abnormal = softmax * a;
    const torch::Tensor classProbs = torch::cat(
        {abnormal.slice(1, 0, normalId), 1 - a, abnormal.slice(1, normalId, abnormal.size(1))}, 1);

    auto toVector = [](const torch::Tensor& t) {
        const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
        return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    };
    VideoScores result;
    result.frames = frames;
    result.classes = config.classes;
    result.normalId = normalId;
    result.scores = toVector(scores);
    result.logits = toVector(logits);
    result.softmax = toVector(softmax);
    result.classProbs = toVector(classProbs);
    return result;
}

void InferenceSession::encodeRange(const float* pixels, int64_t count, float* out) const
{
    State& s = *m_state;
    const ModelConfig& config = m_model->config();
    const int64_t r = config.imageResolution, dim = config.embedDim;
    VisionTransformer encoder = s.int8Encoder ? s.int8Encoder : s.net->image_encoder;
    c10::InferenceMode guard;
    const torch::Tensor input =
        torch::from_blob(const_cast<float*>(pixels), {count, 3, r, r}, torch::kFloat32).to(s.device, s.dtype);
    const torch::Tensor features = encoder->forward(input).to(torch::kCPU, torch::kFloat32).contiguous();
    std::copy(features.data_ptr<float>(), features.data_ptr<float>() + count * dim, out);
}

int InferenceSession::encoderLanes() const
{
    return m_state->device.is_cuda() ? 1 : std::max(1, m_state->threads);
}

bool InferenceSession::fixedBatchSize() const
{
    return m_state->precision == Precision::Int8;
}

std::vector<float> InferenceSession::encodeImagesOnThisThread(const float* pixels, int64_t count) const
{
    if (!m_state->net->image_encoder)
        throw Error("this checkpoint has no image encoder");
    std::vector<float> result(size_t(count * m_model->config().embedDim));
    if (m_state->device.is_cuda()) {
        encodeRange(pixels, count, result.data());
        return result;
    }
    applySingleThreadKernels(); // OpenMP's setting is this thread's own
    encodeRange(pixels, count, result.data());
    return result;
}

std::vector<float> InferenceSession::encodeImages(const float* pixels, int64_t count) const
{
    State& s = *m_state;
    const ModelConfig& config = m_model->config();
    if (!s.net->image_encoder)
        throw Error("this checkpoint has no image encoder");
    const int64_t pixelsPerImage = 3 * config.imageResolution * config.imageResolution, dim = config.embedDim;
    std::vector<float> result(size_t(count * dim));
    const int64_t parts = std::min<int64_t>(encoderLanes(), count);
    if (parts <= 1) {
        if (!s.device.is_cuda())
            applyThreadCount(s.threads, s.precision == Precision::Int8);
        encodeRange(pixels, count, result.data());
        return result;
    }
    // On the CPU the batch is split between the threads, each encoding its part with
    // single-threaded kernels. Threading each product instead left the second core idle
    // during every operation between products (layer norms, softmax, GELU, copies), and
    // its BLAS thread spinning in sched_yield (a sixth of the process's CPU samples, and
    // most of its system time). bench_encoder: 75-80 % of the matrix product's GFLOP/s
    // before, medians of 86-95 % split.
    std::vector<std::pair<int64_t, int64_t>> ranges; // first frame, frames
    for (int64_t part = 0, first = 0; part < parts; ++part) {
        const int64_t n = count / parts + (part < count % parts ? 1 : 0);
        ranges.emplace_back(first, n);
        first += n;
    }
    runParts(parts, [&](int64_t part) {
        applySingleThreadKernels(); // OpenMP's setting is this thread's own
        const auto [first, n] = ranges[size_t(part)];
        encodeRange(pixels + first * pixelsPerImage, n, result.data() + first * dim);
    });
    return result;
}

} // namespace vigil
