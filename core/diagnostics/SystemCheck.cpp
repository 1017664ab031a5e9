#include "diagnostics/SystemCheck.h"

#include "model/AnomalyClipModel.h"
#include "model/ClipTokenizer.h"
#include "model/InferenceSession.h"
#include "model/LabelSet.h"
#include "model/RuntimeInfo.h"
#include "video/FfmpegInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QStorageInfo>
#include <QThread>

#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace vigil {

namespace {

// The check's sentences, translated in the "SystemCheck" context (lupdate reads the macro).
struct CheckText
{
    Q_DECLARE_TR_FUNCTIONS(SystemCheck)
};

CheckItem makeItem(const QString& id, const QString& title)
{
    CheckItem item;
    item.id = id;
    item.title = title;
    return item;
}

std::string local(const QString& path) { return QFile::encodeName(path).toStdString(); }

QString gib(qint64 bytes) { return QString::number(double(bytes) / double(qint64(1) << 30), 'f', 1) + QStringLiteral(" GiB"); }

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

// A file item: chosen, found, readable. True when it can be read.
bool fileItem(CheckItem& item, const QString& path, const QString& what)
{
    if (path.isEmpty()) {
        item.state = CheckItem::State::Fail;
        item.detail = CheckText::tr("No %1 chosen.").arg(what);
        return false;
    }
    const QFileInfo info(path);
    item.folder = info.absolutePath();
    if (!info.exists()) {
        item.state = CheckItem::State::Fail;
        item.detail = CheckText::tr("%1 is not there.").arg(path);
        if (!QFileInfo(info.absolutePath()).isDir())
            item.folder.clear();
        return false;
    }
    if (!info.isFile() || !info.isReadable()) {
        item.state = CheckItem::State::Fail;
        item.detail = CheckText::tr("%1 cannot be read (not a file, or no permission).").arg(path);
        return false;
    }
    item.detail = CheckText::tr("%1 (%2)").arg(path, QLocale().formattedDataSize(info.size()));
    return true;
}

// The nearest folder of `path` that exists (the cache may not have been made yet).
QString existingAncestor(QString path)
{
    while (!path.isEmpty() && !QFileInfo(path).isDir()) {
        const QString parent = QFileInfo(path).path();
        if (parent == path)
            break;
        path = parent;
    }
    return path;
}

} // namespace

QString checkpointSource()
{
    return QStringLiteral("https://drive.google.com/file/d/1kgifxpoVn6EwZUIbZ0DbA8zI88aaVPV3/view?usp=drive_link");
}

int SystemCheckResult::failures() const
{
    int n = 0;
    for (const CheckItem& item : items)
        n += item.state == CheckItem::State::Fail;
    return n;
}

int SystemCheckResult::warnings() const
{
    int n = 0;
    for (const CheckItem& item : items)
        n += item.state == CheckItem::State::Warning;
    return n;
}

QString SystemCheckResult::summary() const
{
    const int f = failures(), w = warnings();
    if (f == 0 && w == 0)
        return CheckText::tr("Everything Vigil needs is here.");
    QStringList parts;
    if (f)
        parts << CheckText::tr("%n problem(s)", nullptr, f);
    if (w)
        parts << CheckText::tr("%n warning(s)", nullptr, w);
    return parts.join(CheckText::tr(", ")) + CheckText::tr(": each says below what to do");
}

