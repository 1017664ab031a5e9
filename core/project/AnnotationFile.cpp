// Annotation file parsing.
#include "project/AnnotationFile.h"

#include "model/Error.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

namespace vigil {

QHash<QString, QList<GroundTruthInterval>> readUcfCrimeAnnotations(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot read (" + file.errorString().toStdString() + ")");
    QHash<QString, QList<GroundTruthInterval>> result;
    QTextStream in(&file);
    const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (int lineNumber = 1; !in.atEnd(); ++lineNumber) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(spaces);
        bool ok = cells.size() == 6;
        qint64 frames[4] = {};
        for (int i = 0; ok && i < 4; ++i)
            frames[i] = cells[2 + i].toLongLong(&ok);
        if (!ok)
            throw Error(QFile::encodeName(path).toStdString() + ": line " + std::to_string(lineNumber) +
                        " is not 'Video Class start end start end'");
        QList<GroundTruthInterval>& intervals = result[cells[0]];
        const QString cls = cells[1];
        for (int i = 0; i < 4; i += 2) {
            if (frames[i] < 0 || frames[i + 1] < 0)
                continue;
            if (frames[i + 1] < frames[i])
                throw Error(QFile::encodeName(path).toStdString() + ": line " + std::to_string(lineNumber) +
                            ": an interval ends before it starts");
            // The files give inclusive last frames.
            intervals << GroundTruthInterval{frames[i], frames[i + 1] + 1, cls};
        }
    }
    return result;
}

} // namespace vigil
