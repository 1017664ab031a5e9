// libFuzzer target for vigil::unpickle: any input must unpickle or throw vigil::Error.
#include "Error.h"
#include "Pickle.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <unordered_set>
#include <vector>

namespace {

// Visits every value reachable from the root once (the graph may share and even contain
// cycles through the memo), exercising the accessors a checkpoint loader uses.
void walk(const vigil::PyValue& root)
{
    std::unordered_set<const vigil::PyValue*> seen;
    std::vector<const vigil::PyValue*> pending = {&root};
    while (!pending.empty()) {
        const vigil::PyValue* v = pending.back();
        pending.pop_back();
        if (!v)
            std::abort(); // the interpreter never stores null children
        if (!seen.insert(v).second)
            continue;
        (void)v->describe();
        (void)v->get("state_dict");
        if (v->kind == vigil::PyKind::Tensor) {
            const vigil::TensorRef& t = v->tensor;
            if (t.sizes.size() != t.strides.size() || t.offset < 0 || t.numel() < 0)
                std::abort();
        }
        for (const vigil::PyValue* item : v->items)
            pending.push_back(item);
        for (const auto& [key, value] : v->entries) {
            pending.push_back(key);
            pending.push_back(value);
        }
        if (v->state)
            pending.push_back(v->state);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        const auto result = vigil::unpickle(data, size, "fuzz.pkl");
        walk(result->root());
    } catch (const vigil::Error&) {
        // Rejecting malformed input is the expected outcome; anything else propagates and
        // libFuzzer reports it as a crash.
    }
    return 0;
}
