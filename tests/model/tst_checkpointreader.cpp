// The checkpoint reader on the real golden files, on archives written in the same format
// with every dtype and view layout, and on damaged copies: errors name the file and the
// key, nothing crashes.
#include "ModelTest.h"

#include "model/AnomalyClipModel.h"
#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/nn/CheckpointReader.h"
#include "model/nn/CheckpointWriter.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

using namespace vigil;
using namespace vigil::test;
namespace fs = std::filesystem;

namespace {

const std::string kUcfCheckpoint = sharedPath("golden/ucf/last.ckpt");

struct TempDir {
    fs::path path;
    TempDir()
    {
        path = fs::temp_directory_path() / ("vigil-ckpt-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    static int& counter()
    {
        static int n = 0;
        return n;
    }
};

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeAll(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

bool bitwiseEqual(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.sizes() != b.sizes() || a.scalar_type() != b.scalar_type())
        return false;
    const torch::Tensor x = a.contiguous(), y = b.contiguous();
    return std::memcmp(x.data_ptr(), y.data_ptr(), size_t(x.nbytes())) == 0;
}

std::vector<std::pair<std::string, torch::Tensor>> orderedStateDict(const std::string& path)
{
    const auto map = CheckpointReader(path).stateDict();
    return {map.begin(), map.end()};
}

ModelLoadOptions ucfOptions(const std::string& checkpoint)
{
    ModelLoadOptions options;
    options.checkpointPath = checkpoint;
    options.centroidPath = sharedPath("golden/ucf/ncentroid.pt");
    return options;
}

} // namespace

VIGIL_TEST(goldenCheckpointReadsPastTrainingObjects)
{
    CheckpointReader reader(kUcfCheckpoint);
    VIGIL_CHECK(reader.root().kind == PyKind::Dict);
    for (const char* key : {"hyper_parameters", "optimizer_states", "callbacks", "loops", "lr_schedulers"})
        VIGIL_CHECK(reader.root().get(key) != nullptr);
    const auto tensors = reader.stateDict();
    VIGIL_CHECK(tensors.size() > 90);
    VIGIL_CHECK_EQ(tensors.at("net.token_embedding.weight").size(0), int64_t(49408));
    VIGIL_CHECK_EQ(tensors.at("net.selector_model.bn_layer.num_batches_tracked").scalar_type(), torch::kInt64);
    // token_prefix and token_suffix are views of one storage with an offset.
    const torch::Tensor suffix = tensors.at("net.prompt_learner.token_suffix");
    VIGIL_CHECK_EQ(suffix.storage_offset(), int64_t(1152));
    VIGIL_CHECK(suffix.storage().data() == tensors.at("net.prompt_learner.token_prefix").storage().data());
}

VIGIL_TEST(centroidPtEqualsTheNpyCopyBitForBit)
{
    for (const char* set : {"golden/ucf", "golden/sht-small"}) {
        const torch::Tensor pt = CheckpointReader(sharedPath(std::string(set) + "/ncentroid.pt")).rootTensor();
        const NpyArray npy = readNpy(sharedPath(std::string(set) + "/ncentroid.npy"));
        std::vector<float> values = npy.toFloat();
        const torch::Tensor expected = torch::from_blob(values.data(), {int64_t(values.size())}).view(pt.sizes());
        VIGIL_CHECK(bitwiseEqual(pt, expected));
    }
}

VIGIL_TEST(goldenTensorsRoundTripExactly)
{
    TempDir dir;
    const auto original = orderedStateDict(kUcfCheckpoint);
    writeStateDict(dir.file("copy.ckpt"), original);
    const auto copy = CheckpointReader(dir.file("copy.ckpt")).stateDict();
    VIGIL_CHECK_EQ(copy.size(), original.size());
    for (const auto& [name, tensor] : original) {
        if (!bitwiseEqual(copy.at(name), tensor))
            VIGIL_FAIL("tensor " << name << " changed in the round trip");
    }
    // The rewritten checkpoint gives the same model.
    const LabelSet labels = LabelSet::resolve("ucf");
    const auto a = AnomalyClipModel::load(ucfOptions(kUcfCheckpoint), labels);
    const auto b = AnomalyClipModel::load(ucfOptions(dir.file("copy.ckpt")), labels);
    VIGIL_CHECK(a->textFeatures() == b->textFeatures());
}

VIGIL_TEST(everyDtypeOffsetStrideAndSharedStorageRoundTrips)
{
    TempDir dir;
    torch::manual_seed(3);
    const std::vector<torch::Tensor> storages = {
        torch::randn({60}),
        torch::randn({24}).to(torch::kHalf),
        torch::randn({24}).to(torch::kBFloat16),
        torch::randint(-(int64_t(1) << 40), int64_t(1) << 40, {10}, torch::kLong),
        torch::randint(-100000, 100000, {10}, torch::kInt),
        torch::randint(0, 255, {16}, torch::kByte),
        torch::randint(0, 2, {9}, torch::kByte).to(torch::kBool),
        torch::randn({5}, torch::kDouble),
    };
    std::vector<SavedTensorView> views = {
        {"a.contiguous", 0, 0, {3, 4}, {4, 1}},
        {"a.offset_view", 0, 12, {2, 3}, {3, 1}},
        {"a.transposed", 0, 20, {4, 5}, {1, 4}},  // shares storage 0, column-major view
        {"a.broadcast", 0, 59, {3}, {0}},          // stride 0
        {"half", 1, 2, {2, 11}, {11, 1}},
        {"bf16", 2, 0, {24}, {1}},
        {"int64", 3, 1, {9}, {1}},
        {"int32", 4, 0, {2, 5}, {5, 1}},
        {"uint8", 5, 0, {4, 4}, {4, 1}},
        {"bool", 6, 0, {3, 3}, {3, 1}},
        {"float64", 7, 0, {5}, {1}},
        {"scalar", 0, 7, {}, {}},
        {"empty", 0, 0, {0, 3}, {3, 1}},
    };
    writeTorchArchive(dir.file("layouts.ckpt"), storages, views, true);
    CheckpointReader reader(dir.file("layouts.ckpt"));
    const auto tensors = reader.stateDict();
    VIGIL_CHECK_EQ(tensors.size(), views.size());
    for (const SavedTensorView& view : views) {
        const torch::Tensor expected = storages[view.storage].as_strided(view.sizes, view.strides, view.offset);
        if (!bitwiseEqual(tensors.at(view.name), expected))
            VIGIL_FAIL("tensor " << view.name << " differs after the round trip");
    }
    VIGIL_CHECK(tensors.at("a.transposed").storage().data() == tensors.at("a.contiguous").storage().data());
}

VIGIL_TEST(notAnArchiveNamesTheFile)
{
    TempDir dir;
    writeAll(dir.file("text.ckpt"), "this is not a checkpoint\n");
    writeAll(dir.file("empty.ckpt"), "");
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("text.ckpt")), dir.file("text.ckpt") + ": not a PyTorch checkpoint");
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("empty.ckpt")), "not a PyTorch checkpoint");
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("missing.ckpt")), "cannot open");
    VIGIL_CHECK_THROWS(CheckpointReader(sharedPath("golden/ucf/ncentroid.npy")), "not a PyTorch checkpoint");
}

