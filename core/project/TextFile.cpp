#include "project/TextFile.h"

#include "model/Error.h"

#include <QFile>
#include <QSaveFile>

namespace vigil {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

void writeFileAtomically(const QString& path, const QByteArray& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        throw Error(QFile::encodeName(path).toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
}

} // namespace vigil