SystemCheckResult runSystemCheck(const SystemCheckInput& input, const std::atomic<bool>* cancel)
{
    SystemCheckResult result;
    const QString getModel =
        CheckText::tr("AnomalyCLIP's authors publish the checkpoints: download the checkpoints folder from their Google Drive "
           "(%1, linked from github.com/luca-zanella-dvl/AnomalyCLIP) and choose checkpoints/<dataset>/last.ckpt.")
            .arg(checkpointSource());

    // The model: checkpoint, centroid, classes, then one load that proves them together.
    CheckItem checkpoint = makeItem(QStringLiteral("checkpoint"), CheckText::tr("Checkpoint"));
    checkpoint.fix = CheckItem::Fix::ChooseCheckpoint;
    const bool checkpointReadable = fileItem(checkpoint, input.checkpoint, CheckText::tr("checkpoint (last.ckpt)"));
    if (!checkpointReadable)
        checkpoint.remedy = getModel;
    CheckItem centroid = makeItem(QStringLiteral("centroid"), CheckText::tr("Normal centroid"));
    centroid.fix = CheckItem::Fix::ChooseCentroid;
    QString centroidPath = input.centroid;
    if (centroidPath.isEmpty() && !input.checkpoint.isEmpty()) {
        const QString beside = QFileInfo(input.checkpoint).dir().filePath(QStringLiteral("ncentroid.pt"));
        if (QFileInfo::exists(beside))
            centroidPath = beside;
    }
    const bool centroidReadable = fileItem(centroid, centroidPath, CheckText::tr("normal centroid (ncentroid.pt)"));
    if (!centroidReadable)
        centroid.remedy = CheckText::tr("ncentroid.pt comes with the checkpoint, in the same folder of the authors' download: choose it.");
    CheckItem classes = makeItem(QStringLiteral("classes"), CheckText::tr("Class list"));
    classes.fix = CheckItem::Fix::ChooseClasses;
    std::optional<LabelSet> labels;
    try {
        labels = LabelSet::resolve(local(input.labels.isEmpty() ? QStringLiteral("ucf") : input.labels));
        QStringList names;
        for (const std::string& name : labels->fileOrderNames())
            names << QString::fromStdString(name);
        classes.detail = CheckText::tr("%1: %2 classes (%3)")
                             .arg(input.labels.isEmpty() ? QStringLiteral("ucf") : input.labels)
                             .arg(labels->size())
                             .arg(names.join(QStringLiteral(", ")));
    } catch (const std::exception& e) {
        classes.state = CheckItem::State::Fail;
        classes.detail = QString::fromStdString(e.what());
        classes.remedy = CheckText::tr("Use ucf, xd or sht for the three datasets' lists, or choose a CSV file of id,name rows.");
    }

    std::shared_ptr<const AnomalyClipModel> model;
    CheckItem architecture = makeItem(QStringLiteral("model"), CheckText::tr("Model"));
    if (checkpointReadable && centroidReadable && labels && !cancelled(cancel)) {
        try {
            ModelLoadOptions options;
            options.checkpointPath = local(input.checkpoint);
            options.centroidPath = local(centroidPath);
            model = AnomalyClipModel::load(options, *labels);
            const ModelConfig& config = model->config();
            architecture.detail = CheckText::tr("%1; %2 classes; encoder fingerprint %3; loaded in %4 s")
                                      .arg(QString::fromStdString(config.describe()))
                                      .arg(config.classes)
                                      .arg(QString::fromStdString(model->imageEncoderFingerprint()).left(16))
                                      .arg(model->loadTimings().total, 0, 'f', 1);
            if (!model->warnings().empty()) {
                architecture.state = CheckItem::State::Warning;
                architecture.remedy = QString::fromStdString(model->warnings().front());
            }
        } catch (const std::exception& e) {
            architecture.state = CheckItem::State::Fail;
            architecture.detail = QString::fromStdString(e.what());
            architecture.remedy = CheckText::tr("The checkpoint, centroid and class list must belong together: the authors' "
                                     "checkpoints/<dataset>/last.ckpt, its ncentroid.pt, and that dataset's classes.");
        }
    } else {
        architecture.state = CheckItem::State::Skipped;
        architecture.detail = CheckText::tr("Not loaded: the files above are needed first.");
    }
    result.items << checkpoint << centroid << classes << architecture;

    CheckItem vocabulary = makeItem(QStringLiteral("vocabulary"), CheckText::tr("CLIP vocabulary"));
    vocabulary.fix = CheckItem::Fix::ChooseVocabulary;
    if (input.vocabulary.isEmpty()) {
        vocabulary.state = CheckItem::State::Skipped; // optional: not a warning
        vocabulary.detail = CheckText::tr("Not chosen (optional). Scoring does not need it; teaching a model a new class does.");
        vocabulary.remedy = CheckText::tr("bpe_simple_vocab_16e6.txt.gz comes with CLIP and AnomalyCLIP's repository: choose it "
                               "to check class names against the checkpoint and to add classes.");
    } else if (fileItem(vocabulary, input.vocabulary, CheckText::tr("vocabulary"))) {
        try {
            ClipTokenizer::fromFile(local(input.vocabulary));
            vocabulary.detail += CheckText::tr(", CLIP's 48,894 merges");
        } catch (const std::exception& e) {
            vocabulary.state = CheckItem::State::Fail;
            vocabulary.detail = QString::fromStdString(e.what());
            vocabulary.remedy = CheckText::tr("Choose CLIP's own bpe_simple_vocab_16e6.txt.gz.");
        }
    } else {
        vocabulary.remedy = CheckText::tr("Choose CLIP's bpe_simple_vocab_16e6.txt.gz.");
    }
    result.items << vocabulary;

    const TorchRuntime torch = torchRuntime();
    CheckItem devices = makeItem(QStringLiteral("devices"), CheckText::tr("Compute devices"));
    devices.detail = CheckText::tr("CPU: %1 logical processors").arg(QThread::idealThreadCount());
    if (torch.cudaDevices > 0)
        devices.detail += CheckText::tr("; CUDA: %n device(s)", nullptr, torch.cudaDevices);
    else if (!torch.cuda.empty())
        devices.detail += CheckText::tr("; no CUDA device found (LibTorch has CUDA %1)").arg(QString::fromStdString(torch.cuda));
    else
        devices.detail += CheckText::tr("; this LibTorch is built without CUDA (docs/cuda.md says how to use a GPU)");
    if (input.cpuOnly)
        devices.detail += CheckText::tr("; Safe Mode: CPU only");
    result.items << devices;

    // Frames/s: whole frames through the image encoder, the first batch (warm-up) not counted.
    CheckItem speed = makeItem(QStringLiteral("speed"), CheckText::tr("Scoring speed"));
    if (!model || input.speedSeconds <= 0 || cancelled(cancel)) {
        speed.state = CheckItem::State::Skipped;
        speed.detail = model ? CheckText::tr("Not measured.") : CheckText::tr("Measured once a model loads.");
    } else {
        try {
            SessionOptions options;
            options.device = input.cpuOnly ? ComputeDevice::Cpu : ComputeDevice::Auto;
            InferenceSession session(model, options);
            const int resolution = model->config().imageResolution;
            const int64_t batch = session.encoderLanes() * 2;
            std::vector<float> pixels(size_t(batch) * 3 * resolution * resolution);
            std::mt19937 random(7);
            std::normal_distribution<float> normal;
            for (float& p : pixels)
                p = normal(random);
            session.encodeImages(pixels.data(), batch);
            QElapsedTimer clock;
            clock.start();
            int64_t frames = 0;
            while (frames == 0 || (clock.elapsed() < input.speedSeconds * 1000 && !cancelled(cancel))) {
                session.encodeImages(pixels.data(), batch);
                frames += batch;
            }
            const double seconds = double(clock.elapsed()) / 1000;
            const double rate = double(frames) / seconds;
            const double minutes = 108000.0 / rate / 60;
            speed.detail = CheckText::tr("The image encoder runs about %1 frames/s on %2 (%3 frames in %4 s): an hour of 30 frames/s "
                              "video takes %5 to encode, decoding beside it.")
                               .arg(rate, 0, 'f', rate < 100 ? 1 : 0)
                               .arg(QString::fromStdString(session.deviceDescription()))
                               .arg(frames)
                               .arg(seconds, 0, 'f', 1)
                               .arg(minutes < 1 ? CheckText::tr("under a minute") : CheckText::tr("about %1 min").arg(minutes, 0, 'f', 0));
        } catch (const std::exception& e) {
            speed.state = CheckItem::State::Fail;
            speed.detail = QString::fromStdString(e.what());
            speed.remedy = CheckText::tr("Choose the CPU in Score > Choose Model.");
        }
    }
    result.items << speed;

    CheckItem decoders = makeItem(QStringLiteral("decoders"), CheckText::tr("Video decoders"));
    if (input.videos.isEmpty()) {
        decoders.detail = CheckText::tr("No videos in the project yet. %1").arg(QString::fromStdString(ffmpegVersions()));
    } else {
        QMap<QString, int> codecs, missingDecoder;
        QStringList unreadable;
        int missing = 0;
        for (const QString& video : input.videos) {
            if (cancelled(cancel))
                break;
            if (!QFileInfo::exists(video)) {
                ++missing;
                continue;
            }
            const CodecSupport support = probeVideoCodec(local(video));
            if (!support.error.empty()) {
                unreadable << QFileInfo(video).fileName() + QStringLiteral(" (") + QString::fromStdString(support.error) + QLatin1Char(')');
                continue;
            }
            const QString codec = QString::fromStdString(support.codec);
            ++codecs[codec];
            if (!support.decoder)
                ++missingDecoder[codec];
        }
        QStringList found;
        for (auto it = codecs.cbegin(); it != codecs.cend(); ++it)
            found << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
        decoders.detail = CheckText::tr("%n video(s): ", nullptr, int(input.videos.size())) + found.join(CheckText::tr(", "));
        if (!missingDecoder.isEmpty()) {
            decoders.state = CheckItem::State::Fail;
            decoders.remedy = CheckText::tr("This FFmpeg has no decoder for %1: install Debian's libavcodec59 (not a reduced build).")
                                  .arg(QStringList(missingDecoder.keys()).join(CheckText::tr(", ")));
        } else if (!unreadable.isEmpty()) {
            decoders.state = CheckItem::State::Warning;
            decoders.remedy = CheckText::tr("%n file(s) could not be read as video: ", nullptr, int(unreadable.size())) +
                              unreadable.mid(0, 3).join(CheckText::tr(", "));
        }
        if (missing) {
            if (decoders.state == CheckItem::State::Pass)
                decoders.state = CheckItem::State::Warning;
            decoders.remedy += (decoders.remedy.isEmpty() ? QString() : QStringLiteral(" ")) +
                               CheckText::tr("%n video(s) are not where the project expects them: add their folder again and Vigil finds them by content.", nullptr, missing);
        }
    }
    result.items << decoders;

    // Disk: the features the unscored videos would cache (D floats a frame), and room for proxies.
    CheckItem disk = makeItem(QStringLiteral("disk"), CheckText::tr("Disk space"));
    const QString cacheRoot = existingAncestor(input.cacheDirectory);
    const QStorageInfo storage(cacheRoot);
    disk.folder = QFileInfo(input.cacheDirectory).isDir() ? input.cacheDirectory : cacheRoot;
    const qint64 perFrame = qint64(model ? model->config().embedDim : 512) * 4;
    const qint64 needed = input.framesToCache * perFrame;
    const qint64 available = storage.isValid() ? storage.bytesAvailable() : -1;
    if (available < 0) {
        disk.state = CheckItem::State::Warning;
        disk.detail = CheckText::tr("The free space of %1 cannot be read.").arg(cacheRoot);
    } else {
        disk.detail = CheckText::tr("%1 free for the feature cache (%2); the project's unscored videos need about %3")
                          .arg(gib(available), input.cacheDirectory, gib(needed));
        if (!input.proxyDirectory.isEmpty())
            disk.detail += CheckText::tr("; seek proxies use up to 20 GiB in %1").arg(input.proxyDirectory);
        if (available < needed) {
            disk.state = CheckItem::State::Fail;
            disk.remedy = CheckText::tr("Free %1 on that disk, or score fewer videos at a time: a full disk stops scoring "
                             "with a message, and what was scored is kept.")
                              .arg(gib(needed - available));
        } else if (available < needed + (qint64(2) << 30)) {
            disk.state = CheckItem::State::Warning;
            disk.remedy = CheckText::tr("Less than 2 GiB would be left once the features are cached.");
        }
    }
    result.items << disk;
    return result;
}

} // namespace vigil
