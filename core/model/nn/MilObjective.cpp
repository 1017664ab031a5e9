// The MIL objective, vectorised over bags: what the reference computes bag by bag and
// class by class gives the same means, since every term is a mean over frames picked by
// index.
#include "model/nn/MilObjective.h"

#include "model/Error.h"

namespace vigil {

namespace {

// p(c) with the normal column 1 - a inserted at normal_id (section 5): [..., C].
torch::Tensor classProbabilities(const torch::Tensor& logits, const torch::Tensor& scores, int64_t normalId)
{
    const torch::Tensor abnormal = torch::softmax(logits, -1) * scores.unsqueeze(-1);
    const torch::Tensor normal = (1 - scores).unsqueeze(-1);
    return torch::cat({abnormal.slice(-1, 0, normalId), normal, abnormal.slice(-1, normalId)}, -1);
}

// The frames of the picked segments: probs [b, N, L, C], index [b, k] -> [b*k*L, C].
torch::Tensor framesOfSegments(const torch::Tensor& probs, const torch::Tensor& index)
{
    const int64_t frames = probs.size(2), classes = probs.size(3);
    const torch::Tensor expanded = index.unsqueeze(2).unsqueeze(3).expand({-1, -1, frames, classes});
    return torch::gather(probs, 1, expanded).reshape({-1, classes});
}

} // namespace

MilOutputs milObjective(AnomalyClipNetImpl& net, const MilBatch& batch, const torch::Tensor& centroid,
                        const torch::Tensor& endPositions, int64_t normalId, const MilLossWeights& w)
{
    const ModelConfig& config = net.config;
    const int64_t bags = batch.features.size(0), n = config.segments, l = config.framesPerSegment;
    const int64_t half = bags / 2, k = w.topk;
    if (bags < 2 || bags % 2 != 0 || batch.features.dim() != 3 || batch.features.size(1) != n * l)
        throw Error("training batch: expected [B, " + std::to_string(n * l) + ", D] features with an even B");
    if (k > n)
        throw Error("training batch: top-k " + std::to_string(k) + " exceeds the " + std::to_string(n) + " segments");

    MilOutputs out;
    const torch::Tensor text = net.textFeatures(endPositions);
    const torch::Tensor features = batch.features.reshape({bags * n * l, -1});
    out.logits = net.selector_model(features, text, centroid, normalId); // [B*T, K]
    const int64_t abnormalClasses = out.logits.size(1);
    const torch::Tensor input = net.temporalInput(features, out.logits, centroid).reshape({bags, n * l, -1});
    out.scores = net.temporal_model(input).reshape({-1}); // [B*T]

    // Segment selection on the logits summed over each segment's frames; a dropped segment
    // can be neither top (-1e6) nor bottom (+1e6).
    const torch::Tensor logits = out.logits.view({bags, n, l, abnormalClasses});
    torch::Tensor segmentSums = logits.sum(2).detach(); // [B, N, K]
    torch::Tensor forTop = segmentSums, forBottom = segmentSums;
    if (batch.keepMask.defined()) {
        const torch::Tensor dropped = (batch.keepMask == 0).unsqueeze(2).expand_as(segmentSums);
        forTop = torch::where(dropped, torch::full_like(segmentSums, -1e6), segmentSums);
        forBottom = torch::where(dropped, torch::full_like(segmentSums, 1e6), segmentSums);
    }
    const torch::Tensor bagClass = batch.labels.slice(0, 0, half).to(torch::kLong);
    const torch::Tensor column = bagClass - (bagClass > normalId).to(torch::kLong); // abnormal column of each bag
    const torch::Tensor gatherColumn = column.view({half, 1, 1}).expand({half, n, 1});
    const torch::Tensor ownTop = torch::gather(forTop.slice(0, 0, half), 2, gatherColumn).squeeze(2);       // [b, N]
    const torch::Tensor ownBottom = torch::gather(forBottom.slice(0, 0, half), 2, gatherColumn).squeeze(2); // [b, N]
    out.topkAbnormalIndex = std::get<1>(torch::topk(ownTop, k, 1, true));
    out.bottomkAbnormalIndex = std::get<1>(torch::topk(ownBottom, k, 1, false));
    out.topkNormalIndex = std::get<1>(torch::topk(forTop.slice(0, half).sum(2), k, 1, true));

    // dir_abn: the own-class logit over the abnormal bags' top-k frames.
    {
        const torch::Tensor abnormalLogits = logits.slice(0, 0, half); // [b, N, L, K]
        const torch::Tensor index = out.topkAbnormalIndex.unsqueeze(2).unsqueeze(3).expand({-1, -1, l, abnormalClasses});
        const torch::Tensor picked = torch::gather(abnormalLogits, 1, index); // [b, k, L, K]
        const torch::Tensor own = torch::gather(picked, 3, column.view({half, 1, 1, 1}).expand({half, k, l, 1}));
        out.dirAbnormal = -own.mean() * w.dirAbnormal;
    }
    // dir_nor: the largest logit of every normal-bag frame.
    out.dirNormal = std::get<0>(out.logits.slice(0, half * n * l).max(1)).mean() * w.dirNormal;

    const torch::Tensor probs = classProbabilities(out.logits, out.scores, normalId).view({bags, n, l, -1});
    const torch::Tensor logAbnormalTop = torch::log(framesOfSegments(probs.slice(0, 0, half), out.topkAbnormalIndex));
    const torch::Tensor logAbnormalBottom = torch::log(framesOfSegments(probs.slice(0, 0, half), out.bottomkAbnormalIndex));
    const torch::Tensor logNormalTop = torch::log(framesOfSegments(probs.slice(0, half), out.topkNormalIndex));
    const torch::Tensor topTargets = bagClass.repeat_interleave(k * l);
    out.topkAbnormal = torch::nll_loss(logAbnormalTop, topTargets) * w.topkAbnormal;
    out.bottomkAbnormal =
        torch::nll_loss(logAbnormalBottom, torch::full({logAbnormalBottom.size(0)}, normalId, torch::kLong)) *
        w.bottomkAbnormal;
    out.topkNormal =
        torch::nll_loss(logNormalTop, torch::full({logNormalTop.size(0)}, normalId, torch::kLong)) * w.topkNormal;

    // smooth: consecutive abnormal-half scores, the last paired with itself; sparse: their mean.
    const torch::Tensor abnormalScores = out.scores.slice(0, 0, half * n * l);
    const torch::Tensor next = torch::cat({abnormalScores.slice(0, 1), abnormalScores.slice(0, -1)});
    out.smooth = (next - abnormalScores).pow(2).sum() * w.smooth;
    out.sparse = abnormalScores.mean() * w.sparse;

    out.total = out.dirAbnormal + out.dirNormal + out.topkAbnormal + out.bottomkAbnormal + out.topkNormal + out.smooth +
                out.sparse;
    // Vigil's addition: NLL of log p(c) on the frames an analyst labelled (a frame labelled
    // normal pulls its score down, one labelled with a class pulls score and class up).
    out.frame = torch::zeros({}, out.total.options());
    if (w.frame > 0 && batch.frameLabels.defined()) {
        const torch::Tensor targets = batch.frameLabels.reshape({-1}).to(torch::kLong);
        const torch::Tensor known = (targets >= 0).nonzero().squeeze(1);
        if (known.numel() > 0) {
            const torch::Tensor logProbs = torch::log(probs.reshape({bags * n * l, -1}).index_select(0, known).clamp_min(1e-12));
            out.frame = torch::nll_loss(logProbs, targets.index_select(0, known)) * w.frame;
            out.total = out.total + out.frame;
        }
    }
    return out;
}

} // namespace vigil
