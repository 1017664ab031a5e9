// A linear layer whose weights start uninitialised, under torch::nn::Linear's parameter
// names ("weight", "bias"). CLIP's encoders are always loaded from a checkpoint: the random
// initialisation torch::nn::Linear makes (kaiming-uniform over 150 million weights) took
// 0.9 s of every model load, only to be overwritten.
#pragma once

#include <torch/torch.h>

namespace vigil {

struct UninitializedLinearImpl : torch::nn::Cloneable<UninitializedLinearImpl> {
    UninitializedLinearImpl(int64_t in, int64_t out)
        : inFeatures(in)
        , outFeatures(out)
    {
        reset();
    }
    void reset() override
    {
        weight = register_parameter("weight", torch::empty({outFeatures, inFeatures}));
        bias = register_parameter("bias", torch::empty({outFeatures}));
    }
    torch::Tensor forward(const torch::Tensor& x) { return torch::nn::functional::linear(x, weight, bias); }

    int64_t inFeatures, outFeatures;
    torch::Tensor weight, bias;
};
TORCH_MODULE(UninitializedLinear);

} // namespace vigil
