// The Score menu's two dialogs, dumb: Choose Model (checkpoint, centroid, class list and
// the device with its precision as one choice) and Detection Settings (threshold,
// hysteresis, shortest detection, merge gap). Values in, the choice out; nullopt when
// cancelled.
#pragma once

#include "model/InferenceSession.h"
#include "project/ProjectTypes.h"

#include <optional>

class QWidget;

namespace vigil {

/// Plain value.
struct ModelChoice {
    ModelRecord model;
    ComputeDevice device = ComputeDevice::Auto;
    Precision precision = Precision::Float32;
};

/// GUI thread. Modal.
std::optional<ModelChoice> chooseModelDialog(QWidget* parent, const std::optional<ModelRecord>& current, ComputeDevice device,
                                             Precision precision);
/// GUI thread. Modal.
std::optional<DetectionSettings> detectionSettingsDialog(QWidget* parent, const DetectionSettings& current);

} // namespace vigil
