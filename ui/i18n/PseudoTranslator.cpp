// The pseudo-language.
#include "i18n/PseudoTranslator.h"

#include <QHash>

namespace vigil {

namespace {

// Each vowel becomes two accented letters: English text is about 38 % vowels, so a string
// grows by about that much, which is what German and Italian ask of a layout.
QString accented(QChar c)
{
    static const QHash<QChar, QString> table = {
        {u'a', QStringLiteral("àá")}, {u'e', QStringLiteral("éè")}, {u'i', QStringLiteral("îï")},
        {u'o', QStringLiteral("öô")}, {u'u', QStringLiteral("ûü")}, {u'y', QStringLiteral("ÿý")},
        {u'A', QStringLiteral("ÀÁ")}, {u'E', QStringLiteral("ÉÈ")}, {u'I', QStringLiteral("ÎÏ")},
        {u'O', QStringLiteral("ÖÔ")}, {u'U', QStringLiteral("ÛÜ")}, {u'Y', QStringLiteral("ŸÝ")},
        {u'c', QStringLiteral("ç")}, {u'n', QStringLiteral("ñ")}, {u's', QStringLiteral("š")},
        {u'C', QStringLiteral("Ç")}, {u'N', QStringLiteral("Ñ")}, {u'S', QStringLiteral("Š")},
    };
    return table.value(c, QString(c));
}

} // namespace

QString PseudoTranslator::pseudo(const QString& source)
{
    QString out;
    out.reserve(source.size() * 2 + 2);
    out += QStringLiteral("⟦");
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source[i];
        if (c == u'%' && i + 1 < source.size()) {
            // %1, %L1, %n, %Ln and %% stay as they are.
            qsizetype j = i + 1;
            if (source[j] == u'L' && j + 1 < source.size())
                ++j;
            if (source[j] == u'n' || source[j] == u'%') {
                out += source.mid(i, j - i + 1);
                i = j;
                continue;
            }
            if (source[j].isDigit()) {
                while (j < source.size() && source[j].isDigit())
                    ++j;
                out += source.mid(i, j - i);
                i = j - 1;
                continue;
            }
        }
        if (c == u'&' && i + 1 < source.size()) {
            // A mnemonic keeps its letter; an entity (&amp;) is copied whole.
            bool entity = false;
            for (const char* name : {"amp;", "lt;", "gt;", "nbsp;", "quot;"})
                if (source.mid(i + 1, qsizetype(qstrlen(name))) == QLatin1String(name)) {
                    out += u'&' + QLatin1String(name);
                    i += qsizetype(qstrlen(name));
                    entity = true;
                    break;
                }
            if (entity)
                continue;
            out += source.mid(i, 2);
            ++i;
            continue;
        }
        if (c == u'<') {
            // HTML tags are markup, not text.
            const qsizetype close = source.indexOf(u'>', i);
            if (close > i && (i + 1 < source.size()) && (source[i + 1].isLetter() || source[i + 1] == u'/')) {
                out += source.mid(i, close - i + 1);
                i = close;
                continue;
            }
        }
        out += accented(c);
    }
    out += QStringLiteral("⟧");
    return out;
}

QString PseudoTranslator::translate(const char* context, const char* sourceText, const char*, int) const
{
    if (!sourceText || !*sourceText)
        return QString();
    // Qt's classes translate their own strings (QShortcut's key names are read back).
    if (context && context[0] == 'Q' && context[1] >= 'A' && context[1] <= 'Z' && qstrcmp(context, "QObject") != 0)
        return QString();
    return pseudo(QString::fromUtf8(sourceText));
}

} // namespace vigil
