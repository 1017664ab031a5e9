#include "export/ClipExport.h"

#include "model/Error.h"
#include "project/LabelJson.h"
#include "project/ProjectStore.h"
#include "project/TextFile.h"
#include "video/ClipWriter.h"

#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace vigil {

namespace {

struct Item {
    QString what; // "label 12" or "detection 40"
    qint64 videoId = 0;
    qint64 first = 0, last = 0; // the span itself, both included
    QString className;
    QJsonObject record; // the label or detection as JSON
};

constexpr int kStripHeight = 48;

QString clock(double seconds)
{
    const qint64 ms = qint64(std::llround(seconds * 1000));
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

// The burned-in overlay: a caption with the frame's time, number, score and top class, and
// under the picture the clip's scores with the threshold and the frame's place. Painted
// straight into the frame's RGB rows (QImage over the same bytes).
void drawOverlay(VideoFrame& frame, const std::optional<ScoreTrack>& track, qint64 first, qint64 last, double threshold)
{
    const int pictureHeight = frame.height - kStripHeight;
    QImage image(frame.rgb.data(), frame.width, frame.height, frame.width * 3, QImage::Format_RGB888);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(std::max(10, pictureHeight / 32));
    p.setFont(font);
    QString caption = QStringLiteral("%1  frame %2").arg(clock(frame.timestampSeconds)).arg(frame.index);
    if (track && frame.index < track->frames) {
        const float score = track->scores[size_t(frame.index)];
        const float* probs = track->classProbs.data() + frame.index * track->classes;
        int top = -1;
        for (int c = 0; c < track->classes; ++c)
            if (c != track->normalId && (top < 0 || probs[c] > probs[top]))
                top = c;
        caption += QStringLiteral("  score %1").arg(score, 0, 'f', 3);
        if (top >= 0)
            caption += QStringLiteral("  %1 %2%").arg(track->classNames.value(top)).arg(int(std::lround(100 * probs[top])));
    }
    const QFontMetrics metrics = p.fontMetrics();
    const QRect box(8, 8, metrics.horizontalAdvance(caption) + 12, metrics.height() + 6);
    p.fillRect(box, QColor(0, 0, 0, 170));
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, caption);
    // The strip: scores of the clip's frames, the threshold dashed, the playhead.
    const QRect strip(0, pictureHeight, frame.width, kStripHeight);
    p.fillRect(strip, QColor(20, 20, 20));
    if (track && last > first) {
        auto x = [&](qint64 f) { return double(f - first) / double(last - first) * (frame.width - 1); };
        auto y = [&](double s) { return strip.bottom() - 4 - s * (kStripHeight - 8); };
        QPainterPath curve;
        for (qint64 f = first; f <= last && f < track->frames; ++f) {
            const QPointF point(x(f), y(track->scores[size_t(f)]));
            f == first ? curve.moveTo(point) : curve.lineTo(point);
        }
        p.setPen(QPen(QColor(230, 80, 60), 1.5));
        p.drawPath(curve);
        p.setPen(QPen(QColor(80, 150, 255), 1, Qt::DashLine));
        p.drawLine(QPointF(0, y(threshold)), QPointF(frame.width, y(threshold)));
        p.setPen(QPen(Qt::white, 1.5));
        p.drawLine(QPointF(x(frame.index), strip.top()), QPointF(x(frame.index), strip.bottom()));
    }
}

QString safe(QString name)
{
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    return name;
}

} // namespace

QString sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot read (" + file.errorString().toStdString() + ")");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot read");
    return QString::fromLatin1(hash.result().toHex());
}

