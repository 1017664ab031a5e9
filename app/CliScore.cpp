// vigil-cli score and import-features: videos -> features (cached) -> per-frame scores,
// driven through the same scoring worker the desktop application uses.
#include "CliCommon.h"

#include "settings/SettingsTable.h"

#include "model/BlasRuntime.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/ScoresCsv.h"
#include "scoring/FeatureCache.h"
#include "scoring/ScoringController.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <ctime>
#include <unistd.h>

namespace vigil::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

// Seconds since this process started (its start time in /proc, on the boot clock), so
// that start-up includes loading the libraries; since `fallback` started where /proc
// cannot tell.
double processSeconds(const QElapsedTimer& fallback)
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    timespec now{};
    const long ticks = ::sysconf(_SC_CLK_TCK);
    if (ticks > 0 && stat.open(QIODevice::ReadOnly) && ::clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
        // Fields after the command name, which is in parentheses and may hold spaces.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 19) {
            bool ok = false;
            const double started = double(fields[19].toULongLong(&ok)) / double(ticks); // field 22, starttime
            if (ok)
                return double(now.tv_sec) + double(now.tv_nsec) / 1e9 - started;
        }
    }
    return double(fallback.nsecsElapsed()) / 1e9;
}

// Where the whole process spent its time, summed over the videos (--timings).
struct ProcessTimings {
    ScoringTimings video;
    double write = 0;
    double startup = -1; // process start to the first encoder batch
    qint64 framesEncoded = 0;
    int videos = 0;

    void add(const ScoringResult& r, double writeSeconds, double processNow)
    {
        const ScoringTimings& t = r.timings;
        video.decode += t.decode;
        video.preprocess += t.preprocess;
        video.encode += t.encode;
        video.encodeWait += t.encodeWait;
        video.head += t.head;
        video.cacheWrite += t.cacheWrite;
        write += writeSeconds;
        framesEncoded += r.fromCache ? 0 : r.framesEncoded;
        ++videos;
        if (startup < 0 && t.firstBatchAfter >= 0)
            startup = processNow - writeSeconds - r.seconds + t.firstBatchAfter;
    }

    void print(const ScoringWorker::ModelTimings& model, const QString& blas, double total) const
    {
        QTextStream err(stderr);
        auto row = [&](const QString& stage, double seconds, const QString& detail = {}) {
            err << "  " << stage.leftJustified(14) << QString::number(seconds, 'f', 2).rightJustified(8)
                << (detail.isEmpty() ? QString() : QStringLiteral("  ") + detail) << Qt::endl;
        };
        const ModelLoadTimings& load = model.load;
        err << tr("timings (seconds; %1 video(s), %2)").arg(videos).arg(blas) << Qt::endl;
        row(tr("load"), load.read + load.weights,
            tr("checkpoint read %1, weights %2").arg(load.read, 0, 'f', 2).arg(load.weights, 0, 'f', 2));
        row(tr("prompts"), load.prompts + load.sideWait,
            tr("class directions from the text encoder; beside them, encoder fingerprint and head filters %1 "
               "(waited for: %2)")
                .arg(load.fingerprint, 0, 'f', 2)
                .arg(load.sideWait, 0, 'f', 2));
        row(tr("session"), model.session);
        row(tr("decode"), video.decode, tr("own thread, beside the encoder"));
        row(tr("preprocess"), video.preprocess, tr("own thread, beside the encoder"));
        row(tr("encode"), video.encode,
            video.encode > 0 ? tr("%1 frames, %2 frames/s").arg(framesEncoded).arg(double(framesEncoded) / video.encode, 0, 'f', 2)
                             : QString());
        row(tr("encoder wait"), video.encodeWait, tr("the encoder waiting for frames"));
        row(tr("head"), video.head);
        row(tr("write"), write + video.cacheWrite,
            tr("outputs %1, feature cache %2").arg(write, 0, 'f', 2).arg(video.cacheWrite, 0, 'f', 2));
        if (startup >= 0)
            row(tr("start-up"), startup, tr("process start to the first encoder batch"));
        row(tr("total"), total, tr("process start to end"));
    }
};

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// One line redrawn in place on a terminal; nothing when stderr is a file or a pipe.
class ProgressBar {
public:
    ProgressBar()
        : m_enabled(::isatty(STDERR_FILENO) == 1)
    {
    }
    void show(const QString& name, const ScoringProgress& p)
    {
        if (!m_enabled)
            return;
        constexpr int kWidth = 30;
        const double fraction = p.framesTotal > 0 ? std::min(1.0, double(p.framesDone) / double(p.framesTotal)) : 0;
        const int full = int(fraction * kWidth);
        const QString bar = QString(full, QLatin1Char('#')) + QString(kWidth - full, QLatin1Char('-'));
        QTextStream(stderr) << "\r\033[K" << name << " [" << bar << "] " << int(fraction * 100) << "% " << p.framesDone
                            << "/" << p.framesTotal << " " << QString::number(p.framesPerSecond, 'f', 1)
                            << " frames/s, " << formatDuration(p.secondsLeft) << " left" << Qt::flush;
        m_dirty = true;
    }
    void clear()
    {
        if (m_enabled && m_dirty)
            QTextStream(stderr) << "\r\033[K" << Qt::flush;
        m_dirty = false;
    }

private:
    bool m_enabled;
    bool m_dirty = false;
};

