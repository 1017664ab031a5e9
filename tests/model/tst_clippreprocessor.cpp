// CLIP preprocessing against the reference's PIL + torchvision output on real frames.
#include "ModelTest.h"
#include "TensorCompare.h"

#include "model/ClipPreprocessor.h"

using namespace vigil;
using namespace vigil::test;

VIGIL_TEST(realFramesMatchTheReferencePreprocessing)
{
    for (const char* set : {"golden/ucf", "golden/sht-small"}) {
        const NpyArray frames = readNpy(sharedPath(std::string(set) + "/frames_rgb.npy"));
        const NpyArray expected = readNpy(sharedPath(std::string(set) + "/frames_preprocessed.npy"));
        VIGIL_CHECK(frames.dtype == DType::UInt8);
        const int count = int(frames.shape[0]), height = int(frames.shape[1]), width = int(frames.shape[2]);
        const int r = int(expected.shape[2]);
        ClipPreprocessor preprocessor(r);
        std::vector<float> out(size_t(count) * 3 * size_t(r) * size_t(r));
        for (int i = 0; i < count; ++i)
            preprocessor.process(frames.data.data() + size_t(i) * size_t(height) * size_t(width) * 3, width, height,
                                 width * 3, out.data() + size_t(i) * 3 * size_t(r) * size_t(r));
        const std::vector<float> reference = expected.toFloat();
        VIGIL_CHECK_EQ(out.size(), reference.size());
        double sum = 0;
        for (size_t i = 0; i < out.size(); ++i)
            sum += std::fabs(double(out[i]) - double(reference[i]));
        const double mean = sum / double(out.size());
        std::printf("       %s: %d frames %dx%d -> %d, mean |diff| %.2e, max %.2e\n", set, count, width, height, r, mean,
                    maxAbsDiff(out, reference));
        VIGIL_CHECK(mean < 0.02);
    }
}

VIGIL_TEST(portraitAndExactSizesAreHandled)
{
    // A portrait image: width is the shorter side; an image already R x R is copied.
    ClipPreprocessor preprocessor(8);
    std::vector<uint8_t> image(6 * 10 * 3);
    for (size_t i = 0; i < image.size(); ++i)
        image[i] = uint8_t(i * 7);
    const std::vector<uint8_t> cropped = preprocessor.resizeAndCrop(image.data(), 6, 10, 18);
    VIGIL_CHECK_EQ(cropped.size(), size_t(8 * 8 * 3));
    std::vector<uint8_t> square(8 * 8 * 3);
    for (size_t i = 0; i < square.size(); ++i)
        square[i] = uint8_t(i * 13);
    VIGIL_CHECK(preprocessor.resizeAndCrop(square.data(), 8, 8, 24) == square);
}

VIGIL_TEST_MAIN()
