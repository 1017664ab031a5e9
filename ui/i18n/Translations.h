// The interface's language: which one a setting names, and the translators that show it.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace vigil {

// The languages Vigil's interface is written in (English is the source).
QStringList interfaceLanguages();

// The language a setting names: "system" (or anything unknown) follows the desktop's
// preferred languages, in order, to the first Vigil has; English when none. "pseudo" is
// the test language: every string lengthened and accented, so that cut-off text and
// strings that never went through tr() show on screenshots.
QString resolveLanguage(const QString& setting, const QStringList& uiLanguages = QLocale::system().uiLanguages());

// Installs on the application the translators of the language the setting names (Qt's own
// for the standard dialogs, then Vigil's), replacing those of an earlier call. A language
// chosen explicitly also sets the locale of numbers and dates; "system" keeps the
// desktop's. Returns the language in force; `problem`, when given, says what could not be
// loaded (the interface then stays English).
QString installTranslations(const QString& setting, QString* problem = nullptr);

} // namespace vigil
