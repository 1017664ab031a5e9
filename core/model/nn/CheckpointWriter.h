// Writes torch.save archives that PyTorch and CheckpointReader load: a state dict
// (for fine-tuned models) or a bare tensor. Internal to the model layer: includes LibTorch.
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace vigil {

/// A tensor as a strided view of one of the archive's storages.
struct SavedTensorView {
    std::string name;
    size_t storage = 0; // index into the storages
    int64_t offset = 0;
    std::vector<int64_t> sizes, strides;
};

/// Writes `{"state_dict": {name: tensor}}` (`wrapInStateDict`) or the dict itself, with
/// explicit storages and views so that tests can build any layout PyTorch produces.
/// Atomic: a temporary file renamed over `path`. Throws vigil::Error naming the path.
void writeTorchArchive(const std::string& path, const std::vector<torch::Tensor>& storages,
                       const std::vector<SavedTensorView>& views, bool wrapInStateDict);

/// Each tensor saved contiguous in a storage of its own.
void writeStateDict(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors);

/// Like torch.save(tensor).
void writeTensorFile(const std::string& path, const torch::Tensor& tensor);

} // namespace vigil