void writeJson(const QString& path, const QJsonObject& object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
        throw Error(QFile::encodeName(path).toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
}

// The outputs of one video: scores CSV, features .npy and a .meta.json saying how they were made.
void writeOutputs(const QDir& outDir, const ScoringResult& r, const LabelSet& labels, const QString& device, Precision precision,
                  const ModelLoadOptions& model)
{
    const QString stem = QFileInfo(r.videoPath).completeBaseName();
    const std::string scoresPath = QFile::encodeName(outDir.filePath(stem + QStringLiteral(".scores.csv"))).toStdString();
    writeScoresCsvFile(scoresPath, *r.scores, labels);
    writeNpy(QFile::encodeName(outDir.filePath(stem + QStringLiteral(".features.npy"))).toStdString(),
             NpyArray::fromFloat({r.scores->frames, r.dim}, r.features->data()));
    QJsonObject meta;
    meta[QStringLiteral("video")] = QFileInfo(r.videoPath).absoluteFilePath();
    meta[QStringLiteral("frames")] = double(r.scores->frames);
    meta[QStringLiteral("stride")] = r.stride;
    meta[QStringLiteral("mode")] = r.stride == 1 ? QStringLiteral("every frame encoded")
                                                 : QStringLiteral("coarse: every %1th frame encoded, its feature held for the frames in between").arg(r.stride);
    meta[QStringLiteral("framesEncoded")] = double(r.framesEncoded);
    meta[QStringLiteral("frameRate")] = r.video.frameRate;
    meta[QStringLiteral("device")] = device;
    meta[QStringLiteral("checkpoint")] = QFileInfo(QFile::decodeName(model.checkpointPath.c_str())).absoluteFilePath();
    meta[QStringLiteral("centroid")] = QFileInfo(QFile::decodeName(model.centroidPath.c_str())).absoluteFilePath();
    QJsonArray classes;
    for (const std::string& name : labels.fileOrderNames())
        classes.append(QString::fromStdString(name));
    meta[QStringLiteral("classes")] = classes; // the labels file's order, as the CSV's class columns
    meta[QStringLiteral("classList")] = QString::fromStdString(labels.source());
    // Features of another precision are close to fp32's, not equal: say which made them.
    meta[QStringLiteral("precision")] = QString::fromLatin1(precisionName(precision));
    meta[QStringLiteral("fromCache")] = r.fromCache;
    meta[QStringLiteral("cacheEntry")] = r.cachePath;
    meta[QStringLiteral("decodeWarning")] = r.decodeWarning;
    meta[QStringLiteral("seconds")] = r.seconds;
    QJsonObject stages; // busy seconds; decode and preprocess overlap encode
    stages[QStringLiteral("decode")] = r.timings.decode;
    stages[QStringLiteral("preprocess")] = r.timings.preprocess;
    stages[QStringLiteral("encode")] = r.timings.encode;
    stages[QStringLiteral("encodeWait")] = r.timings.encodeWait;
    stages[QStringLiteral("head")] = r.timings.head;
    stages[QStringLiteral("cacheWrite")] = r.timings.cacheWrite;
    meta[QStringLiteral("timings")] = stages;
    writeJson(outDir.filePath(stem + QStringLiteral(".meta.json")), meta);
}

} // namespace