ClipBatch exportClips(const ProjectStore& store, const ClipSelection& selection, const ClipExportOptions& options,
                      const ClipBatchProgress& progress)
{
    if (!QDir().mkpath(options.outDir))
        throw Error(QFile::encodeName(options.outDir).toStdString() + ": cannot create the folder");
    const qint64 modelId = selection.modelId ? selection.modelId : store.activeModelId() ? store.activeModelId()
                                                                  : store.models().isEmpty() ? 0
                                                                                             : store.models().last().id;
    std::optional<ModelRecord> model;
    for (const ModelRecord& m : store.models())
        if (m.id == modelId)
            model = m;

    // Each video's track read once (a blob of every frame), not once per clip.
    QHash<qint64, std::optional<ScoreTrack>> tracks;
    auto trackOf = [&](qint64 videoId) -> const std::optional<ScoreTrack>& {
        auto it = tracks.find(videoId);
        if (it == tracks.end())
            it = tracks.insert(videoId, modelId ? store.scores(videoId, modelId) : std::nullopt);
        return *it;
    };
    // What to cut: labels, or the model's detections, with the class asked for.
    QList<Item> items;
    const QList<VideoRecord> videos = store.videos();
    if (selection.source == ClipSelection::Source::Labels) {
        for (const LabelRecord& l : store.allLabels()) {
            if (!selection.className.isEmpty() && l.className.compare(selection.className, Qt::CaseInsensitive) != 0)
                continue;
            QJsonObject record = labelJson(l);
            record[QStringLiteral("id")] = double(l.id);
            items << Item{QStringLiteral("label %1").arg(l.id), l.videoId, l.startFrame, l.endFrame - 1, l.className, record};
        }
    } else {
        DetectionFilter filter;
        filter.modelId = modelId;
        filter.state = selection.state;
        for (const DetectionRecord& d : store.detections(filter)) {
            const std::optional<ScoreTrack>& track = trackOf(d.videoId);
            const QString cls = track ? track->classNames.value(d.effectiveClass()) : QString();
            if (!selection.className.isEmpty() && cls.compare(selection.className, Qt::CaseInsensitive) != 0)
                continue;
            QJsonObject record;
            record[QStringLiteral("id")] = double(d.id);
            record[QStringLiteral("start_frame")] = double(d.startFrame);
            record[QStringLiteral("end_frame")] = double(d.endFrame);
            record[QStringLiteral("peak_frame")] = double(d.peakFrame);
            record[QStringLiteral("peak_score")] = d.peakScore;
            record[QStringLiteral("mean_score")] = d.meanScore;
            record[QStringLiteral("class")] = cls;
            record[QStringLiteral("model_class")] = track ? track->classNames.value(d.topClass) : QString();
            record[QStringLiteral("state")] = d.state == ReviewState::Accepted   ? QStringLiteral("accepted")
                                              : d.state == ReviewState::Rejected ? QStringLiteral("rejected")
                                                                                 : QStringLiteral("unreviewed");
            record[QStringLiteral("note")] = d.note;
            record[QStringLiteral("reviewed_by")] = d.reviewedBy;
            record[QStringLiteral("reviewed_at")] = d.reviewedAt.isValid() ? d.reviewedAt.toString(Qt::ISODateWithMs) : QString();
            items << Item{QStringLiteral("detection %1").arg(d.id), d.videoId, d.startFrame, d.endFrame - 1, cls, record};
        }
    }

    ClipBatch batch;
    batch.index = QDir(options.outDir).filePath(QStringLiteral("clips.csv"));
    batch.manifest = QDir(options.outDir).filePath(QStringLiteral("SHA256SUMS"));
    QByteArray index = "clip,sidecar,video,first_frame,last_frame,start_seconds,end_seconds,class,what,method,sha256\n";
    QByteArray manifest;
    auto listed = [&](const QString& path) {
        manifest += sha256OfFile(path).toLatin1() + "  " + QFileInfo(path).fileName().toUtf8() + '\n';
    };
    int done = 0;
    for (const Item& item : std::as_const(items)) {
        const VideoRecord* video = nullptr;
        for (const VideoRecord& v : videos)
            if (v.id == item.videoId)
                video = &v;
        if (progress && !progress(done, int(items.size()), item.what)) {
            batch.cancelled = true;
            break;
        }
        ++done;
        if (!video || video->missing) {
            batch.failures << QStringLiteral("%1: its video is missing").arg(item.what);
            continue;
        }
        const QString stem = QFileInfo(video->path).completeBaseName();
        const double fps = video->frameRate > 0 ? video->frameRate : 25;
        const qint64 pad = qint64(std::llround(options.padSeconds * fps));
        ClipRequest request;
        request.source = QFile::encodeName(video->path).toStdString();
        request.firstFrame = std::max<qint64>(0, item.first - pad);
        request.lastFrame = item.last + pad;
        if (video->frameCount > 0)
            request.lastFrame = std::min<qint64>(request.lastFrame, video->frameCount - 1);
        request.allowStreamCopy = options.allowStreamCopy;
        const std::optional<ScoreTrack>& overlayTrack = trackOf(video->id);
        if (options.overlay) {
            request.extraHeight = kStripHeight;
            const double threshold = store.detectionSettings().threshold;
            const qint64 first = request.firstFrame, last = request.lastFrame;
            request.draw = [&overlayTrack, first, last, threshold](VideoFrame& frame) {
                drawOverlay(frame, overlayTrack, first, last, threshold);
            };
        }
        const QString base = safe(QStringLiteral("%1_%2-%3_%4").arg(stem).arg(request.firstFrame).arg(request.lastFrame).arg(item.className));
        const QString clipPath = QDir(options.outDir).filePath(base + QStringLiteral(".mp4"));
        const QString sidecarPath = QDir(options.outDir).filePath(base + QStringLiteral(".json"));
        request.target = QFile::encodeName(clipPath).toStdString();
        ClipResult result;
        try {
            result = writeClip(request, [&](int64_t, int64_t) { return !progress || progress(done - 1, int(items.size()), item.what); });
        } catch (const Cancelled&) {
            batch.cancelled = true;
            break;
        } catch (const std::exception& e) {
            batch.failures << QStringLiteral("%1: %2").arg(item.what, QString::fromStdString(e.what()));
            continue;
        }
        // The sidecar: what the clip shows and where it came from.
        QJsonObject sidecar;
        sidecar[QStringLiteral("clip")] = QFileInfo(clipPath).fileName();
        sidecar[QStringLiteral("source_video")] = video->path;
        sidecar[QStringLiteral("source_fingerprint")] = video->fingerprint;
        sidecar[QStringLiteral("source_frames")] = double(video->frameCount);
        sidecar[QStringLiteral("first_frame")] = double(request.firstFrame);
        sidecar[QStringLiteral("last_frame")] = double(request.lastFrame);
        sidecar[QStringLiteral("start_seconds")] = result.startSeconds;
        sidecar[QStringLiteral("end_seconds")] = result.endSeconds;
        sidecar[QStringLiteral("pad_seconds")] = options.padSeconds;
        sidecar[QStringLiteral("method")] = QString::fromStdString(result.method);
        sidecar[QStringLiteral("overlay")] = options.overlay;
        sidecar[QStringLiteral("what")] = item.what;
        sidecar[QStringLiteral("class")] = item.className;
        sidecar[item.what.startsWith(QLatin1String("label")) ? QStringLiteral("label") : QStringLiteral("detection")] = item.record;
        if (model) {
            QJsonObject m;
            m[QStringLiteral("name")] = model->name;
            m[QStringLiteral("checkpoint")] = model->checkpointPath;
            m[QStringLiteral("head_fingerprint")] = model->headFingerprint;
            sidecar[QStringLiteral("model")] = m;
            if (const std::optional<ScoreTrack>& track = trackOf(video->id)) {
                QJsonArray scores, probabilities;
                for (qint64 f = request.firstFrame; f <= request.lastFrame && f < track->frames; ++f) {
                    scores.append(double(track->scores[size_t(f)]));
                    QJsonArray row;
                    for (int c = 0; c < track->classes; ++c)
                        row.append(double(track->classProbs[size_t(f * track->classes + c)]));
                    probabilities.append(row);
                }
                sidecar[QStringLiteral("class_names")] = QJsonArray::fromStringList(track->classNames);
                sidecar[QStringLiteral("scores")] = scores;
                sidecar[QStringLiteral("class_probabilities")] = probabilities;
            }
        }
        try {
            writeFileAtomically(sidecarPath, QJsonDocument(sidecar).toJson(QJsonDocument::Indented));
            const QString hash = sha256OfFile(clipPath);
            listed(clipPath);
            listed(sidecarPath);
            index += QStringList{csvField(QFileInfo(clipPath).fileName()), csvField(QFileInfo(sidecarPath).fileName()),
                                 csvField(video->path), QString::number(request.firstFrame), QString::number(request.lastFrame),
                                 QString::number(result.startSeconds, 'f', 3), QString::number(result.endSeconds, 'f', 3),
                                 csvField(item.className), item.what, csvField(QString::fromStdString(result.method)), hash}
                         .join(QLatin1Char(','))
                         .toUtf8() +
                     '\n';
            batch.clips << ExportedClip{clipPath, sidecarPath, video->path, request.firstFrame, request.lastFrame, result.streamCopied,
                                        QString::fromStdString(result.method)};
        } catch (const std::exception& e) {
            batch.failures << QStringLiteral("%1: %2").arg(item.what, QString::fromStdString(e.what()));
        }
    }
    // What was exported is listed, whatever stopped the batch.
    writeFileAtomically(batch.index, index);
    listed(batch.index);
    writeFileAtomically(batch.manifest, manifest);
    return batch;
}

} // namespace vigil
