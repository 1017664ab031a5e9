// What the LibTorch this process runs on is and sees: its version, its oneDNN, and the CUDA
// devices. For the About box, the log's header and the system check.
#pragma once

#include <string>

namespace vigil {

struct TorchRuntime {
    std::string version;     // "1.13.0"
    std::string onednn;      // "v2.6.3", empty when LibTorch was built without it
    std::string cuda;        // the CUDA runtime LibTorch was built with ("12.1"), empty without CUDA
    int cudaDevices = 0;     // devices LibTorch can use now
};

/// Any thread, once LibTorch is loaded.
TorchRuntime torchRuntime();

} // namespace vigil
