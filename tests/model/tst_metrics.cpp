// Metrics (anomalyclip-model.md section 7): parity with the reference's metrics on every
// golden set to 1e-6, and small cases worked out by hand (ties, empty classes, top-k).
#include "ManifestJson.h"
#include "ModelTest.h"

#include "model/Error.h"
#include "model/Metrics.h"
#include "model/NpyArray.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <regex>

using namespace vigil;
using namespace vigil::test;

namespace {

constexpr double kTolerance = 1e-6;

struct GoldenSet {
    const char* folder;
    int classes;
    int normalId;
};
const GoldenSet kSets[] = {{"golden/ucf", 14, 7}, {"golden/sht-small", 18, 8}};

// Golden videos in the order the reference concatenated them (ascending length).
std::vector<int> videoLengths(const std::string& folder)
{
    std::vector<int> lengths;
    const std::regex pattern("video([0-9]+)_scores\\.npy");
    for (const auto& entry : std::filesystem::directory_iterator(sharedPath(folder))) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, pattern))
            lengths.push_back(std::stoi(match[1]));
    }
    std::sort(lengths.begin(), lengths.end());
    return lengths;
}

void expectNear(double actual, double expected, const std::string& what)
{
    if (!(std::fabs(actual - expected) <= kTolerance))
        VIGIL_FAIL(what << ": " << actual << " vs golden " << expected);
}

FrameMetrics goldenSetMetrics(const GoldenSet& set)
{
    std::vector<float> scores, probs;
    for (const int length : videoLengths(set.folder)) {
        const std::string stem = sharedPath(std::string(set.folder) + "/video" + std::to_string(length));
        const std::vector<float> s = readNpy(stem + "_scores.npy").toFloat();
        const std::vector<float> p = readNpy(stem + "_class_probs.npy").toFloat();
        scores.insert(scores.end(), s.begin(), s.end());
        probs.insert(probs.end(), p.begin(), p.end());
    }
    const std::vector<int64_t> labels64 = readNpy(sharedPath(std::string(set.folder) + "/metrics_labels.npy")).toInt64();
    const std::vector<int> labels(labels64.begin(), labels64.end());
    return computeFrameMetrics(scores, probs, labels, set.classes, set.normalId);
}

} // namespace

VIGIL_TEST(goldenMetricsMatchOnEverySet)
{
    for (const GoldenSet& set : kSets) {
        const std::string manifest = readText(sharedPath(std::string(set.folder) + "/manifest.json"));
        const FrameMetrics m = goldenSetMetrics(set);
        expectNear(m.aucRoc, jsonNumbers(manifest, "auc_roc").at(0), "auc_roc");
        expectNear(m.aucPr, jsonNumbers(manifest, "auc_pr").at(0), "auc_pr");
        expectNear(m.optimalThreshold, jsonNumbers(manifest, "optimal_threshold").at(0), "optimal_threshold");
        expectNear(m.meanClassAucRoc, jsonNumbers(manifest, "mean_mc_auroc").at(0), "mean_mc_auroc");
        expectNear(m.meanClassAucPr, jsonNumbers(manifest, "mean_mc_aupr").at(0), "mean_mc_aupr");
        const std::vector<double> auroc = jsonNumbers(manifest, "mc_auroc"), aupr = jsonNumbers(manifest, "mc_aupr");
        VIGIL_CHECK_EQ(auroc.size(), size_t(set.classes));
        VIGIL_CHECK_EQ(aupr.size(), size_t(set.classes));
        for (int c = 0; c < set.classes; ++c) {
            expectNear(m.classAucRoc[size_t(c)], auroc[size_t(c)], "mc_auroc[" + std::to_string(c) + "]");
            expectNear(m.classAucPr[size_t(c)], aupr[size_t(c)], "mc_aupr[" + std::to_string(c) + "]");
        }
        std::printf("       %s: AUC %.9f AP %.9f threshold %.9f mAUC %.9f mAP %.9f\n", set.folder, m.aucRoc, m.aucPr,
                    m.optimalThreshold, m.meanClassAucRoc, m.meanClassAucPr);
    }
}

