// Two models of a real project file compared per video: AUC, AP, false-positive and missed
// frames at a threshold, worked out by hand for small tracks; videos scored by one model
// only are set apart; the project's evaluation of one model.
#include "model/Error.h"
#include "project/ProjectStore.h"
#include "review/ModelComparison.h"
#include "review/ResearchData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vigil;

namespace {

VideoRecord video(const QString& path, qint64 frames)
{
    VideoRecord v;
    v.path = path;
    v.frameCount = frames;
    v.frameRate = 30;
    return v;
}

ModelRecord model(const QString& name)
{
    ModelRecord m;
    m.name = name;
    m.checkpointPath = QStringLiteral("/models/%1/last.ckpt").arg(name);
    m.centroidPath = QStringLiteral("/models/%1/ncentroid.pt").arg(name);
    m.labels = QStringLiteral("ucf");
    return m;
}

ScoreTrack track(qint64 videoId, qint64 modelId, const std::vector<float>& scores)
{
    ScoreTrack t;
    t.videoId = videoId;
    t.modelId = modelId;
    t.frames = qint64(scores.size());
    t.classes = 2;
    t.normalId = 1;
    t.classNames = {QStringLiteral("Fighting"), QStringLiteral("Normal")};
    t.scores = scores;
    for (const float s : scores)
        t.classProbs.insert(t.classProbs.end(), {s, 1 - s});
    return t;
}

} // namespace

class TestModelComparison : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> m_store;
    qint64 m_a = 0, m_b = 0, m_c = 0;
    QList<qint64> m_videos;

