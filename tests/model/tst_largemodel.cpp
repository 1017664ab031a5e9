// A ViT-B/16-size model with random weights, written as a real checkpoint, loads through
// the same path as the published ones and scores 10,000 frames of features, on the device
// VIGIL_TEST_DEVICE names (cpu by default).
#include "ModelTest.h"
#include "RandomCheckpoint.h"
#include "TestDevice.h"

#include "model/Error.h"
#include "model/InferenceSession.h"


using namespace vigil;
using namespace vigil::test;

VIGIL_TEST(vitB16SizeModelLoadsAndScoresTenThousandFrames)
{
    const auto model = loadRandomVitB16();
    const ModelConfig& c = model->config();
    VIGIL_CHECK_EQ(c.visionWidth, 768);
    VIGIL_CHECK_EQ(c.visionLayers, 12);
    VIGIL_CHECK_EQ(c.imageResolution, 224);
    VIGIL_CHECK_EQ(c.textLayers, 12);
    VIGIL_CHECK_EQ(c.embedDim, 512);
    VIGIL_CHECK_EQ(c.temporalWidth, 256);
    VIGIL_CHECK(!c.concatFeatures);

    const TestDevice device = testDevice();
    InferenceSession session(model, {device.device});
    std::printf("       on %s\n", session.deviceDescription().c_str());
    constexpr int64_t frames = 10000;
    torch::manual_seed(1);
    const torch::Tensor features = torch::randn({frames, 512}).contiguous();
    const VideoScores scores = session.scoreFeatures(features.data_ptr<float>(), frames, 512);
    VIGIL_CHECK_EQ(scores.frames, frames);
    VIGIL_CHECK_EQ(scores.scores.size(), size_t(frames));
    VIGIL_CHECK_EQ(scores.classProbs.size(), size_t(frames * 14));
    const int normal = model->labels().normalId();
    for (int64_t t = 0; t < frames; ++t) {
        const float a = scores.scores[size_t(t)];
        if (!(a > 0.f && a < 1.f))
            VIGIL_FAIL("score " << a << " at frame " << t);
        double sum = 0;
        for (int k = 0; k < 14; ++k)
            sum += scores.classProbs[size_t(t * 14 + k)];
        if (std::fabs(sum - 1.0) > 1e-4 || std::fabs(scores.classProbs[size_t(t * 14 + normal)] - (1 - a)) > 1e-6)
            VIGIL_FAIL("class probabilities of frame " << t << " sum to " << sum);
    }
    // Chunking the sub-sequences (memory bound) does not change the result.
    SessionOptions oneChunk{device.device};
    oneChunk.sequencesPerChunk = 1000;
    const VideoScores whole = InferenceSession(model, oneChunk).scoreFeatures(features.data_ptr<float>(), frames, 512);
    for (int64_t t = 0; t < frames; ++t)
        if (std::fabs(whole.scores[size_t(t)] - scores.scores[size_t(t)]) > 1e-5)
            VIGIL_FAIL("frame " << t << " differs between chunk sizes");

    // The image encoder runs at 224 px.
    const torch::Tensor pixels = torch::randn({2, 3, 224, 224}).contiguous();
    const std::vector<float> encoded = session.encodeImages(pixels.data_ptr<float>(), 2);
    VIGIL_CHECK_EQ(encoded.size(), size_t(2 * 512));
    for (float v : encoded)
        VIGIL_CHECK(std::isfinite(v));

    if (device.cuda) {
        // fp16 at full size: features point the way fp32's do (the floor int8's are held to:
        // random weights, unlike the golden sets' trained ones, make no promise closer).
        SessionOptions half{ComputeDevice::Cuda};
        half.precision = Precision::Float16;
        const InferenceSession fp16(model, half);
        const std::vector<float> features16 = fp16.encodeImages(pixels.data_ptr<float>(), 2);
        const torch::Tensor a = torch::from_blob(const_cast<float*>(encoded.data()), {2, 512});
        const torch::Tensor b = torch::from_blob(const_cast<float*>(features16.data()), {2, 512});
        const float cosine = torch::cosine_similarity(a, b, 1).min().item<float>();
        std::printf("       fp16 features: cosine to fp32's >= %.6f\n", cosine);
        if (!(cosine > 0.999f))
            VIGIL_FAIL("fp16 features: cosine similarity " << cosine << " to fp32's");
        const VideoScores scores16 = fp16.scoreFeatures(features.data_ptr<float>(), frames, 512);
        double worst = 0;
        for (int64_t t = 0; t < frames; ++t)
            worst = std::max(worst, double(std::fabs(scores16.scores[size_t(t)] - scores.scores[size_t(t)])));
        std::printf("       fp16 scores: max |diff| to fp32's %.3g (random weights)\n", worst);
        return;
    }

    // The int8 encoder at full size: features point the same way as fp32's, and the
    // model's own weights are left fp32 (the fp32 session still gives the same features).
    if (int8Available()) {
        SessionOptions int8Options{ComputeDevice::Cpu};
        int8Options.precision = Precision::Int8;
        InferenceSession int8Session(model, int8Options);
        VIGIL_CHECK(int8Session.deviceDescription().find("int8") != std::string::npos);
        const std::vector<float> quantized = int8Session.encodeImages(pixels.data_ptr<float>(), 2);
        const torch::Tensor a = torch::from_blob(const_cast<float*>(encoded.data()), {2, 512});
        const torch::Tensor b = torch::from_blob(const_cast<float*>(quantized.data()), {2, 512});
        const float cosine = torch::cosine_similarity(a, b, 1).min().item<float>();
        if (!(cosine > 0.999f))
            VIGIL_FAIL("int8 features: cosine similarity " << cosine << " to fp32's");
        VIGIL_CHECK(!torch::equal(a, b));
        VIGIL_CHECK(session.encodeImages(pixels.data_ptr<float>(), 2) == encoded);
        bool refused = false;
        try {
            SessionOptions cudaInt8{ComputeDevice::Cuda};
            cudaInt8.precision = Precision::Int8;
            InferenceSession bad(model, cudaInt8);
        } catch (const Error&) {
            refused = true;
        }
        VIGIL_CHECK(refused);
    }
}

VIGIL_TEST_MAIN()