VIGIL_TEST(rocAndAveragePrecisionOfAWorkedExample)
{
    // Four frames: negatives 0.1, 0.4; positives 0.35, 0.8. Pairs ranked right: 3 of 4.
    const float scores[] = {0.1f, 0.4f, 0.35f, 0.8f};
    const uint8_t positive[] = {0, 0, 1, 1};
    const BinaryCurve curve = binaryCurve(scores, positive, 4);
    expectNear(curve.rocAuc(), 0.75, "auc");
    // Precision 1 at recall 0.5 (0.8), then 2/3 at recall 1 (0.35): 0.5 + 0.5 * 2/3.
    expectNear(curve.averagePrecision(), 0.5 + 0.5 * 2.0 / 3.0, "ap");
    // tpr - fpr: 0.8 -> 0.5, 0.4 -> 0, 0.35 -> 0.5, 0.1 -> 0: the first maximum is 0.8.
    expectNear(curve.optimalThreshold(), double(0.8f), "threshold");
}

VIGIL_TEST(tiedScoresCountAsOnePoint)
{
    // All four frames tie: one ROC step from (0,0) to (1,1), area one half, AP the base rate.
    const float scores[] = {0.5f, 0.5f, 0.5f, 0.5f};
    const uint8_t positive[] = {1, 0, 0, 0};
    const BinaryCurve curve = binaryCurve(scores, positive, 4);
    VIGIL_CHECK_EQ(curve.thresholds.size(), size_t(2));
    expectNear(curve.rocAuc(), 0.5, "auc");
    expectNear(curve.averagePrecision(), 0.25, "ap");
}

VIGIL_TEST(classesWithoutFramesAreLeftOutOfTheMeans)
{
    // Three classes, normal 1. Class 0 has frames, class 2 has none.
    const std::vector<float> scores = {0.9f, 0.2f, 0.8f, 0.1f};
    const std::vector<int> labels = {0, 1, 0, 1};
    std::vector<float> probs;
    for (const float s : scores) {
        probs.push_back(s * 0.7f);
        probs.push_back(1 - s);
        probs.push_back(s * 0.3f);
    }
    const FrameMetrics m = computeFrameMetrics(scores, probs, labels, 3, 1);
    expectNear(m.aucRoc, 1.0, "auc");
    expectNear(m.classAucRoc[0], 1.0, "class 0 auc");
    VIGIL_CHECK_EQ(m.classAucRoc[2], 0.0);
    expectNear(m.meanClassAucRoc, 1.0, "mean auc leaves out class 2");
    VIGIL_CHECK(std::isnan(m.top1Accuracy[2]));
    expectNear(m.top1Accuracy[0], 1.0, "class 0 top-1");
    expectNear(m.top1Accuracy[1], 1.0, "normal top-1");
}

VIGIL_TEST(topOneAndTopFiveFollowTheThreshold)
{
    // Seven classes, normal 0; six abnormal classes 1..6 with p(c) falling with c but for
    // frame 1, whose own class 6 ranks last. Frame 2 (class 3) scores below the threshold.
    const int classes = 7;
    const std::vector<float> scores = {0.9f, 0.95f, 0.3f, 0.2f, 0.1f};
    const std::vector<int> labels = {1, 6, 3, 0, 0};
    std::vector<float> probs;
    for (size_t t = 0; t < scores.size(); ++t) {
        probs.push_back(1 - scores[t]);
        for (int c = 1; c < classes; ++c)
            probs.push_back(scores[t] * float(classes - c) / 21.0f);
    }
    const FrameMetrics m = computeFrameMetrics(scores, probs, labels, classes, 0);
    // Positives 0.95, 0.9, 0.3 above every negative: the first best point is at 0.3.
    expectNear(m.optimalThreshold, double(0.3f), "threshold");
    expectNear(m.top1Accuracy[1], 1.0, "class 1 ranks first");
    expectNear(m.top1Accuracy[6], 0.0, "class 6 ranks sixth");
    expectNear(m.top5Accuracy[6], 0.0, "class 6 is not in the top five");
    // Frame 2 at 0.3 is not below the threshold: predicted abnormal, class 3 ranks third.
    expectNear(m.top1Accuracy[3], 0.0, "class 3 top-1");
    expectNear(m.top5Accuracy[3], 1.0, "class 3 top-5");
    expectNear(m.top1Accuracy[0], 1.0, "normal frames predicted normal");
    expectNear(m.meanTop1Accuracy, 1.0 / 3.0, "mean top-1 over classes 1, 3, 6");
}

VIGIL_TEST(badInputIsRefused)
{
    VIGIL_CHECK_THROWS(computeFrameMetrics({}, {}, {}, 3, 1), "no frame");
    VIGIL_CHECK_THROWS(computeFrameMetrics({0.5f}, {0.1f, 0.5f, 0.4f}, {3}, 3, 1), "label 3");
    VIGIL_CHECK_THROWS(computeFrameMetrics({0.5f}, {0.1f, 0.5f}, {0}, 3, 1), "do not agree");
}

VIGIL_TEST_MAIN()
