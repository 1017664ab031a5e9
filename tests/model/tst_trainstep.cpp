// One training step against the reference on every golden set (anomalyclip-model.md
// section 6 and "Parity"): train_batch.npy through the objective with segment dropout off
// gives the reference's logits, scores, picked segments and loss terms; backward gives its
// gradients and the parameters that get one; the batch norm's running statistics and one
// AdamW step (lr 1e-3, weight decay 0.2) give its values. On the device VIGIL_TEST_DEVICE
// names (cpu by default), in fp32 with the same tolerances.
#include "ManifestJson.h"
#include "ModelTest.h"
#include "TensorCompare.h"
#include "TestDevice.h"

#include "model/nn/AnomalyClipModelImpl.h"
#include "model/nn/MilObjective.h"

#include <set>

using namespace vigil;
using namespace vigil::test;

namespace {

constexpr double kValueTolerance = 1e-4;   // logits, scores, statistics, parameters
constexpr double kRelativeTolerance = 1e-3; // loss terms and gradients

struct GoldenSet {
    const char* folder;
    const char* labels;
};
const GoldenSet kSets[] = {{"golden/ucf", "ucf"}, {"golden/sht-small", "sht"}};

std::string goldenPath(const GoldenSet& set, const std::string& file) { return sharedPath(std::string(set.folder) + "/" + file); }

torch::Tensor goldenTensor(const GoldenSet& set, const std::string& file)
{
    const NpyArray array = readNpy(goldenPath(set, file));
    if (array.dtype == DType::Int64) {
        std::vector<int64_t> values = array.toInt64();
        return torch::tensor(values, torch::kLong).reshape(array.shape);
    }
    std::vector<float> values = array.toFloat();
    return torch::from_blob(values.data(), array.shape, torch::kFloat32).clone();
}

std::vector<float> values(const torch::Tensor& t)
{
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// max |actual - golden| within kRelativeTolerance of the golden tensor's largest magnitude.
void expectRelativelyClose(const torch::Tensor& actual, const GoldenSet& set, const std::string& file)
{
    const torch::Tensor golden = goldenTensor(set, file);
    if (!actual.defined())
        VIGIL_FAIL(file << ": no gradient");
    if (actual.numel() != golden.numel())
        VIGIL_FAIL(file << ": " << actual.numel() << " values, expected " << golden.numel());
    const double scale = golden.abs().max().item<double>();
    const double worst = (actual.detach().cpu().reshape(golden.sizes()) - golden).abs().max().item<double>();
    if (!(worst <= kRelativeTolerance * scale))
        VIGIL_FAIL(file << ": max |diff| " << worst << " exceeds " << kRelativeTolerance << " x " << scale);
    std::printf("       %s: max |diff| %.3g (%.2g of max |golden| %.3g)\n", file.c_str(), worst, worst / scale, scale);
}

torch::Tensor& parameter(AnomalyClipNetImpl& net, const std::string& name)
{
    for (auto& item : net.named_parameters())
        if (item.key() == name)
            return item.value();
    VIGIL_FAIL("no parameter " << name);
}

torch::Tensor buffer(AnomalyClipNetImpl& net, const std::string& name)
{
    for (const auto& item : net.named_buffers())
        if (item.key() == name)
            return item.value();
    VIGIL_FAIL("no buffer " << name);
}

struct Step {
    std::shared_ptr<const AnomalyClipModel> model;
    AnomalyClipNet net{nullptr};
    MilOutputs outputs;
};

Step forward(const GoldenSet& set)
{
    ModelLoadOptions options;
    options.checkpointPath = goldenPath(set, "last.ckpt");
    options.centroidPath = goldenPath(set, "ncentroid.pt");
    options.keepTextEncoder = true;
    Step step;
    step.model = AnomalyClipModel::load(options, LabelSet::resolve(set.labels));
    const AnomalyClipModel::Impl& impl = step.model->impl();
    const TestDevice device = testDevice();
    const torch::Device where = device.cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (device.cuda)
        keepFp32ExactOnCuda(); // as the Trainer does
    step.net = trainableCopy(*impl.net);
    step.net->to(where);
    const torch::Tensor batch = goldenTensor(set, "train_batch.npy"); // [B, ncrops 1, N*L, D]
    MilBatch mil;
    mil.features = batch.squeeze(1).to(where);
    mil.labels = goldenTensor(set, "train_labels.npy").to(where);
    step.outputs = milObjective(*step.net, mil, impl.centroid.to(where), impl.endPositions.to(where),
                                step.model->labels().normalId(), {});
    return step;
}

} // namespace

VIGIL_TEST(forwardGivesTheReferenceLogitsScoresAndSegments)
{
    for (const GoldenSet& set : kSets) {
        const Step step = forward(set);
        expectClose(values(step.outputs.logits), goldenPath(set, "train_similarity.npy"), kValueTolerance);
        expectClose(values(step.outputs.scores), goldenPath(set, "train_scores.npy"), kValueTolerance);
        VIGIL_CHECK(torch::equal(step.outputs.topkAbnormalIndex.cpu(), goldenTensor(set, "train_idx_topk_abn.npy")));
        VIGIL_CHECK(torch::equal(step.outputs.bottomkAbnormalIndex.cpu(), goldenTensor(set, "train_idx_bottomk_abn.npy")));
        VIGIL_CHECK(torch::equal(step.outputs.topkNormalIndex.cpu(), goldenTensor(set, "train_idx_topk_nor.npy")));
    }
}

VIGIL_TEST(lossTermsMatchTheReference)
{
    for (const GoldenSet& set : kSets) {
        const Step step = forward(set);
        const std::string manifest = readText(goldenPath(set, "manifest.json"));
        const MilOutputs& o = step.outputs;
        const std::pair<const char*, torch::Tensor> terms[] = {
            {"total", o.total},           {"dir_abn", o.dirAbnormal},         {"dir_nor", o.dirNormal},
            {"topk_abn", o.topkAbnormal}, {"bottomk_abn", o.bottomkAbnormal}, {"topk_nor", o.topkNormal},
            {"smooth", o.smooth},         {"sparse", o.sparse}};
        for (const auto& [name, value] : terms) {
            const double expected = jsonNumbers(manifest, name, "train_losses").at(0);
            const double actual = value.item<double>();
            if (!(std::fabs(actual - expected) <= kRelativeTolerance * std::fabs(expected)))
                VIGIL_FAIL(set.folder << " " << name << ": " << actual << " vs golden " << expected);
            std::printf("       %s %s: %.7f vs %.7f (rel %.2g)\n", set.folder, name, actual, expected,
                        std::fabs(actual - expected) / std::fabs(expected));
        }
        VIGIL_CHECK_EQ(o.frame.item<double>(), 0.0); // the paper's objective has no frame term
    }
}

VIGIL_TEST(backwardGivesTheReferenceGradientsOnTheTrainableParametersOnly)
{
    for (const GoldenSet& set : kSets) {
        Step step = forward(set);
        step.outputs.total.backward();
        AnomalyClipNetImpl& net = *step.net;
        expectRelativelyClose(parameter(net, "prompt_learner.ctx").grad(), set, "grad_prompt_learner_ctx.npy");
        expectRelativelyClose(parameter(net, "text_encoder.text_projection").grad(), set, "grad_text_encoder_text_projection.npy");
        expectRelativelyClose(parameter(net, "temporal_model.projection.weight").grad(), set,
                              "grad_temporal_model_projection_weight.npy");
        expectRelativelyClose(parameter(net, "temporal_model.axial_attn.pos_emb.param_0").grad(), set,
                              "grad_temporal_model_axial_attn_pos_emb_param_0.npy");
        expectRelativelyClose(parameter(net, "temporal_model.classifier.linear.weight").grad(), set,
                              "grad_temporal_model_classifier_linear_weight.npy");
        // Exactly the reference's parameters receive a gradient: frozen ones none.
        const std::vector<std::string> listed = jsonStrings(readText(goldenPath(set, "manifest.json")), "trainable_with_grad");
        const std::set<std::string> expected(listed.begin(), listed.end());
        std::set<std::string> actual;
        for (const auto& item : net.named_parameters())
            if (item.value().grad().defined())
                actual.insert(item.key());
        VIGIL_CHECK_EQ(actual.size(), expected.size());
        VIGIL_CHECK(actual == expected);
    }
}

VIGIL_TEST(batchNormStatisticsAndOneAdamWStepMatchTheReference)
{
    for (const GoldenSet& set : kSets) {
        Step step = forward(set);
        AnomalyClipNetImpl& net = *step.net;
        expectClose(values(buffer(net, "selector_model.bn_layer.running_mean")), goldenPath(set, "train_bn_running_mean.npy"),
                    kValueTolerance);
        expectClose(values(buffer(net, "selector_model.bn_layer.running_var")), goldenPath(set, "train_bn_running_var.npy"),
                    kValueTolerance);
        std::vector<torch::Tensor> trained;
        for (auto& item : net.named_parameters())
            if (item.value().requires_grad())
                trained.push_back(item.value());
        torch::optim::AdamW optimizer(trained,
                                      torch::optim::AdamWOptions(1e-3).betas({0.9, 0.999}).eps(1e-8).weight_decay(0.2));
        optimizer.zero_grad();
        step.outputs.total.backward();
        optimizer.step();
        expectClose(values(parameter(net, "prompt_learner.ctx")), goldenPath(set, "after_step_ctx.npy"), kValueTolerance);
        expectClose(values(parameter(net, "temporal_model.projection.weight")),
                    goldenPath(set, "after_step_projection_weight.npy"), kValueTolerance);
    }
}

VIGIL_TEST_MAIN()
