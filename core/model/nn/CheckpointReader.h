// Reads torch.save archives (Lightning checkpoints, bare tensors) without Python: the zip
// container through caffe2's reader, the pickle through our own inert interpreter.
// Internal to the model layer: includes LibTorch.
#pragma once

#include "model/Pickle.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace caffe2::serialize {
class PyTorchStreamReader;
}

namespace vigil {

/// One reader per file; any thread, not shared between threads.
class CheckpointReader {
public:
    /// Opens the archive and runs its pickle; throws vigil::Error naming the path.
    explicit CheckpointReader(const std::string& path);
    ~CheckpointReader();

    const std::string& path() const { return m_path; }
    const PyValue& root() const { return m_pickle->root(); }

    /// The tensor a TensorRef describes, as a view of its storage (shared by every
    /// tensor of the same storage). `key` names the tensor in error messages.
    torch::Tensor materialize(const TensorRef& ref, const std::string& key) const;

    /// Every tensor of the dict under `state_dict` (or of the root, when the root is a
    /// dict of tensors), by name.
    std::map<std::string, torch::Tensor> stateDict() const;
    /// The root value as a tensor (files written by torch.save(tensor)).
    torch::Tensor rootTensor() const;

private:
    torch::Tensor storage(const TensorRef& ref, const std::string& key) const;
    torch::Tensor readStorage(caffe2::serialize::PyTorchStreamReader& archive, const TensorRef& ref,
                              const std::string& key) const;
    /// Reads the storages of `tensors` not read yet, large sets on two threads.
    void readAhead(const std::vector<std::pair<const TensorRef*, std::string>>& tensors) const;

    std::string m_path;
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> m_archive;
    std::shared_ptr<const PickleResult> m_pickle;
    bool m_bigEndian = false;
    mutable std::map<std::string, torch::Tensor> m_storages;
};

} // namespace vigil
