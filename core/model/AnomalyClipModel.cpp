// Model loading: checkpoint -> architecture -> weights -> centroid -> prompts -> text features.
#include "model/nn/AnomalyClipModelImpl.h"

#include "model/ClipTokenizer.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/nn/CheckpointReader.h"

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

} // namespace

AnomalyClipModel::AnomalyClipModel()
    : m_impl(std::make_unique<Impl>())
{
}

AnomalyClipModel::~AnomalyClipModel() = default;

std::shared_ptr<const AnomalyClipModel> AnomalyClipModel::load(const ModelLoadOptions& options, const LabelSet& labels)
{
    torch::NoGradGuard noGrad;
    const std::string& path = options.checkpointPath;
    std::shared_ptr<AnomalyClipModel> model(new AnomalyClipModel());
    Impl& d = *model->m_impl;

    TensorMap tensors;
    {
        CheckpointReader reader(path);
        tensors = reader.stateDict();
    }
    d.config = inferModelConfig(tensors, path);
    if (d.config.classes != labels.size())
        throw Error(path + ": the checkpoint was trained on " + std::to_string(d.config.classes) +
                    " classes, the labels '" + labels.source() + "' list " + std::to_string(labels.size()));
    d.labels = labels;
    d.net = AnomalyClipNet(d.config);
    loadWeights(*d.net, tensors, path);
    tensors.clear();
    d.net->eval();
    d.net->temporal_model->prepareInference();
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
    if (!options.keepTextEncoder) {
        for (auto& p : d.net->text_encoder->parameters())
            p.set_data(torch::empty({0}));
        d.net->token_embedding.set_data(torch::empty({0}));
        d.textEncoderReleased = true;
    }
#ifdef __GLIBC__
    // Loading frees as much as the model keeps (the archive's storages): give it back.
    malloc_trim(0);
#endif
    return model;
}

const ModelConfig& AnomalyClipModel::config() const { return m_impl->config; }
const LabelSet& AnomalyClipModel::labels() const { return m_impl->labels; }
const std::vector<std::string>& AnomalyClipModel::warnings() const { return m_impl->warnings; }
const std::vector<std::vector<int64_t>>& AnomalyClipModel::promptTokens() const { return m_impl->promptTokens; }

std::vector<float> AnomalyClipModel::textFeatures() const
{
    const torch::Tensor t = m_impl->textFeatures.contiguous();
    return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

} // namespace vigil
