// The int8 linear layer the CPU encoder uses, with each set of kernels this build has
// (oneDNN's matmul primitive, LibTorch's quantized engine): against fp32's product, against
// each other, fused activation and residual, several threads on one layer, bad input.
#include "ModelTest.h"

#include "model/Error.h"
#include "model/ParallelParts.h"
#include "model/nn/Int8Linear.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cstdio>
#include <limits>

using namespace vigil;

namespace {

constexpr int64_t kIn = 384, kOut = 512;
constexpr float kQuickGelu = 1.702f;

struct Layer {
    torch::Tensor weight, bias;
};

Layer randomLayer()
{
    torch::manual_seed(11);
    return {torch::randn({kOut, kIn}) / std::sqrt(double(kIn)), torch::randn({kOut}) * 0.1};
}

// Activations as a transformer's are: not centred, a few large values (LayerNorm outputs
// times their gains, GELU outputs).
torch::Tensor activations(int64_t rows)
{
    torch::Tensor x = torch::randn({rows, kIn}) + 0.3;
    x.index_put_({torch::indexing::Slice(), 7}, 6.0);
    return x;
}

std::vector<Int8Kernels> kernelSets()
{
    std::vector<Int8Kernels> sets{Int8Kernels::Best};
    if (Int8Linear::kernelsName(Int8Kernels::LibTorch) != Int8Linear::kernelsName(Int8Kernels::Best) &&
        Int8Linear::kernelsName(Int8Kernels::LibTorch) != "none")
        sets.push_back(Int8Kernels::LibTorch);
    return sets;
}

double relativeError(const torch::Tensor& got, const torch::Tensor& expected)
{
    return ((got - expected).abs().max() / expected.abs().max()).item<double>();
}

} // namespace

// Within 3 % of fp32's output, relative to its largest value (these activations, with one
// column at 6, quantize in steps of 0.04: 1.3-1.5 % here), for row counts from one to
// more than a frame's tokens; the fused QuickGELU and residual give what applying them
// after does.
VIGIL_TEST(int8LayerMatchesFp32WithinQuantizationError)
{
    if (!Int8Linear::available())
        VIGIL_FAIL("no int8 kernels in this build");
    c10::InferenceMode guard;
    const Layer l = randomLayer();
    for (Int8Kernels kernels : kernelSets()) {
        const Int8Linear layer(l.weight, l.bias, kernels);
        for (int64_t rows : {1, 5, 394}) {
            const torch::Tensor x = activations(rows);
            const torch::Tensor expected = torch::nn::functional::linear(x, l.weight, l.bias);
            const double plain = relativeError(layer.forward(x), expected);
            const torch::Tensor gelu = expected * torch::sigmoid(kQuickGelu * expected);
            const double fused = relativeError(layer.forward(x, kQuickGelu), gelu);
            const torch::Tensor residual = torch::randn({rows, kOut});
            torch::Tensor sum = residual.clone();
            layer.addForwardTo(x, sum);
            const double added = relativeError(sum - residual, expected);
            std::printf("  %s, %lld rows: relative error %.5f, with QuickGELU %.5f, added %.5f\n",
                        Int8Linear::kernelsName(kernels).c_str(), (long long)rows, plain, fused, added);
            if (!(plain < 0.03 && fused < 0.03 && added < 0.03))
                VIGIL_FAIL(Int8Linear::kernelsName(kernels) << " with " << rows << " rows: " << plain << ", " << fused << ", " << added);
            if (plain == 0)
                VIGIL_FAIL("no quantization error at all: the int8 path did not run");
        }
    }
}