VIGIL_TEST(truncatedCopiesFailWithTheFileName)
{
    TempDir dir;
    const std::string bytes = readAll(kUcfCheckpoint);
    for (const double fraction : {0.001, 0.1, 0.5, 0.9, 0.999}) {
        const std::string path = dir.file("truncated.ckpt");
        writeAll(path, bytes.substr(0, size_t(double(bytes.size()) * fraction)));
        VIGIL_CHECK_THROWS(AnomalyClipModel::load(ucfOptions(path), LabelSet::resolve("ucf")), path);
    }
}

VIGIL_TEST(storageSmallerThanThePickleClaimsIsRejected)
{
    TempDir dir;
    // The pickle claims 100 elements; the record holds 10.
    const std::vector<torch::Tensor> storages = {torch::zeros({10})};
    std::vector<SavedTensorView> views = {{"w", 0, 0, {10}, {1}}};
    writeTorchArchive(dir.file("ok.ckpt"), storages, views, true);
    std::string bytes = readAll(dir.file("ok.ckpt"));
    // BININT1 10 follows 'cpu' in the persistent id: patch the numel to 100 (no CRC on data.pkl fields read by us?)
    const std::string needle = std::string("X\x03\x00\x00\x00" "cpuK\x0a", 10);
    const size_t at = bytes.find(needle);
    VIGIL_CHECK(at != std::string::npos);
    bytes[at + 9] = 100;
    writeAll(dir.file("lies.ckpt"), bytes);
    // Either the zip CRC catches the edit or the size check does; both name the file.
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("lies.ckpt")).stateDict(), dir.file("lies.ckpt"));

    // A view reaching past its storage is refused by the pickle reader.
    views = {{"w", 0, 5, {10}, {1}}};
    writeTorchArchive(dir.file("past.ckpt"), storages, views, true);
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("past.ckpt")), "reaches element 14 of a storage of 10");
}

VIGIL_TEST(missingRecordNamesTheTensor)
{
    TempDir dir;
    // Two views, but only storage 0 exists: the second names storage 1.
    const std::vector<torch::Tensor> storages = {torch::zeros({4})};
    writeTorchArchive(dir.file("one.ckpt"), storages, {{"first", 0, 0, {4}, {1}}}, true);
    std::string bytes = readAll(dir.file("one.ckpt"));
    // Rename the record data/0 to data/9 in both zip headers (same length).
    for (size_t at = bytes.find("archive/data/0"); at != std::string::npos; at = bytes.find("archive/data/0", at + 1))
        bytes[at + 13] = '9';
    writeAll(dir.file("missing.ckpt"), bytes);
    VIGIL_CHECK_THROWS(CheckpointReader(dir.file("missing.ckpt")).stateDict(), "record data/0 of tensor 'first' is missing");
}

