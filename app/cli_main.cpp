// vigil-cli: the headless entry point. Parses arguments and calls the engine; every
// error ends the program with one line on stderr and a non-zero status.
#include "model/AnomalyClipModel.h"
#include "model/Error.h"
#include "model/InferenceSession.h"
#include "model/NpyArray.h"
#include "model/ScoresCsv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

namespace {

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

QString tr(const char* text) { return QCoreApplication::translate("vigil-cli", text); }

[[noreturn]] void die(const QString& message, int status = kExitError)
{
    QTextStream(stderr) << "vigil-cli: " << message.simplified() << Qt::endl;
    std::exit(status);
}

QString generalHelp()
{
    return tr("Usage: vigil-cli <command> [options]\n"
              "\n"
              "Vigil's headless tool: AnomalyCLIP scores from the command line.\n"
              "\n"
              "Commands:\n"
              "  score-features   Score a [T, D] .npy file of CLIP frame features and write\n"
              "                   one CSV row per frame (anomaly score and p(class)).\n"
              "\n"
              "Options:\n"
              "  -h, --help       Show this help; 'vigil-cli <command> --help' for a command.\n"
              "  -v, --version    Show the version.\n");
}

vigil::ComputeDevice parseDevice(const QString& text)
{
    if (text == QLatin1String("auto"))
        return vigil::ComputeDevice::Auto;
    if (text == QLatin1String("cpu"))
        return vigil::ComputeDevice::Cpu;
    if (text == QLatin1String("cuda"))
        return vigil::ComputeDevice::Cuda;
    die(tr("--device must be auto, cpu or cuda, not '%1'").arg(text), kExitUsage);
}

int scoreFeatures(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Score pre-extracted CLIP frame features with an AnomalyCLIP checkpoint.\n"
           "Writes FILE.csv with the header 'frame,score,<classes in labels-file order>': one row per\n"
           "frame, the anomaly score and p(class); the normal class column holds 1 - score."));
    parser.addHelpOption();
    const QCommandLineOption checkpoint(QStringLiteral("checkpoint"), tr("AnomalyCLIP Lightning checkpoint (last.ckpt)."), tr("CKPT"));
    const QCommandLineOption centroid(QStringLiteral("centroid"), tr("Normal centroid saved beside it (ncentroid.pt or .npy)."), tr("NCENTROID"));
    const QCommandLineOption classes(QStringLiteral("classes"), tr("Class list: ucf, xd, sht, or an 'id,name' CSV file."), tr("ucf|xd|sht|FILE"));
    const QCommandLineOption features(QStringLiteral("features"), tr("[T, D] .npy features, one row per frame."), tr("FEATURES.npy"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Output CSV file."), tr("SCORES.csv"));
    const QCommandLineOption vocab(QStringLiteral("vocab"), tr("CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz); optional, checks the class names against the checkpoint."), tr("FILE"));
    const QCommandLineOption normal(QStringLiteral("normal-class"), tr("Name of the normal class (default: Normal)."), tr("NAME"), QStringLiteral("normal"));
    const QCommandLineOption device(QStringLiteral("device"), tr("auto (CUDA when available), cpu or cuda."), tr("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption fp16(QStringLiteral("fp16"), tr("Half precision (CUDA only)."));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("CPU threads (default: one per core)."), tr("N"), QStringLiteral("0"));
    parser.addOptions({checkpoint, centroid, classes, features, out, vocab, normal, device, fp16, threads});
    if (!parser.parse(arguments))
        die(parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(QLatin1String("[options]"), QLatin1String("score-features [options]"));
        QTextStream(stdout) << help;
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        die(tr("unexpected argument '%1'").arg(parser.positionalArguments().first()), kExitUsage);
    for (const QCommandLineOption* required : {&checkpoint, &centroid, &classes, &features, &out})
        if (!parser.isSet(*required))
            die(tr("missing --%1 (see 'vigil-cli score-features --help')").arg(required->names().first()), kExitUsage);
    bool threadsOk = false;
    const int threadCount = parser.value(threads).toInt(&threadsOk);
    if (!threadsOk || threadCount < 0)
        die(tr("--threads must be a non-negative number"), kExitUsage);

    try {
        QElapsedTimer timer;
        timer.start();
        const vigil::LabelSet labels =
            vigil::LabelSet::resolve(parser.value(classes).toStdString(), parser.value(normal).toStdString());
        vigil::ModelLoadOptions load;
        load.checkpointPath = parser.value(checkpoint).toStdString();
        load.centroidPath = parser.value(centroid).toStdString();
        load.vocabularyPath = parser.value(vocab).toStdString();
        const auto model = vigil::AnomalyClipModel::load(load, labels);
        for (const std::string& warning : model->warnings())
            QTextStream(stderr) << "vigil-cli: warning: " << QString::fromStdString(warning) << Qt::endl;

        const std::string featuresPath = parser.value(features).toStdString();
        const vigil::NpyArray array = vigil::readNpy(featuresPath);
        if (array.shape.size() != 2)
            throw vigil::Error(featuresPath + ": expected a [T, D] array, found " + std::to_string(array.shape.size()) +
                               " dimensions");
        if (array.shape[0] < 1)
            throw vigil::Error(featuresPath + ": the array holds no frames");
        const std::vector<float> values = array.toFloat();

        vigil::SessionOptions options;
        options.device = parseDevice(parser.value(device));
        options.precision = parser.isSet(fp16) ? vigil::Precision::Float16 : vigil::Precision::Float32;
        options.threads = threadCount;
        const vigil::InferenceSession session(model, options);
        const vigil::VideoScores scores = session.scoreFeatures(values.data(), array.shape[0], array.shape[1]);
        vigil::writeScoresCsvFile(parser.value(out).toStdString(), scores, labels);
        QTextStream(stdout) << tr("%1: %2 frames scored on %3 in %4 s")
                                   .arg(parser.value(out))
                                   .arg(scores.frames)
                                   .arg(QString::fromStdString(session.deviceDescription()))
                                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                            << Qt::endl;
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("-h") || arguments[1] == QLatin1String("--help")) {
        QTextStream(arguments.size() < 2 ? stderr : stdout) << generalHelp();
        return arguments.size() < 2 ? kExitUsage : 0;
    }
    if (arguments[1] == QLatin1String("-v") || arguments[1] == QLatin1String("--version")) {
        QTextStream(stdout) << "vigil-cli " << VIGIL_VERSION << Qt::endl;
        return 0;
    }
    QStringList rest = arguments;
    const QString command = rest.takeAt(1);
    if (command == QLatin1String("score-features"))
        return scoreFeatures(rest);
    die(tr("unknown command '%1' (see 'vigil-cli --help')").arg(command), kExitUsage);
}