// Both kernel sets quantize the same way (weights per channel, activations per call over
// their range), so they agree far more closely with each other than with fp32.
VIGIL_TEST(oneDnnAndLibTorchKernelsAgree)
{
    const std::vector<Int8Kernels> sets = kernelSets();
    if (sets.size() < 2) {
        std::printf("  one kernel set in this build (%s): nothing to compare\n", Int8Linear::kernelsName(Int8Kernels::Best).c_str());
        return;
    }
    c10::InferenceMode guard;
    const Layer l = randomLayer();
    const Int8Linear best(l.weight, l.bias, Int8Kernels::Best), libtorch(l.weight, l.bias, Int8Kernels::LibTorch);
    const torch::Tensor x = activations(197);
    const torch::Tensor expected = torch::nn::functional::linear(x, l.weight, l.bias);
    const double between = relativeError(best.forward(x), libtorch.forward(x));
    const double toFp32 = relativeError(best.forward(x), expected);
    std::printf("  %s vs %s: %.2e relative; vs fp32 %.2e\n", Int8Linear::kernelsName(Int8Kernels::Best).c_str(),
                Int8Linear::kernelsName(Int8Kernels::LibTorch).c_str(), between, toFp32);
    if (!(between < toFp32 / 5))
        VIGIL_FAIL("the kernel sets differ by " << between << ", fp32 by " << toFp32);
}

// Two threads running the same layer at once, each on its own rows and with one OpenMP
// thread (as the encoder runs its batch), get what one thread gets alone.
VIGIL_TEST(threadsShareOneLayer)
{
    c10::InferenceMode guard;
    const Layer l = randomLayer();
    for (Int8Kernels kernels : kernelSets()) {
        const Int8Linear layer(l.weight, l.bias, kernels);
        const std::vector<torch::Tensor> inputs{activations(394), activations(197), activations(3)};
        const int callerThreads = at::get_num_threads();
        at::set_num_threads(1);
        std::vector<torch::Tensor> alone;
        for (const torch::Tensor& x : inputs)
            alone.push_back(layer.forward(x));
        std::vector<torch::Tensor> together(inputs.size());
        for (int round = 0; round < 20; ++round)
            runParts(int64_t(inputs.size()), [&](int64_t part) {
                at::set_num_threads(1);
                c10::InferenceMode partGuard;
                together[size_t(part)] = layer.forward(inputs[size_t(part)]);
            });
        at::set_num_threads(callerThreads);
        for (size_t i = 0; i < inputs.size(); ++i)
            if (!torch::equal(alone[i], together[i]))
                VIGIL_FAIL(Int8Linear::kernelsName(kernels) << ": part " << i << " differs when run beside the others by "
                                                             << (alone[i] - together[i]).abs().max().item<float>());
    }
}

// All-zero rows give the bias exactly; rows with a NaN or an infinity are refused with a
// message (oneDNN's path: a range that is not finite has no scale).
VIGIL_TEST(degenerateInput)
{
    c10::InferenceMode guard;
    const Layer l = randomLayer();
    for (Int8Kernels kernels : kernelSets()) {
        const Int8Linear layer(l.weight, l.bias, kernels);
        const torch::Tensor out = layer.forward(torch::zeros({4, kIn}));
        if (!torch::allclose(out, l.bias.expand({4, kOut}), 0, 1e-6))
            VIGIL_FAIL(Int8Linear::kernelsName(kernels) << ": zero rows gave " << (out - l.bias).abs().max().item<float>()
                                                         << " away from the bias");
    }
    if (Int8Linear::kernelsName(Int8Kernels::Best) != "oneDNN matmul")
        return;
    const Int8Linear layer(l.weight, l.bias, Int8Kernels::Best);
    for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        torch::Tensor x = activations(3);
        x.index_put_({1, 2}, bad);
        try {
            layer.forward(x);
            VIGIL_FAIL("a non-finite activation was accepted");
        } catch (const Error& e) {
            if (std::string(e.what()).find("not finite") == std::string::npos)
                VIGIL_FAIL("unexpected message: " << e.what());
        }
    }
    // The output to add to must be laid out as the product's.
    torch::Tensor wrong = torch::zeros({kOut, 3}).t();
    try {
        layer.addForwardTo(activations(3), wrong);
        VIGIL_FAIL("a transposed output was accepted");
    } catch (const Error&) {
    }
}

VIGIL_TEST_MAIN()
