// Edit > Settings and Help > Reset Settings: opens the settings window over the app's
// settings, stores what it says (refusing a bad value with its reason), and pushes the
// settings into the parts that follow them: the workstation (compute options, seek
// proxies, the analyst's name, a new project's detection defaults), the feature cache and
// the shortcut registry (Settings > Keyboard; a key set file is imported or exported there).
#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QMenu;

namespace vigil {

class KeyMap;
class SettingsDialog;
class ShortcutRegistry;
class ThemeController;
class WorkstationController;

/// GUI thread.
class SettingsController : public QObject {
    Q_OBJECT
public:
    SettingsController(WorkstationController* workstation, QMainWindow* window);

    void install(QMenu* edit, QMenu* help);
    /// The keys Settings > Keyboard edits and ui/shortcuts stores.
    void setShortcuts(ShortcutRegistry* registry) { m_shortcuts = registry; }
    /// The theme in force (ui/theme, applied by apply()).
    ThemeController* theme() const { return m_theme; }
    void openDialog();
    SettingsDialog* dialog() const;
    /// Every shared setting back to its default (asks first when `ask`).
    void resetSettings(bool ask = true);
    /// Pushes the settings in force into the workstation and the feature cache.
    void apply();
    /// The workstation's device and precision from compute/device (at the start, and when
    /// the setting changes; a project's own precision may change it afterwards).
    void applyDevice();
    /// Stores the dialog's values; an empty string, or why one was refused (nothing of
    /// that value is stored).
    QString store(const QHash<QString, QVariant>& values);
    /// A key set file: the changes of `keys` from the defaults. Returns what happened.
    static QString exportKeySet(const QString& path, const KeyMap& keys);
    /// Its lines (comments and blanks left out); `error` says why it could not be read.
    static QStringList readKeySet(const QString& path, QString* error);

signals:
    void settingsChanged();

private:
    void showValues();

    WorkstationController* m_workstation;
    QMainWindow* m_window;
    QPointer<SettingsDialog> m_dialog;
    ShortcutRegistry* m_shortcuts = nullptr;
    ThemeController* m_theme = nullptr;
};

} // namespace vigil