int score(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Score videos: decode every frame, compute its CLIP feature (or read it from the feature\n"
           "cache) and run the AnomalyCLIP head. For each VIDEO writes, in the output folder,\n"
           "<stem>.scores.csv (frame,score,<classes in labels-file order>), <stem>.features.npy ([T, D])\n"
           "and <stem>.meta.json (how they were made)."));
    parser.addHelpOption();
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Frames in the encoder at once, split between its threads (default: the setting compute/batch, 16)."), tr("N"), QStringLiteral("16"));
    const QCommandLineOption stride(QStringLiteral("stride"),
                                    tr("Encode every K-th frame and hold its feature for the frames in between: faster, coarser (default: the setting compute/stride, 1)."),
                                    tr("K"), QStringLiteral("1"));
    const QCommandLineOption cache(QStringLiteral("cache"), tr("Feature cache folder (default: %1).").arg(FeatureCache::defaultDirectory()), tr("DIR"));
    const QCommandLineOption noCache(QStringLiteral("no-cache"), tr("Neither read nor write the feature cache."));
    const QCommandLineOption outDir(QStringLiteral("out-dir"), tr("Folder for the outputs (created if needed)."), tr("DIR"));
    const QCommandLineOption timings(QStringLiteral("timings"),
                                     tr("Print on stderr where the time went, stage by stage (load, prompts, decode,\n"
                                        "preprocess, encode, head, write) and the start-up to the first batch."));
    parser.addOptions({batch, stride, cache, noCache, outDir, timings});
    parser.addPositionalArgument(QStringLiteral("VIDEO"), tr("Video files (MP4, MKV, AVI, MOV, TS...)."), QStringLiteral("VIDEO..."));
    QElapsedTimer sinceMain;
    sinceMain.start();
    parseOrExit(parser, arguments, QStringLiteral("score"), true);
    model.check(parser, QStringLiteral("score"));
    if (!parser.isSet(outDir))
        die(tr("missing --out-dir (see 'vigil-cli score --help')"), kExitUsage);
    const QStringList videos = parser.positionalArguments();
    if (videos.isEmpty())
        die(tr("no video given (see 'vigil-cli score --help')"), kExitUsage);
    QSet<QString> stems;
    for (const QString& video : videos) {
        const QString stem = QFileInfo(video).completeBaseName();
        if (stems.contains(stem))
            die(tr("two videos are named '%1': their outputs would overwrite each other").arg(stem), kExitUsage);
        stems.insert(stem);
    }

    ScoringSettings settings;
    settings.extraction.batchSize = intSetting(parser, batch, settingKey::batch, 1);
    settings.extraction.stride = intSetting(parser, stride, settingKey::stride, 1);
    settings.provisionalScores = false;
    const QDir out(parser.value(outDir));
    try {
        settings.labels = model.labels(parser);
        settings.model = model.loadOptions(parser);
        settings.session = model.sessionOptions(parser);
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    if (!parser.isSet(noCache))
        settings.cacheDirectory = parser.isSet(cache) ? parser.value(cache) : FeatureCache::defaultDirectory();
    if (!QDir().mkpath(out.absolutePath()))
        die(tr("cannot create the output folder %1").arg(out.absolutePath()));

    ScoringController controller(settings);
    ScoringWorker* worker = controller.worker();
    ProgressBar bar;
    QString device;
    int failures = 0;
    QTextStream stdoutStream(stdout);
    auto name = [](const QString& path) { return QFileInfo(path).completeBaseName(); };
    QObject::connect(worker, &ScoringWorker::modelReady, qApp, [&](const QString& description) { device = description; });
    // A model that does not load is one error, not one per video.
    bool modelFailed = false;
    QObject::connect(worker, &ScoringWorker::modelFailed, qApp, [&](const QString& message) {
        modelFailed = true;
        bar.clear();
        QTextStream(stderr) << "vigil-cli: " << message.simplified() << Qt::endl;
    });
    QObject::connect(worker, &ScoringWorker::progress, qApp, [&](const ScoringProgress& p) { bar.show(name(p.videoPath), p); });
    ProcessTimings processTimings;
    QObject::connect(worker, &ScoringWorker::videoFinished, qApp, [&](const ScoringResult& r) {
        bar.clear();
        QElapsedTimer writeTimer;
        writeTimer.start();
        try {
            writeOutputs(out, r, settings.labels, device, settings.session.precision, settings.model);
        } catch (const std::exception& e) {
            ++failures;
            QTextStream(stderr) << name(r.videoPath) << ": failed: " << QString::fromStdString(e.what()) << Qt::endl;
            return;
        }
        processTimings.add(r, double(writeTimer.nsecsElapsed()) / 1e9, processSeconds(sinceMain));
        // The summary line keeps one fixed form; how the figures came about goes to stderr.
        stdoutStream << tr("%1: %2 frames in %3 s = %4 frames/s")
                            .arg(name(r.videoPath))
                            .arg(r.scores->frames)
                            .arg(r.seconds, 0, 'f', 2)
                            .arg(r.framesPerSecond(), 0, 'f', 2)
                     << Qt::endl;
        QTextStream err(stderr);
        if (r.fromCache)
            err << name(r.videoPath) << ": note: " << (r.cacheByName ? tr("imported features") : tr("cached features"))
                << " (" << r.cachePath << ")" << Qt::endl;
        if (r.stride > 1)
            err << name(r.videoPath) << ": note: " << tr("stride %1: every %1th frame encoded, coarse").arg(r.stride) << Qt::endl;
        for (const QString& note : r.notes)
            err << name(r.videoPath) << ": note: " << note.simplified() << Qt::endl;
        if (!r.decodeWarning.isEmpty())
            err << name(r.videoPath) << ": warning: " << r.decodeWarning.simplified() << Qt::endl;
    });
    QObject::connect(worker, &ScoringWorker::videoFailed, qApp, [&](const QString& path, const QString& message) {
        bar.clear();
        ++failures;
        if (!modelFailed)
            QTextStream(stderr) << name(path) << ": failed: " << message.simplified() << Qt::endl;
    });
    QObject::connect(worker, &ScoringWorker::videoCancelled, qApp, [&](const QString& path) {
        bar.clear();
        ++failures;
        QTextStream(stderr) << name(path) << ": cancelled" << Qt::endl;
    });
    QObject::connect(worker, &ScoringWorker::idle, qApp, &QCoreApplication::quit, Qt::QueuedConnection);

    // Ctrl-C cancels cleanly: the worker stops between batches and writes nothing partial.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, qApp, [&] {
        if (g_interrupted.exchange(false))
            controller.cancelAll();
    });
    interruptPoll.start(100);

    controller.enqueue(videos);
    QCoreApplication::exec();
    if (parser.isSet(timings) && processTimings.videos > 0)
        processTimings.print(worker->modelTimings(), QString::fromStdString(describeBlasKernels()), processSeconds(sinceMain));
    return failures == 0 ? 0 : kExitError;
}

