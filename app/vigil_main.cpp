// The Vigil desktop application: `vigil [PROJECT.vigil] [VIDEO...]` opens the project
// (created if new) and adds the videos; with videos and no project they go into the
// default project; with neither, the start page is shown.
#include "MainWindow.h"
#include "help/HelpController.h"
#include "help/SystemCheckDialog.h"
#include "i18n/Translations.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "start/CrashRecoveryDialog.h"

#include "diagnostics/CrashGuard.h"
#include "diagnostics/DebugInfo.h"
#include "diagnostics/RunLog.h"
#include "model/BlasRuntime.h"
#include "project/ProjectStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QDir>
#include <QLayout>
#include <QStatusBar>
#include <QUrl>
#include <QFileInfo>
#include <QScreen>
#include <QTextStream>
#include <QTimer>


int main(int argc, char** argv)
{
    // Before any other thread starts: the kernel choice sets an environment variable.
    vigil::selectBlasKernels();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.vigil.Vigil"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("vigil", "Review surveillance video with AnomalyCLIP anomaly scores."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("vigil", "Once started, save a picture of the window to FILE (PNG), print which page it shows, and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QApplication::translate("vigil", "Window size, as WIDTHxHEIGHT (for example 1366x768)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption safeMode(QStringLiteral("safe-mode"),
                                      QApplication::translate("vigil", "Start in Safe Mode: CPU only, the default window layout, no seek proxies."));
    const QCommandLineOption systemCheck(QStringLiteral("system-check"),
                                         QApplication::translate("vigil", "Open the system check once started (as Help > System Check)."));
    const QCommandLineOption debugInfo(QStringLiteral("debug-info"),
                                       QApplication::translate("vigil", "Print the versions, libraries and devices a bug report needs, and quit."));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(safeMode);
    parser.addOption(systemCheck);
    parser.addOption(debugInfo);
    const QCommandLineOption resetSettings(QStringLiteral("reset-settings"),
                                           QApplication::translate("vigil", "Put every setting back to its default, then start (as Help > Reset Settings)."));
    parser.addOption(resetSettings);
    const QCommandLineOption language(QStringLiteral("language"),
                                      QApplication::translate("vigil", "The interface's language for this run: system, en, it, de, or pseudo "
                                                                       "(every string lengthened and accented, to find cut-off text)."),
                                      QStringLiteral("CODE"));
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("PROJECT.vigil"),
                                 QApplication::translate("vigil", "Project to open (created if new); without one, the start page."));
    parser.addPositionalArgument(QStringLiteral("VIDEO"), QApplication::translate("vigil", "Videos or folders to add (to your default project when no project is named)."),
                                 QStringLiteral("[VIDEO...]"));
    parser.process(app);
    if (parser.isSet(debugInfo)) {
        vigil::DebugContext context;
        context.program = QStringLiteral("vigil");
        context.version = QStringLiteral(VIGIL_VERSION);
        context.logFolder = vigil::RunLog::defaultDirectory();
        QTextStream(stdout) << vigil::debugInformation(context).join(QLatin1Char('\n')) << Qt::endl;
        return 0;
    }

    // This run's log, and the marker that tells the next start whether it ended cleanly.
    vigil::RunLog log(vigil::RunLog::defaultDirectory());
    vigil::CrashGuard guard(vigil::RunLog::stateDirectory());
    const QList<vigil::UncleanExit> unclean = guard.takeUncleanExits();
    if (!log.isOpen())
        qWarning().noquote() << "no log for this run:" << log.error();
    if (!guard.arm(log.path(), log.fileDescriptor(), log.crashNotePath(), QStringLiteral(VIGIL_VERSION)))
        qWarning().noquote() << "no crash marker for this run:" << guard.error();
    for (const vigil::UncleanExit& exit : unclean)
        qWarning().noquote() << "the run of" << exit.started.toString(Qt::ISODate) << "(process" << exit.pid << ") did not end cleanly"
                             << (exit.summary.isEmpty() ? QString() : QStringLiteral(": ") + exit.summary) << "log" << exit.logPath;

    // The settings: what could not be read is said in the log and, once the window is up,
    // in its status bar; a reset asked for on the command line happens before anything reads them.
    vigil::Settings& settings = vigil::appSettings();
    const QStringList settingsNotices = settings.notices();
    for (const QString& notice : settingsNotices)
        qWarning().noquote() << "settings:" << notice;
    if (parser.isSet(resetSettings)) {
        settings.resetAll();
        qInfo() << "settings reset to their defaults (--reset-settings)";
    }

    // Before any window exists: widgets take their texts when they are made.
    QString languageProblem;
    const QString languageInForce = vigil::installTranslations(
        parser.isSet(language) ? parser.value(language) : settings.text(vigil::settingKey::language), &languageProblem);
    qInfo().noquote() << "interface language:" << languageInForce;
    if (!languageProblem.isEmpty())
        qWarning().noquote() << languageProblem;

    bool safe = parser.isSet(safeMode);
    if (!unclean.isEmpty() && !safe) {
        vigil::CrashRecoveryDialog offer(unclean, vigil::HelpController::logFolder());
        QObject::connect(&offer, &vigil::CrashRecoveryDialog::openLogFolderRequested, [] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(vigil::HelpController::logFolder()));
        });
        if (parser.isSet(screenshot)) {
            // The offer is what this start shows: its picture, then quit (the marker goes).
            offer.show();
            QTimer::singleShot(500, &offer, [&offer, file = parser.value(screenshot)] {
                const bool saved = offer.grab().save(file, "PNG");
                QTextStream(stdout) << "safe mode offered; " << (saved ? "saved " : "could not save ") << file << Qt::endl;
                QApplication::exit(saved ? 0 : 1);
            });
            const int status = app.exec();
            guard.disarm();
            return status;
        }
        offer.exec();
        safe = offer.safeModeChosen();
    }
    if (safe)
        qInfo() << "Safe Mode";
    QStringList arguments = parser.positionalArguments();
    QString project;
    if (!arguments.isEmpty() && arguments.first().endsWith(QLatin1String(".vigil")))
        project = arguments.takeFirst();
    if (project.isEmpty() && !arguments.isEmpty()) {
        project = vigil::ProjectStore::defaultProjectPath();
        QDir().mkpath(QFileInfo(project).path());
    }

    vigil::MainWindow window;
    window.setSafeMode(safe);
    for (const QString& line : vigil::debugInformation(window.help()->debugContext()))
        qInfo().noquote() << line;
    qInfo().noquote() << "arguments:" << QApplication::arguments().mid(1).join(QLatin1Char(' '));
    if (!parser.isSet(screenshot))
        window.restoreLayout();
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    const QStringList startNotices = settingsNotices + (languageProblem.isEmpty() ? QStringList() : QStringList{languageProblem});
    if (!startNotices.isEmpty())
        window.statusBar()->showMessage(startNotices.join(QLatin1Char(' ')), 30000);
    if (!project.isEmpty())
        window.openProject(project, arguments);
    // The first start shows the system check; later starts only when asked.
    const bool firstStart = !settings.flag(vigil::settingKey::systemCheckShown);
    // The first start checks quietly: the window opens only when something is missing.
    if (parser.isSet(systemCheck) || (firstStart && !parser.isSet(screenshot))) {
        settings.setValue(vigil::settingKey::systemCheckShown, true);
        const bool asked = parser.isSet(systemCheck);
        QTimer::singleShot(0, &window, [&window, asked] {
            if (asked)
                window.help()->showSystemCheck();
            else
                window.help()->runFirstStartCheck();
        });
    }
    if (parser.isSet(screenshot)) {
        // Long enough for the first frame of a video to be decoded and shown; the system
        // check, when opened, is given time to load the model and measure.
        // Polled: the picture is taken once the check (if open) has its result.
        auto* poll = new QTimer(&window);
        poll->setInterval(200);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, file = parser.value(screenshot)] {
            vigil::SystemCheckDialog* check = window.help()->systemCheck();
            if (check && check->running())
                return;
            poll->stop();
            QWidget* shown = check ? static_cast<QWidget*>(check) : &window;
            if (shown->layout())
                shown->layout()->activate(); // the rows just added, laid out before the picture
            const bool saved = shown->grab().save(file, "PNG");
            QTextStream out(stdout);
            if (check)
                out << "system check: " << check->result().summary() << "; ";
            out << (window.startPageShown() ? "start page" : "workstation") << " shown; "
                << (saved ? "saved " : "could not save ") << file << Qt::endl;
            QApplication::exit(saved ? 0 : 1);
        });
        QTimer::singleShot(1500, poll, qOverload<>(&QTimer::start));
    }
    const int status = app.exec();
    qInfo() << "ended cleanly with status" << status;
    guard.disarm();
    return status;
}
