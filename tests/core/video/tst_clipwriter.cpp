// Clips cut from the real sample media and decoded again: a cut on keyframes is a stream
// copy whose first and last frames are the source's, pixel for pixel; any other cut is
// re-encoded to start and end on the frames asked for, within codec error; a cancelled
// or impossible clip leaves no file behind.
#include "model/Error.h"
#include "video/ClipWriter.h"
#include "video/FrameDecoder.h"
#include "SyntheticVideo.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

VideoFrame frameAt(FrameDecoder& decoder, int64_t index)
{
    decoder.seek(index);
    VideoFrame frame;
    if (!decoder.read(frame))
        qFatal("no frame %lld", static_cast<long long>(index));
    return frame;
}

double meanDifference(const VideoFrame& a, const VideoFrame& b)
{
    if (a.rgb.size() != b.rgb.size())
        return 1e9;
    double sum = 0;
    for (size_t i = 0; i < a.rgb.size(); ++i)
        sum += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
    return sum / double(a.rgb.size());
}

} // namespace

class TestClipWriter : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    const std::string m_source = (kShared + QStringLiteral("/media/Fighting033_x264.mp4")).toStdString();

private slots:
    void aCutOnKeyframesIsAStreamCopyOfTheSameFrames()
    {
        FrameDecoder source(m_source);
        // Two keyframes after the first one.
        std::vector<int64_t> keys;
        for (int64_t f = 1; f < source.info().frameCount && keys.size() < 2; ++f)
            if (source.keyframeBefore(f) == f)
                keys.push_back(f);
        QVERIFY2(keys.size() == 2, "the sample has fewer than three keyframes");
        ClipRequest request;
        request.source = m_source;
        request.target = QDir(m_dir.path()).filePath(QStringLiteral("copy.mp4")).toStdString();
        request.firstFrame = keys[0];
        request.lastFrame = keys[1] - 1;
        const ClipResult result = writeClip(request);
        qInfo("frames %lld-%lld: %s", static_cast<long long>(keys[0]), static_cast<long long>(keys[1] - 1), result.method.c_str());
        FrameDecoder clip(request.target);
        QCOMPARE(clip.info().frameCount, keys[1] - keys[0]);
        QCOMPARE(result.frames, keys[1] - keys[0]);
        if (!result.streamCopied)
            QSKIP(qPrintable(QString::fromStdString("this sample cannot be stream-copied: " + result.method)));
        QCOMPARE(meanDifference(frameAt(clip, 0), frameAt(source, keys[0])), 0.0);
        QCOMPARE(meanDifference(frameAt(clip, clip.info().frameCount - 1), frameAt(source, keys[1] - 1)), 0.0);
        QVERIFY(std::abs(clip.info().durationSeconds - (result.endSeconds - result.startSeconds)) < 0.1);
    }

    void anyOtherCutIsReEncodedFrameExact()
    {
        FrameDecoder source(m_source);
        int64_t first = 5;
        while (source.keyframeBefore(first) == first)
            ++first; // not a keyframe
        ClipRequest request;
        request.source = m_source;
        request.target = QDir(m_dir.path()).filePath(QStringLiteral("encoded.mp4")).toStdString();
        request.firstFrame = first;
        request.lastFrame = first + 44;
        const ClipResult result = writeClip(request);
        QVERIFY(!result.streamCopied);
        QVERIFY2(result.method.find("re-encoded (libx264") == 0, result.method.c_str());
        FrameDecoder clip(request.target);
        QCOMPARE(clip.info().frameCount, int64_t(45));
        // Each end is nearer to the frame asked for than to its neighbours in the source:
        // the clip starts and ends on those frames, not one off.
        for (const auto& [inClip, wanted] : {std::pair<int64_t, int64_t>{0, first}, std::pair<int64_t, int64_t>{44, first + 44}}) {
            const VideoFrame shown = frameAt(clip, inClip);
            const double error = meanDifference(shown, frameAt(source, wanted));
            const double before = meanDifference(shown, frameAt(source, wanted - 1));
            const double after = meanDifference(shown, frameAt(source, wanted + 1));
            qInfo("clip frame %lld: mean absolute error %.2f against frame %lld, %.2f and %.2f against its neighbours",
                  static_cast<long long>(inClip), error, static_cast<long long>(wanted), before, after);
            QVERIFY(error < 3.0);
            QVERIFY(error < before && error < after);
        }
    }

    void everyFrameOfTheClipIsTheOneAskedForAndTheAudioComesAlong()
    {
        // Frames that carry their own number, keyframes every 30, with a tone.
        test::SyntheticSpec spec = test::longGopH264(150, 30);
        spec.audio = true;
        const std::string source = QDir(m_dir.path()).filePath(QStringLiteral("numbered.mp4")).toStdString();
        const std::string error = test::writeSyntheticVideo(source, spec);
        if (!error.empty())
            QSKIP(error.c_str());
        for (const auto& [first, last] : {std::pair<int64_t, int64_t>{30, 59}, std::pair<int64_t, int64_t>{37, 101}}) {
            ClipRequest request;
            request.source = source;
            request.target = QDir(m_dir.path()).filePath(QStringLiteral("numbered-%1.mp4").arg(first)).toStdString();
            request.firstFrame = first;
            request.lastFrame = last;
            const ClipResult result = writeClip(request);
            QCOMPARE(result.streamCopied, first == 30); // 30-59 lies between keyframes 30 and 60
            QVERIFY(result.audio);
            FrameDecoder clip(request.target);
            QCOMPARE(clip.info().frameCount, last - first + 1);
            VideoFrame frame;
            int64_t k = 0;
            while (clip.read(frame)) {
                QCOMPARE(int64_t(test::readFrameNumber(frame.rgb, frame.width, frame.height)), first + k);
                ++k;
            }
            QCOMPARE(k, last - first + 1);
            // The audio track lasts as long as the frames (within an AAC frame, 23 ms).
            AVFormatContext* format = nullptr;
            QCOMPARE(avformat_open_input(&format, request.target.c_str(), nullptr, nullptr), 0);
            QVERIFY(avformat_find_stream_info(format, nullptr) >= 0);
            const int audio = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
            QVERIFY(audio >= 0);
            int64_t audioTicks = 0;
            AVPacket* packet = av_packet_alloc();
            while (av_read_frame(format, packet) >= 0) {
                if (packet->stream_index == audio)
                    audioTicks += packet->duration;
                av_packet_unref(packet);
            }
            av_packet_free(&packet);
            const double audioSeconds = double(audioTicks) * av_q2d(format->streams[audio]->time_base);
            avformat_close_input(&format);
            const double videoSeconds = result.endSeconds - result.startSeconds;
            qInfo("frames %lld-%lld (%s): %.3f s of video, %.3f s of audio", static_cast<long long>(first),
                  static_cast<long long>(last), result.method.c_str(), videoSeconds, audioSeconds);
            QVERIFY(std::abs(audioSeconds - videoSeconds) < 0.05);
        }
    }

    void aCancelledOrImpossibleClipLeavesNoFile()
    {
        ClipRequest request;
        request.source = m_source;
        request.target = QDir(m_dir.path()).filePath(QStringLiteral("cancelled.mp4")).toStdString();
        request.firstFrame = 3;
        request.lastFrame = 200;
        QVERIFY_THROWS_EXCEPTION(Cancelled, writeClip(request, [](int64_t done, int64_t) { return done < 20; }));
        request.lastFrame = 1 << 30;
        QVERIFY_THROWS_EXCEPTION(Error, writeClip(request));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).filter(QStringLiteral("cancelled")), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestClipWriter)
#include "tst_clipwriter.moc"
