// The desktop application's settings: one Settings object per process (settings/Settings.h),
// opened on first use. Qt Core.
#pragma once

namespace vigil {

class Settings;

/// GUI thread.
Settings& appSettings();

} // namespace vigil
