// The training objective (anomalyclip-model.md section 6): a MIL batch of B/2 abnormal then
// B/2 normal bags through the network in training mode, the top-k / bottom-k segment
// selection, and the seven loss terms with their weights; plus Vigil's frame-level term on
// frames an analyst labelled. Internal to the model layer: includes LibTorch.
#pragma once

#include "model/nn/AnomalyClipNet.h"

namespace vigil {

/// The reference's lambdas; `frame` is Vigil's addition (0: the paper's objective).
struct MilLossWeights {
    double dirAbnormal = 1, dirNormal = 1, topkAbnormal = 1, bottomkAbnormal = 1, topkNormal = 1;
    double smooth = 8e-4, sparse = 8e-3;
    double frame = 0;
    int topk = 3; // segments picked per bag, top and bottom
};

struct MilBatch {
    torch::Tensor features;    // [B, N*L, D] frame features (not re-centred), abnormal half first
    torch::Tensor labels;      // [B] int64 model-order classes; the first B/2 abnormal, the rest normal
    torch::Tensor keepMask;    // [B, N] 1 keeps a segment, 0 drops it; undefined keeps all
    torch::Tensor frameLabels; // [B, N*L] int64 frame classes, -1 unknown; undefined: none
};

struct MilOutputs {
    torch::Tensor total, dirAbnormal, dirNormal, topkAbnormal, bottomkAbnormal, topkNormal, smooth, sparse, frame;
    torch::Tensor logits;             // [B*N*L, C-1] batch-normed selector logits
    torch::Tensor scores;             // [B*N*L]
    torch::Tensor topkAbnormalIndex;  // [B/2, k] segments
    torch::Tensor bottomkAbnormalIndex;
    torch::Tensor topkNormalIndex;
};

/// One forward pass of the objective. The selector's batch norm uses the batch statistics
/// and updates its running ones when `net` is in training mode. `centroid` [D];
/// `endPositions` [C]; `normalId` the normal class in model order. Gradients flow to ctx, the text projection, the selector and the
/// temporal model when they require them.
MilOutputs milObjective(AnomalyClipNetImpl& net, const MilBatch& batch, const torch::Tensor& centroid,
                        const torch::Tensor& endPositions, int64_t normalId, const MilLossWeights& weights);

} // namespace vigil
