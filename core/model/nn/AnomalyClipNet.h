// The whole AnomalyCLIP network as one module tree whose parameter names are the
// checkpoint's state_dict keys less the `net.` prefix (anomalyclip-model.md section 8),
// plus architecture inference and weight loading. Internal: includes LibTorch.
#pragma once

#include "model/ModelConfig.h"
#include "model/nn/ClipEncoders.h"
#include "model/nn/TemporalModel.h"

#include <map>
#include <string>

namespace vigil {

using TensorMap = std::map<std::string, torch::Tensor>;

/// Section 3: logits of the abnormal classes on re-centred, normalised directions,
/// then batch norm without affine terms.
struct SelectorImpl : torch::nn::Module {
    explicit SelectorImpl(int64_t abnormalClasses);
    /// features [T, D], textFeatures [C, D], centroid [D] -> [T, C-1]
    torch::Tensor forward(const torch::Tensor& features, const torch::Tensor& textFeatures,
                          const torch::Tensor& centroid, int64_t normalId);
    torch::Tensor logit_scale, running_mean, running_var, num_batches_tracked;
};
TORCH_MODULE(Selector);

struct AnomalyClipNetImpl : torch::nn::Module {
    explicit AnomalyClipNetImpl(const ModelConfig& config);

    /// Section 2: [C, D] class directions. `endPositions` [C] int64.
    torch::Tensor textFeatures(const torch::Tensor& endPositions);
    /// Section 4 input per frame: x - m, or [logits, x - m] with concat_features.
    torch::Tensor temporalInput(const torch::Tensor& features, const torch::Tensor& logits,
                                const torch::Tensor& centroid) const;

    ModelConfig config;
    VisionTransformer image_encoder{nullptr}; // null when the checkpoint has none
    TextEncoder text_encoder{nullptr};
    torch::Tensor token_embedding; // token_embedding.weight, frozen
    PromptLearner prompt_learner{nullptr};
    Selector selector_model{nullptr};
    TemporalModel temporal_model{nullptr};
};
TORCH_MODULE(AnomalyClipNet);

/// Reads the architecture from weight shapes; `what` names the file in errors.
ModelConfig inferModelConfig(const TensorMap& tensors, const std::string& what);
/// Copies every parameter and buffer of `net` from `tensors` (keys `net.<name>`),
/// naming the missing or misshapen key on failure.
void loadWeights(AnomalyClipNetImpl& net, const TensorMap& tensors, const std::string& what);
/// A fresh copy of `source` for fine-tuning (section 6), in training mode, without the image
/// encoder (training starts from features): ctx, the text projection, the selector and the
/// temporal model require gradients; the text transformer and token embedding are frozen.
/// `source` must still hold its text encoder (ModelLoadOptions::keepTextEncoder).
AnomalyClipNet trainableCopy(const AnomalyClipNetImpl& source);
/// Names (without `net.`) of the parameters trainableCopy() trains.
bool isTrainedParameter(const std::string& name);
/// End-token positions without the vocabulary: the first suffix row equal to the
/// embedding of token 49407, plus 1 + n_ctx (section 2).
torch::Tensor endPositionsFromEmbeddings(const AnomalyClipNetImpl& net, const std::string& what);

} // namespace vigil
