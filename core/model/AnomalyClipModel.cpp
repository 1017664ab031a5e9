// Model loading: checkpoint -> architecture -> weights -> centroid -> prompts -> text features.
#include "model/nn/AnomalyClipModelImpl.h"

#include "model/BlasRuntime.h"
#include "model/ClipTokenizer.h"
#include "model/CpuMemoryPool.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/nn/CheckpointReader.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace vigil {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

torch::Tensor loadCentroid(const std::string& path, int64_t dim)
{
    torch::Tensor centroid;
    if (endsWith(path, ".npy")) {
        NpyArray array = readNpy(path);
        std::vector<float> values = array.toFloat();
        centroid = torch::from_blob(values.data(), {int64_t(values.size())}, torch::kFloat32).clone();
    } else {
        centroid = CheckpointReader(path).rootTensor().to(torch::kFloat32).contiguous().clone();
    }
    centroid = centroid.flatten();
    if (centroid.numel() != dim)
        throw Error(path + ": the normal centroid has " + std::to_string(centroid.numel()) +
                    " values, the model's features have " + std::to_string(dim));
    if (!torch::isfinite(centroid).all().item<bool>())
        throw Error(path + ": the normal centroid holds NaN or infinite values");
    return centroid;
}

// A fast non-cryptographic digest (two multiply-xorshift lanes): it tells encoders apart
// for the feature cache, it does not defend against forgery.
class Digest {
public:
    void add(const void* data, size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            mix(word);
        }
        uint64_t tail = size;
        for (; i < size; ++i)
            tail = (tail << 8) | bytes[i];
        mix(tail);
    }
    std::string hex() const
    {
        char text[33];
        std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(finish(m_a)),
                      static_cast<unsigned long long>(finish(m_b)));
        return text;
    }

private:
    void mix(uint64_t word)
    {
        m_a = (m_a ^ word) * 0x9E3779B97F4A7C15ull;
        m_a ^= m_a >> 29;
        m_b = (m_b + word) * 0xC2B2AE3D27D4EB4Full;
        m_b ^= m_b >> 31;
    }
    static uint64_t finish(uint64_t h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 33;
        return h;
    }
    uint64_t m_a = 0x243F6A8885A308D3ull, m_b = 0x13198A2E03707344ull;
};

std::string fingerprintModule(torch::nn::Module& module)
{
    Digest digest;
    for (const auto& item : module.named_parameters()) {
        const torch::Tensor t = item.value().to(torch::kFloat32).contiguous();
        digest.add(item.key().data(), item.key().size());
        for (int64_t size : t.sizes())
            digest.add(&size, sizeof size);
        digest.add(t.data_ptr(), size_t(t.numel()) * sizeof(float));
    }
    return digest.hex();
}

} // namespace

AnomalyClipModel::AnomalyClipModel()
    : m_impl(std::make_unique<Impl>())
{
}

AnomalyClipModel::~AnomalyClipModel() = default;

