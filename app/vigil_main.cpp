// The Vigil desktop application: `vigil [PROJECT.vigil] [VIDEO...]` opens the project
// (the default one when none is given, created if new) and adds the videos.
#include "MainWindow.h"

#include "model/BlasRuntime.h"
#include "project/ProjectStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

int main(int argc, char** argv)
{
    // Before any other thread starts: the kernel choice sets an environment variable.
    vigil::selectBlasKernels();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("vigil", "Review surveillance video with AnomalyCLIP anomaly scores."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT.vigil"),
                                 QApplication::translate("vigil", "Project to open (created if new); default: your default project."));
    parser.addPositionalArgument(QStringLiteral("VIDEO"), QApplication::translate("vigil", "Videos or folders to add to it."),
                                 QStringLiteral("[VIDEO...]"));
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    QString project;
    if (!arguments.isEmpty() && arguments.first().endsWith(QLatin1String(".vigil")))
        project = arguments.takeFirst();
    if (project.isEmpty()) {
        project = vigil::ProjectStore::defaultProjectPath();
        QDir().mkpath(QFileInfo(project).path());
    }

    vigil::MainWindow window;
    window.show();
    window.openProject(project, arguments);
    return app.exec();
}