VIGIL_TEST(stateDictMissingAKeyNamesTheKey)
{
    TempDir dir;
    auto tensors = orderedStateDict(kUcfCheckpoint);
    const std::string dropped = "net.temporal_model.classifier.linear.bias";
    tensors.erase(std::remove_if(tensors.begin(), tensors.end(), [&](const auto& t) { return t.first == dropped; }),
                  tensors.end());
    writeStateDict(dir.file("dropped.ckpt"), tensors);
    VIGIL_CHECK_THROWS(AnomalyClipModel::load(ucfOptions(dir.file("dropped.ckpt")), LabelSet::resolve("ucf")),
                       "lacks '" + dropped + "'");
}

VIGIL_TEST(shapesThatDoNotFitNameTheKey)
{
    TempDir dir;
    auto tensors = orderedStateDict(kUcfCheckpoint);
    for (auto& [name, tensor] : tensors)
        if (name == "net.temporal_model.axial_attn.layers.blocks.0.f.net.fn.fn.to_kv.weight")
            tensor = torch::zeros({7, 3});
    writeStateDict(dir.file("misshapen.ckpt"), tensors);
    VIGIL_CHECK_THROWS(AnomalyClipModel::load(ucfOptions(dir.file("misshapen.ckpt")), LabelSet::resolve("ucf")),
                       "'net.temporal_model.axial_attn.layers.blocks.0.f.net.fn.fn.to_kv.weight' has shape [7, 3]");

    auto nan = orderedStateDict(kUcfCheckpoint);
    for (auto& [name, tensor] : nan)
        if (name == "net.temporal_model.projection.bias")
            tensor = torch::full_like(tensor, NAN);
    writeStateDict(dir.file("nan.ckpt"), nan);
    VIGIL_CHECK_THROWS(AnomalyClipModel::load(ucfOptions(dir.file("nan.ckpt")), LabelSet::resolve("ucf")),
                       "'net.temporal_model.projection.bias' holds NaN");
}

VIGIL_TEST(wrongLabelsAndCentroidAreRefused)
{
    VIGIL_CHECK_THROWS(AnomalyClipModel::load(ucfOptions(kUcfCheckpoint), LabelSet::resolve("xd")),
                       "trained on 14 classes, the labels 'xd' list 7");
    ModelLoadOptions options = ucfOptions(kUcfCheckpoint);
    options.centroidPath = kUcfCheckpoint; // a state dict, not a tensor
    VIGIL_CHECK_THROWS(AnomalyClipModel::load(options, LabelSet::resolve("ucf")), "expected a saved tensor");
    // Same class count, other names: loads, with a warning when the vocabulary is known.
    std::vector<std::string> names = LabelSet::resolve("ucf").fileOrderNames();
    names[0] = "Abduction"; // sorts where "Abuse" did
    options = ucfOptions(kUcfCheckpoint);
    options.vocabularyPath = sharedPath("clip/bpe_simple_vocab_16e6.txt.gz");
    const auto model = AnomalyClipModel::load(options, LabelSet::fromNames(names, "custom"));
    VIGIL_CHECK_EQ(model->warnings().size(), size_t(1));
    VIGIL_CHECK(model->warnings()[0].find("Abduction") != std::string::npos);
}

VIGIL_TEST(randomlyDamagedCopiesNeverCrash)
{
    TempDir dir;
    const std::string original = readAll(kUcfCheckpoint);
    std::mt19937_64 random(12345);
    int failures = 0, loads = 0;
    for (int round = 0; round < 60; ++round) {
        std::string bytes = original;
        const int edits = 1 + int(random() % 8);
        for (int e = 0; e < edits; ++e) {
            // Bias half the edits towards the pickle, which sits at the start of the archive.
            const size_t span = (random() % 2) ? std::min<size_t>(bytes.size(), 20000) : bytes.size();
            bytes[random() % span] = char(random() & 0xff);
        }
        const std::string path = dir.file("damaged.ckpt");
        writeAll(path, bytes);
        try {
            AnomalyClipModel::load(ucfOptions(path), LabelSet::resolve("ucf"));
            ++loads;
        } catch (const Error& e) {
            ++failures;
            if (std::string(e.what()).find(path) == std::string::npos)
                VIGIL_FAIL("error does not name the file: " << e.what());
        }
    }
    std::printf("       %d damaged copies refused, %d loaded\n", failures, loads);
    VIGIL_CHECK(failures > 0);
}

VIGIL_TEST_MAIN()
