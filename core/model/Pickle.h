// A pickle interpreter for the opcodes torch.save emits (protocols 2 to 4) that builds
// inert values: nothing is ever imported or executed. Classes it does not know become
// placeholder objects, tensors become descriptions of where their data lies.
#pragma once

#include "NpyArray.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

enum class PyKind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Set, Global, Object, Storage, Tensor };

/// Where a tensor's elements live: a storage record of the archive and a strided view of it.
struct TensorRef {
    std::string storageKey;   // record "data/<key>" of the archive
    DType dtype = DType::Float32;
    int64_t storageNumel = 0; // elements in the storage
    int64_t offset = 0;       // in elements
    std::vector<int64_t> sizes;
    std::vector<int64_t> strides;
    int64_t numel() const;
};

/// One unpickled value. Children are owned by the PickleResult's arena.
struct PyValue {
    PyKind kind = PyKind::None;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0.0;
    std::string text; // String, Bytes, Global module, Object class ("module.name"), Storage location
    std::string name; // Global name
    std::vector<PyValue*> items;                         // Tuple, List, Set, Object arguments and appended items
    std::vector<std::pair<PyValue*, PyValue*>> entries; // Dict, Object's set items
    PyValue* state = nullptr;                            // Object state from BUILD
    TensorRef tensor;                                    // Storage and Tensor

    /// For Dict (and placeholder objects filled like dicts): the value under a string key.
    const PyValue* get(const std::string& key) const;
    std::string describe() const;
};

/// The unpickled value graph; owns every value.
/// Any thread; immutable once returned.
class PickleResult {
public:
    const PyValue& root() const { return *m_root; }

private:
    friend class Unpickler;
    std::vector<std::unique_ptr<PyValue>> m_arena;
    PyValue* m_root = nullptr;
};

/// Runs the pickle program in `bytes`. `what` names the source in errors. Throws
/// vigil::Error on any malformed or unsupported input; never reads out of bounds.
std::shared_ptr<const PickleResult> unpickle(const unsigned char* bytes, size_t size, const std::string& what);

} // namespace vigil
