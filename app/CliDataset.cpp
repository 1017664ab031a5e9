// vigil-cli export-dataset: a project as a dataset folder for the authors' training code:
// the labels as a UCF-Crime annotation file, each video's cached CLIP features as
// <video>.npy, and the videos themselves (or clips of the labels), with a SHA-256 manifest.
#include "CliCommon.h"

#include "export/ClipExport.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "project/AnnotationFile.h"
#include "project/LabelInterchange.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace vigil::cli {

int exportDataset(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a project as a dataset folder: annotations.txt (the labels in the UCF-Crime form, '-1 -1'\n"
           "for a video known by its class alone), features/<video>.npy (the cached [T, D] CLIP features of\n"
           "the model's image encoder; videos never scored have none), the media (--media videos: the files,\n"
           "clips: a clip per label, none) and SHA256SUMS of everything written."));
    parser.addHelpOption();
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("The project file (*.vigil)."), tr("P.vigil"));
    const QCommandLineOption outDir(QStringLiteral("out-dir"), tr("The dataset folder."), tr("DIR"));
    const QCommandLineOption media(QStringLiteral("media"), tr("videos (default), clips or none."), tr("KIND"),
                                   QStringLiteral("videos"));
    parser.addOptions({projectPath, outDir, media});
    parseOrExit(parser, arguments, QStringLiteral("export-dataset"));
    for (const QCommandLineOption* required : {&projectPath, &outDir})
        if (!parser.isSet(*required))
            die(tr("missing --%1 (see 'vigil-cli export-dataset --help')").arg(required->names().first()), kExitUsage);
    model.check(parser, QStringLiteral("export-dataset"));
    const QString kind = parser.value(media);
    if (kind != QLatin1String("videos") && kind != QLatin1String("clips") && kind != QLatin1String("none"))
        die(tr("--media takes videos, clips or none"), kExitUsage);
    QTextStream out(stdout), err(stderr);
    try {
        if (!QFileInfo::exists(parser.value(projectPath)))
            throw Error(QFile::encodeName(parser.value(projectPath)).toStdString() + ": no such project");
        const auto store = ProjectStore::open(parser.value(projectPath), ProjectStore::OpenMode::ReadOnly);
        const QDir dir(parser.value(outDir));
        if (!QDir().mkpath(dir.filePath(QStringLiteral("features"))))
            throw Error(QFile::encodeName(dir.path()).toStdString() + ": cannot create the folder");
        QStringList written;
        const LabelExport labels = exportLabels(*store, LabelFormat::Ucf, dir.filePath(QStringLiteral("annotations.txt")));
        written << labels.files;
        out << tr("annotations.txt: %1 label(s) of %2 video(s)").arg(labels.labels).arg(labels.videos) << Qt::endl;

        // The features, as the model's image encoder made them for each video.
        const auto loaded = AnomalyClipModel::load(model.loadOptions(parser), model.labels(parser));
        const QString encoder = QString::fromStdString(featureFingerprint(*loaded, Precision::Float32));
        const FeatureCache cache(FeatureCache::defaultDirectory());
        int features = 0;
        QStringList without;
        for (const VideoRecord& v : store->videos()) {
            const QString name = annotationKey(v.path);
            const std::optional<CachedFeatures> hit = cache.find(v.path, v.fingerprint, encoder, 1, loaded->config().embedDim);
            if (!hit) {
                without << name;
                continue;
            }
            const QString npy = dir.filePath(QStringLiteral("features/") + name + QStringLiteral(".npy"));
            writeNpy(QFile::encodeName(npy).toStdString(), hit->features);
            written << npy;
            ++features;
        }
        out << tr("features of %1 video(s)").arg(features) << Qt::endl;
        if (!without.isEmpty())
            err << tr("vigil-cli: note: no cached features for %n video(s), e.g. %1 (score them first)", nullptr,
                      int(without.size()))
                       .arg(without.first())
                << Qt::endl;

        // The media.
        if (kind == QLatin1String("videos")) {
            QDir().mkpath(dir.filePath(QStringLiteral("videos")));
            int copied = 0;
            for (const VideoRecord& v : store->videos()) {
                if (v.missing)
                    continue;
                const QString target = dir.filePath(QStringLiteral("videos/") + QFileInfo(v.path).fileName());
                QFile::remove(target);
                if (!QFile::copy(v.path, target))
                    throw Error(QFile::encodeName(target).toStdString() + ": cannot copy the video (is the disk full?)");
                written << target;
                ++copied;
            }
            out << tr("%1 video(s) copied").arg(copied) << Qt::endl;
        } else if (kind == QLatin1String("clips")) {
            ClipExportOptions options;
            options.outDir = dir.filePath(QStringLiteral("clips"));
            const ClipBatch batch = exportClips(*store, {}, options);
            for (const QString& failure : batch.failures)
                err << "vigil-cli: " << failure << Qt::endl;
            out << tr("%1 clip(s) in clips/ (with their own manifest)").arg(batch.clips.size()) << Qt::endl;
        }
        QByteArray sums;
        for (const QString& file : std::as_const(written))
            sums += sha256OfFile(file).toLatin1() + "  " + dir.relativeFilePath(file).toUtf8() + '\n';
        QSaveFile manifest(dir.filePath(QStringLiteral("SHA256SUMS")));
        if (!manifest.open(QIODevice::WriteOnly) || manifest.write(sums) != sums.size() || !manifest.commit())
            throw Error(QFile::encodeName(manifest.fileName()).toStdString() + ": cannot write");
        out << tr("SHA256SUMS: %1 file(s)").arg(written.size()) << Qt::endl;
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
