// One log file per run of the desktop application, in the XDG state folder: Qt's messages,
// FFmpeg's warnings and errors, and whatever the application writes (versions, device,
// model, each long job's start and end). The newest few are kept, each capped in size.
// Nothing is ever sent anywhere.
#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace vigil {

class RunLog {
public:
    struct Options {
        int keep = 10;                        // logs kept in the folder, this one included
        qint64 maxBytes = qint64(8) << 20;    // later messages are counted, not written
        bool echo = true;                     // Qt's messages also reach the previous handler (stderr)
    };

    /// `$XDG_STATE_HOME/vigil` (`~/.local/state/vigil`): logs, run markers.
    static QString stateDirectory();
    /// stateDirectory() + "/logs".
    static QString defaultDirectory();

    /// Opens a new log in `directory` (made if needed), removes the oldest beyond
    /// options.keep, and becomes the process's log: Qt's message handler and FFmpeg's log
    /// write into it. One per process; destroy it (on the thread that made it) at the end.
    /// When the file cannot be made the log is inert (isOpen() false) and says why in error().
    RunLog(const QString& directory, const QString& program, const Options& options);
    explicit RunLog(const QString& directory, const QString& program = QStringLiteral("vigil"))
        : RunLog(directory, program, Options())
    {
    }
    ~RunLog();
    RunLog(const RunLog&) = delete;
    RunLog& operator=(const RunLog&) = delete;

    /// The process's log, or null. Any thread.
    static RunLog* current();
    /// Appends a time-stamped line to the current log, if any. Any thread.
    static void note(const QString& line);

    bool isOpen() const { return m_file.isOpen(); }
    QString error() const { return m_error; }
    QString path() const { return m_file.fileName(); }
    /// Where this run's crash note would go: beside the log, "<log name>.crash.txt".
    QString crashNotePath() const;
    /// The open file's descriptor, for the crash handler's last line; -1 when closed.
    int fileDescriptor() const;
    /// Lines not written because the log reached its size cap.
    qint64 dropped() const;
    void write(const QString& line);

private:
    void removeOld(const QString& directory, int keep);

    Options m_options;
    QString m_error;
    mutable QMutex m_mutex;
    QFile m_file;
    qint64 m_written = 0;
    qint64 m_dropped = 0;
};

} // namespace vigil
