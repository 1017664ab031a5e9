// The theme in force: System, Light or Dark (the settings' ui/theme). Qt 6.4 has no
// colour-scheme API, so "System" asks the desktop's settings portal
// (org.freedesktop.appearance color-scheme over D-Bus), follows its changes live, and falls
// back to the lightness of the palette the application started with. The theme is applied
// as the application's palette: every widget, and every plot through its palette change
// (ThemeColors), follows it.
#pragma once

#include <QObject>
#include <QPalette>

class QDBusVariant;

namespace vigil {

/// GUI thread only.
class ThemeController : public QObject {
    Q_OBJECT
public:
    /// The portal's values: 0 no preference, 1 dark, 2 light.
    enum class Scheme { NoPreference = 0, Dark = 1, Light = 2 };

    explicit ThemeController(QObject* parent = nullptr);

    /// "system", "light" or "dark"; anything else reads as "system".
    void setChoice(const QString& choice);
    QString choice() const { return m_choice; }
    bool dark() const { return m_dark; }
    /// What the portal said last (NoPreference when there is no portal to ask).
    Scheme desktopScheme() const { return m_desktop; }
    bool portalAvailable() const { return m_portal; }

    static QPalette darkPalette();

signals:
    void darkChanged(bool dark);

private slots:
    void onSettingChanged(const QString& group, const QString& key, const QDBusVariant& value);

private:
    void readPortal();
    void apply();

    QString m_choice = QStringLiteral("system");
    QPalette m_startPalette;
    Scheme m_desktop = Scheme::NoPreference;
    bool m_portal = false;
    bool m_dark = false;
    bool m_applied = false;
};

} // namespace vigil
