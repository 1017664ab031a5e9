// The pseudo-language of the GUI tests' screenshots.
#pragma once

#include <QTranslator>

namespace vigil {

// Returns every one of Vigil's strings about 40 % longer, its vowels accented and the whole
// between ⟦ and ⟧, keeping what the code fills in or reads: %1 and %n placeholders,
// the & of a mnemonic with its letter, HTML tags and entities. Qt's own strings (contexts
// named Q...) are left alone, since some are parsed back, such as a key's name.
class PseudoTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    static QString pseudo(const QString& source);
};

} // namespace vigil
