// Every setting Vigil keeps, in one typed table: its key, type, default, scope and what it
// means. The settings window, `vigil-cli config` and the code that reads a setting all go
// through it, so a key is spelt once and a value of the wrong type never gets in.
// Qt Core.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace vigil {

/// Shared settings travel with the user (`~/.config/vigil/vigil.conf`); local state belongs to
/// this machine (`~/.local/state/vigil/state.conf`: window layout, recent projects, paths).
enum class SettingScope { Shared, Local };

enum class SettingType {
    Bool,
    Int,      // within [minimum, maximum]
    Double,   // within [minimum, maximum]
    Text,
    Path,     // a file or folder; empty: the built-in place the description names
    Choice,   // one of `choices`
    TextList, // local state only (recent projects)
    Bytes,    // local state only (window geometry)
};

/// Any thread (plain value).
struct SettingSpec {
    QString key;
    SettingType type = SettingType::Text;
    QVariant defaultValue;
    SettingScope scope = SettingScope::Shared;
    QStringList choices;
    double minimum = 0, maximum = 0;
    QString description;
};

/// Any thread. The table, in the order the settings window and `config list` show it.
const QList<SettingSpec>& settingSpecs();
/// Any thread. The spec of `key`, or nullptr.
const SettingSpec* settingSpec(const QString& key);
/// Any thread. "bool", "int", "number", "text", "path", "choice", "list", "bytes".
QString settingTypeName(SettingType type);

/// The keys, so that code names each one once.
namespace settingKey {
inline const QString device = QStringLiteral("compute/device");
inline const QString threads = QStringLiteral("compute/threads");
inline const QString batch = QStringLiteral("compute/batch");
inline const QString stride = QStringLiteral("compute/stride");
inline const QString threshold = QStringLiteral("detection/threshold");
inline const QString hysteresis = QStringLiteral("detection/hysteresis");
inline const QString minDuration = QStringLiteral("detection/minDurationSeconds");
inline const QString mergeGap = QStringLiteral("detection/mergeGapSeconds");
inline const QString featureFolder = QStringLiteral("cache/featureFolder");
inline const QString featureLimit = QStringLiteral("cache/featureLimitGiB");
inline const QString proxyFolder = QStringLiteral("cache/proxyFolder");
inline const QString proxyLimit = QStringLiteral("cache/proxyLimitGiB");
inline const QString exportPadding = QStringLiteral("export/paddingSeconds");
inline const QString exportReencode = QStringLiteral("export/reencode");
inline const QString exportOverlay = QStringLiteral("export/overlay");
inline const QString exportFolder = QStringLiteral("export/folder");
inline const QString analyst = QStringLiteral("analyst/name");
inline const QString language = QStringLiteral("ui/language");
inline const QString theme = QStringLiteral("ui/theme");
inline const QString shortcuts = QStringLiteral("ui/shortcuts");
inline const QString truth = QStringLiteral("research/truth");
// Local state.
inline const QString windowGeometry = QStringLiteral("window/geometry");
inline const QString windowState = QStringLiteral("window/state");
inline const QString recentProjects = QStringLiteral("recentProjects");
inline const QString modelCheckpoint = QStringLiteral("model/checkpoint");
inline const QString modelCentroid = QStringLiteral("model/centroid");
inline const QString modelLabels = QStringLiteral("model/labels");
inline const QString vocabulary = QStringLiteral("training/vocabulary");
inline const QString systemCheckShown = QStringLiteral("systemCheck/shown");
} // namespace settingKey

} // namespace vigil
