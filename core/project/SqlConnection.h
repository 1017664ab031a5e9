// Internal to core/project: one uniquely named QSqlDatabase connection to a project file,
// with the error handling every query shares (messages name the file and the action, a
// busy database is reported as locked) and the one-transaction-per-action helper.
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>

class QSqlError;

namespace vigil {

/// The thread that created it, only (a Qt SQL connection is bound to its thread).
class SqlConnection {
public:
    static constexpr int kBusyTimeoutMs = 3000;

    /// Registers the connection; open() connects it.
    /// `readOnly`: opened with SQLITE_OPEN_READONLY, every write refused by SQLite itself.
    explicit SqlConnection(const QString& path, bool readOnly = false);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    /// Opens the file (SQLite creates it when absent) and sets busy_timeout and foreign_keys.
    void open();
    const QString& path() const { return m_path; }
    /// Who is editing through this connection (the OS user unless set): the author of
    /// labels, audit rows and review decisions.
    const QString& author() const { return m_author; }
    void setAuthor(const QString& author) { m_author = author; }
    /// The OS user's login name ("unknown" when none can be found).
    static QString systemUser();

    /// A prepared statement for sql; action ("add videos") goes into the error message.
    QSqlQuery prepare(const QString& sql, const QString& action) const;
    /// Executes a prepared statement; throws Error on failure.
    void exec(QSqlQuery& query, const QString& action) const;
    /// Executes plain SQL without bindings and returns the active query.
    QSqlQuery run(const QString& sql, const QString& action) const;
    /// The first column of the first row, or a null QVariant when there is no row.
    QVariant scalar(const QString& sql, const QString& action) const;

    /// Runs body between BEGIN IMMEDIATE and COMMIT; rolls back and rethrows when anything
    /// in it throws. Not reentrant.
    void transaction(const QString& action, const std::function<void()>& body);

    [[noreturn]] void fail(const QString& action, const QSqlError& error) const;
    [[noreturn]] void fail(const QString& action, const QString& detail) const;

private:
    QString m_path;
    QString m_name;
    QString m_author = systemUser();
    QSqlDatabase m_db;
    bool m_inTransaction = false;
};

/// ISO 8601 UTC with milliseconds (text order is time order); null for an invalid time.
QVariant toDbTime(const QDateTime& time);
QDateTime fromDbTime(const QVariant& value);
/// Text for a NOT NULL column: Qt binds a null QString as NULL, so it becomes "".
QVariant toDbText(const QString& text);

} // namespace vigil
