// The user's settings and this machine's state, read and written through the settings
// table (SettingsTable.h): shared ones in `$XDG_CONFIG_HOME/vigil/vigil.conf`, local state in
// `$XDG_STATE_HOME/vigil/state.conf`, each file versioned. Opening never fails: a file that
// cannot be read is set aside (renamed beside itself) with a notice and the defaults are
// used; a value of the wrong type is ignored with a notice; the settings of Vigil before
// version 2 (Qt's own `~/.config/Vigil/Vigil.conf`) are moved over once. Qt Core.
#pragma once

#include "settings/SettingsTable.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace vigil {

/// One thread at a time (the GUI thread in the app, the main thread in the CLI).
class Settings {
public:
    static constexpr int kVersion = 2;

    /// The files of this user (test mode of QStandardPaths honoured).
    Settings();
    /// Given files; `legacyFile` is migrated when `configFile` does not exist yet.
    Settings(const QString& configFile, const QString& stateFile, const QString& legacyFile = {});
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    /// The value in force: the stored one when valid, else the default. Throws vigil::Error
    /// for a key the table does not have.
    QVariant value(const QString& key) const;
    QString text(const QString& key) const { return value(key).toString(); }
    int integer(const QString& key) const { return value(key).toInt(); }
    double number(const QString& key) const { return value(key).toDouble(); }
    bool flag(const QString& key) const { return value(key).toBool(); }
    /// Whether a value is stored (a default is not).
    bool isSet(const QString& key) const;

    /// Checks the value against the table (type, range, choices) and stores it; storing the
    /// default removes the key, so that only changes are kept. Throws vigil::Error naming
    /// the key and the value.
    void setValue(const QString& key, const QVariant& value);
    /// The command line's form: "true"/"false", numbers, choices, text. Throws as setValue.
    void setText(const QString& key, const QString& text);
    /// The value as `config get` prints it.
    QString displayText(const QString& key) const;
    void reset(const QString& key);
    /// Every shared setting back to its default (local state too when `state`).
    void resetAll(bool state = false);
    /// Writes both files now; throws vigil::Error when one cannot be written.
    void sync();

    /// What happened while opening (a file set aside, a migration, values ignored).
    QStringList notices() const { return m_notices; }
    QString configFile() const;
    QString stateFile() const;

    static QString defaultConfigFile();
    static QString defaultStateFile();
    static QString legacyFile();

private:
    QSettings& store(const SettingSpec& spec) const;
    void open(const QString& configFile, const QString& stateFile, const QString& legacyFile);
    std::unique_ptr<QSettings> openFile(const QString& path);
    void migrate(const QString& legacyFile);
    /// The stored value converted to the spec's type, or an invalid QVariant with `why` set.
    QVariant checked(const SettingSpec& spec, const QVariant& raw, QString* why) const;

    std::unique_ptr<QSettings> m_config, m_state;
    QStringList m_notices;
};

} // namespace vigil
