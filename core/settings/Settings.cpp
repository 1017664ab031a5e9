// Settings files: typed, versioned, and never in the way of a start.
#include "settings/Settings.h"

#include "model/Error.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStringDecoder>

#include <cmath>

namespace vigil {

namespace {

const QString kVersionKey = QStringLiteral("meta/version");

QString stateHome()
{
    // Qt 6.4 has no StateLocation: the XDG rule by hand (beside the test folder in test mode).
    if (QStandardPaths::isTestModeEnabled())
        return QDir::homePath() + QStringLiteral("/.qttest/state");
    const QString state = qEnvironmentVariable("XDG_STATE_HOME");
    return !state.isEmpty() && QDir::isAbsolutePath(state) ? state : QDir::homePath() + QStringLiteral("/.local/state");
}

// A settings file Qt would misread: binary bytes, or text that is not UTF-8.
bool looksDamaged(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // unreadable is reported by QSettings' status
    const QByteArray bytes = file.read(1 << 20);
    if (bytes.contains('\0'))
        return true;
    auto decoder = QStringDecoder(QStringDecoder::Utf8);
    (void)decoder.decode(bytes);
    return decoder.hasError();
}

QString quoted(const QString& text) { return QLatin1Char('\'') + text + QLatin1Char('\''); }

} // namespace

Settings::Settings()
{
    open(defaultConfigFile(), defaultStateFile(), legacyFile());
}

Settings::Settings(const QString& configFile, const QString& stateFile, const QString& legacy)
{
    open(configFile, stateFile, legacy);
}

Settings::~Settings() = default;

QString Settings::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/vigil/vigil.conf");
}

QString Settings::defaultStateFile() { return stateHome() + QStringLiteral("/vigil/state.conf"); }

QString Settings::legacyFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/Vigil/Vigil.conf");
}

QString Settings::configFile() const { return m_config->fileName(); }
QString Settings::stateFile() const { return m_state->fileName(); }

std::unique_ptr<QSettings> Settings::openFile(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    if (QFileInfo::exists(path) && (settings->status() != QSettings::NoError || looksDamaged(path))) {
        // Set aside, never deleted: the user may want what was in it.
        settings.reset();
        const QString aside = path + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::rename(path, aside))
            m_notices << QStringLiteral("The settings file %1 could not be read; it was set aside as %2 and the defaults are used.")
                             .arg(path, aside);
        else
            m_notices << QStringLiteral("The settings file %1 could not be read nor set aside; the defaults are used.").arg(path);
        settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    }
    const int version = settings->value(kVersionKey, 0).toInt();
    if (version > kVersion)
        m_notices << QStringLiteral("The settings file %1 was written by a newer Vigil (settings version %2); the settings this "
                                    "version knows are used.")
                         .arg(path)
                         .arg(version);
    return settings;
}

void Settings::open(const QString& configFile, const QString& stateFile, const QString& legacy)
{
    const bool fresh = !QFileInfo::exists(configFile);
    m_config = openFile(configFile);
    m_state = openFile(stateFile);
    if (fresh && !legacy.isEmpty() && QFileInfo::exists(legacy))
        migrate(legacy);
    for (QSettings* s : {m_config.get(), m_state.get()})
        if (s->value(kVersionKey, 0).toInt() < kVersion)
            s->setValue(kVersionKey, kVersion);
    // Values that would not be used are said once, at the start.
    for (const SettingSpec& spec : settingSpecs()) {
        const QVariant raw = store(spec).value(spec.key);
        QString why;
        if (raw.isValid() && !checked(spec, raw, &why).isValid())
            m_notices << QStringLiteral("%1: %2; the default %3 is used.").arg(spec.key, why, quoted(spec.defaultValue.toString()));
    }
}

void Settings::migrate(const QString& legacy)
{
    // Version 1: Qt's default file of organisation "Vigil", everything in one place.
    QSettings old(legacy, QSettings::IniFormat);
    int moved = 0;
    for (const QString& key : old.allKeys())
        if (const SettingSpec* spec = settingSpec(key)) {
            QString why;
            if (checked(*spec, old.value(key), &why).isValid()) {
                store(*spec).setValue(key, old.value(key));
                ++moved;
            }
        }
    if (moved)
        m_notices << QStringLiteral("%1 setting(s) of an older Vigil were moved from %2.").arg(moved).arg(legacy);
}

