// vigil-cli: the headless entry point. Dispatches to a command; every error ends the
// program with one line on stderr and a non-zero status.
#include "CliCommon.h"
#include "diagnostics/DebugInfo.h"
#include "diagnostics/RunLog.h"
#include "model/BlasRuntime.h"
#include "scoring/FeatureCache.h"
#include "settings/Settings.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstring>
#include <memory>

namespace {

using vigil::cli::tr;

QString generalHelp()
{
    return tr("Usage: vigil-cli <command> [options]\n"
              "\n"
              "Vigil's headless tool: AnomalyCLIP scores from the command line.\n"
              "\n"
              "Commands:\n"
              "  score            Decode videos, compute CLIP features (cached) and write per-frame\n"
              "                   scores (CSV) and features (.npy) for each video.\n"
              "  score-features   Score a [T, D] .npy file of CLIP frame features and write\n"
              "                   one CSV row per frame (anomaly score and p(class)).\n"
              "  import-features  Put pre-extracted per-video .npy features into the feature cache,\n"
              "                   under the name of their video.\n"
              "  project          create|add|info|truth|score: a Vigil project file, headless.\n"
              "  eval             The paper's frame-level metrics of scores against ground truth.\n"
              "  train            Fine-tune a checkpoint on cached features of labelled videos.\n"
              "  labels           export|import|apply|history|classes|report: a project's labels.\n"
              "  export-clips     Labels or detections as frame-exact clips with sidecars and a SHA-256 manifest.\n"
              "  export-dataset   A project as a dataset folder: annotations, features per video, media.\n"
              "  config           list|get|set|reset|path: the settings shared with the desktop application.\n"
              "\n"
              "Its output is English whatever the desktop's language, since scripts read it.\n"
              "\n"
              "Options:\n"
              "  -h, --help       Show this help; 'vigil-cli <command> --help' for a command.\n"
              "  -v, --version    Show the version.\n"
              "  --debug-info     Show the versions, libraries and devices a bug report needs.\n");
}

} // namespace

int main(int argc, char** argv)
{
    // Before any other thread starts: the kernel choice sets an environment variable.
    vigil::selectBlasKernels();
    // Burning an overlay into clips paints text: that needs Qt Gui's fonts, on no screen.
    bool paints = false;
    for (int i = 1; i < argc; ++i)
        paints = paints || std::strcmp(argv[i], "--overlay") == 0;
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        paints ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("-h") || arguments[1] == QLatin1String("--help")) {
        QTextStream(arguments.size() < 2 ? stderr : stdout) << generalHelp();
        return arguments.size() < 2 ? vigil::cli::kExitUsage : 0;
    }
    if (arguments[1] == QLatin1String("-v") || arguments[1] == QLatin1String("--version")) {
        QTextStream(stdout) << "vigil-cli " << VIGIL_VERSION << Qt::endl;
        return 0;
    }
    if (arguments[1] == QLatin1String("--debug-info")) {
        vigil::DebugContext context;
        context.program = QStringLiteral("vigil-cli");
        context.version = QStringLiteral(VIGIL_VERSION);
        context.logFolder = vigil::RunLog::defaultDirectory() + QStringLiteral(" (the desktop application's)");
        QTextStream(stdout) << vigil::debugInformation(context).join(QLatin1Char('\n')) << Qt::endl;
        return 0;
    }
    QStringList rest = arguments;
    const QString command = rest.takeAt(1);
    // The settings' feature cache folder, for every command and the engine under it (not
    // for --help: making the man pages at build time must not touch the builder's settings).
    const bool help = rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"));
    if (!help)
        if (const QString folder = vigil::cli::settings().text(vigil::settingKey::featureFolder); !folder.isEmpty())
            vigil::FeatureCache::setDefaultDirectory(folder);
    if (command == QLatin1String("score-features"))
        return vigil::cli::scoreFeatures(rest);
    if (command == QLatin1String("score"))
        return vigil::cli::score(rest);
    if (command == QLatin1String("import-features"))
        return vigil::cli::importFeatures(rest);
    if (command == QLatin1String("project"))
        return vigil::cli::project(rest);
    if (command == QLatin1String("eval"))
        return vigil::cli::eval(rest);
    if (command == QLatin1String("train"))
        return vigil::cli::train(rest);
    if (command == QLatin1String("labels"))
        return vigil::cli::labels(rest);
    if (command == QLatin1String("export-clips"))
        return vigil::cli::exportClips(rest);
    if (command == QLatin1String("export-dataset"))
        return vigil::cli::exportDataset(rest);
    if (command == QLatin1String("config"))
        return vigil::cli::config(rest);
    vigil::cli::die(tr("unknown command '%1' (see 'vigil-cli --help')").arg(command), vigil::cli::kExitUsage);
}
