// The Vigil desktop application: `vigil [PROJECT.vigil] [VIDEO...]` opens the project
// (created if new) and adds the videos; with videos and no project they go into the
// default project; with neither, the start page is shown.
#include "MainWindow.h"

#include "model/BlasRuntime.h"
#include "project/ProjectStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
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
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addPositionalArgument(QStringLiteral("PROJECT.vigil"),
                                 QApplication::translate("vigil", "Project to open (created if new); without one, the start page."));
    parser.addPositionalArgument(QStringLiteral("VIDEO"), QApplication::translate("vigil", "Videos or folders to add (to your default project when no project is named)."),
                                 QStringLiteral("[VIDEO...]"));
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    QString project;
    if (!arguments.isEmpty() && arguments.first().endsWith(QLatin1String(".vigil")))
        project = arguments.takeFirst();
    if (project.isEmpty() && !arguments.isEmpty()) {
        project = vigil::ProjectStore::defaultProjectPath();
        QDir().mkpath(QFileInfo(project).path());
    }

    vigil::MainWindow window;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    if (!project.isEmpty())
        window.openProject(project, arguments);
    if (parser.isSet(screenshot)) {
        // Long enough for the first frame of a video to be decoded and shown.
        QTimer::singleShot(1500, &window, [&window, file = parser.value(screenshot)] {
            const bool saved = window.grab().save(file, "PNG");
            QTextStream(stdout) << (window.startPageShown() ? "start page" : "workstation") << " shown; "
                                << (saved ? "saved " : "could not save ") << file << Qt::endl;
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
