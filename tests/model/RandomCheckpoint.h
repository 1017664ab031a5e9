// Builds AnomalyCLIP checkpoints of any size with random weights, written in the real
// torch.save format, for tests and benchmarks that need a full-size model.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/LabelSet.h"
#include "model/ModelConfig.h"
#include "model/nn/AnomalyClipNet.h"
#include "model/nn/CheckpointWriter.h"

#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

namespace vigil::test {

/// ViT-B/16 CLIP with the UCF-Crime head (E 256, depth 1, 14 classes).
inline ModelConfig vitB16Config(int classes = 14, int temporalWidth = 256, int depth = 1)
{
    ModelConfig c;
    c.hasImageEncoder = true;
    c.visionWidth = 768;
    c.patchSize = 16;
    c.gridSize = 14;
    c.imageResolution = 224;
    c.visionLayers = 12;
    c.textWidth = 512;
    c.textLayers = 12;
    c.contextLength = 77;
    c.contextTokens = 8;
    c.embedDim = 512;
    c.classes = classes;
    c.temporalWidth = temporalWidth;
    c.temporalDepth = depth;
    c.segments = kSegments;
    c.framesPerSegment = kFramesPerSegment;
    return c;
}

/// Writes `<dir>/last.ckpt` and `<dir>/ncentroid.pt` for `config` with random weights.
/// Prompts end with the end token after 3 name tokens, so no vocabulary is needed.
inline void writeRandomCheckpoint(const std::string& dir, const ModelConfig& config, uint64_t seed = 7)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    AnomalyClipNet net(config);
    for (auto& p : net->named_parameters()) {
        torch::Tensor& t = p.value();
        t.copy_(torch::randn(t.sizes()) * (t.dim() > 1 ? 1.0 / std::sqrt(double(t.size(-1))) : 0.02));
    }
    for (auto& p : net->named_parameters())
        if (p.key().find("ln") != std::string::npos && p.key().find("weight") != std::string::npos)
            p.value().fill_(1.0);
    net->prompt_learner->token_prefix.copy_(torch::randn(net->prompt_learner->token_prefix.sizes()) * 0.02);
    net->prompt_learner->token_suffix.copy_(torch::randn(net->prompt_learner->token_suffix.sizes()) * 0.02);
    net->prompt_learner->token_suffix.select(1, 3).copy_(
        net->token_embedding[kEndOfTextToken].expand({config.classes, config.textWidth}));
    net->selector_model->running_var.fill_(1.0);
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& p : net->named_parameters())
        tensors.emplace_back("net." + p.key(), p.value());
    for (const auto& b : net->named_buffers())
        tensors.emplace_back("net." + b.key(), b.value());
    writeStateDict(dir + "/last.ckpt", tensors);
    writeTensorFile(dir + "/ncentroid.pt", torch::randn({config.embedDim}) * 0.1);
}

/// A ViT-B/16-size model with random weights (UCF-Crime classes), loaded through the real
/// checkpoint path: written to a temporary folder, read back, the folder removed.
inline std::shared_ptr<const AnomalyClipModel> loadRandomVitB16()
{
    const std::filesystem::path dir
        = std::filesystem::temp_directory_path() / ("vigil-random-vitb16-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    writeRandomCheckpoint(dir.string(), vitB16Config());
    ModelLoadOptions options;
    options.checkpointPath = (dir / "last.ckpt").string();
    options.centroidPath = (dir / "ncentroid.pt").string();
    auto model = AnomalyClipModel::load(options, LabelSet::resolve("ucf"));
    std::filesystem::remove_all(dir);
    return model;
}

} // namespace vigil::test