std::shared_ptr<const AnomalyClipModel> AnomalyClipModel::load(const ModelLoadOptions& options, const LabelSet& labels)
{
    selectBlasKernels(); // before the text encoder's products
    torch::NoGradGuard noGrad;
    const std::string& path = options.checkpointPath;
    std::shared_ptr<AnomalyClipModel> model(new AnomalyClipModel());
    Impl& d = *model->m_impl;
    using Clock = std::chrono::steady_clock;
    auto lap = [last = Clock::now()]() mutable {
        const Clock::time_point now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - last).count();
        last = now;
        return seconds;
    };

    TensorMap tensors;
    {
        CheckpointReader reader(path);
        tensors = reader.stateDict();
    }
    d.loadTimings.read = lap();
    d.config = inferModelConfig(tensors, path);
    if (d.config.classes != labels.size())
        throw Error(path + ": the checkpoint was trained on " + std::to_string(d.config.classes) +
                    " classes, the labels '" + labels.source() + "' list " + std::to_string(labels.size()));
    d.labels = labels;
    d.net = AnomalyClipNet(d.config);
    loadWeights(*d.net, tensors, path);
    tensors.clear();
    d.net->eval();
    d.loadTimings.weights = lap();
    // The image encoder's digest and the head's Winograd filters need nothing of what
    // follows: a second thread makes them (0.2-0.3 s for ViT-B/16) while this one reads the
    // centroid and runs the text encoder, which does not touch either.
    std::exception_ptr sideError;
    std::thread side([&d, &sideError] {
        try {
            torch::NoGradGuard sideNoGrad;
            const Clock::time_point start = Clock::now();
            d.net->temporal_model->prepareInference();
            if (d.net->image_encoder)
                d.imageEncoderFingerprint = fingerprintModule(*d.net->image_encoder);
            d.loadTimings.fingerprint = std::chrono::duration<double>(Clock::now() - start).count();
        } catch (...) {
            sideError = std::current_exception();
        }
    });
    struct Joiner {
        std::thread& thread;
        ~Joiner()
        {
            if (thread.joinable())
                thread.join();
        }
    } joiner{side};
    d.centroid = loadCentroid(options.centroidPath, d.config.embedDim);

    if (!options.vocabularyPath.empty()) {
        const ClipTokenizer tokenizer = ClipTokenizer::fromFile(options.vocabularyPath);
        std::vector<int64_t> ends;
        for (int c = 0; c < d.config.classes; ++c) {
            std::vector<int64_t> ids = tokenizer.tokenize(labels.promptText(c, d.config.contextTokens), d.config.contextLength);
            ends.push_back(int64_t(std::max_element(ids.begin(), ids.end()) - ids.begin()));
            d.promptTokens.push_back(std::move(ids));
        }
        d.endPositions = torch::tensor(ends, torch::kLong);
        // The fixed suffix embeddings are the token embeddings of the class names: if they
        // differ, these labels are not the ones the checkpoint was trained with.
        const int64_t start = 1 + d.config.contextTokens;
        for (int c = 0; c < d.config.classes; ++c) {
            const auto& ids = d.promptTokens[size_t(c)];
            const torch::Tensor idTensor =
                torch::tensor(std::vector<int64_t>(ids.begin() + start, ids.end()), torch::kLong);
            const torch::Tensor expected = d.net->token_embedding.index_select(0, idTensor);
            if (!torch::allclose(expected, d.net->prompt_learner->token_suffix[c], 1e-4, 1e-5)) {
                d.warnings.push_back("class '" + labels.modelOrderNames()[size_t(c)] +
                                     "' does not match the checkpoint's prompt embeddings: wrong labels file?");
            }
        }
    } else {
        d.endPositions = endPositionsFromEmbeddings(*d.net, path);
    }
    d.textFeatures = d.net->textFeatures(d.endPositions).contiguous();
    d.loadTimings.prompts = lap();
    side.join();
    if (sideError)
        std::rethrow_exception(sideError);
    d.loadTimings.sideWait = lap();
    if (!options.keepTextEncoder) {
        for (auto& p : d.net->text_encoder->parameters())
            p.set_data(torch::empty({0}));
        d.net->token_embedding.set_data(torch::empty({0}));
        d.textEncoderReleased = true;
    }
    // Loading frees as much as the model keeps (the archive's storages): give it back.
    trimCpuMemoryPool();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    d.loadTimings.prompts += lap();
    d.loadTimings.total = d.loadTimings.read + d.loadTimings.weights + d.loadTimings.prompts + d.loadTimings.sideWait;
    return model;
}

std::shared_ptr<const AnomalyClipModel> AnomalyClipModel::fromImpl(std::unique_ptr<Impl> impl)
{
    std::shared_ptr<AnomalyClipModel> model(new AnomalyClipModel());
    model->m_impl = std::move(impl);
    return model;
}

const ModelConfig& AnomalyClipModel::config() const { return m_impl->config; }
const LabelSet& AnomalyClipModel::labels() const { return m_impl->labels; }
const std::vector<std::string>& AnomalyClipModel::warnings() const { return m_impl->warnings; }
const ModelLoadTimings& AnomalyClipModel::loadTimings() const { return m_impl->loadTimings; }
const std::string& AnomalyClipModel::imageEncoderFingerprint() const { return m_impl->imageEncoderFingerprint; }
const std::vector<std::vector<int64_t>>& AnomalyClipModel::promptTokens() const { return m_impl->promptTokens; }

std::vector<float> AnomalyClipModel::textFeatures() const
{
    const torch::Tensor t = m_impl->textFeatures.contiguous();
    return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

} // namespace vigil
