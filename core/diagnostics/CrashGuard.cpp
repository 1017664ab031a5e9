#include "diagnostics/CrashGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <execinfo.h>
#include <fcntl.h>
#include <unistd.h>

namespace vigil {

namespace {

// What the signal handler reads. Fixed buffers filled before a crash: the handler may
// only call async-signal-safe functions (open, write, close, raise; backtrace once loaded).
char crashNote[4096];
char versionText[128];
char lastAction[256];
std::atomic<int> logFd{-1};
std::atomic<bool> handlersInstalled{false};
constexpr int fatalSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

void put(int fd, const char* text)
{
    size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(fd, text, left);
        if (n <= 0)
            return;
        text += n;
        left -= size_t(n);
    }
}

const char* signalName(int signal)
{
    switch (signal) {
    case SIGSEGV: return "SIGSEGV, a bad memory access";
    case SIGABRT: return "SIGABRT, an abort";
    case SIGBUS: return "SIGBUS, a bad memory access";
    case SIGFPE: return "SIGFPE, an arithmetic fault";
    case SIGILL: return "SIGILL, an illegal instruction";
    }
    return "a fatal signal";
}

void putNumber(int fd, long value)
{
    char digits[24];
    int n = 0;
    const bool negative = value < 0;
    unsigned long v = negative ? 0UL - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v && n < 23);
    if (negative)
        put(fd, "-");
    char out[24];
    for (int i = 0; i < n; ++i)
        out[i] = digits[n - 1 - i];
    out[n] = 0;
    put(fd, out);
}

void onFatalSignal(int signal)
{
    const int note = ::open(crashNote, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (note >= 0) {
        put(note, "Vigil ");
        put(note, versionText);
        put(note, " (process ");
        putNumber(note, long(::getpid()));
        put(note, ") ended by signal ");
        putNumber(note, signal);
        put(note, " (");
        put(note, signalName(signal));
        put(note, ")\nLast action: ");
        put(note, lastAction[0] ? lastAction : "none recorded");
        put(note, "\nBacktrace:\n");
        void* frames[64];
        const int count = backtrace(frames, 64);
        backtrace_symbols_fd(frames, count, note);
        ::close(note);
    }
    if (const int log = logFd.load(); log >= 0) {
        put(log, "fatal: signal ");
        putNumber(log, signal);
        put(log, " (");
        put(log, signalName(signal));
        put(log, "); crash note ");
        put(log, crashNote);
        put(log, "\n");
    }
    // End as the signal says (a core dump where the system keeps them), not with exit().
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void installHandlers()
{
    if (handlersInstalled.exchange(true))
        return;
    // backtrace() loads libgcc on its first call: do that now, not inside the handler.
    void* warmup[4];
    backtrace(warmup, 4);
    // Its own stack, so a stack overflow's SIGSEGV can still be handled.
    static char alternate[64 * 1024];
    stack_t stack{};
    stack.ss_sp = alternate;
    stack.ss_size = sizeof alternate;
    sigaltstack(&stack, nullptr);
    for (const int signal : fatalSignals) {
        struct sigaction action {};
        action.sa_handler = &onFatalSignal;
        action.sa_flags = SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(signal, &action, nullptr);
    }
}

void copyInto(char* to, size_t size, const QByteArray& from)
{
    const size_t n = std::min(size - 1, size_t(from.size()));
    std::memcpy(to, from.constData(), n);
    to[n] = 0;
}

bool processRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    // A live process under that number may be another program that got the number later.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return true;
    return cmdline.readAll().contains("vigil");
}

} // namespace

CrashGuard::CrashGuard(const QString& stateDirectory)
    : m_directory(stateDirectory + QStringLiteral("/running"))
{
}

CrashGuard::~CrashGuard() = default;

QList<UncleanExit> CrashGuard::takeUncleanExits()
{
    QList<UncleanExit> exits;
    const QFileInfoList markers =
        QDir(m_directory).entryInfoList({QStringLiteral("*.run")}, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo& marker : markers) {
        if (marker.absoluteFilePath() == m_marker)
            continue;
        QFile file(marker.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        UncleanExit exit;
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine();
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            if (equals < 0)
                continue;
            const QString key = line.left(equals), value = line.mid(equals + 1);
            if (key == QLatin1String("pid"))
                exit.pid = value.toLongLong();
            else if (key == QLatin1String("started"))
                exit.started = QDateTime::fromString(value, Qt::ISODate);
            else if (key == QLatin1String("log"))
                exit.logPath = value;
            else if (key == QLatin1String("crash"))
                exit.crashNotePath = value;
        }
        file.close();
        if (processRunning(exit.pid))
            continue;
        QFile note(exit.crashNotePath);
        if (!exit.crashNotePath.isEmpty() && note.open(QIODevice::ReadOnly | QIODevice::Text)) {
            QTextStream text(&note);
            exit.summary = text.readLine();
            const QString action = text.readLine();
            if (action.startsWith(QLatin1String("Last action: ")))
                exit.lastAction = action.mid(13);
        } else {
            exit.crashNotePath.clear();
        }
        QFile::remove(marker.absoluteFilePath());
        exits << exit;
    }
    return exits;
}

bool CrashGuard::arm(const QString& logPath, int logDescriptor, const QString& crashNotePath, const QString& version)
{
    if (!QDir().mkpath(m_directory)) {
        m_error = QStringLiteral("cannot make %1").arg(m_directory);
        return false;
    }
    copyInto(crashNote, sizeof crashNote, QFile::encodeName(crashNotePath));
    copyInto(versionText, sizeof versionText, version.toUtf8());
    logFd.store(logDescriptor);
    const QString marker = QDir(m_directory).filePath(QStringLiteral("%1.run").arg(QCoreApplication::applicationPid()));
    QSaveFile file(marker);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QTextStream out(&file);
        out << "pid=" << QCoreApplication::applicationPid() << '\n'
            << "started=" << QDateTime::currentDateTime().toString(Qt::ISODate) << '\n'
            << "log=" << logPath << '\n'
            << "crash=" << crashNotePath << '\n';
    }
    if (!file.commit()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(marker, file.errorString());
        return false;
    }
    m_marker = marker;
    installHandlers();
    return true;
}

void CrashGuard::disarm()
{
    if (!m_marker.isEmpty())
        QFile::remove(m_marker);
    m_marker.clear();
    logFd.store(-1);
}

void CrashGuard::setLastAction(const QString& action)
{
    // A torn read in the handler shows a mixed string, never overruns: the last byte stays 0.
    copyInto(lastAction, sizeof lastAction, action.toUtf8());
}

} // namespace vigil
