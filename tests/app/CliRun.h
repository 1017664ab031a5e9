// Runs the real vigil-cli binary for the app tests and collects what it printed.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace vigil::test {

inline const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

struct Run {
    int exitCode = -1;
    QString out, err;
};

inline Run runCli(const QStringList& arguments, int timeoutMs = 600000)
{
    QProcess process;
    process.start(QStringLiteral(VIGIL_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs))
        qFatal("vigil-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

/// --checkpoint and --centroid of a golden set ("ucf", "sht-small").
inline QStringList modelArguments(const QString& set)
{
    return {QStringLiteral("--checkpoint"), kShared + "/golden/" + set + "/last.ckpt", QStringLiteral("--centroid"),
            kShared + "/golden/" + set + "/ncentroid.pt"};
}

} // namespace vigil::test
