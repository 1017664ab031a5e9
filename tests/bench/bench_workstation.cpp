// Benchmark: the review workstation's interactive figures. Prints them; not a test.
//   bench_workstation [--video FILE_1080P.mp4] [--checkpoint last.ckpt --centroid ncentroid.pt]
// Seek latency on a video, timeline repaints on 1,000,000 frames, opening a project of
// 1,000 videos, and the longest event-loop stall while a video is scored with live curves.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "playback/PlaybackWorker.h"
#include "project/ProjectStore.h"
#include "scoring/ScoringController.h"
#include "timeline/ScoreTimeline.h"
#include "video/FrameDecoder.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace vigil;

namespace {

void benchSeek(const QString& path)
{
    FrameDecoder::Options options;
    options.threads = qEnvironmentVariableIntValue("BENCH_DECODER_THREADS");
    FrameDecoder decoder(path.toStdString(), options);
    const VideoInfo& info = decoder.info();
    QRandomGenerator random(3);
    double total = 0, worst = 0;
    constexpr int kSeeks = 30;
    VideoFrame frame;
    for (int i = 0; i < kSeeks; ++i) {
        const int64_t target = random.bounded(qint64(info.frameCount));
        QElapsedTimer timer;
        timer.start();
        decoder.seek(target);
        decoder.read(frame);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("seek %dx%d %s  %d random seeks: mean %.1f ms, worst %.1f ms (to the exact frame, RGB)\n", info.width,
                info.height, info.codec.c_str(), kSeeks, total / kSeeks, worst);
}

// Stepping back one frame at a time from the middle of the video, as an analyst does with
// Left held down, with and without the frame cache.
void benchStepBack(const QString& path, qint64 cacheBytes)
{
    PlaybackWorker worker;
    worker.setCacheBudget(cacheBytes);
    PlaybackVideo video;
    QObject::connect(&worker, &PlaybackWorker::opened, [&](const PlaybackVideo& v) { video = v; });
    worker.openVideo(path);
    if (video.frameCount < 200)
        return;
    worker.step(video.frameCount / 2 + 7);
    double total = 0, worst = 0;
    constexpr int kSteps = 120;
    for (int i = 0; i < kSteps; ++i) {
        QElapsedTimer timer;
        timer.start();
        worker.step(-1);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("step back %dx%d  %d single-frame steps, cache %lld MiB: mean %.1f ms, worst %.1f ms\n", video.width,
                video.height, kSteps, cacheBytes >> 20, total / kSteps, worst);
}

// Random seeks through the player with a seek proxy: how soon a picture of the frame is
// shown (the proxy's, for seeks far from a keyframe), and when the exact frame follows.
void benchProxySeek(const QString& path)
{
    QTemporaryDir dir;
    ProxySettings settings;
    settings.directory = dir.path();
    settings.minSeekPixels = 0;
    PlaybackWorker worker;
    worker.setProxySettings(settings);
    worker.setCacheBudget(0); // every seek decodes
    PlaybackVideo video;
    bool ready = false;
    QList<FrameImage> frames;
    QObject::connect(&worker, &PlaybackWorker::opened, [&](const PlaybackVideo& v) { video = v; });
    QObject::connect(&worker, &PlaybackWorker::proxyReady, [&] { ready = true; });
    QObject::connect(&worker, &PlaybackWorker::frameReady, [&](const FrameImage& f) { frames << f; });
    QElapsedTimer build;
    build.start();
    worker.openVideo(path);
    while (!ready && build.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!ready)
        return;
    std::printf("seek proxy      made in %.1f s (%.0f frames/s, in the background)\n", double(build.elapsed()) / 1000.0,
                double(video.frameCount) * 1000.0 / double(std::max<qint64>(1, build.elapsed())));
    QRandomGenerator random(3);
    constexpr int kSeeks = 30;
    double firstTotal = 0, firstWorst = 0, exactTotal = 0, exactWorst = 0;
    int proxied = 0;
    for (int i = 0; i < kSeeks; ++i) {
        const qint64 target = random.bounded(qint64(video.frameCount));
        frames.clear();
        QElapsedTimer timer;
        timer.start();
        worker.requestSeek(target);
        while (frames.isEmpty())
            QCoreApplication::processEvents();
        const double first = double(timer.nsecsElapsed()) / 1e6;
        proxied += frames.first().proxy ? 1 : 0;
        while (frames.last().proxy || frames.last().index != target)
            QCoreApplication::processEvents();
        const double exact = double(timer.nsecsElapsed()) / 1e6;
        firstTotal += first;
        firstWorst = std::max(firstWorst, first);
        exactTotal += exact;
        exactWorst = std::max(exactWorst, exact);
    }
    std::printf("seek with proxy %d random seeks (%d shown from the proxy first): first picture mean %.1f ms, worst %.1f ms; "
                "exact frame mean %.1f ms, worst %.1f ms\n",
                kSeeks, proxied, firstTotal / kSeeks, firstWorst, exactTotal / kSeeks, exactWorst);
}

void benchTimeline()
{
    constexpr qint64 kFrames = 1000000;
    constexpr int kClasses = 13;
    ScoreTimeline timeline;
    timeline.resize(1400, 300);
    timeline.show();
    timeline.setVideo(kFrames, 30.0);
    QVector<float> scores(kFrames);
    auto probabilities = std::make_shared<std::vector<float>>(size_t(kFrames) * kClasses);
    QRandomGenerator random(9);
    float v = 0.3f;
    for (qint64 t = 0; t < kFrames; ++t) {
        v = std::clamp(v + float(random.generateDouble() - 0.5) * 0.05f, 0.0f, 1.0f);
        scores[t] = v;
        for (int c = 0; c < kClasses; ++c)
            (*probabilities)[size_t(t) * kClasses + c] = float(random.generateDouble()) / kClasses;
    }
    QElapsedTimer load;
    load.start();
    timeline.setScores(scores);
    QStringList names;
    for (int c = 0; c < kClasses; ++c)
        names << QStringLiteral("class %1").arg(c);
    timeline.setClassProbabilities(probabilities, names);
    std::printf("timeline load   1,000,000 frames + 13-class heatmap: %.0f ms\n", double(load.nsecsElapsed()) / 1e6);
    QCustomPlot* plot = timeline.plot();
    if (qEnvironmentVariableIsSet("BENCH_NO_FILL"))
        plot->graph(0)->setVisible(false);
    if (qEnvironmentVariableIsSet("BENCH_NO_HEATMAP"))
        timeline.setClassProbabilities(nullptr, {});
    if (qEnvironmentVariableIsSet("BENCH_NO_CURVE"))
        timeline.setScores({});
    if (qEnvironmentVariableIsSet("BENCH_NO_AA"))
        plot->setNotAntialiasedElements(QCP::aeAll);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // Zoom in step by step, then pan across, repainting each time.
    QElapsedTimer timer;
    timer.start();
    int repaints = 0;
    double width = double(kFrames);
    for (int i = 0; i < 30; ++i, ++repaints) {
        width *= 0.8;
        plot->xAxis->setRange(kFrames / 2 - width / 2, kFrames / 2 + width / 2);
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    for (int i = 0; i < 30; ++i, ++repaints) {
        plot->xAxis->moveRange(width * 0.05);
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    plot->xAxis->setRange(0, kFrames);
    for (int i = 0; i < 10; ++i, ++repaints)
        plot->replot(QCustomPlot::rpImmediateRefresh);
    std::printf("timeline        %.1f repaints/s while zooming and panning 1,000,000 frames (%d repaints, 1400x300)\n",
                repaints / (double(timer.nsecsElapsed()) / 1e9), repaints);
}

void benchProjectOpen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.vigil"));
    {
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QList<VideoRecord> videos;
        for (int i = 0; i < 1000; ++i) {
            VideoRecord v;
            v.path = QStringLiteral("/videos/camera%1/clip%2.mp4").arg(i % 20).arg(i);
            v.fingerprint = QString::number(i, 16);
            v.frameCount = 108000;
            v.frameRate = 30;
            v.width = 1920;
            v.height = 1080;
            videos << v;
        }
        store->addVideos(videos);
    }
    MainWindow window;
    window.show();
    QElapsedTimer timer;
    timer.start();
    window.openProject(path);
    QCoreApplication::processEvents();
    std::printf("project open    1,000 videos in %.0f ms (store, video list, detections browser)\n", double(timer.nsecsElapsed()) / 1e6);
}

void benchStalls(const QString& checkpoint, const QString& centroid, const QString& video)
{
    ScoringSettings settings;
    settings.model.checkpointPath = checkpoint.toStdString();
    settings.model.centroidPath = centroid.toStdString();
    settings.session.threads = 2;
    ScoreTimeline timeline;
    timeline.resize(1400, 300);
    timeline.show();
    ScoringController controller(settings);
    QObject::connect(controller.worker(), &ScoringWorker::videoStarted, &timeline,
                     [&](const QString&, qint64 frames) { timeline.setVideo(frames, 30); });
    QObject::connect(controller.worker(), &ScoringWorker::partialScores, &timeline,
                     [&](const QString&, qint64 first, const QVector<float>& s) { timeline.appendScores(first, s); });
    bool done = false;
    QObject::connect(controller.worker(), &ScoringWorker::idle, &timeline, [&] { done = true; });
    QElapsedTimer clock, total;
    clock.start();
    total.start();
    double worst = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        worst = std::max(worst, double(clock.nsecsElapsed()) / 1e6 - 10.0);
        clock.restart();
        ++ticks;
    });
    ticker.start(10);
    controller.enqueue({video});
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    std::printf("event loop      longest stall %.1f ms over %d ticks of 10 ms while scoring %s (%.1f s, live curve)\n", worst, ticks,
                qPrintable(QFileInfo(video).fileName()), double(total.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&](const QString& name, const QString& fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const QString shared = QStringLiteral(VIGIL_SHARED_DIR);
    const QString video = value(QStringLiteral("--video"), shared + QStringLiteral("/media/Fighting033_x264.mp4"));
    if (!qEnvironmentVariableIsSet("BENCH_TIMELINE_ONLY"))
        benchSeek(video);
    if (!qEnvironmentVariableIsSet("BENCH_TIMELINE_ONLY")) {
        benchStepBack(video, 0);
        benchStepBack(video, qint64(384) << 20);
        benchProxySeek(video);
    }
    if (qEnvironmentVariableIsSet("BENCH_SEEK_ONLY"))
        return 0;
    benchTimeline();
    if (qEnvironmentVariableIsSet("BENCH_TIMELINE_ONLY"))
        return 0;
    benchProjectOpen();
    benchStalls(value(QStringLiteral("--checkpoint"), shared + QStringLiteral("/golden/ucf/last.ckpt")),
                value(QStringLiteral("--centroid"), shared + QStringLiteral("/golden/ucf/ncentroid.pt")),
                value(QStringLiteral("--score-video"), shared + QStringLiteral("/media/cctv_fighting.mp4")));
    return 0;
}
