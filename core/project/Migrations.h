// The numbered schema migrations compiled in as Qt resources
// (core/project/migrations/NNN_name.sql), and the splitter that turns a script into the
// single statements Qt SQL executes.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

struct Migration {
    int version = 0;  // NNN of the file name; the schema version after it ran
    QString name;     // file name, for messages
    QString resource; // ":/vigil/project/migrations/NNN_name.sql"
};

/// Any thread.
class Migrations {
public:
    /// All migrations by version; throws Error when the numbering is not 1, 2, ... N.
    static QList<Migration> all();
    /// N: the schema version this build of Vigil writes.
    static int latestVersion();
    /// The statements of a migration; throws Error when it cannot be read.
    static QStringList statements(const Migration& migration);
    /// Splits a script at the ';' that end statements, skipping comments and quoted text
    /// and keeping CREATE TRIGGER ... END bodies whole.
    static QStringList splitStatements(const QString& script);
};

} // namespace vigil
