// The Winograd convolution equals LibTorch's 3x3 convolution, and the feed-forward unit
// uses it only where it applies (inference, CPU, sizes divisible by 4, unchanged weights).
#include "ModelTest.h"

#include "model/nn/TemporalModel.h"
#include "model/nn/WinogradConv.h"

using namespace vigil;

VIGIL_TEST(matchesConv2dOnTheHeadsShapes)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    struct Case {
        int64_t batch, in, out, h, w;
    };
    for (const Case c : {Case{2, 256, 1024, 32, 16}, Case{3, 64, 256, 32, 16}, Case{1, 8, 12, 4, 4}, Case{2, 5, 7, 8, 12}}) {
        const torch::Tensor x = torch::randn({c.batch, c.in, c.h, c.w});
        const torch::Tensor weight = torch::randn({c.out, c.in, 3, 3}) / std::sqrt(double(c.in * 9));
        const torch::Tensor bias = torch::randn({c.out});
        const torch::Tensor expected = torch::conv2d(x, weight, bias, 1, 1);
        const torch::Tensor actual = winogradConv3x3(x, WinogradFilters(weight), bias);
        VIGIL_CHECK(actual.defined());
        const double error = (actual - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        if (!(error <= 1e-5 * std::max(1.0, scale) * 10))
            VIGIL_FAIL("in " << c.in << " out " << c.out << ": max |diff| " << error << " (outputs up to " << scale << ")");
    }
}

VIGIL_TEST(sizesNotDivisibleByFourAreLeftToConv2d)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor weight = torch::randn({4, 3, 3, 3});
    VIGIL_CHECK(!winogradConv3x3(torch::randn({1, 3, 6, 8}), WinogradFilters(weight), {}).defined());
    VIGIL_CHECK(!winogradConv3x3(torch::randn({1, 3, 8, 8}).to(torch::kDouble), WinogradFilters(weight), {}).defined());
}

VIGIL_TEST(feedForwardFallsBackWhenWeightsChangeOrGradientsAreNeeded)
{
    torch::manual_seed(9);
    FeedForwardUnit unit(16);
    unit->eval();
    unit->prepareInference();
    const torch::Tensor x = torch::randn({2, 16, 8, 4});
    torch::Tensor reference;
    {
        torch::NoGradGuard noGrad;
        reference = unit->contract(torch::leaky_relu(unit->expand(unit->norm(x)), 0.01));
        VIGIL_CHECK((unit->forward(x) - reference).abs().max().item<double>() < 1e-4);
        // An in-place weight edit invalidates the transformed filters.
        unit->expand->weight.mul_(2.0);
        const torch::Tensor changed = unit->contract(torch::leaky_relu(unit->expand(unit->norm(x)), 0.01));
        VIGIL_CHECK(!unit->expandFilters.matches(unit->expand->weight));
        VIGIL_CHECK((unit->forward(x) - changed).abs().max().item<double>() < 1e-6);
    }
    // With gradients enabled the unit trains through LibTorch's convolution.
    unit->train();
    const torch::Tensor y = unit->forward(x).sum();
    y.backward();
    VIGIL_CHECK(unit->expand->weight.grad().defined());
}

VIGIL_TEST_MAIN()
