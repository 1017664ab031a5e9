// Runs a loaded model on one device: frame features to per-frame scores and class
// probabilities with the test-mode windowing (anomalyclip-model.md section 5), and
// preprocessed frames to CLIP features.
#pragma once

#include "model/AnomalyClipModel.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vigil {

enum class ComputeDevice { Auto, Cpu, Cuda };
/// Float16 on CUDA only; Int8 on CPU only (the image encoder's linear layers, dynamically
/// quantized: features within a small tolerance of fp32, not equal to them).
enum class Precision { Float32, Float16, Int8 };
/// Whose int8 products: Best is oneDNN's matmul primitive where Vigil was built with it
/// (AMX kernels where the CPU has them), else LibTorch's quantized engine; LibTorch forces
/// the latter (for comparison).
enum class Int8Kernels { Best, LibTorch };

struct SessionOptions {
    ComputeDevice device = ComputeDevice::Auto;
    Precision precision = Precision::Float32;
    int threads = 0;                // intra-op threads on CPU; 0: one per core
    int64_t sequencesPerChunk = 8; // temporal-model batch of 512-frame sequences; bounds memory
    Int8Kernels int8Kernels = Int8Kernels::Best;
};

/// Per-frame outputs, row-major, classes in model order (sorted names).
struct VideoScores {
    int64_t frames = 0;
    int classes = 0; // C; the selector has C - 1 columns
    int normalId = 0;
    std::vector<float> scores;     // [T] anomaly score a
    std::vector<float> logits;     // [T, C-1] batch-normed selector logits
    std::vector<float> softmax;    // [T, C-1] p(c | abnormal)
    std::vector<float> classProbs; // [T, C] p(c), normal column 1 - a
};

/// The key of the features a session of this precision makes: the image encoder's weights
/// fingerprint, with the precision added when it is not fp32 (cached fp16 or int8 features
/// must never stand in for fp32 ones, nor the reverse).
std::string featureFingerprint(const AnomalyClipModel& model, Precision precision);
/// "fp32", "fp16" or "int8".
const char* precisionName(Precision precision);
/// Whether this LibTorch can run Precision::Int8.
bool int8Available();

/// Reports work done; returns false to cancel (the call then throws vigil::Cancelled).
using ProgressCallback = std::function<bool(int64_t done, int64_t total)>;

/// Create and use on one worker thread (the inference-mode guard is thread-local); only
/// encodeImagesOnThisThread() may also be called from threads that one starts.
class InferenceSession {
public:
    InferenceSession(std::shared_ptr<const AnomalyClipModel> model, const SessionOptions& options = {});
    ~InferenceSession();

    static bool cudaAvailable();
    /// "cpu (2 threads)", "cuda:0 fp16", ...
    std::string deviceDescription() const;
    const AnomalyClipModel& model() const { return *m_model; }

    /// features: [frames, D] row-major. Any frames >= 1.
    VideoScores scoreFeatures(const float* features, int64_t frames, int64_t dim,
                              const ProgressCallback& progress = {}) const;
    /// pixels: [count, 3, R, R] normalised, row-major -> [count, D].
    /// The batch is split between encoderLanes() threads and the call returns when all are done.
    std::vector<float> encodeImages(const float* pixels, int64_t count) const;

    /// How many threads may encode side by side, each calling encodeImagesOnThisThread() on
    /// its own frames: the CPU threads, 1 on CUDA. Lanes that never wait for each other keep
    /// both cores busy where a split batch leaves one idle until the slower part ends.
    int encoderLanes() const;
    /// Whether encode calls should keep to one batch size (but for a video's last frames):
    /// int8's oneDNN kernels are made per row count and kept (for ViT-B/16 two more group
    /// sizes raised the peak from 1.10 to 1.29 GB).
    bool fixedBatchSize() const;
    /// encodeImages() on the calling thread only (single-threaded kernels on the CPU): one
    /// lane of encoderLanes(). Any thread; the session must outlive the call.
    std::vector<float> encodeImagesOnThisThread(const float* pixels, int64_t count) const;

private:
    void encodeRange(const float* pixels, int64_t count, float* out) const;

    struct State;
    std::shared_ptr<const AnomalyClipModel> m_model;
    std::unique_ptr<State> m_state;
};

} // namespace vigil
