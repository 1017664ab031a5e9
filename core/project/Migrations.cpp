// The schema migrations, read from the resources compiled into vigil_project.
#include "project/Migrations.h"

#include "model/Error.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace vigil {

namespace {

const QString kResourceDir = QStringLiteral(":/vigil/project/migrations");

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QList<Migration> Migrations::all()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_\\w+\\.sql$"));
    QList<Migration> migrations;
    const QStringList names = QDir(kResourceDir).entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            throw Error(QStringLiteral("%1/%2: a migration is named NNN_name.sql").arg(kResourceDir, name).toStdString());
        migrations.append({match.captured(1).toInt(), name, kResourceDir + QLatin1Char('/') + name});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (int i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != i + 1)
            throw Error(QStringLiteral("%1: migrations are numbered 1, 2, ...; found %2 at position %3")
                            .arg(kResourceDir, migrations[i].name)
                            .arg(i + 1)
                            .toStdString());
    }
    if (migrations.isEmpty())
        throw Error(QStringLiteral("%1: no schema migrations compiled in").arg(kResourceDir).toStdString());
    return migrations;
}

int Migrations::latestVersion()
{
    static const int version = all().constLast().version;
    return version;
}

QStringList Migrations::statements(const Migration& migration)
{
    QFile file(migration.resource);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read: %2").arg(migration.resource, file.errorString()).toStdString());
    return splitStatements(QString::fromUtf8(file.readAll()));
}

QStringList Migrations::splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    QStringList words; // of the current statement, upper case, outside quotes and comments
    QString word;
    const auto endWord = [&] {
        if (!word.isEmpty())
            words.append(word.toUpper());
        word.clear();
    };
    const auto inTrigger = [&] {
        // CREATE [TEMP|TEMPORARY] TRIGGER: its body holds ';' up to END.
        return words.size() >= 2 && words[0] == QLatin1String("CREATE")
            && (words[1] == QLatin1String("TRIGGER")
                || (words.size() >= 3 && words[2] == QLatin1String("TRIGGER")));
    };
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        const QChar next = i + 1 < n ? script[i + 1] : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            endWord();
            while (i < n && script[i] != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            endWord();
            const qsizetype close = script.indexOf(QLatin1String("*/"), i + 2);
            i = close < 0 ? n : close + 1;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            endWord();
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            current += c;
            for (++i; i < n; ++i) {
                current += script[i];
                if (script[i] == close) {
                    // A doubled quote is an escaped one, still inside.
                    if (close != QLatin1Char(']') && i + 1 < n && script[i + 1] == close) {
                        current += script[++i];
                        continue;
                    }
                    break;
                }
            }
            continue;
        }
        if (isWordChar(c)) {
            word += c;
            current += c;
            continue;
        }
        endWord();
        if (c == QLatin1Char(';') && !(inTrigger() && words.constLast() != QLatin1String("END"))) {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
            words.clear();
            continue;
        }
        current += c;
    }
    endWord();
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace vigil
