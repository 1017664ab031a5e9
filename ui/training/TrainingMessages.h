// The trainer's readiness messages in the interface's language. The trainer is LibTorch
// only (no Qt, no tr()), so its English sentences are recognised here by their form and
// said again through tr(); one it does not know stays as written.
#pragma once

#include <QString>

#include <string>

namespace vigil {

QString trainingMessage(const std::string& english);

} // namespace vigil
