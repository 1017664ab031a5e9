// torch before anything that might pull in Qt (see the developers' guide).
#include "model/NewClasses.h"

#include "model/ClipTokenizer.h"
#include "model/Error.h"
#include "model/nn/AnomalyClipModelImpl.h"

#include <algorithm>

namespace vigil {

namespace {

std::string classKey(std::string name)
{
    std::replace(name.begin(), name.end(), '_', ' ');
    for (char& c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    const size_t b = name.find_first_not_of(' ');
    if (b == std::string::npos)
        return {};
    return name.substr(b, name.find_last_not_of(' ') - b + 1);
}

std::string trimmed(const std::string& s)
{
    const size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// Rows of `old` [C_old, ...] placed at their new positions, `fresh` in the others.
torch::Tensor spread(const torch::Tensor& old, const std::vector<int>& oldIndexOfNew, const torch::Tensor& fresh)
{
    std::vector<torch::Tensor> rows;
    for (size_t j = 0; j < oldIndexOfNew.size(); ++j)
        rows.push_back(oldIndexOfNew[j] >= 0 ? old[oldIndexOfNew[j]] : fresh[int64_t(j)]);
    return torch::stack(rows);
}

} // namespace

bool sameClassName(const std::string& a, const std::string& b) { return classKey(a) == classKey(b); }

std::shared_ptr<const AnomalyClipModel> withNewClasses(const AnomalyClipModel& base, const std::vector<std::string>& names,
                                                       const std::string& vocabularyPath)
{
    torch::NoGradGuard noGrad;
    const AnomalyClipModel::Impl& b = base.impl();
    if (b.textEncoderReleased)
        throw Error("cannot add classes: the model was loaded without its text encoder");
    if (vocabularyPath.empty())
        throw Error("cannot add classes: CLIP's vocabulary file is needed to make their prompts");
    const LabelSet& oldLabels = b.labels;
    std::vector<std::string> fileOrder = oldLabels.fileOrderNames();
    std::vector<std::string> added;
    for (const std::string& raw : names) {
        const std::string name = trimmed(raw);
        if (classKey(name).empty())
            throw Error("cannot add a class without a name");
        if (name.find_first_of("\"\r\n") != std::string::npos)
            throw Error("class name '" + name + "': quotes and line breaks are not allowed");
        for (const std::string& existing : fileOrder)
            if (sameClassName(existing, name))
                throw Error("class '" + name + "' is already one of the model's classes ('" + existing + "')");
        fileOrder.push_back(name);
        added.push_back(name);
    }
    const std::string normalName = oldLabels.modelOrderNames()[size_t(oldLabels.normalId())];
    std::string source = oldLabels.source();
    for (const std::string& name : added)
        source += "+" + name;
    LabelSet labels = LabelSet::fromNames(fileOrder, source, normalName);

    // Where each class of the new order was in the old one (-1: a new class).
    const std::vector<std::string>& newOrder = labels.modelOrderNames();
    const std::vector<std::string>& oldOrder = oldLabels.modelOrderNames();
    std::vector<int> oldIndex;
    for (const std::string& name : newOrder) {
        const auto it = std::find(oldOrder.begin(), oldOrder.end(), name);
        oldIndex.push_back(it == oldOrder.end() ? -1 : int(it - oldOrder.begin()));
    }
    // The same for the abnormal classes alone (the selector's columns).
    std::vector<int> oldAbnormal;
    for (size_t j = 0; j < newOrder.size(); ++j) {
        if (int(j) == labels.normalId())
            continue;
        const int o = oldIndex[j];
        oldAbnormal.push_back(o < 0 ? -1 : (o > oldLabels.normalId() ? o - 1 : o));
    }

    auto impl = std::make_unique<AnomalyClipModel::Impl>();
    AnomalyClipModel::Impl& d = *impl;
    d.config = b.config;
    d.config.classes = labels.size();
    d.labels = labels;
    d.warnings = b.warnings;
    d.centroid = b.centroid;
    d.imageEncoderFingerprint = b.imageEncoderFingerprint;

    const ClipTokenizer tokenizer = ClipTokenizer::fromFile(vocabularyPath);
    const int64_t contextTokens = d.config.contextTokens, length = d.config.contextLength;
    std::vector<int64_t> ends;
    for (int c = 0; c < labels.size(); ++c) {
        std::vector<int64_t> ids = tokenizer.tokenize(labels.promptText(c, int(contextTokens)), int(length));
        ends.push_back(int64_t(std::max_element(ids.begin(), ids.end()) - ids.begin())); // the end token, section 2
        d.promptTokens.push_back(std::move(ids));
    }
    // Old classes keep the end positions the base model used.
    for (size_t j = 0; j < oldIndex.size(); ++j)
        if (oldIndex[j] >= 0)
            ends[j] = b.endPositions[oldIndex[j]].item<int64_t>();
    d.endPositions = torch::tensor(ends, torch::kLong);

    // Every tensor but the image encoder's, the class-dependent ones spread to the new order.
    const AnomalyClipNetImpl& oldNet = *b.net;
    TensorMap tensors;
    for (const auto& item : oldNet.named_parameters())
        if (item.key().rfind("image_encoder.", 0) != 0)
            tensors["net." + item.key()] = item.value();
    for (const auto& item : oldNet.named_buffers())
        if (item.key().rfind("image_encoder.", 0) != 0)
            tensors["net." + item.key()] = item.value();

    const torch::Tensor embedding = oldNet.token_embedding;
    std::vector<torch::Tensor> prefixes, suffixes;
    for (const std::vector<int64_t>& ids : d.promptTokens) {
        const torch::Tensor all = embedding.index_select(0, torch::tensor(ids, torch::kLong));
        prefixes.push_back(all.slice(0, 0, 1));
        suffixes.push_back(all.slice(0, 1 + contextTokens));
    }
    const auto& learner = *oldNet.prompt_learner;
    tensors["net.prompt_learner.token_prefix"] = spread(learner.token_prefix, oldIndex, torch::stack(prefixes));
    tensors["net.prompt_learner.token_suffix"] = spread(learner.token_suffix, oldIndex, torch::stack(suffixes));
    if (learner.ctx.dim() == 3) {
        // A class-specific context: a new class starts from the mean of the learned ones, a
        // context the text encoder already turns into a sensible direction.
        const torch::Tensor mean = learner.ctx.mean(0, true).expand({int64_t(newOrder.size()), -1, -1});
        tensors["net.prompt_learner.ctx"] = spread(learner.ctx, oldIndex, mean);
    }
    const auto& selector = *oldNet.selector_model;
    const int64_t abnormal = int64_t(oldAbnormal.size());
    tensors["net.selector_model.bn_layer.running_mean"] =
        spread(selector.running_mean, oldAbnormal, selector.running_mean.mean().expand({abnormal}));
    tensors["net.selector_model.bn_layer.running_var"] =
        spread(selector.running_var, oldAbnormal, selector.running_var.mean().expand({abnormal}));
    if (d.config.concatFeatures) {
        // The first C-1 inputs of the projection are the logits: a zero column for each new
        // class leaves the old outputs as they were.
        const std::string key = "net.temporal_model.projection.weight";
        const torch::Tensor weight = tensors.at(key);
        const torch::Tensor logits = weight.slice(1, 0, selector.running_mean.size(0)).t();
        const torch::Tensor columns = spread(logits, oldAbnormal, torch::zeros({abnormal, weight.size(0)})).t();
        tensors[key] = torch::cat({columns, weight.slice(1, selector.running_mean.size(0))}, 1);
    }

    ModelConfig build = d.config;
    build.hasImageEncoder = false; // shared with the base below, not copied
    d.net = AnomalyClipNet(build);
    loadWeights(*d.net, tensors, "new classes");
    d.net->config = d.config;
    if (oldNet.image_encoder)
        d.net->image_encoder = d.net->register_module("image_encoder", oldNet.image_encoder);
    d.net->eval();
    d.net->temporal_model->prepareInference();
    d.textFeatures = d.net->textFeatures(d.endPositions).contiguous();
    return AnomalyClipModel::fromImpl(std::move(impl));
}

} // namespace vigil
