// Shown at start when an earlier run did not end cleanly: what happened (the crash note's
// signal and last action, or "ended without closing"), where its log is, and the choice
// between Safe Mode and a normal start.
#pragma once

#include "diagnostics/CrashGuard.h"

#include <QDialog>

class QPushButton;

namespace vigil {

/// GUI thread only. Dumb: it shows what it is given and says which start was chosen.
class CrashRecoveryDialog : public QDialog {
    Q_OBJECT
public:
    CrashRecoveryDialog(const QList<UncleanExit>& exits, const QString& logFolder, QWidget* parent = nullptr);
    /// After exec(): whether the user chose Safe Mode.
    bool safeModeChosen() const { return m_safe; }

signals:
    void openLogFolderRequested();

private:
    bool m_safe = false;
};

} // namespace vigil
