// Int8 products through oneDNN's matmul primitive (see the header for why not LibTorch's).
// No LibTorch here: this file compiles in seconds and holds oneDNN's API to itself.
#include "model/nn/OneDnnInt8Linear.h"

#include "model/Error.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vigil {

namespace {

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

const dnnl::engine& cpuEngine()
{
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

// What a primitive depends on. The row count is fixed in it: oneDNN 2.6 picks its AMX and
// brgemm kernels only for a known shape. The per-channel scales are not (they are a
// post-operation's input), so the layers of one shape share a primitive.
struct Shape {
    int64_t rows, in, out;
    float swishAlpha;
    bool accumulate;
    int threads; // oneDNN sizes a primitive's scratch by the OpenMP threads it is made with
    bool operator<(const Shape& o) const
    {
        return std::tie(rows, in, out, swishAlpha, accumulate, threads) <
               std::tie(o.rows, o.in, o.out, o.swishAlpha, o.accumulate, o.threads);
    }
};

struct Primitive {
    dnnl::matmul::primitive_desc pd;
    dnnl::matmul matmul;
};

// The post-operations, in order: the product times the activation's and each channel's
// scales (one run-time [1, out] row), the output's old value (accumulate), the bias, the
// activation.
dnnl::primitive_attr attributes(const Shape& s)
{
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user); // one per thread: runs at once
    attr.set_zero_points(DNNL_ARG_SRC, 0, {DNNL_RUNTIME_S32_VAL});
    dnnl::post_ops ops;
    const dnnl::memory::desc row({1, s.out}, dt::f32, tag::ab);
    ops.append_binary(dnnl::algorithm::binary_mul, row);
    if (s.accumulate)
        ops.append_sum(1.f);
    ops.append_binary(dnnl::algorithm::binary_add, row);
    if (s.swishAlpha > 0)
        ops.append_eltwise(1.f, dnnl::algorithm::eltwise_swish, s.swishAlpha, 0.f);
    attr.set_post_ops(ops);
    return attr;
}

const Primitive& primitiveFor(const Shape& s)
{
    static std::mutex mutex;
    static std::map<Shape, std::unique_ptr<Primitive>> primitives;
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<Primitive>& p = primitives[s];
    if (!p) {
        const dnnl::memory::desc src({s.rows, s.in}, dt::u8, tag::ab);
        const dnnl::memory::desc weights({s.in, s.out}, dt::s8, tag::any); // oneDNN's own layout
        const dnnl::memory::desc dst({s.rows, s.out}, dt::f32, tag::ab);
        dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(src, weights, dst), attributes(s), cpuEngine());
        p = std::make_unique<Primitive>(Primitive{pd, dnnl::matmul(pd)});
    }
    return *p;
}

// What each thread keeps between calls: its quantized rows, scales and scratch (64-byte
// aligned), grown to the largest call.
struct ThreadBuffers {
    std::vector<uint8_t> quantized;
    std::vector<float> scales;
    std::vector<uint8_t> scratch;
    dnnl::stream stream{cpuEngine()};

    uint8_t* scratchOf(size_t size)
    {
        if (scratch.size() < size + 64)
            scratch.resize(size + 64);
        const uintptr_t start = reinterpret_cast<uintptr_t>(scratch.data());
        return scratch.data() + ((64 - start % 64) % 64);
    }
};

ThreadBuffers& threadBuffers()
{
    thread_local ThreadBuffers buffers;
    return buffers;
}

// The two passes over the activations before each product, written on 16-float vectors
// (GCC's vector extensions) and compiled for AVX-512, AVX2 and the baseline, picked at load
// time: plain loops stayed scalar (a float min, max or sum is not reassociated without
// -ffast-math) and took 17 % of the int8 encoder's time, these take about 3 %.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define VIGIL_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define VIGIL_VECTOR_CLONES
#endif

typedef float Floats16 __attribute__((vector_size(64)));
typedef int32_t Ints16 __attribute__((vector_size(64)));
typedef uint8_t Bytes16 __attribute__((vector_size(16)));

struct Range {
    float lo = 0, hi = 0;
    float poison = 0; // NaN when a value is NaN or infinite: min and max pass over NaNs
};

