// Shared vigil-cli option handling.
#include "CliCommon.h"

#include "settings/Settings.h"

#include <QTextStream>

#include <cstdlib>

namespace vigil::cli {

void die(const QString& message, int status)
{
    QTextStream(stderr) << "vigil-cli: " << message.simplified() << Qt::endl;
    std::exit(status);
}

ModelOptions::ModelOptions()
    : checkpoint(QStringLiteral("checkpoint"), tr("AnomalyCLIP Lightning checkpoint (last.ckpt)."), tr("CKPT"))
    , centroid(QStringLiteral("centroid"), tr("Normal centroid saved beside it (ncentroid.pt or .npy)."), tr("NCENTROID"))
    , classes(QStringLiteral("classes"), tr("Class list: ucf, xd, sht, or an 'id,name' CSV file."), tr("ucf|xd|sht|FILE"))
    , vocab(QStringLiteral("vocab"),
            tr("CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz); optional, checks the class names against the checkpoint."),
            tr("FILE"))
    , normal(QStringLiteral("normal-class"), tr("Name of the normal class (default: Normal)."), tr("NAME"),
             QStringLiteral("normal"))
    , device(QStringLiteral("device"), tr("auto (CUDA when available), cpu or cuda (default: the setting compute/device)."), tr("DEVICE"),
             QStringLiteral("auto"))
    , fp16(QStringLiteral("fp16"), tr("Half precision (CUDA only)."))
    , int8(QStringLiteral("int8"),
           tr("Int8 image encoder (CPU only): about 2.5x faster end to end with a ViT-B/16 encoder (small encoders gain nothing); features close to, not equal to, fp32's, and cached apart."))
    , threads(QStringLiteral("threads"), tr("CPU threads (default: the setting compute/threads; 0: one per core)."), tr("N"),
              QStringLiteral("0"))
{
}

void ModelOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({checkpoint, centroid, classes, vocab, normal, device, fp16, int8, threads});
}

void ModelOptions::check(const QCommandLineParser& parser, const QString& command) const
{
    for (const QCommandLineOption* required : {&checkpoint, &centroid, &classes})
        if (!parser.isSet(*required))
            die(tr("missing --%1 (see 'vigil-cli %2 --help')").arg(required->names().first(), command), kExitUsage);
    const QString d = parser.value(device);
    if (d != QLatin1String("auto") && d != QLatin1String("cpu") && d != QLatin1String("cuda"))
        die(tr("--device must be auto, cpu or cuda, not '%1'").arg(d), kExitUsage);
    intOption(parser, threads, 0);
    if (parser.isSet(fp16) && parser.isSet(int8))
        die(tr("--fp16 and --int8 exclude each other"), kExitUsage);
}

ModelLoadOptions ModelOptions::loadOptions(const QCommandLineParser& parser) const
{
    ModelLoadOptions load;
    load.checkpointPath = parser.value(checkpoint).toStdString();
    load.centroidPath = parser.value(centroid).toStdString();
    load.vocabularyPath = parser.value(vocab).toStdString();
    return load;
}

LabelSet ModelOptions::labels(const QCommandLineParser& parser) const
{
    return LabelSet::resolve(parser.value(classes).toStdString(), parser.value(normal).toStdString());
}

SessionOptions ModelOptions::sessionOptions(const QCommandLineParser& parser) const
{
    SessionOptions options;
    // A flag wins; without any, the setting (compute/device joins device and precision).
    QString d = parser.value(device);
    options.precision = parser.isSet(fp16) ? Precision::Float16 : parser.isSet(int8) ? Precision::Int8 : Precision::Float32;
    if (!parser.isSet(device) && !parser.isSet(fp16) && !parser.isSet(int8)) {
        const QString chosen = settings().text(settingKey::device);
        d = chosen.section(QLatin1Char('-'), 0, 0);
        if (chosen.endsWith(QLatin1String("-fp16")))
            options.precision = Precision::Float16;
        else if (chosen.endsWith(QLatin1String("-int8")))
            options.precision = Precision::Int8;
    }
    options.device = d == QLatin1String("cpu") ? ComputeDevice::Cpu
                     : d == QLatin1String("cuda") ? ComputeDevice::Cuda
                                                  : ComputeDevice::Auto;
    options.threads = parser.isSet(threads) ? intOption(parser, threads, 0) : settings().integer(settingKey::threads);
    return options;
}

void parseOrExit(QCommandLineParser& parser, const QStringList& arguments, const QString& command, bool positionalAllowed)
{
    if (!parser.parse(arguments))
        die(parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(QLatin1String("[options]"), command + QLatin1String(" [options]"));
        QTextStream(stdout) << help;
        std::exit(0);
    }
    if (!positionalAllowed && !parser.positionalArguments().isEmpty())
        die(tr("unexpected argument '%1'").arg(parser.positionalArguments().first()), kExitUsage);
}

int intSetting(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& key, int minimum)
{
    return parser.isSet(option) ? intOption(parser, option, minimum) : settings().integer(key);
}

int intOption(const QCommandLineParser& parser, const QCommandLineOption& option, int minimum)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum)
        die(tr("--%1 must be a whole number of at least %2").arg(option.names().first()).arg(minimum), kExitUsage);
    return value;
}

} // namespace vigil::cli
