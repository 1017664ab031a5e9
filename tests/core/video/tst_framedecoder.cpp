// FrameDecoder on the real sample media and on media the test encodes itself: metadata
// against ffprobe, seeking against sequential decoding, other containers and codecs,
// variable frame rate, rotation, and broken or unreadable files.
#include "SyntheticVideo.h"
#include "model/Error.h"
#include "video/FfmpegHandles.h"
#include "video/FrameDecoder.h"
#include "video/ProxyBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>

using vigil::FrameDecoder;
using vigil::VideoFrame;
using vigil::test::SyntheticSpec;

namespace {

const QString kMediaDir = QStringLiteral(VIGIL_SHARED_DIR "/media/");

size_t hashOf(const VideoFrame& frame)
{
    return qHash(QByteArrayView(reinterpret_cast<const char*>(frame.rgb.data()), qsizetype(frame.rgb.size())));
}

// What ffprobe says of the first video stream, decoding every frame to count them.
std::map<QString, QString> probe(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("ffprobe"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                   QStringLiteral("v:0"), QStringLiteral("-count_frames"), QStringLiteral("-show_entries"),
                   QStringLiteral("stream=nb_read_frames,width,height,avg_frame_rate,duration"),
                   QStringLiteral("-of"), QStringLiteral("default=noprint_wrappers=1"), path});
    std::map<QString, QString> values;
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return values;
    for (const QString& line : QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            values[line.left(equals)] = line.mid(equals + 1).trimmed();
    }
    return values;
}

bool haveFfprobe()
{
    return !QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty();
}

// Keyframe indices in presentation order, read with libavformat independently of the decoder.
std::vector<int64_t> keyframesOf(const std::string& path)
{
    AVFormatContext* raw = nullptr;
    if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0)
        return {};
    vigil::ffmpeg::InputFormatPtr format(raw);
    avformat_find_stream_info(raw, nullptr);
    const int stream = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    vigil::ffmpeg::PacketPtr packet(av_packet_alloc());
    std::vector<std::pair<int64_t, bool>> frames;
    while (av_read_frame(raw, packet.get()) >= 0) {
        if (packet->stream_index == stream && !(packet->flags & AV_PKT_FLAG_DISCARD))
            frames.emplace_back(packet->pts, (packet->flags & AV_PKT_FLAG_KEY) != 0);
        av_packet_unref(packet.get());
    }
    std::sort(frames.begin(), frames.end());
    std::vector<int64_t> keys;
    for (size_t i = 0; i < frames.size(); ++i)
        if (frames[i].second)
            keys.push_back(int64_t(i));
    return keys;
}

struct Decoded {
    std::vector<size_t> hashes;
    std::vector<int> numbers; // painted frame numbers (synthetic media)
    std::vector<int64_t> indices;
    std::vector<double> seconds;
};

Decoded decodeAll(FrameDecoder& decoder)
{
    Decoded decoded;
    VideoFrame frame;
    // Bounded: a decoder that returned frames forever would fail here, not hang.
    for (int64_t n = 0; n <= decoder.info().frameCount + 16 && decoder.read(frame); ++n) {
        decoded.hashes.push_back(hashOf(frame));
        decoded.numbers.push_back(vigil::test::readFrameNumber(frame.rgb, frame.width, frame.height));
        decoded.indices.push_back(frame.index);
        decoded.seconds.push_back(frame.timestampSeconds);
    }
    return decoded;
}

std::vector<uint8_t> rotateClockwise(const VideoFrame& frame, int degrees, int& width, int& height)
{
    const int w = frame.width;
    const int h = frame.height;
    width = degrees % 180 ? h : w;
    height = degrees % 180 ? w : h;
    std::vector<uint8_t> out(frame.rgb.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int ox = x, oy = y;
            if (degrees == 90) {
                ox = h - 1 - y;
                oy = x;
            } else if (degrees == 180) {
                ox = w - 1 - x;
                oy = h - 1 - y;
            } else if (degrees == 270) {
                ox = y;
                oy = w - 1 - x;
            }
            std::copy_n(&frame.rgb[(size_t(y) * w + x) * 3], 3, &out[(size_t(oy) * width + ox) * 3]);
        }
    return out;
}

