#include "diagnostics/RunLog.h"

#include "video/FfmpegErrorLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QStandardPaths>

#include <atomic>

extern "C" {
#include <libavutil/log.h>
}

namespace vigil {

namespace {

std::atomic<RunLog*> currentLog{nullptr};
QtMessageHandler previousHandler = nullptr;

const char* typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "message";
}

void qtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (RunLog* log = currentLog.load()) {
        QString line = QLatin1String(typeName(type));
        if (context.category && qstrcmp(context.category, "default") != 0)
            line += QLatin1Char(' ') + QLatin1String(context.category);
        log->write(line + QStringLiteral(": ") + message);
    }
    // The terminal gets warnings and worse, as before; the log gets everything.
    if (previousHandler && type != QtDebugMsg && type != QtInfoMsg)
        previousHandler(type, context, message);
}

void ffmpegLine(int level, const char* text)
{
    if (RunLog* log = currentLog.load()) {
        QString line = QString::fromUtf8(text).trimmed();
        log->write((level <= AV_LOG_ERROR ? QStringLiteral("ffmpeg error: ") : QStringLiteral("ffmpeg warning: ")) + line);
    }
}

} // namespace

QString RunLog::stateDirectory()
{
    // Qt 6.4 has no StateLocation: the XDG base directory rule by hand.
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/vigil");
}

QString RunLog::defaultDirectory() { return stateDirectory() + QStringLiteral("/logs"); }

RunLog::RunLog(const QString& directory, const QString& program, const Options& options)
    : m_options(options)
{
    if (!QDir().mkpath(directory)) {
        m_error = QStringLiteral("cannot make the log folder %1").arg(directory);
        return;
    }
    // Sortable by name; the process id keeps two runs started in one second apart.
    const QString name = QStringLiteral("%1-%2-%3.log")
                             .arg(program, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(QCoreApplication::applicationPid());
    m_file.setFileName(QDir(directory).filePath(name));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return;
    }
    removeOld(directory, options.keep);
    RunLog* expected = nullptr;
    if (currentLog.compare_exchange_strong(expected, this)) {
        QtMessageHandler previous = qInstallMessageHandler(qtMessage);
        previousHandler = options.echo ? previous : nullptr;
        FfmpegErrorLog::setSink(&ffmpegLine);
    }
}

RunLog::~RunLog()
{
    if (currentLog.load() == this) {
        FfmpegErrorLog::setSink(nullptr);
        qInstallMessageHandler(nullptr);
        currentLog.store(nullptr);
    }
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen() && m_dropped > 0) {
        m_file.write(QStringLiteral("%1 lines not written: the log reached its cap of %2 MiB\n")
                         .arg(m_dropped)
                         .arg(m_options.maxBytes >> 20)
                         .toUtf8());
    }
}

RunLog* RunLog::current() { return currentLog.load(); }

void RunLog::note(const QString& line)
{
    if (RunLog* log = currentLog.load())
        log->write(line);
}

int RunLog::fileDescriptor() const { return m_file.isOpen() ? m_file.handle() : -1; }

qint64 RunLog::dropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

void RunLog::write(const QString& line)
{
    const QByteArray bytes =
        (QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + line + QLatin1Char('\n')).toUtf8();
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    if (m_written + bytes.size() > m_options.maxBytes) {
        ++m_dropped;
        return;
    }
    m_written += bytes.size();
    m_file.write(bytes);
    // Unbuffered in effect: what a crash leaves behind must already be in the file.
    m_file.flush();
}

void RunLog::removeOld(const QString& directory, int keep)
{
    const QFileInfoList logs =
        QDir(directory).entryInfoList({QStringLiteral("*.log")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (int i = std::max(keep, 1); i < logs.size(); ++i)
        if (logs[i].absoluteFilePath() != QFileInfo(m_file).absoluteFilePath())
            QFile::remove(logs[i].absoluteFilePath());
    // A crash note goes with its log.
    const QFileInfoList notes = QDir(directory).entryInfoList({QStringLiteral("*.crash.txt")}, QDir::Files);
    for (const QFileInfo& note : notes) {
        const QString log = note.absoluteFilePath().chopped(int(qstrlen(".crash.txt"))) + QStringLiteral(".log");
        if (!QFileInfo::exists(log))
            QFile::remove(note.absoluteFilePath());
    }
}

QString RunLog::crashNotePath() const
{
    return path().isEmpty() ? QString() : path().chopped(4) + QStringLiteral(".crash.txt");
}

} // namespace vigil
