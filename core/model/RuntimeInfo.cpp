// Read from LibTorch's own configuration report rather than from compile-time macros: the
// library loaded at run time is the one that counts (an official LibTorch dropped in by
// CMAKE_PREFIX_PATH reports its own CUDA and oneDNN).
#include "model/RuntimeInfo.h"

#include <ATen/Version.h>
#include <torch/cuda.h>
#include <torch/version.h>

namespace vigil {

namespace {

// The text after `key` up to the end of its line in LibTorch's report; empty when absent.
std::string reportValue(const std::string& report, const std::string& key)
{
    const size_t at = report.find(key);
    if (at == std::string::npos)
        return {};
    const size_t from = at + key.size();
    std::string value = report.substr(from, report.find('\n', from) - from);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r'))
        value.pop_back();
    return value;
}

} // namespace

TorchRuntime torchRuntime()
{
    TorchRuntime runtime;
    runtime.version = TORCH_VERSION;
    const std::string report = at::show_config();
    // "Intel(R) MKL-DNN v2.6.3 (Git Hash N/A)" in 1.13, "Intel(R) oneAPI Deep Neural Network
    // Library (oneDNN) v3.3.2 (Git Hash ...)" in 2.x.
    for (const char* key : {"MKL-DNN ", "(oneDNN) "}) {
        std::string value = reportValue(report, key);
        if (!value.empty()) {
            runtime.onednn = value.substr(0, value.find(' '));
            break;
        }
    }
    runtime.cuda = reportValue(report, "CUDA Runtime ");
    runtime.cudaDevices = int(torch::cuda::device_count());
    return runtime;
}

} // namespace vigil
