// Int8 linear layers through the dispatcher's boxed calls: the packed-weights class
// (LinearPackedParamsBase) is not in LibTorch's public headers, but an IValue holds it.
#include "model/nn/Int8Linear.h"

#include "model/Error.h"

#include <ATen/core/dispatch/Dispatcher.h>

#include <algorithm>

namespace vigil {

namespace {

// The engine with int8 dynamic linear layers: FBGEMM (x86, official builds), oneDNN (x86,
// Debian's build), else QNNPACK (ARM). Set once, process-wide: only Vigil uses it.
bool selectEngine()
{
    static const bool selected = [] {
        const auto engines = at::globalContext().supportedQEngines();
        auto has = [&](at::QEngine e) { return std::find(engines.begin(), engines.end(), e) != engines.end(); };
        for (const at::QEngine e : {at::QEngine::FBGEMM, at::QEngine::ONEDNN, at::QEngine::QNNPACK})
            if (has(e)) {
                at::globalContext().setQEngine(e);
                return true;
            }
        return false;
    }();
    return selected;
}

c10::OperatorHandle op(const char* name)
{
    return c10::Dispatcher::singleton().findSchemaOrThrow(name, "");
}

} // namespace

bool Int8Linear::available()
{
    return selectEngine();
}

Int8Linear::Int8Linear(const torch::Tensor& weight, const torch::Tensor& bias)
    : m_out(weight.size(0))
{
    if (!available())
        throw Error("this LibTorch has no quantized CPU engine for int8 inference");
    // FBGEMM's kernels can saturate 16-bit sums without VNNI: it wants 7-bit activations.
    m_reduceRange = at::globalContext().qEngine() == at::QEngine::FBGEMM;
    const torch::Tensor w = weight.detach().to(torch::kFloat32).contiguous();
    const torch::Tensor scales = (w.abs().amax({1}) / 127.0).clamp_min(1e-12).to(torch::kDouble);
    const torch::Tensor q = torch::quantize_per_channel(w, scales, torch::zeros({m_out}, torch::kLong), 0, torch::kQInt8);
    std::vector<c10::IValue> stack{q, bias.defined() ? c10::optional<at::Tensor>(bias.detach().to(torch::kFloat32).contiguous())
                                                      : c10::optional<at::Tensor>()};
    op("quantized::linear_prepack").callBoxed(&stack);
    m_packed = std::move(stack.at(0));
}

torch::Tensor Int8Linear::forward(const torch::Tensor& x) const
{
    std::vector<int64_t> shape = x.sizes().vec();
    const torch::Tensor flat = x.reshape({-1, x.size(-1)}).contiguous();
    std::vector<c10::IValue> stack{flat, m_packed, m_reduceRange};
    static const c10::OperatorHandle linear = op("quantized::linear_dynamic");
    linear.callBoxed(&stack);
    shape.back() = m_out;
    return stack.at(0).toTensor().view(shape);
}

} // namespace vigil