VIGIL_VECTOR_CLONES Range rangeOf(const float* x, int64_t n)
{
    Floats16 lo = {}, hi = {}, poison = {};
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        Floats16 v;
        std::memcpy(&v, x + i, sizeof v);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        poison += v * 0.f;
    }
    Range r;
    for (; i < n; ++i) {
        r.lo = std::min(r.lo, x[i]);
        r.hi = std::max(r.hi, x[i]);
        r.poison += x[i] * 0.f;
    }
    for (int j = 0; j < 16; ++j) {
        r.lo = std::min(r.lo, lo[j]);
        r.hi = std::max(r.hi, hi[j]);
        r.poison += poison[j];
    }
    return r;
}

// q = clamp(round(x / scale) + zero point, 0, top), rounded to nearest, ties to even, as
// LibTorch's nearbyint: adding and taking away 1.5 * 2^23 rounds a float of magnitude below
// 2^22 by the addition itself. (This file is built without FMA contraction: the product is
// rounded before the addition, on every instruction set alike.)
VIGIL_VECTOR_CLONES void quantize(const float* x, int64_t n, float inverse, float zeroPoint, float top, uint8_t* q)
{
    constexpr float kRounder = 12582912.f;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        Floats16 v;
        std::memcpy(&v, x + i, sizeof v);
        v = (v * inverse + kRounder) - kRounder + zeroPoint;
        v = v > 0.f ? v : 0.f;
        v = v < top ? v : top;
        const Bytes16 bytes = __builtin_convertvector(__builtin_convertvector(v, Ints16), Bytes16);
        std::memcpy(q + i, &bytes, sizeof bytes);
    }
    for (; i < n; ++i) {
        const float rounded = (x[i] * inverse + kRounder) - kRounder;
        q[i] = uint8_t(std::min(std::max(rounded + zeroPoint, 0.f), top));
    }
}

// q = clamp(round(w / scale), -127, 127), ties to even: a weight row, once per layer (at
// ViT-B/16's 85 million weights the scalar loop took a tenth of int8's start-up).
VIGIL_VECTOR_CLONES void quantizeSymmetric(const float* w, int64_t n, float scale, int8_t* q)
{
    constexpr float kRounder = 12582912.f;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        Floats16 v;
        std::memcpy(&v, w + i, sizeof v);
        v = (v / scale + kRounder) - kRounder;
        v = v > -127.f ? v : -127.f;
        v = v < 127.f ? v : 127.f;
        const Ints16 ints = __builtin_convertvector(v, Ints16);
        for (int j = 0; j < 16; ++j)
            q[i + j] = int8_t(ints[j]);
    }
    for (; i < n; ++i)
        q[i] = int8_t(std::clamp((w[i] / scale + kRounder) - kRounder, -127.f, 127.f));
}

// The activations' largest quantized value. Without VNNI, oneDNN's int8 kernels add pairs of
// u8 x s8 products in 16 bits (vpmaddubsw), which saturate past 32767: 255 x 127 x 2 does,
// and tst_int8linear's layer was 7 % off under ONEDNN_MAX_CPU_ISA=AVX2. Seven-bit activations
// cannot (FBGEMM's "reduce range" for the same reason); VNNI and AMX add in 32 bits.
float activationTop()
{
    static const float top = [] {
        switch (dnnl::get_effective_cpu_isa()) {
        case dnnl::cpu_isa::avx2_vnni:
        case dnnl::cpu_isa::avx512_core_vnni:
        case dnnl::cpu_isa::avx512_core_bf16:
        case dnnl::cpu_isa::avx512_core_amx:
            return 255.f;
        default:
            return 127.f;
        }
    }();
    return top;
}

} // namespace

struct OneDnnInt8Linear::Impl {
    int64_t in = 0, out = 0;
    std::vector<int8_t> weights; // [out, in]: the [in, out] matrix column by column
    std::vector<float> weightScales, bias;
    std::mutex mutex;
    std::vector<std::pair<dnnl::memory::desc, dnnl::memory>> packed; // per layout asked for

    // A handle (shared ownership): valid after the list grows.
    dnnl::memory packedFor(const dnnl::memory::desc& layout, dnnl::stream& stream)
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (const auto& [desc, memory] : packed)
            if (desc == layout)
                return memory;
        dnnl::memory plain(dnnl::memory::desc({in, out}, dt::s8, tag::ba), cpuEngine(), weights.data());
        dnnl::memory reordered(layout, cpuEngine());
        dnnl::reorder(plain, reordered).execute(stream, plain, reordered);
        stream.wait();
        packed.emplace_back(layout, reordered);
        return packed.back().second;
    }
};

