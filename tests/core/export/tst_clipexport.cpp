// Evidence export from a real project file and a real video: clips decoded again (frame
// count, frames), sidecars holding the label and the track's per-frame scores, the CSV
// index, a SHA-256 manifest that checks out, padding, and a cancel that leaves only
// complete, listed files.
#include "export/ClipExport.h"
#include "project/ProjectStore.h"
#include "video/FrameDecoder.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace vigil;

namespace {

const QString kVideo = QStringLiteral(VIGIL_SHARED_DIR) + QStringLiteral("/media/Fighting033_x264.mp4");

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TestClipExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> m_store;
    qint64 m_video = 0, m_model = 0;
    int64_t m_key = 0, m_nextKey = 0, m_frames = 0;
    double m_fps = 0;

private slots:
    void initTestCase()
    {
        FrameDecoder decoder(kVideo.toStdString());
        m_frames = decoder.info().frameCount;
        m_fps = decoder.info().frameRate;
        for (int64_t f = 1; f < m_frames && !m_nextKey; ++f)
            if (decoder.keyframeBefore(f) == f)
                (m_key ? m_nextKey : m_key) = f;
        QVERIFY(m_key > 0 && m_nextKey > m_key);
        m_store = ProjectStore::open(m_dir.filePath(QStringLiteral("p.vigil")), ProjectStore::OpenMode::CreateIfMissing);
        m_store->setAuthor(QStringLiteral("ana"));
        VideoRecord v;
        v.path = kVideo;
        v.fingerprint = QStringLiteral("fp-fighting");
        v.frameCount = m_frames;
        v.frameRate = m_fps;
        m_video = m_store->addVideos({v}).first();
        ModelRecord m;
        m.name = QStringLiteral("ucf");
        m.checkpointPath = QStringLiteral("/m/last.ckpt");
        m.labels = QStringLiteral("ucf");
        m_model = m_store->ensureModel(m);
        ScoreTrack track;
        track.videoId = m_video;
        track.modelId = m_model;
        track.frames = m_frames;
        track.classes = 2;
        track.normalId = 1;
        track.classNames = {QStringLiteral("Fighting"), QStringLiteral("Normal")};
        for (int64_t f = 0; f < m_frames; ++f) {
            const float s = float(f % 100) / 100.0f;
            track.scores.push_back(s);
            track.classProbs.insert(track.classProbs.end(), {s, 1 - s});
        }
        m_store->saveScores(track);
        LabelRecord onKeys;
        onKeys.videoId = m_video;
        onKeys.startFrame = m_key;
        onKeys.endFrame = m_nextKey; // the frames up to the next keyframe: a stream copy
        onKeys.className = QStringLiteral("Fighting");
        onKeys.note = QStringLiteral("two men, by the door");
        m_store->addLabel(onKeys);
        LabelRecord between = onKeys;
        between.startFrame = m_key + 3;
        between.endFrame = m_key + 40;
        between.className = QStringLiteral("Assault");
        m_store->addLabel(between);
    }

