#include "settings/AppSettings.h"

#include "settings/Settings.h"

namespace vigil {

Settings& appSettings()
{
    static Settings settings;
    return settings;
}

} // namespace vigil