// The encoder for H.264 rows when libx264 is missing from this FFmpeg build.
QString h264OrMpeg4()
{
    return vigil::test::hasEncoder("libx264") ? QStringLiteral("libx264") : QStringLiteral("mpeg4");
}

} // namespace

class TestFrameDecoder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string tempPath(const QString& name) const { return m_dir.filePath(name).toStdString(); }

    // A file name of its own for each test row.
    std::string rowPath(const QString& extension) const
    {
        QString name = QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('-')
            + QString::fromLatin1(QTest::currentDataTag());
        for (QChar& c : name)
            if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
                c = QLatin1Char('_');
        return tempPath(name + QLatin1Char('.') + extension);
    }

    // Writes a synthetic file; false when this FFmpeg lacks the encoder or cannot write it.
    bool make(const std::string& path, const SyntheticSpec& spec)
    {
        if (!vigil::test::hasEncoder(spec.encoder))
            return false;
        const std::string error = vigil::test::writeSyntheticVideo(path, spec);
        if (!error.empty())
            qWarning("%s", error.c_str());
        return error.empty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // VIGIL_KEEP_MEDIA=1 keeps the generated files for a look with ffprobe.
        m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("VIGIL_KEEP_MEDIA"));
        // Broken files make FFmpeg log hundreds of lines; the statuses are what is checked.
        av_log_set_level(qEnvironmentVariableIsEmpty("VIGIL_FFMPEG_LOG") ? AV_LOG_QUIET : AV_LOG_WARNING);
    }

    void metadataMatchesFfprobe_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(kMediaDir).entryList({QStringLiteral("*.mp4")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void metadataMatchesFfprobe()
    {
        QFETCH(QString, file);
        if (!haveFfprobe())
            QSKIP("ffprobe is not installed");
        const QString path = kMediaDir + file;
        FrameDecoder decoder(path.toStdString());
        const vigil::VideoInfo& info = decoder.info();
        auto expected = probe(path);
        QVERIFY(!expected.empty());
        QCOMPARE(info.frameCount, expected[QStringLiteral("nb_read_frames")].toLongLong());
        QCOMPARE(info.width, expected[QStringLiteral("width")].toInt());
        QCOMPARE(info.height, expected[QStringLiteral("height")].toInt());
        const QStringList rate = expected[QStringLiteral("avg_frame_rate")].split(QLatin1Char('/'));
        const double fps = rate.value(0).toDouble() / rate.value(1).toDouble();
        QVERIFY2(std::abs(info.frameRate - fps) < 1e-3 * fps, qPrintable(QString::number(info.frameRate)));
        QVERIFY2(std::abs(info.durationSeconds - expected[QStringLiteral("duration")].toDouble()) < 0.5 / fps,
                 qPrintable(QString::number(info.durationSeconds)));
        QCOMPARE(info.codec, std::string("h264"));
        QVERIFY(info.container.find("mp4") != std::string::npos);
        QCOMPARE(info.rotationDegrees, 0);
        QVERIFY(!info.variableFrameRate);
        QCOMPARE(info.fileSizeBytes, QFileInfo(path).size());

        const std::vector<double>& times = decoder.timestamps();
        QCOMPARE(int64_t(times.size()), info.frameCount);
        QCOMPARE(times.front(), 0.0);
        for (int64_t i = 0; i < info.frameCount; ++i) {
            if (i > 0)
                QVERIFY(times[size_t(i)] > times[size_t(i) - 1]);
            QCOMPARE(decoder.frameAt(decoder.timestampOf(i)), i);
        }
        QVERIFY(decoder.status().message.empty());
    }

    void seekMatchesSequentialDecode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("cctv 243 frames, one keyframe") << QStringLiteral("cctv_roadaccident.mp4");
        QTest::newRow("cctv 1105 frames, keyframe every 250") << QStringLiteral("cctv_fighting.mp4");
        QTest::newRow("1200x800 243 frames") << QStringLiteral("RoadAccidents017_x264.mp4");
    }

    void seekMatchesSequentialDecode()
    {
        QFETCH(QString, file);
        const std::string path = (kMediaDir + file).toStdString();
        FrameDecoder decoder(path);
        const int64_t count = decoder.info().frameCount;
        const Decoded sequential = decodeAll(decoder);
        QCOMPARE(int64_t(sequential.hashes.size()), count);
        for (int64_t i = 0; i < count; ++i)
            QCOMPARE(sequential.indices[size_t(i)], i);
        QVERIFY(!decoder.status().damaged);
        QVERIFY(!decoder.status().stoppedEarly);
        QCOMPARE(decoder.status().framesDecoded, count);

        const std::vector<int64_t> keys = keyframesOf(path);
        QVERIFY(!keys.empty());
        const int64_t key = keys.size() > 1 ? keys[1] : count / 2;
        std::vector<int64_t> targets = {count - 1, 0, 1, key, key - 1, key + 1, count - 2, key + 1};
        QRandomGenerator random(1234);
        for (int i = 0; i < 3; ++i)
            targets.push_back(int64_t(random.bounded(quint64(count))));
        VideoFrame frame;
        for (const int64_t target : targets) {
            decoder.seek(target);
            QVERIFY2(decoder.read(frame), qPrintable(QStringLiteral("frame %1").arg(target)));
            QCOMPARE(frame.index, target);
            QCOMPARE(frame.timestampSeconds, decoder.timestampOf(target));
            QVERIFY2(hashOf(frame) == sequential.hashes[size_t(target)],
                     qPrintable(QStringLiteral("pixels of frame %1 differ from the sequential decode").arg(target)));
            // Reading on after a seek continues the sequence.
            if (target + 1 < count) {
                QVERIFY(decoder.read(frame));
                QCOMPARE(frame.index, target + 1);
                QVERIFY(hashOf(frame) == sequential.hashes[size_t(target) + 1]);
            }
        }
        QVERIFY_THROWS_EXCEPTION(vigil::Error, decoder.seek(count));
        QVERIFY_THROWS_EXCEPTION(vigil::Error, decoder.seek(-1));
    }

    void threadCountDoesNotChangePixels()
    {
        const std::string path = (kMediaDir + QStringLiteral("cctv_roadaccident.mp4")).toStdString();
        FrameDecoder automatic(path);
        FrameDecoder single(path, FrameDecoder::Options{true, 1});
        const Decoded a = decodeAll(automatic);
        const Decoded b = decodeAll(single);
        QCOMPARE(a.hashes.size(), size_t(automatic.info().frameCount));
        QVERIFY(a.hashes == b.hashes);
    }

    void decodesContainersAndCodecs_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<QString>("pixelFormat");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("bFrames");
        QTest::addColumn<QString>("codec");
        const QString mkv = QStringLiteral("matroska");
        const QString h264 = QStringLiteral("libx264");
        const QString yuv420 = QStringLiteral("yuv420p");
        QTest::newRow("MKV MPEG-4") << mkv << "mpeg4" << yuv420 << "mkv" << 160 << 120 << 0 << "mpeg4";
        QTest::newRow("MKV MPEG-4 B-frames") << mkv << "mpeg4" << yuv420 << "mkv" << 160 << 120 << 2 << "mpeg4";
        QTest::newRow("AVI MJPEG odd size") << "avi" << "mjpeg" << "yuvj420p" << "avi" << 161 << 121 << 0 << "mjpeg";
        QTest::newRow("MKV MJPEG 4:2:2") << mkv << "mjpeg" << "yuvj422p" << "mkv" << 160 << 120 << 0 << "mjpeg";
        QTest::newRow("MP4 H.264 B-frames") << "mp4" << h264 << yuv420 << "mp4" << 160 << 120 << 3 << "h264";
        QTest::newRow("MOV H.264 4:2:2") << "mov" << h264 << "yuv422p" << "mov" << 160 << 120 << 3 << "h264";
        QTest::newRow("MKV H.264 4:4:4 odd size") << mkv << h264 << "yuv444p" << "mkv" << 163 << 101 << 3 << "h264";
        QTest::newRow("TS H.264") << "mpegts" << h264 << yuv420 << "ts" << 160 << 120 << 3 << "h264";
        QTest::newRow("MP4 HEVC") << "mp4" << "libx265" << yuv420 << "mp4" << 160 << 120 << 3 << "hevc";
        QTest::newRow("MKV HEVC") << mkv << "libx265" << yuv420 << "mkv" << 160 << 120 << 3 << "hevc";
    }

    void decodesContainersAndCodecs()
    {
        QFETCH(QString, container);
        QFETCH(QString, encoder);
        QFETCH(QString, pixelFormat);
        QFETCH(QString, extension);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, bFrames);
        QFETCH(QString, codec);
        SyntheticSpec spec;
        spec.container = container.toStdString();
        spec.encoder = encoder.toStdString();
        spec.pixelFormat = pixelFormat.toStdString();
        spec.width = width;
        spec.height = height;
        spec.frames = 40;
        spec.maxBFrames = bFrames;
        const std::string path = rowPath(extension);
        if (!make(path, spec))
            QSKIP("this FFmpeg cannot write the file");

        FrameDecoder decoder(path);
        const vigil::VideoInfo& info = decoder.info();
        QCOMPARE(info.codec, codec.toStdString());
        QCOMPARE(info.frameCount, int64_t(spec.frames));
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QVERIFY2(std::abs(info.frameRate - 30) < 0.05, qPrintable(QString::number(info.frameRate)));
        QVERIFY(!info.variableFrameRate);
        for (int i = 0; i < spec.frames; ++i)
            QVERIFY2(std::abs(decoder.timestampOf(i) - i / 30.0) < 1e-3, qPrintable(QString::number(i)));
        if (haveFfprobe())
            QCOMPARE(info.frameCount,
                     probe(QString::fromStdString(path))[QStringLiteral("nb_read_frames")].toLongLong());

        const Decoded sequential = decodeAll(decoder);
        QCOMPARE(int(sequential.numbers.size()), spec.frames);
        for (int i = 0; i < spec.frames; ++i) {
            QCOMPARE(sequential.indices[size_t(i)], int64_t(i));
            QCOMPARE(sequential.numbers[size_t(i)], i);
        }
        QVERIFY2(decoder.status().message.empty(), decoder.status().message.c_str());
        QVERIFY(!decoder.status().damaged);

        VideoFrame frame;
        // Around the keyframes at 0, 12, 24 and 36 (gopSize 12), backward and forward.
        for (const int64_t target : std::vector<int64_t>{25, 0, 12, 11, 13, 39, 24}) {
            decoder.seek(target);
            QVERIFY(decoder.read(frame));
            QCOMPARE(frame.index, target);
            QCOMPARE(vigil::test::readFrameNumber(frame.rgb, frame.width, frame.height), int(target));
            QVERIFY(hashOf(frame) == sequential.hashes[size_t(target)]);
        }
    }

    void variableFrameRateTimestampsAreExact_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<int>("bFrames");
        QTest::newRow("MKV H.264 B-frames") << "matroska" << h264OrMpeg4() << 3;
        QTest::newRow("MP4 H.264 B-frames, edit list") << "mp4" << h264OrMpeg4() << 3;
        QTest::newRow("MKV MPEG-4") << "matroska" << "mpeg4" << 0;
    }

    void variableFrameRateTimestampsAreExact()
    {
        QFETCH(QString, container);
        QFETCH(QString, encoder);
        QFETCH(int, bFrames);
        SyntheticSpec spec;
        spec.container = container.toStdString();
        spec.encoder = encoder.toStdString();
        spec.maxBFrames = bFrames;
        spec.frames = 36;
        spec.timeBaseDen = 1000;
        // Gaps of 1, 2 and 3 frame durations of 40 ms, in milliseconds.
        for (int i = 0, ms = 0; i < spec.frames; ++i, ms += 40 * (1 + i % 3))
            spec.pts.push_back(ms);
        const std::string path = rowPath(container == QStringLiteral("mp4") ? QStringLiteral("mp4")
                                                                             : QStringLiteral("mkv"));
        if (!make(path, spec))
            QSKIP("this FFmpeg cannot write the file");

        FrameDecoder decoder(path);
        QVERIFY(decoder.info().variableFrameRate);
        QCOMPARE(decoder.info().frameCount, int64_t(spec.frames));
        const std::vector<double>& times = decoder.timestamps();
        for (int i = 0; i < spec.frames; ++i) {
            const double expected = double(spec.pts[size_t(i)]) / 1000.0;
            QVERIFY2(times[size_t(i)] == expected,
                     qPrintable(QStringLiteral("frame %1: %2 s, wrote %3 s")
                                    .arg(i)
                                    .arg(times[size_t(i)], 0, 'g', 17)
                                    .arg(expected)));
            QCOMPARE(decoder.frameAt(expected), int64_t(i));
            QCOMPARE(decoder.frameAt(expected + 0.039), int64_t(i)); // before the next frame
        }
        QCOMPARE(decoder.frameAt(-1.0), int64_t(0));
        QCOMPARE(decoder.frameAt(1e9), int64_t(spec.frames - 1));
        QVERIFY(decoder.info().durationSeconds >= times.back());

        const Decoded sequential = decodeAll(decoder);
        QCOMPARE(int(sequential.numbers.size()), spec.frames);
        for (int i = 0; i < spec.frames; ++i)
            QCOMPARE(sequential.numbers[size_t(i)], i);
        VideoFrame frame;
        for (const int64_t target : std::vector<int64_t>{30, 7, 35}) {
            decoder.seek(target);
            QVERIFY(decoder.read(frame));
            QCOMPARE(vigil::test::readFrameNumber(frame.rgb, frame.width, frame.height), int(target));
            QCOMPARE(frame.timestampSeconds, times[size_t(target)]);
        }
    }

    void editListTrimmedStartIsNotAFrame_data()
    {
        QTest::addColumn<int>("bFrames");
        QTest::newRow("no B-frames") << 0;
        QTest::newRow("B-frames") << 3;
    }

    // Frames with negative timestamps go before the MP4 edit list's start: the demuxer
    // flags their packets to be decoded (later frames refer to them) but not shown.
    void editListTrimmedStartIsNotAFrame()
    {
        QFETCH(int, bFrames);
        const int trimmed = 5;
        SyntheticSpec spec;
        spec.container = "mp4";
        spec.encoder = h264OrMpeg4().toStdString();
        spec.maxBFrames = bFrames;
        spec.frames = 40;
        spec.gopSize = 20;
        for (int i = 0; i < spec.frames; ++i)
            spec.pts.push_back(i - trimmed);
        const std::string path = rowPath(QStringLiteral("mp4"));
        QVERIFY(make(path, spec));

        FrameDecoder decoder(path);
        const int64_t shown = spec.frames - trimmed;
        QCOMPARE(decoder.info().frameCount, shown);
        if (haveFfprobe())
            QCOMPARE(decoder.info().frameCount,
                     probe(QString::fromStdString(path))[QStringLiteral("nb_read_frames")].toLongLong());
        QCOMPARE(decoder.timestampOf(0), 0.0);
        QVERIFY(std::abs(decoder.timestampOf(shown - 1) - (shown - 1) / 30.0) < 1e-3);
        const Decoded sequential = decodeAll(decoder);
        QCOMPARE(int64_t(sequential.numbers.size()), shown);
        for (int64_t i = 0; i < shown; ++i)
            QCOMPARE(sequential.numbers[size_t(i)], int(i) + trimmed);
        QVERIFY2(!decoder.status().damaged, decoder.status().message.c_str());
        VideoFrame frame;
        for (const int64_t target : std::vector<int64_t>{30, 0, 14, 15, 16, 1}) {
            decoder.seek(target);
            QVERIFY(decoder.read(frame));
            QCOMPARE(frame.index, target);
            QVERIFY(hashOf(frame) == sequential.hashes[size_t(target)]);
        }
    }

    void rotationSwapsSizeAndTurnsPixels_data()
    {
        QTest::addColumn<int>("degrees");
        QTest::newRow("90") << 90;
        QTest::newRow("180") << 180;
        QTest::newRow("270") << 270;
    }

    void rotationSwapsSizeAndTurnsPixels()
    {
        QFETCH(int, degrees);
        SyntheticSpec spec;
        spec.container = "mp4";
        spec.encoder = h264OrMpeg4().toStdString();
        spec.frames = 5;
        spec.rotationDegrees = degrees;
        const std::string path = rowPath(QStringLiteral("mp4"));
        QVERIFY(make(path, spec));

        if (haveFfprobe()) {
            // FFmpeg's convention, as ffprobe prints it: the counter-clockwise angle.
            QProcess process;
            process.start(QStringLiteral("ffprobe"),
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                           QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                           QStringLiteral("stream_side_data=rotation"), QStringLiteral("-of"),
                           QStringLiteral("csv=p=0"), QString::fromStdString(path)});
            QVERIFY(process.waitForFinished(30000));
            const int counterClockwise = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toInt();
            QCOMPARE(((-counterClockwise) % 360 + 360) % 360, degrees);
        }
        FrameDecoder rotated(path);
        FrameDecoder unrotated(path, FrameDecoder::Options{false, 0});
        QCOMPARE(rotated.info().rotationDegrees, degrees);
        QCOMPARE(unrotated.info().rotationDegrees, degrees);
        QCOMPARE(rotated.info().codedWidth, spec.width);
        QCOMPARE(rotated.info().codedHeight, spec.height);
        const bool swapped = degrees != 180;
        QCOMPARE(rotated.info().width, swapped ? spec.height : spec.width);
        QCOMPARE(rotated.info().height, swapped ? spec.width : spec.height);
        QCOMPARE(unrotated.info().width, spec.width);

        VideoFrame turned, plain;
        QVERIFY(rotated.read(turned));
        QVERIFY(unrotated.read(plain));
        QCOMPARE(plain.width, spec.width);
        QCOMPARE(turned.width, rotated.info().width);
        QCOMPARE(turned.height, rotated.info().height);
        QCOMPARE(vigil::test::readFrameNumber(plain.rgb, plain.width, plain.height), 0);
        int width = 0, height = 0;
        QVERIFY(rotateClockwise(plain, degrees, width, height) == turned.rgb);

        // The red marker, centred at (16, 32) in the stored picture, turns with the frame.
        const int w = spec.width, h = spec.height, x = 16, y = 32;
        const int tx = degrees == 90 ? h - 1 - y : degrees == 180 ? w - 1 - x : y;
        const int ty = degrees == 90 ? x : degrees == 180 ? h - 1 - y : w - 1 - x;
        const uint8_t* pixel = &turned.rgb[(size_t(ty) * turned.width + tx) * 3];
        QVERIFY2(pixel[0] > 150 && pixel[1] < 100 && pixel[2] < 100,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
    }

    void truncatedFileStopsWithReport_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<bool>("fastStart");
        QTest::addColumn<bool>("detectable");
        QTest::newRow("MKV") << "matroska" << "mkv" << false << true;
        QTest::newRow("MP4 moov first") << "mp4" << "mp4" << true << true;
        // A TS cut inside a 188-byte packet says so; one cut at a packet boundary is a
        // valid shorter stream, nothing in it says frames are missing.
        QTest::newRow("TS cut inside a packet") << "mpegts" << "ts" << false << true;
        QTest::newRow("TS cut at a packet boundary") << "mpegts" << "ts" << false << false;
    }

    void truncatedFileStopsWithReport()
    {
        QFETCH(QString, container);
        QFETCH(QString, extension);
        QFETCH(bool, fastStart);
        QFETCH(bool, detectable);
        SyntheticSpec spec;
        spec.container = container.toStdString();
        spec.encoder = h264OrMpeg4().toStdString();
        spec.maxBFrames = 3;
        spec.frames = 90;
        spec.fastStart = fastStart;
        const std::string path = rowPath(extension);
        QVERIFY(make(path, spec));
        QFile file(QString::fromStdString(path));
        qint64 size = file.size() * 6 / 10;
        if (container == QLatin1String("mpegts"))
            size = size / 188 * 188 + (detectable ? 100 : 0);
        QVERIFY(file.resize(size));

        FrameDecoder decoder(path);
        const Decoded decoded = decodeAll(decoder);
        const vigil::DecodeStatus& status = decoder.status();
        QVERIFY(status.framesDecoded > 0);
        QVERIFY2(status.framesDecoded < spec.frames, qPrintable(QString::number(status.framesDecoded)));
        // Frames cut off behind later B-frames leave gaps: each frame keeps its own time.
        for (size_t i = 0; i < decoded.numbers.size(); ++i)
            QCOMPARE(int(std::lround(decoded.seconds[i] * 30)), decoded.numbers[i]);
        if (!detectable)
            return;
        QVERIFY2(status.stoppedEarly, status.message.c_str());
        QVERIFY(status.damaged);
        QVERIFY(status.message.find(path) != std::string::npos);
        qInfo("%s", status.message.c_str());
    }

    void corruptMiddleIsSkippedAndReported_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<QString>("extension");
        QTest::newRow("MKV H.264") << "matroska" << h264OrMpeg4() << "mkv";
        QTest::newRow("MP4 H.264") << "mp4" << h264OrMpeg4() << "mp4";
        QTest::newRow("TS H.264") << "mpegts" << h264OrMpeg4() << "ts";
        QTest::newRow("AVI MJPEG") << "avi" << "mjpeg" << "avi";
    }

    void corruptMiddleIsSkippedAndReported()
    {
        QFETCH(QString, container);
        QFETCH(QString, encoder);
        QFETCH(QString, extension);
        SyntheticSpec spec;
        spec.container = container.toStdString();
        spec.encoder = encoder.toStdString();
        spec.pixelFormat = encoder == QStringLiteral("mjpeg") ? "yuvj420p" : "yuv420p";
        spec.maxBFrames = encoder == QStringLiteral("mjpeg") ? 0 : 3;
        spec.frames = 90;
        const std::string path = rowPath(extension);
        QVERIFY(make(path, spec));
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QByteArray garbage(int(size / 20), Qt::Uninitialized);
        QRandomGenerator random(42);
        for (char& byte : garbage)
            byte = char(random.bounded(256));
        QVERIFY(file.seek(size * 45 / 100));
        QCOMPARE(file.write(garbage), qint64(garbage.size()));
        file.close();

        FrameDecoder decoder(path);
        const Decoded decoded = decodeAll(decoder);
        const vigil::DecodeStatus& status = decoder.status();
        QVERIFY(!decoded.indices.empty());
        // The damage is skipped: frames after it are decoded to the end.
        QVERIFY2(decoded.indices.back() >= decoder.info().frameCount - 1 - spec.gopSize,
                 qPrintable(QString::number(decoded.indices.back())));
        QVERIFY(decoded.numbers.back() > spec.frames / 2);
        QVERIFY2(status.damaged || status.corruptPackets > 0, status.message.c_str());
        QVERIFY(status.message.find(path) != std::string::npos);
        qInfo("%s", status.message.c_str());
    }

    void unreadableFileThrowsNamingIt_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("text renamed .mp4") << "text";
        QTest::newRow("audio only") << "audio";
        QTest::newRow("empty") << "empty";
        QTest::newRow("missing") << "missing";
        QTest::newRow("folder") << "folder";
    }

    void unreadableFileThrowsNamingIt()
    {
        QFETCH(QString, kind);
        std::string path = rowPath(QStringLiteral("mp4"));
        if (kind == QStringLiteral("text")) {
            QFile file(QString::fromStdString(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200; ++i)
                file.write("This is a text file, not a video. Line " + QByteArray::number(i) + ".\n");
        } else if (kind == QStringLiteral("audio")) {
            path = rowPath(QStringLiteral("m4a"));
            const std::string error = vigil::test::writeAudioOnly(path);
            QVERIFY2(error.empty(), error.c_str());
        } else if (kind == QStringLiteral("empty")) {
            QFile file(QString::fromStdString(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else if (kind == QStringLiteral("folder")) {
            QVERIFY(QDir().mkpath(QString::fromStdString(path)));
        }
        try {
            FrameDecoder decoder(path);
            QFAIL("no exception");
        } catch (const vigil::Error& error) {
            const std::string message = error.what();
            QVERIFY2(message.find(path) != std::string::npos, message.c_str());
            qInfo("%s", message.c_str());
        }
    }

    // The seek proxy: one intra picture per source frame, in order, each standing for its
    // source frame (the painted frame numbers read back), smaller when asked, cancellable.
    void proxyHasOnePictureOfEachFrame()
    {
        SyntheticSpec spec = vigil::test::longGopH264(150, 100);
        spec.maxBFrames = 2;
        const std::string source = tempPath(QStringLiteral("proxy-source.mp4"));
        if (!make(source, spec))
            QSKIP("no libx264 encoder in this FFmpeg");
        {
            FrameDecoder decoder(source);
            QCOMPARE(decoder.longestKeyframeGap(), int64_t(100));
            QCOMPARE(decoder.keyframeBefore(99), int64_t(0));
            QCOMPARE(decoder.keyframeBefore(120), int64_t(100));
        }
        const std::string proxy = tempPath(QStringLiteral("proxy.mkv"));
        int64_t lastDone = 0;
        QVERIFY(vigil::buildProxy(source, proxy, {}, [&](int64_t done, int64_t total) {
            lastDone = done;
            return total == 150;
        }));
        QCOMPARE(lastDone, int64_t(150));
        FrameDecoder decoder(proxy);
        QCOMPARE(decoder.info().codec, std::string("mjpeg"));
        QCOMPARE(decoder.info().frameCount, int64_t(150));
        QCOMPARE(decoder.info().width, 320);
        QCOMPARE(decoder.longestKeyframeGap(), int64_t(1)); // every picture decodes on its own
        VideoFrame frame;
        for (int64_t i = 0; i < 150; ++i) {
            QVERIFY(decoder.read(frame));
            QCOMPARE(vigil::proxySourceIndex(frame.timestampSeconds), i);
            QCOMPARE(vigil::test::readFrameNumber(frame.rgb, frame.width, frame.height), int(i));
        }
        decoder.seek(137);
        QVERIFY(decoder.read(frame));
        QCOMPARE(vigil::test::readFrameNumber(frame.rgb, frame.width, frame.height), 137);

        // Smaller: the aspect ratio kept, even sizes.
        vigil::ProxyOptions small;
        small.maxWidth = 161;
        const std::string smallProxy = tempPath(QStringLiteral("proxy-small.mkv"));
        QVERIFY(vigil::buildProxy(source, smallProxy, small));
        QCOMPARE(FrameDecoder(smallProxy).info().width, 160);
        QCOMPARE(FrameDecoder(smallProxy).info().height, 120);

        // Cancelled: nothing left behind.
        const std::string cancelled = tempPath(QStringLiteral("proxy-cancelled.mkv"));
        QVERIFY(!vigil::buildProxy(source, cancelled, {}, [](int64_t done, int64_t) { return done < 10; }));
        QVERIFY(!QFile::exists(QString::fromStdString(cancelled)));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.partial")}).isEmpty());
        // A source that is not a video: an error naming it.
        try {
            vigil::buildProxy(tempPath(QStringLiteral("nothing.mp4")), cancelled, {});
            QFAIL("no exception");
        } catch (const vigil::Error& e) {
            QVERIFY2(std::string(e.what()).find("nothing.mp4") != std::string::npos, e.what());
        }
    }
};


QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
