// Internal to core/project: the project's Qt SQL connection and its error handling.
#include "project/SqlConnection.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include "model/Error.h"

#include <QSqlError>

#include <atomic>

namespace vigil {

namespace {

std::atomic<quint64> g_connectionCount{0};

// SQLITE_BUSY (5) and SQLITE_LOCKED (6), plain or extended (low byte).
bool isLocked(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok && ((code & 0xff) == 5 || (code & 0xff) == 6))
        return true;
    return error.databaseText().contains(QLatin1String("locked"), Qt::CaseInsensitive);
}

} // namespace

SqlConnection::SqlConnection(const QString& path, bool readOnly)
    : m_path(path)
    , m_name(QStringLiteral("vigil.project.%1").arg(g_connectionCount.fetch_add(1)))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs) +
                           (readOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString()));
}

SqlConnection::~SqlConnection()
{
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must be gone before removeDatabase
    QSqlDatabase::removeDatabase(m_name);
}

QString SqlConnection::systemUser()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"})
        if (const QString user = qEnvironmentVariable(name); !user.isEmpty())
            return user;
#ifdef Q_OS_UNIX
    // Services and containers often run without those variables: the account itself.
    if (const passwd* account = ::getpwuid(::geteuid()); account && account->pw_name && *account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return QStringLiteral("unknown");
}

void SqlConnection::open()
{
    if (!m_db.isValid())
        fail(QStringLiteral("open"), QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    if (!m_db.open())
        fail(QStringLiteral("open"), m_db.lastError());
    run(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs), QStringLiteral("set busy_timeout"));
    run(QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enable foreign keys"));
    if (scalar(QStringLiteral("PRAGMA foreign_keys"), QStringLiteral("enable foreign keys")).toInt() != 1)
        fail(QStringLiteral("enable foreign keys"), QStringLiteral("this SQLite has no foreign key support"));
}

QSqlQuery SqlConnection::prepare(const QString& sql, const QString& action) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true); // every read walks forward once; no row cache
    if (!query.prepare(sql))
        fail(action, query.lastError());
    return query;
}

void SqlConnection::exec(QSqlQuery& query, const QString& action) const
{
    if (!query.exec())
        fail(action, query.lastError());
}

QSqlQuery SqlConnection::run(const QString& sql, const QString& action) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        fail(action, query.lastError());
    return query;
}

QVariant SqlConnection::scalar(const QString& sql, const QString& action) const
{
    QSqlQuery query = run(sql, action);
    return query.next() ? query.value(0) : QVariant();
}

void SqlConnection::transaction(const QString& action, const std::function<void()>& body)
{
    if (m_inTransaction)
        fail(action, QStringLiteral("a transaction is already open on this connection"));
    // IMMEDIATE takes the write lock up front, so a busy database waits busy_timeout here
    // instead of failing half-way when a read turns into a write.
    run(QStringLiteral("BEGIN IMMEDIATE"), action);
    m_inTransaction = true;
    try {
        body();
        run(QStringLiteral("COMMIT"), action);
        m_inTransaction = false;
    } catch (...) {
        m_inTransaction = false;
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK")); // fails harmlessly if SQLite already rolled back
        throw;
    }
}

void SqlConnection::fail(const QString& action, const QSqlError& error) const
{
    if (isLocked(error)) {
        fail(action, QStringLiteral("the project is locked by another program (still busy after %1 s); "
                                    "try again when it has finished")
                         .arg(kBusyTimeoutMs / 1000.0));
    }
    // The two a user can act on, in words: SQLite's codes (primary part) 8 and 13.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (ok && code == 8)
        fail(action, QStringLiteral("the project is read-only (the file is not writable, or another Vigil has it open); "
                                    "nothing was changed"));
    if (ok && code == 13)
        fail(action, QStringLiteral("the disk is full; nothing was changed: free some space and try again"));
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    fail(action, detail);
}

void SqlConnection::fail(const QString& action, const QString& detail) const
{
    throw Error(QStringLiteral("%1: cannot %2: %3").arg(m_path, action, detail).toStdString());
}

QVariant toDbTime(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromDbTime(const QVariant& value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant toDbText(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

} // namespace vigil