int importFeatures(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Import pre-extracted per-frame CLIP features (the authors' per-video [T, D] .npy files) into\n"
           "the feature cache. Each file is filed under its video's name (the file name without\n"
           "extension, or --name), for the image encoder of the given checkpoint; 'score' then uses\n"
           "them for a video of that name instead of decoding it."));
    parser.addHelpOption();
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption cache(QStringLiteral("cache"), tr("Feature cache folder (default: %1).").arg(FeatureCache::defaultDirectory()), tr("DIR"));
    const QCommandLineOption videoName(QStringLiteral("name"), tr("Video name to file a single FEATURES.npy under."), tr("NAME"));
    parser.addOptions({cache, videoName});
    parser.addPositionalArgument(QStringLiteral("FEATURES"), tr("[T, D] .npy files."), QStringLiteral("FEATURES.npy..."));
    parseOrExit(parser, arguments, QStringLiteral("import-features"), true);
    model.check(parser, QStringLiteral("import-features"));
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        die(tr("no features file given (see 'vigil-cli import-features --help')"), kExitUsage);
    if (parser.isSet(videoName) && files.size() != 1)
        die(tr("--name takes exactly one features file"), kExitUsage);
    try {
        const auto loaded = AnomalyClipModel::load(model.loadOptions(parser), model.labels(parser));
        if (loaded->imageEncoderFingerprint().empty())
            throw Error(parser.value(model.checkpoint).toStdString() + ": the checkpoint has no image encoder to file the features under");
        const FeatureCache featureCache(parser.isSet(cache) ? parser.value(cache) : FeatureCache::defaultDirectory());
        const QString encoder = QString::fromStdString(loaded->imageEncoderFingerprint());
        for (const QString& file : files) {
            const NpyArray probe = readNpy(QFile::encodeName(file).toStdString());
            if (probe.shape.size() != 2 || probe.shape[1] != loaded->config().embedDim)
                throw Error(QFile::encodeName(file).toStdString() + ": expected [T, " +
                            std::to_string(loaded->config().embedDim) + "] features for this model");
            const QString stem = parser.isSet(videoName) ? parser.value(videoName) : QFileInfo(file).completeBaseName();
            const QString entry = featureCache.importNamed(file, stem, encoder);
            QTextStream(stdout) << tr("%1: %2 frames imported as %3").arg(stem).arg(probe.shape[0]).arg(entry) << Qt::endl;
        }
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