QSettings& Settings::store(const SettingSpec& spec) const { return spec.scope == SettingScope::Shared ? *m_config : *m_state; }

QVariant Settings::checked(const SettingSpec& spec, const QVariant& raw, QString* why) const
{
    const QString text = raw.toString().trimmed();
    switch (spec.type) {
    case SettingType::Bool: {
        if (raw.typeId() == QMetaType::Bool)
            return raw;
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("on"))
            return true;
        if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no") || t == QLatin1String("off"))
            return false;
        *why = quoted(text) + QStringLiteral(" is not true or false");
        return {};
    }
    case SettingType::Int: {
        bool ok = false;
        const int v = text.toInt(&ok);
        if (!ok) {
            *why = quoted(text) + QStringLiteral(" is not a whole number");
            return {};
        }
        if (v < spec.minimum || v > spec.maximum) {
            *why = QStringLiteral("%1 is outside %2-%3").arg(v).arg(spec.minimum).arg(spec.maximum);
            return {};
        }
        return v;
    }
    case SettingType::Double: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            *why = quoted(text) + QStringLiteral(" is not a number");
            return {};
        }
        if (v < spec.minimum || v > spec.maximum) {
            *why = QStringLiteral("%1 is outside %2-%3").arg(v).arg(spec.minimum).arg(spec.maximum);
            return {};
        }
        return v;
    }
    case SettingType::Choice:
        if (!spec.choices.contains(text)) {
            *why = quoted(text) + QStringLiteral(" is not one of ") + spec.choices.join(QStringLiteral(", "));
            return {};
        }
        return text;
    case SettingType::Text:
    case SettingType::Path:
        if (raw.canConvert<QString>() && raw.typeId() != QMetaType::QStringList && raw.typeId() != QMetaType::QVariantList)
            return raw.toString();
        *why = QStringLiteral("not text");
        return {};
    case SettingType::TextList:
        return raw.toStringList();
    case SettingType::Bytes:
        return raw.toByteArray();
    }
    return {};
}

QVariant Settings::value(const QString& key) const
{
    const SettingSpec* spec = settingSpec(key);
    if (!spec)
        throw Error("unknown setting '" + key.toStdString() + "' (see 'vigil-cli config list')");
    const QVariant raw = store(*spec).value(key);
    if (!raw.isValid())
        return spec->defaultValue;
    QString why;
    const QVariant v = checked(*spec, raw, &why);
    return v.isValid() ? v : spec->defaultValue;
}

bool Settings::isSet(const QString& key) const
{
    const SettingSpec* spec = settingSpec(key);
    return spec && store(*spec).contains(key);
}

void Settings::setValue(const QString& key, const QVariant& v)
{
    const SettingSpec* spec = settingSpec(key);
    if (!spec)
        throw Error("unknown setting '" + key.toStdString() + "' (see 'vigil-cli config list')");
    QString why;
    const QVariant value = checked(*spec, v, &why);
    if (!value.isValid())
        throw Error(key.toStdString() + ": " + why.toStdString());
    if (value == spec->defaultValue)
        store(*spec).remove(key); // only the changes are kept
    else
        store(*spec).setValue(key, value);
}

void Settings::setText(const QString& key, const QString& text) { setValue(key, text); }

QString Settings::displayText(const QString& key) const
{
    const QVariant v = value(key);
    switch (settingSpec(key)->type) {
    case SettingType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case SettingType::TextList:
        return v.toStringList().join(QLatin1Char(';'));
    case SettingType::Bytes:
        return QStringLiteral("(%1 bytes)").arg(v.toByteArray().size());
    default:
        return v.toString();
    }
}

void Settings::reset(const QString& key)
{
    const SettingSpec* spec = settingSpec(key);
    if (!spec)
        throw Error("unknown setting '" + key.toStdString() + "' (see 'vigil-cli config list')");
    store(*spec).remove(key);
}

void Settings::resetAll(bool state)
{
    for (const SettingSpec& spec : settingSpecs())
        if (spec.scope == SettingScope::Shared || state)
            store(spec).remove(spec.key);
}

void Settings::sync()
{
    for (QSettings* s : {m_config.get(), m_state.get()}) {
        s->sync();
        if (s->status() != QSettings::NoError)
            throw Error(QFile::encodeName(s->fileName()).toStdString() + ": cannot write the settings (is the disk full or "
                                                                            "the folder read-only?)");
    }
}

} // namespace vigil
