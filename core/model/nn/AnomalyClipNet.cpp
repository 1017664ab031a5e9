// Network assembly, architecture inference and checkpoint loading.
#include "model/nn/AnomalyClipNet.h"

#include "model/Error.h"

#include <cmath>
#include <sstream>

namespace F = torch::nn::functional;

namespace vigil {

namespace {

constexpr const char* kPrefix = "net.";

std::string shapeText(torch::IntArrayRef sizes)
{
    std::ostringstream os;
    os << "[";
    for (size_t i = 0; i < sizes.size(); ++i)
        os << (i ? ", " : "") << sizes[i];
    os << "]";
    return os.str();
}

const torch::Tensor& require(const TensorMap& tensors, const std::string& key, const std::string& what)
{
    const auto it = tensors.find(kPrefix + key);
    if (it == tensors.end())
        throw Error(what + ": the checkpoint lacks '" + kPrefix + key + "'");
    return it->second;
}

const torch::Tensor& requireDim(const TensorMap& tensors, const std::string& key, int64_t dims, const std::string& what)
{
    const torch::Tensor& t = require(tensors, key, what);
    if (t.dim() != dims)
        throw Error(what + ": '" + kPrefix + key + "' has shape " + shapeText(t.sizes()) + ", expected " +
                    std::to_string(dims) + " dimensions");
    return t;
}

int countBlocks(const TensorMap& tensors, const std::string& pattern, const std::string& suffix)
{
    int count = 0;
    while (tensors.count(kPrefix + pattern + std::to_string(count) + suffix))
        ++count;
    return count;
}

} // namespace

std::string ModelConfig::describe() const
{
    std::ostringstream os;
    if (hasImageEncoder)
        os << "ViT W" << visionWidth << " P" << patchSize << " R" << imageResolution << " x" << visionLayers << ", ";
    os << "text W" << textWidth << " x" << textLayers << ", D " << embedDim << ", " << classes << " classes, E "
       << temporalWidth << ", depth " << temporalDepth << ", N " << segments << " L " << framesPerSegment
       << (concatFeatures ? ", concat features" : "");
    return os.str();
}

SelectorImpl::SelectorImpl(int64_t abnormalClasses)
{
    logit_scale = register_parameter("logit_scale", torch::zeros({}));
    auto bn = register_module("bn_layer", std::make_shared<torch::nn::Module>());
    running_mean = bn->register_buffer("running_mean", torch::zeros({abnormalClasses}));
    running_var = bn->register_buffer("running_var", torch::ones({abnormalClasses}));
    num_batches_tracked = bn->register_buffer("num_batches_tracked", torch::zeros({}, torch::kLong));
}

torch::Tensor SelectorImpl::forward(const torch::Tensor& features, const torch::Tensor& textFeatures,
                                    const torch::Tensor& centroid, int64_t normalId)
{
    const int64_t classes = textFeatures.size(0);
    const torch::Tensor abnormal =
        torch::cat({textFeatures.slice(0, 0, normalId), textFeatures.slice(0, normalId + 1, classes)}, 0);
    torch::Tensor directions = abnormal - centroid;
    directions = directions / directions.norm(2, -1, true);
    const torch::Tensor logits = torch::matmul(features - centroid, directions.t());
    if (is_training())
        num_batches_tracked.add_(1);
    return F::batch_norm(logits, running_mean, running_var,
                         F::BatchNormFuncOptions().training(is_training()).momentum(0.1).eps(1e-5));
}

AnomalyClipNetImpl::AnomalyClipNetImpl(const ModelConfig& c)
    : config(c)
{
    if (c.hasImageEncoder) {
        VisionTransformerOptions vision;
        vision.width = c.visionWidth;
        vision.patch = c.patchSize;
        vision.grid = c.gridSize;
        vision.layers = c.visionLayers;
        vision.outputDim = c.embedDim;
        image_encoder = register_module("image_encoder", VisionTransformer(vision));
    }
    TextEncoderOptions text;
    text.width = c.textWidth;
    text.layers = c.textLayers;
    text.contextLength = c.contextLength;
    text.outputDim = c.embedDim;
    text_encoder = register_module("text_encoder", TextEncoder(text));
    token_embedding = register_module("token_embedding", std::make_shared<torch::nn::Module>())
                          ->register_parameter("weight", torch::empty({kEndOfTextToken + 1, c.textWidth}), false); // 100 MB, always loaded
    prompt_learner = register_module(
        "prompt_learner",
        PromptLearner(c.classes, c.contextTokens, c.textWidth, c.contextLength, c.classSpecificContext));
    selector_model = register_module("selector_model", Selector(c.classes - 1));
    TemporalModelOptions temporal;
    temporal.inFeatures = c.concatFeatures ? c.embedDim + c.classes - 1 : c.embedDim;
    temporal.width = c.temporalWidth;
    temporal.depth = c.temporalDepth;
    temporal.heads = kTemporalHeads;
    temporal.segments = c.segments;
    temporal.framesPerSegment = c.framesPerSegment;
    temporal_model = register_module("temporal_model", TemporalModel(temporal));
}

torch::Tensor AnomalyClipNetImpl::textFeatures(const torch::Tensor& endPositions)
{
    return text_encoder(prompt_learner(), endPositions);
}

torch::Tensor AnomalyClipNetImpl::temporalInput(const torch::Tensor& features, const torch::Tensor& logits,
                                                const torch::Tensor& centroid) const
{
    const torch::Tensor centred = features - centroid;
    return config.concatFeatures ? torch::cat({logits, centred}, -1) : centred;
}

ModelConfig inferModelConfig(const TensorMap& tensors, const std::string& what)
{
    ModelConfig c;
    c.hasImageEncoder = tensors.count(std::string(kPrefix) + "image_encoder.conv1.weight") > 0;
    if (c.hasImageEncoder) {
        const torch::Tensor& conv = requireDim(tensors, "image_encoder.conv1.weight", 4, what);
        const torch::Tensor& pos = requireDim(tensors, "image_encoder.positional_embedding", 2, what);
        const torch::Tensor& proj = requireDim(tensors, "image_encoder.proj", 2, what);
        c.visionWidth = int(conv.size(0));
        c.patchSize = int(conv.size(2));
        c.gridSize = int(std::lround(std::sqrt(double(pos.size(0) - 1))));
        if (conv.size(1) != 3 || conv.size(3) != c.patchSize || c.gridSize * c.gridSize + 1 != pos.size(0) ||
            c.visionWidth % 64 != 0)
            throw Error(what + ": the image encoder's conv1 " + shapeText(conv.sizes()) + " and positional embedding " +
                        shapeText(pos.sizes()) + " do not form a ViT");
        c.imageResolution = c.patchSize * c.gridSize;
        c.visionLayers = countBlocks(tensors, "image_encoder.transformer.resblocks.", ".ln_1.weight");
        c.embedDim = int(proj.size(1));
    }
    const torch::Tensor& textPos = requireDim(tensors, "text_encoder.positional_embedding", 2, what);
    const torch::Tensor& textProj = requireDim(tensors, "text_encoder.text_projection", 2, what);
    c.contextLength = int(textPos.size(0));
    c.textWidth = int(textPos.size(1));
    c.textLayers = countBlocks(tensors, "text_encoder.transformer.resblocks.", ".ln_1.weight");
    if (c.hasImageEncoder && textProj.size(1) != c.embedDim)
        throw Error(what + ": the text projection gives " + std::to_string(textProj.size(1)) +
                    " dimensions, the image encoder " + std::to_string(c.embedDim));
    c.embedDim = int(textProj.size(1));
    if (c.textWidth % 64 != 0 || c.textLayers == 0)
        throw Error(what + ": unsupported text encoder (width " + std::to_string(c.textWidth) + ", " +
                    std::to_string(c.textLayers) + " layers)");

    const torch::Tensor& ctx = require(tensors, "prompt_learner.ctx", what);
    const torch::Tensor& prefix = requireDim(tensors, "prompt_learner.token_prefix", 3, what);
    c.classes = int(prefix.size(0));
    if (ctx.dim() != 2 && ctx.dim() != 3)
        throw Error(what + ": prompt_learner.ctx has " + std::to_string(ctx.dim()) +
                    " dimensions, expected [n_ctx, width] or [classes, n_ctx, width]");
    c.classSpecificContext = ctx.dim() == 3;
    c.contextTokens = int(ctx.size(ctx.dim() - 2));
    if (c.classes < 2)
        throw Error(what + ": the prompt learner has fewer than two classes");

    const torch::Tensor& projection = requireDim(tensors, "temporal_model.projection.weight", 2, what);
    const torch::Tensor& pos0 = requireDim(tensors, "temporal_model.axial_attn.pos_emb.param_0", 4, what);
    const torch::Tensor& pos1 = requireDim(tensors, "temporal_model.axial_attn.pos_emb.param_1", 4, what);
    c.temporalWidth = int(projection.size(0));
    c.segments = int(pos0.size(2));
    c.framesPerSegment = int(pos1.size(3));
    if (c.segments < 1 || c.framesPerSegment < 1 || c.temporalWidth < 1)
        throw Error(what + ": temporal_model.axial_attn.pos_emb gives an empty window (N " + std::to_string(c.segments) +
                    ", L " + std::to_string(c.framesPerSegment) + ")");
    // Blocks alternate attention (even) and feed-forward (odd); depth counts the pairs.
    int blocks = 0;
    while (tensors.count(std::string(kPrefix) + "temporal_model.axial_attn.layers.blocks." + std::to_string(2 * blocks) +
                         ".f.net.fn.norm.weight"))
        ++blocks;
    c.temporalDepth = blocks;
    if (c.temporalDepth == 0 || c.temporalWidth % kTemporalHeads != 0)
        throw Error(what + ": no usable temporal model (width " + std::to_string(c.temporalWidth) + ", " +
                    std::to_string(blocks) + " attention blocks)");
    const int64_t in = projection.size(1);
    if (in == c.embedDim)
        c.concatFeatures = false;
    else if (in == c.embedDim + c.classes - 1)
        c.concatFeatures = true;
    else
        throw Error(what + ": the temporal projection takes " + std::to_string(in) + " inputs, expected " +
                    std::to_string(c.embedDim) + " or " + std::to_string(c.embedDim + c.classes - 1));
    return c;
}

namespace {

// One pass, no temporary: an fp32 value is NaN or infinite when its exponent bits are all set.
bool allFinite(const torch::Tensor& t)
{
    if (t.scalar_type() != torch::kFloat32 || !t.is_contiguous() || !t.device().is_cpu())
        return torch::isfinite(t).all().item<bool>();
    const auto* bits = static_cast<const uint32_t*>(t.data_ptr());
    const int64_t n = t.numel();
    uint32_t bad = 0;
    for (int64_t i = 0; i < n; ++i)
        bad |= uint32_t((bits[i] & 0x7f800000u) == 0x7f800000u);
    return bad == 0;
}

} // namespace

void loadWeights(AnomalyClipNetImpl& net, const TensorMap& tensors, const std::string& what)
{
    torch::NoGradGuard noGrad;
    auto copy = [&](const std::string& name, torch::Tensor& target) {
        const auto it = tensors.find(kPrefix + name);
        if (it == tensors.end())
            throw Error(what + ": the checkpoint lacks '" + kPrefix + name + "'");
        const torch::Tensor& source = it->second;
        if (source.sizes() != target.sizes())
            throw Error(what + ": '" + kPrefix + name + "' has shape " + shapeText(source.sizes()) + ", the model needs " +
                        shapeText(target.sizes()));
        if (!source.is_floating_point() && target.is_floating_point())
            throw Error(what + ": '" + kPrefix + name + "' is not a floating-point tensor");
        // A tensor that is the whole of its own storage, of the parameter's type, becomes the
        // parameter (no copy of 641 MB); one sharing its storage with others is copied, so
        // that no two parameters alias.
        const bool wholeStorage = source.is_contiguous() && source.storage_offset() == 0 &&
                                  source.storage().nbytes() == size_t(source.numel()) * source.element_size();
        if (wholeStorage && source.scalar_type() == target.scalar_type() && source.device() == target.device())
            target.set_data(source);
        else
            target.copy_(source);
        if (target.is_floating_point() && !allFinite(target))
            throw Error(what + ": '" + kPrefix + name + "' holds NaN or infinite values");
    };
    for (auto& item : net.named_parameters())
        copy(item.key(), item.value());
    for (auto& item : net.named_buffers())
        copy(item.key(), item.value());
}

bool isTrainedParameter(const std::string& name)
{
    auto startsWith = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
    return name == "prompt_learner.ctx" || name == "text_encoder.text_projection" || startsWith("selector_model.") ||
           startsWith("temporal_model.");
}

AnomalyClipNet trainableCopy(const AnomalyClipNetImpl& source)
{
    ModelConfig config = source.config;
    config.hasImageEncoder = false;
    AnomalyClipNet copy(config);
    torch::NoGradGuard noGrad;
    std::map<std::string, torch::Tensor> from;
    for (const auto& item : source.named_parameters())
        from[item.key()] = item.value();
    for (const auto& item : source.named_buffers())
        from[item.key()] = item.value();
    auto take = [&](const std::string& name, torch::Tensor& target) {
        const auto it = from.find(name);
        if (it == from.end() || it->second.sizes() != target.sizes())
            throw Error("fine-tuning: the model lacks '" + name + "' (was its text encoder released?)");
        target.copy_(it->second);
    };
    for (auto& item : copy->named_parameters()) {
        take(item.key(), item.value());
        item.value().set_requires_grad(isTrainedParameter(item.key()));
    }
    for (auto& item : copy->named_buffers())
        take(item.key(), item.value());
    copy->train();
    return copy;
}

torch::Tensor endPositionsFromEmbeddings(const AnomalyClipNetImpl& net, const std::string& what)
{
    const torch::Tensor eot = net.token_embedding[kEndOfTextToken];
    const torch::Tensor& suffix = net.prompt_learner->token_suffix; // [C, S, Wt]
    const torch::Tensor matches = (suffix == eot).all(-1);          // [C, S]
    std::vector<int64_t> positions;
    for (int64_t c = 0; c < suffix.size(0); ++c) {
        const torch::Tensor rows = matches[c].nonzero();
        if (rows.numel() == 0)
            throw Error(what + ": cannot find the end token in the prompt of class " + std::to_string(c) +
                        "; configure CLIP's vocabulary file");
        positions.push_back(rows[0][0].item<int64_t>() + 1 + net.config.contextTokens);
    }
    return torch::tensor(positions, torch::kLong);
}

} // namespace vigil