OneDnnInt8Linear::OneDnnInt8Linear(const float* weight, const float* bias, int64_t out, int64_t in)
    : m(std::make_unique<Impl>())
{
    if (out <= 0 || in <= 0)
        throw Error("int8 linear layer: empty weight");
    m->in = in;
    m->out = out;
    m->weights.resize(size_t(out * in));
    m->weightScales.resize(size_t(out));
    m->bias.assign(size_t(out), 0.f);
    for (int64_t o = 0; o < out; ++o) {
        const float* w = weight + o * in;
        const Range range = rangeOf(w, in);
        if (!std::isfinite(range.lo) || !std::isfinite(range.hi) || range.poison != 0)
            throw Error("int8 linear layer: the weights are not finite (NaN or infinity)");
        const float scale = std::max(std::max(-range.lo, range.hi) / 127.f, 1e-12f);
        m->weightScales[size_t(o)] = scale;
        quantizeSymmetric(w, in, scale, m->weights.data() + o * in);
        if (bias)
            m->bias[size_t(o)] = bias[o];
    }
}

OneDnnInt8Linear::~OneDnnInt8Linear() = default;

void OneDnnInt8Linear::forward(const float* x, int64_t rows, float* y, float swishAlpha, bool accumulate, int threads) const
{
    if (rows <= 0)
        return;
    if (accumulate && swishAlpha > 0)
        throw Error("int8 linear layer: an activation cannot be accumulated");
    const int64_t in = m->in, out = m->out, count = rows * in;
    ThreadBuffers& b = threadBuffers();

    // The activations' range, zero included (LibTorch's choice: zero is exact), onto 0-255
    // (0-127 without VNNI).
    const Range range = rangeOf(x, count);
    if (!std::isfinite(range.lo) || !std::isfinite(range.hi) || range.poison != 0)
        throw Error("int8 linear layer: the activations are not finite (NaN or infinity)");
    const float top = activationTop();
    const float scale = range.hi > range.lo ? (range.hi - range.lo) / top : 1.f;
    const float zeroPoint = std::clamp(std::nearbyint(-range.lo / scale), 0.f, top);
    b.quantized.resize(size_t(count));
    uint8_t* q = b.quantized.data();
    quantize(x, count, 1.f / scale, zeroPoint, top, q);
    b.scales.resize(size_t(out));
    for (int64_t o = 0; o < out; ++o)
        b.scales[size_t(o)] = m->weightScales[size_t(o)] * scale;

    try {
        const Primitive& p = primitiveFor(Shape{rows, in, out, swishAlpha > 0 ? swishAlpha : 0.f, accumulate, threads});
        const dnnl::memory::desc row({1, out}, dt::f32, tag::ab);
        int32_t zero = int32_t(zeroPoint);
        const dnnl::memory::desc scratchDesc = p.pd.scratchpad_desc();
        std::unordered_map<int, dnnl::memory> args{
            {DNNL_ARG_SRC, dnnl::memory(p.pd.src_desc(), cpuEngine(), q)},
            {DNNL_ARG_WEIGHTS, m->packedFor(p.pd.weights_desc(), b.stream)},
            {DNNL_ARG_DST, dnnl::memory(p.pd.dst_desc(), cpuEngine(), y)},
            {DNNL_ARG_SCRATCHPAD, dnnl::memory(scratchDesc, cpuEngine(), b.scratchOf(scratchDesc.get_size()))},
            {DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC, dnnl::memory({{1}, dt::s32, tag::a}, cpuEngine(), &zero)},
            {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, dnnl::memory(row, cpuEngine(), b.scales.data())},
            {DNNL_ARG_ATTR_MULTIPLE_POST_OP(accumulate ? 2 : 1) | DNNL_ARG_SRC_1, dnnl::memory(row, cpuEngine(), m->bias.data())},
        };
        p.matmul.execute(b.stream, args);
        b.stream.wait();
    } catch (const dnnl::error& e) {
        throw Error(std::string("int8 linear layer (oneDNN): ") + e.what());
    }
}

std::string OneDnnInt8Linear::implementation(int64_t rows, int64_t in, int64_t out, int threads)
{
    try {
        return primitiveFor(Shape{rows, in, out, 0.f, false, threads}).pd.impl_info_str();
    } catch (const dnnl::error& e) {
        throw Error(std::string("int8 linear layer (oneDNN): ") + e.what());
    }
}

} // namespace vigil
