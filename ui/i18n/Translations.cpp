// The interface's language.
#include "i18n/Translations.h"

#include "i18n/PseudoTranslator.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace vigil {

namespace {

// The translators in force, so that a second call replaces them.
std::vector<std::unique_ptr<QTranslator>>& installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

// Where Vigil's .qm files are looked for: beside an installed program first (a translator
// can drop an updated file there), then the ones built into the program.
QStringList vigilFolders()
{
    return {QCoreApplication::applicationDirPath() + QStringLiteral("/../share/vigil/translations"),
            QStringLiteral(":/i18n")};
}

} // namespace

QStringList interfaceLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("it"), QStringLiteral("de")};
}

QString resolveLanguage(const QString& setting, const QStringList& uiLanguages)
{
    if (setting == QLatin1String("pseudo") || (setting != QLatin1String("system") && interfaceLanguages().contains(setting)))
        return setting;
    // "de-CH", "it_IT": the language part decides.
    for (const QString& tag : uiLanguages) {
        const QString language = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (interfaceLanguages().contains(language))
            return language;
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString& setting, QString* problem)
{
    for (const auto& translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();
    const QString language = resolveLanguage(setting);
    if (setting != QLatin1String("system") && language != QLatin1String("pseudo"))
        QLocale::setDefault(QLocale(language));
    if (language == QLatin1String("en"))
        return language;
    if (language == QLatin1String("pseudo")) {
        installed().push_back(std::make_unique<PseudoTranslator>());
        QCoreApplication::installTranslator(installed().back().get());
        return language;
    }
    // Qt's own strings (the standard buttons and dialogs), from the system's Qt.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    auto vigil = std::make_unique<QTranslator>();
    for (const QString& folder : vigilFolders())
        if (vigil->load(QStringLiteral("vigil_") + language, folder)) {
            QCoreApplication::installTranslator(vigil.get());
            installed().push_back(std::move(vigil));
            return language;
        }
    if (problem)
        *problem = QCoreApplication::translate("Translations", "The %1 translation is missing from this installation; "
                                                               "the interface stays English.").arg(language);
    return QStringLiteral("en");
}

} // namespace vigil