    void labelsBecomeCheckedEvidence()
    {
        const QString out = m_dir.filePath(QStringLiteral("evidence"));
        ClipExportOptions options;
        options.outDir = out;
        const ClipBatch batch = exportClips(*m_store, {}, options);
        QVERIFY2(batch.failures.isEmpty(), qPrintable(batch.failures.join('\n')));
        QCOMPARE(batch.clips.size(), 2);
        QVERIFY(batch.clips[0].streamCopied);
        QVERIFY(!batch.clips[1].streamCopied);
        for (const ExportedClip& c : batch.clips) {
            FrameDecoder clip(c.clip.toStdString());
            QCOMPARE(clip.info().frameCount, c.lastFrame - c.firstFrame + 1);
            const QJsonObject sidecar = readJson(c.sidecar);
            QCOMPARE(sidecar.value(QStringLiteral("source_video")).toString(), QDir::cleanPath(kVideo));
            QCOMPARE(sidecar.value(QStringLiteral("source_fingerprint")).toString(), QStringLiteral("fp-fighting"));
            QCOMPARE(qint64(sidecar.value(QStringLiteral("first_frame")).toDouble()), c.firstFrame);
            QCOMPARE(sidecar.value(QStringLiteral("label")).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("ana"));
            QCOMPARE(sidecar.value(QStringLiteral("model")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ucf"));
            const QJsonArray scores = sidecar.value(QStringLiteral("scores")).toArray();
            QCOMPARE(scores.size(), c.lastFrame - c.firstFrame + 1);
            QCOMPARE(float(scores.first().toDouble()), float(c.firstFrame % 100) / 100.0f); // the track's own values
            QCOMPARE(sidecar.value(QStringLiteral("class_probabilities")).toArray().first().toArray().size(), 2);
        }
        QCOMPARE(readJson(batch.clips[0].sidecar).value(QStringLiteral("label")).toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("two men, by the door"));
        // The index lists both; the manifest's hashes are the files'.
        QFile index(batch.index);
        QVERIFY(index.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(index.readAll()).trimmed().split('\n').size(), 3);
        QFile manifest(batch.manifest);
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(manifest.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 5); // two clips, two sidecars, the index
        for (const QString& line : lines) {
            const QString hash = line.section(QStringLiteral("  "), 0, 0), name = line.section(QStringLiteral("  "), 1);
            QCOMPARE(sha256OfFile(QDir(out).filePath(name)), hash);
        }
    }

    void paddingAndDetectionsToo()
    {
        ClipExportOptions options;
        options.outDir = m_dir.filePath(QStringLiteral("padded"));
        options.padSeconds = 1;
        ClipSelection selection;
        selection.className = QStringLiteral("assault");
        const ClipBatch batch = exportClips(*m_store, selection, options);
        QCOMPARE(batch.clips.size(), 1);
        const qint64 pad = qint64(std::llround(m_fps));
        QCOMPARE(batch.clips[0].firstFrame, m_key + 3 - pad);
        QCOMPARE(batch.clips[0].lastFrame, m_key + 39 + pad);
        QCOMPARE(FrameDecoder(batch.clips[0].clip.toStdString()).info().frameCount, 37 + 2 * pad);
    }

    void anOverlayIsBurnedIn()
    {
        ClipExportOptions options;
        options.outDir = m_dir.filePath(QStringLiteral("overlay"));
        options.overlay = true;
        ClipSelection selection;
        selection.className = QStringLiteral("Fighting"); // the clip that would be a stream copy
        const ClipBatch batch = exportClips(*m_store, selection, options);
        QCOMPARE(batch.clips.size(), 1);
        QVERIFY(!batch.clips[0].streamCopied); // painted frames are encoded
        FrameDecoder source(kVideo.toStdString());
        FrameDecoder clip(batch.clips[0].clip.toStdString());
        QCOMPARE(clip.info().frameCount, m_nextKey - m_key);
        QCOMPARE(clip.info().height, (source.info().height + 48) / 2 * 2);
        VideoFrame a, b;
        clip.seek(10);
        source.seek(m_key + 10);
        QVERIFY(clip.read(a) && source.read(b));
        if (const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !dir.isEmpty()) // for looking at it
            QVERIFY(QImage(a.rgb.data(), a.width, a.height, a.width * 3, QImage::Format_RGB888).save(dir + QStringLiteral("/clip-overlay.png")));
        // Mean absolute difference over a block of rows and columns.
        auto region = [&](int top, int bottom, int left, int right, bool againstSource) {
            double sum = 0;
            int n = 0;
            for (int y = top; y < bottom; ++y)
                for (int x = left; x < right; ++x)
                    for (int c = 0; c < 3; ++c) {
                        const int mine = a.rgb[size_t((y * a.width + x) * 3 + c)];
                        sum += againstSource ? std::abs(mine - int(b.rgb[size_t((y * b.width + x) * 3 + c)])) : mine;
                        ++n;
                    }
            return sum / n;
        };
        const int h = source.info().height, w = source.info().width;
        const double picture = region(h / 2, h - 4, w / 4, 3 * w / 4, true);   // untouched: codec error only
        const double caption = region(10, 10 + h / 30, 12, w / 3, true);       // the caption box
        const double strip = region(h + 2, h + 46, 0, w, false);              // mostly the strip's dark ground
        qInfo("mean absolute difference: picture %.2f, caption %.2f; strip brightness %.1f", picture, caption, strip);
        QVERIFY(picture < 4);
        QVERIFY(caption > 4 * picture && caption > 15);
        QVERIFY(strip < 60);
        QVERIFY(readJson(batch.clips[0].sidecar).value(QStringLiteral("overlay")).toBool());
    }

    void aFullDiskIsReportedAndWhatWasExportedIsListed()
    {
        // A real full disk: a tmpfs with room for the first clip and the lists, not the
        // second. Mounting needs root (and the right to mount).
        if (::geteuid() != 0)
            QSKIP("mounting a small file system needs root");
        ClipExportOptions probe;
        probe.outDir = m_dir.filePath(QStringLiteral("sizes"));
        const ClipBatch sizes = exportClips(*m_store, {}, probe);
        QCOMPARE(sizes.clips.size(), 2);
        const qint64 room = QFileInfo(sizes.clips[0].clip).size() + QFileInfo(sizes.clips[0].sidecar).size() + 96 * 1024;
        QTemporaryDir mountPoint;
        if (QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                        QStringLiteral("size=%1").arg(room), QStringLiteral("tmpfs"),
                                                        mountPoint.path()}) != 0)
            QSKIP("cannot mount a tmpfs here (no right to mount)");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mountPoint.path()}); });
        ClipExportOptions options;
        options.outDir = mountPoint.path();
        const ClipBatch batch = exportClips(*m_store, {}, options);
        QCOMPARE(batch.clips.size(), 1);
        QCOMPARE(batch.failures.size(), 1);
        QVERIFY2(batch.failures.first().contains(QLatin1String("disk is full")) ||
                     batch.failures.first().contains(QLatin1String("No space left")),
                 qPrintable(batch.failures.first()));
        // What was exported is listed and checks out; nothing half-written is left.
        QFile manifest(batch.manifest);
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(manifest.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // the clip, its sidecar, the index
        for (const QString& line : lines)
            QCOMPARE(sha256OfFile(QDir(mountPoint.path()).filePath(line.section(QStringLiteral("  "), 1))),
                     line.section(QStringLiteral("  "), 0, 0));
        QStringList files = QDir(mountPoint.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 4); // those three and SHA256SUMS
    }

    void aCancelLeavesOnlyCompleteListedFiles()
    {
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        ClipExportOptions options;
        options.outDir = out;
        int calls = 0, second = -1;
        const ClipBatch batch = exportClips(*m_store, {}, options, [&](int done, int, const QString&) {
            ++calls;
            if (done < 1)
                return true; // the first clip, whole
            if (second < 0)
                second = calls;
            return calls < second + 6; // stopped a few frames into the second
        });
        QVERIFY(batch.cancelled);
        QCOMPARE(batch.clips.size(), 1);
        QStringList files = QDir(out).entryList(QDir::Files);
        files.sort();
        QStringList expected{QFileInfo(batch.clips[0].clip).fileName(), QFileInfo(batch.clips[0].sidecar).fileName(),
                             QStringLiteral("SHA256SUMS"), QStringLiteral("clips.csv")};
        expected.sort();
        QCOMPARE(files, expected); // no partial clip
    }
};

QTEST_MAIN(TestClipExport) // Qt Gui: the overlay paints text
#include "tst_clipexport.moc"
