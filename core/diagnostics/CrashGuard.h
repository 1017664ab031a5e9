// Knows whether the last run ended cleanly. Each run leaves a marker in the state folder
// while it runs and removes it on a clean exit; a marker whose process is gone means the
// run crashed or was killed. A fatal signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL)
// writes a short crash note (the signal, the last action, a backtrace) into the log folder
// before the process ends as the signal says. Nothing is ever sent anywhere.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

/// A run that did not end cleanly. Plain value.
struct UncleanExit {
    qint64 pid = 0;
    QDateTime started;
    QString logPath;       // its log; may have been rotated away
    QString crashNotePath; // empty when no note was written (killed, power lost...)
    QString summary;       // the note's first line ("... ended by signal 11 (SIGSEGV)"), or empty
    QString lastAction;    // from the note, or empty
};

class CrashGuard {
public:
    /// `stateDirectory`: where the markers live (RunLog::stateDirectory()).
    explicit CrashGuard(const QString& stateDirectory);
    ~CrashGuard();
    CrashGuard(const CrashGuard&) = delete;
    CrashGuard& operator=(const CrashGuard&) = delete;

    /// Earlier runs whose marker is left and whose process is gone, oldest first; their
    /// markers are removed, so each is reported once. Runs still going are left alone.
    QList<UncleanExit> takeUncleanExits();

    /// Writes this run's marker and installs the fatal-signal handlers; the crash note
    /// would go to `crashNotePath`, and its last line also to the file `logDescriptor`.
    /// False (with error()) when the marker cannot be written.
    bool arm(const QString& logPath, int logDescriptor, const QString& crashNotePath, const QString& version);
    /// A clean end: the marker goes. The handlers stay until the process ends.
    void disarm();
    QString error() const { return m_error; }
    QString markerPath() const { return m_marker; }

    /// What the user last did ("Score All Videos", "scoring 3 videos"), for the crash
    /// note. Any thread; cheap; the text is cut at 255 bytes.
    static void setLastAction(const QString& action);

private:
    QString m_directory;
    QString m_marker;
    QString m_error;
};

} // namespace vigil