private slots:
    void initTestCase()
    {
        m_store = ProjectStore::open(m_dir.filePath(QStringLiteral("p.vigil")), ProjectStore::OpenMode::CreateIfMissing);
        m_videos = m_store->addVideos({video(QStringLiteral("/v/fight.mp4"), 10), video(QStringLiteral("/v/quiet.mp4"), 5),
                                       video(QStringLiteral("/v/extra.mp4"), 4)});
        m_a = m_store->ensureModel(model(QStringLiteral("base")));
        m_b = m_store->ensureModel(model(QStringLiteral("tuned")));
        m_c = m_store->ensureModel(model(QStringLiteral("unused")));
        m_store->setGroundTruth(m_videos[0], {GroundTruthInterval{3, 6, QStringLiteral("Fighting")}});
        m_store->saveScores(track(m_videos[0], m_a, {0.1f, 0.2f, 0.6f, 0.7f, 0.8f, 0.3f, 0.1f, 0.9f, 0.1f, 0.1f}));
        m_store->saveScores(track(m_videos[0], m_b, {0.1f, 0.1f, 0.2f, 0.9f, 0.8f, 0.85f, 0.1f, 0.2f, 0.1f, 0.1f}));
        m_store->saveScores(track(m_videos[1], m_a, {0.1f, 0.1f, 0.1f, 0.1f, 0.1f}));
        m_store->saveScores(track(m_videos[1], m_b, {0.6f, 0.6f, 0.1f, 0.1f, 0.1f}));
        m_store->saveScores(track(m_videos[2], m_a, {0.5f, 0.5f, 0.5f, 0.5f}));
        // quiet is a known normal video (its class as a whole); extra is known by nothing.
        m_store->setVideoClasses({{m_videos[1], QStringLiteral("Normal")}});
    }

    void perVideoChangesAtTheThreshold()
    {
        const ModelComparison c = compareModels(*m_store, m_a, m_b, 0.5, TruthSource::GroundTruth);
        QCOMPARE(c.nameA, QStringLiteral("base"));
        QCOMPARE(c.nameB, QStringLiteral("tuned"));
        QCOMPARE(c.videos.size(), 2);
        QCOMPARE(c.onlyOne, QStringList{QStringLiteral("extra")});
        // fight: base ranks 17 of 21 (abnormal, normal) pairs right; tuned all of them.
        const VideoComparison& fight = c.videos[0];
        QCOMPARE(fight.name, QStringLiteral("fight"));
        QCOMPARE(fight.videoId, m_videos[0]);
        QCOMPARE(fight.frames, 10);
        QCOMPARE(fight.abnormalFrames, 3);
        QVERIFY(std::abs(fight.aucA - 17.0 / 21.0) < 1e-9);
        QCOMPARE(fight.aucB, 1.0);
        QVERIFY(std::abs(fight.aucChange() - 4.0 / 21.0) < 1e-9);
        QCOMPARE(fight.apB, 1.0);
        QCOMPARE(fight.falsePositivesA, 2); // frames 2 and 7
        QCOMPARE(fight.falsePositivesB, 0);
        QCOMPARE(fight.falsePositiveChange(), -2);
        QCOMPARE(fight.missedA, 1); // frame 5 at 0.3
        QCOMPARE(fight.missedB, 0);
        // quiet: normal only, so no AUC; tuned raises two false alarms.
        const VideoComparison& quiet = c.videos[1];
        QCOMPARE(quiet.name, QStringLiteral("quiet"));
        QVERIFY(std::isnan(quiet.aucA) && std::isnan(quiet.aucB));
        QCOMPARE(quiet.falsePositivesA, 0);
        QCOMPARE(quiet.falsePositivesB, 2);
        // Over both videos' frames (3 abnormal, 12 normal): base 32 of 36 pairs, tuned all.
        QVERIFY2(std::abs(c.aucA - 32.0 / 36.0) < 1e-9, qPrintable(QString::number(c.aucA, 'g', 10)));
        QCOMPARE(c.aucB, 1.0);
        QCOMPARE(c.falsePositivesA, 2);
        QCOMPARE(c.falsePositivesB, 2);
        QCOMPARE(c.missedA, 1);
        QCOMPARE(c.missedB, 0);
        // A higher threshold: base's 0.6 is no longer an alarm, tuned's two 0.6 neither.
        const ModelComparison high = compareModels(*m_store, m_a, m_b, 0.65, TruthSource::GroundTruth);
        QCOMPARE(high.falsePositivesA, 1);
        QCOMPARE(high.falsePositivesB, 0);
        QCOMPARE(high.missedA, 1);
        const QJsonObject json = modelComparisonJson(c);
        QCOMPARE(json.value(QStringLiteral("videos")).toArray().size(), 2);
        QVERIFY(json.value(QStringLiteral("videos")).toArray().at(1).toObject().value(QStringLiteral("auc_roc_a")).isNull());
        QCOMPARE(json.value(QStringLiteral("false_positives_a")).toDouble(), 2.0);
    }

    void theMostRegressedComesFirst()
    {
        // Swapped, the fight video is the one that got worse: first, with -4/21.
        const ModelComparison c = compareModels(*m_store, m_b, m_a, 0.5, TruthSource::GroundTruth);
        QCOMPARE(c.videos[0].name, QStringLiteral("fight"));
        QVERIFY(std::abs(c.videos[0].aucChange() + 4.0 / 21.0) < 1e-9);
    }

    void badRequestsAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(Error, compareModels(*m_store, m_a, m_a, 0.5, TruthSource::Both));
        QVERIFY_THROWS_EXCEPTION(Error, compareModels(*m_store, m_a, 9999, 0.5, TruthSource::Both));
        try {
            compareModels(*m_store, m_a, m_c, 0.5, TruthSource::Both);
            QFAIL("no common video, no error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("no scored video in common")), e.what());
        }
    }

    void oneModelOfTheProjectIsEvaluated()
    {
        // extra has scores but no known truth: left out and named.
        QList<qint64> ids;
        const Evaluation e = evaluateProjectModel(*m_store, m_a, TruthSource::GroundTruth, &ids);
        QCOMPARE(ids, (QList<qint64>{m_videos[0], m_videos[1]}));
        QCOMPARE(e.videos.size(), 2);
        QCOMPARE(e.leftOut, QStringList{QStringLiteral("extra")});
        QCOMPARE(e.truth, QStringLiteral("ground truth"));
        QCOMPARE(e.metrics.frames, 15);
        QCOMPARE(e.metrics.abnormalFrames, 3);
        QVERIFY(std::abs(e.metrics.aucRoc - 32.0 / 36.0) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(Error, evaluateProjectModel(*m_store, m_c, TruthSource::GroundTruth));
    }

    void researchDataOfOneModel()
    {
        // quiet is a known normal video; extra stays unknown and is left out.
        const ResearchData d = researchData(*m_store, m_a, 0.5, TruthSource::GroundTruth, 10);
        QCOMPARE(d.videos, 2);
        QCOMPARE(d.leftOut, QStringList{QStringLiteral("extra")});
        QCOMPARE(d.frames, 15);
        QCOMPARE(d.abnormalFrames, 3);
        QVERIFY(std::abs(d.aucRoc - 32.0 / 36.0) < 1e-9);
        QCOMPARE(d.truthClasses, (QStringList{QStringLiteral("Normal"), QStringLiteral("Fighting")}));
        QCOMPARE(d.modelClasses, (QStringList{QStringLiteral("Fighting"), QStringLiteral("Normal")}));
        // Rows: truth (Normal, Fighting); columns: the model's top class (Fighting, Normal).
        QCOMPARE(d.confusion[0][0], 2);  // frames 2 and 7 of fight
        QCOMPARE(d.confusion[0][1], 10); // the other normal frames of fight, all of quiet
        QCOMPARE(d.confusion[1][0], 2);  // frames 3 and 4
        QCOMPARE(d.confusion[1][1], 1);  // frame 5
        QCOMPARE(d.cells[1][1].size(), 1);
        QCOMPARE(d.cells[1][1].first().start, 5);
        QCOMPARE(d.cells[1][1].first().video, QStringLiteral("fight"));
        QCOMPARE(d.cells[0][0].size(), 2);
        // Histograms in tenths.
        QCOMPARE(d.normalHistogram, (std::vector<int>{0, 9, 1, 0, 0, 0, 1, 0, 0, 1}));
        QCOMPARE(d.abnormalHistogram, (std::vector<int>{0, 0, 0, 1, 0, 0, 0, 1, 1, 0}));
        // Failures at 0.5, worst first: the alarm at 0.9, the miss at 0.3, the alarm at 0.6.
        QCOMPARE(d.failures.size(), 3);
        QVERIFY(d.failures[0].falseAlarm && d.failures[0].span.start == 7 && std::abs(d.failures[0].severity - 0.4) < 1e-6);
        QVERIFY(!d.failures[1].falseAlarm && d.failures[1].span.start == 5 && d.failures[1].truthClass == QLatin1String("Fighting"));
        QVERIFY(d.failures[2].falseAlarm && d.failures[2].span.start == 2 && d.failures[2].span.end == 3);
        QVERIFY_THROWS_EXCEPTION(Error, researchData(*m_store, m_c, 0.5, TruthSource::GroundTruth));
    }

    // Labels that disagree with the ground truth: fight 5 relabelled Normal and 6-7
    // Fighting, extra 0-1 Fighting. Each source gives its own frames, hand-counted, and the
    // evaluation, the research window's data and the comparison agree on them to the bit.
    void everyFigureUsesTheSameTruth_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<int>("videos");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("abnormal");      // over the videos A scored
        QTest::addColumn<int>("fightAbnormal"); // the compared video
        QTest::newRow("ground truth") << int(TruthSource::GroundTruth) << 2 << 15 << 3 << 3;
        QTest::newRow("labels") << int(TruthSource::Labels) << 3 << 19 << 4 << 2;
        QTest::newRow("both") << int(TruthSource::Both) << 3 << 19 << 6 << 4;
    }

    void everyFigureUsesTheSameTruth()
    {
        QFETCH(int, source);
        QFETCH(int, videos);
        QFETCH(int, frames);
        QFETCH(int, abnormal);
        QFETCH(int, fightAbnormal);
        if (m_store->labels(m_videos[0]).isEmpty()) {
            for (const auto& [video, start, end, cls] :
                 {std::tuple{m_videos[0], 5, 6, "Normal"}, std::tuple{m_videos[0], 6, 8, "Fighting"}, std::tuple{m_videos[2], 0, 2, "Fighting"}}) {
                LabelRecord l;
                l.videoId = video;
                l.startFrame = start;
                l.endFrame = end;
                l.className = QString::fromLatin1(cls);
                m_store->addLabel(l);
            }
        }
        const TruthSource truth = TruthSource(source);
        const Evaluation e = evaluateProjectModel(*m_store, m_a, truth);
        const ResearchData d = researchData(*m_store, m_a, 0.5, truth);
        QCOMPARE(int(e.videos.size()), videos);
        QCOMPARE(d.videos, videos);
        QCOMPARE(e.metrics.frames, frames);
        QCOMPARE(d.frames, frames);
        QCOMPARE(e.metrics.abnormalFrames, abnormal);
        QCOMPARE(d.abnormalFrames, abnormal);
        QCOMPARE(e.leftOut, d.leftOut);
        QCOMPARE(e.truth, truthSourceName(truth));
        QCOMPARE(d.truth, truth);
        QCOMPARE(e.metrics.aucRoc, d.aucRoc);
        QCOMPARE(e.metrics.aucPr, d.aucPr);
        // The AUC by counting (abnormal, normal) pairs by hand, ties half.
        std::vector<float> all;
        std::vector<bool> positive;
        for (const qint64 id : m_videos) {
            const std::optional<ScoreTrack> t = m_store->scores(id, m_a);
            const VideoTruth known = videoTruth(*m_store, m_store->videos()[int(m_videos.indexOf(id))], truth, QStringLiteral("Normal"));
            if (!known.known)
                continue;
            std::vector<bool> own(size_t(t->frames), false);
            for (const GroundTruthInterval& i : known.intervals)
                for (qint64 f = i.startFrame; f < i.endFrame; ++f)
                    own[size_t(f)] = i.className != QLatin1String("Normal");
            all.insert(all.end(), t->scores.begin(), t->scores.end());
            positive.insert(positive.end(), own.begin(), own.end());
        }
        double pairs = 0, right = 0;
        for (size_t i = 0; i < all.size(); ++i)
            for (size_t j = 0; j < all.size(); ++j)
                if (positive[i] && !positive[j]) {
                    ++pairs;
                    right += all[i] > all[j] ? 1 : all[i] == all[j] ? 0.5 : 0;
                }
        QVERIFY2(std::abs(e.metrics.aucRoc - right / pairs) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(e.metrics.aucRoc).arg(right / pairs)));
        // The comparison (fight and quiet, scored by both) with the same truth.
        const ModelComparison c = compareModels(*m_store, m_a, m_b, 0.5, truth);
        QCOMPARE(c.truth, truth);
        QCOMPARE(c.videos.first().name, QStringLiteral("fight"));
        qint64 compared = 0;
        for (const VideoComparison& v : c.videos)
            compared += v.abnormalFrames;
        QCOMPARE(compared, fightAbnormal);
        QCOMPARE(modelComparisonJson(c).value(QStringLiteral("truth")).toString(), truthSourceName(truth));
    }
};

QTEST_GUILESS_MAIN(TestModelComparison)
#include "tst_modelcomparison.moc"
