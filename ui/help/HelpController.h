// The Help menu: Keyboard Shortcuts, System Check, Open Log Folder, Copy Debug Information
// and About. Reads the workstation (its model, device, videos) and gives it the model the
// system check settles on.
#pragma once

#include "diagnostics/DebugInfo.h"
#include "diagnostics/SystemCheck.h"

#include <QObject>
#include <QPointer>

class QMainWindow;
class QMenu;

namespace vigil {

class SystemCheckDialog;
class WorkstationController;

/// GUI thread only.
class ShortcutRegistry;

class HelpController : public QObject {
    Q_OBJECT
public:
    HelpController(WorkstationController* workstation, QMainWindow* window);
    void install(QMenu* help);
    /// Where the F1 sheet reads the keys in force.
    void setShortcuts(ShortcutRegistry* registry) { m_shortcuts = registry; }

    void showShortcuts();
    /// Opens (or raises) the check and runs it.
    void showSystemCheck();
    /// The first start's check: run without a window; when everything passes it says so in
    /// one status bar line and the window never opens, otherwise the window shows why.
    void runFirstStartCheck();
    void openLogFolder();
    void copyDebugInformation();
    void showAbout();

    /// What the check looks at now: the workstation's model, else the last one chosen.
    SystemCheckInput checkInput() const;
    DebugContext debugContext() const;
    SystemCheckDialog* systemCheck() const;
    /// The log folder of this run (RunLog's), or the default one.
    static QString logFolder();

signals:
    /// Every check's result (the window's or the first start's).
    void checkFinished(const vigil::SystemCheckResult& result);

private:
    SystemCheckDialog* makeCheck();

    WorkstationController* m_workstation;
    QMainWindow* m_window;
    QPointer<SystemCheckDialog> m_check;
    ShortcutRegistry* m_shortcuts = nullptr;
};

} // namespace vigil
