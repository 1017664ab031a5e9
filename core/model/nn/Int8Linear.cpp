// Int8 linear layers. LibTorch's are called through the dispatcher's boxed calls: the
// packed-weights class (LinearPackedParamsBase) is not in LibTorch's public headers, but an
// IValue holds it.
#include "model/nn/Int8Linear.h"

#include "model/Error.h"
#ifdef VIGIL_HAVE_ONEDNN
#include "model/nn/OneDnnInt8Linear.h"
#endif

#include <ATen/Parallel.h>
#include <ATen/core/dispatch/Dispatcher.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace vigil {

namespace {

constexpr bool kHaveOneDnn =
#ifdef VIGIL_HAVE_ONEDNN
    true;
#else
    false;
#endif

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

// Whether oneDNN's int8 kernels add in 32 bits here: VNNI or AMX, and not capped below them
// by ONEDNN_MAX_CPU_ISA. Without, they add pairs of u8 x s8 products in 16 bits, which
// saturate for 8-bit activations (LibTorch's oneDNN engine was 4-12 % off on a test layer
// under ONEDNN_MAX_CPU_ISA=AVX2, 2 % with 7-bit ones).
bool oneDnnAddsIn32Bits()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    bool vnni = __builtin_cpu_supports("avx512vnni") || __builtin_cpu_supports("avxvnni");
    const char* cap = std::getenv("ONEDNN_MAX_CPU_ISA");
    if (!cap || !*cap)
        cap = std::getenv("DNNL_MAX_CPU_ISA");
    if (vnni && cap && *cap) {
        std::string isa(cap);
        std::transform(isa.begin(), isa.end(), isa.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        vnni = isa == "ALL" || isa.find("VNNI") != std::string::npos || isa.find("BF16") != std::string::npos ||
               isa.find("AMX") != std::string::npos;
    }
    return vnni;
#else
    return true; // ARM: QNNPACK, no 16-bit pairs
#endif
}

void applySwish(torch::Tensor& z, float alpha)
{
    // z sigmoid(alpha z) = silu(alpha z) / alpha: one vectorised kernel, in place.
    z.mul_(alpha);
    torch::silu_(z);
    z.mul_(1.0 / alpha);
}

} // namespace

bool Int8Linear::available()
{
    return kHaveOneDnn || selectEngine();
}

std::string Int8Linear::kernelsName(Int8Kernels kernels)
{
    if (kHaveOneDnn && kernels == Int8Kernels::Best)
        return "oneDNN matmul";
    if (!selectEngine())
        return "none";
    return "LibTorch " + std::string(c10::toString(at::globalContext().qEngine()));
}

Int8Linear::Int8Linear(const torch::Tensor& weight, const torch::Tensor& bias, Int8Kernels kernels)
    : m_out(weight.size(0))
{
    const torch::Tensor w = weight.detach().to(torch::kFloat32).contiguous();
#ifdef VIGIL_HAVE_ONEDNN
    if (kernels == Int8Kernels::Best) {
        const torch::Tensor b = bias.defined() ? bias.detach().to(torch::kFloat32).contiguous() : torch::Tensor();
        m_oneDnn = std::make_shared<const OneDnnInt8Linear>(w.data_ptr<float>(), b.defined() ? b.data_ptr<float>() : nullptr,
                                                           w.size(0), w.size(1));
        return;
    }
#endif
    (void)kernels;
    if (!selectEngine())
        throw Error("this LibTorch has no quantized CPU engine for int8 inference");
    // FBGEMM's kernels can saturate 16-bit sums without VNNI: it wants 7-bit activations;
    // oneDNN's too, where the processor lacks VNNI.
    const at::QEngine engine = at::globalContext().qEngine();
    m_reduceRange = engine == at::QEngine::FBGEMM || (engine == at::QEngine::ONEDNN && !oneDnnAddsIn32Bits());
    const torch::Tensor scales = (w.abs().amax({1}) / 127.0).clamp_min(1e-12).to(torch::kDouble);
    const torch::Tensor q = torch::quantize_per_channel(w, scales, torch::zeros({m_out}, torch::kLong), 0, torch::kQInt8);
    // "Tensor? B": a tensor or None. Not through c10::optional, an alias of std::optional
    // from LibTorch 2.2 on and on its way out.
    std::vector<c10::IValue> stack{q, bias.defined() ? c10::IValue(bias.detach().to(torch::kFloat32).contiguous()) : c10::IValue()};
    op("quantized::linear_prepack").callBoxed(&stack);
    m_packed = std::move(stack.at(0));
}

Int8Linear::~Int8Linear() = default;

torch::Tensor Int8Linear::forward(const torch::Tensor& x, float swishAlpha) const
{
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = m_out;
    const torch::Tensor flat = x.reshape({-1, x.size(-1)}).to(torch::kFloat32).contiguous();
#ifdef VIGIL_HAVE_ONEDNN
    if (m_oneDnn) {
        torch::Tensor out = torch::empty({flat.size(0), m_out}, flat.options());
        m_oneDnn->forward(flat.data_ptr<float>(), flat.size(0), out.data_ptr<float>(), swishAlpha, false, at::get_num_threads());
        return out.view(shape);
    }
#endif
    std::vector<c10::IValue> stack{flat, m_packed, m_reduceRange};
    static const c10::OperatorHandle linear = op("quantized::linear_dynamic");
    linear.callBoxed(&stack);
    torch::Tensor out = stack.at(0).toTensor();
    if (swishAlpha > 0)
        applySwish(out, swishAlpha);
    return out.view(shape);
}

void Int8Linear::addForwardTo(const torch::Tensor& x, torch::Tensor& into) const
{
    if (!into.is_contiguous() || into.scalar_type() != torch::kFloat32 || into.size(-1) != m_out ||
        into.numel() / m_out != x.numel() / x.size(-1))
        throw Error("int8 linear layer: the output to add to must be contiguous fp32 of the product's shape");
#ifdef VIGIL_HAVE_ONEDNN
    if (m_oneDnn) {
        const torch::Tensor flat = x.reshape({-1, x.size(-1)}).to(torch::kFloat32).contiguous();
        m_oneDnn->forward(flat.data_ptr<float>(), flat.size(0), into.data_ptr<float>(), 0, true, at::get_num_threads());
        return;
    }
#endif
    into.add_(forward(x).view(into.sizes()));
}

} // namespace vigil
