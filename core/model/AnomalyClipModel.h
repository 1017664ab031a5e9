// A loaded AnomalyCLIP model: weights, normal centroid, class names and the class
// directions computed once. Immutable after load; shared by inference sessions.
#pragma once

#include "model/LabelSet.h"
#include "model/ModelConfig.h"

#include <memory>
#include <string>
#include <vector>

namespace vigil {

struct ModelLoadOptions {
    std::string checkpointPath; // last.ckpt
    std::string centroidPath;   // ncentroid.pt (or .npy)
    std::string vocabularyPath; // CLIP's bpe_simple_vocab_16e6.txt.gz; empty: end tokens from the checkpoint
    /// Keep the text encoder and token embedding after the class directions are computed
    /// (fine-tuning needs them; inference does not: ~250 MB for ViT-B/16).
    bool keepTextEncoder = false;
};

/// Where a load spent its time, in seconds.
struct ModelLoadTimings {
    double read = 0;        // the checkpoint archive: records read, the pickle unpacked
    double weights = 0;     // tensors checked and placed in the network
    double fingerprint = 0; // the image encoder's digest (the feature cache's key) and the head's
                            // filters, on a thread of their own beside the prompts
    double prompts = 0;     // class prompts through the text encoder (the class directions)
    double sideWait = 0;    // the prompts done, waiting for the fingerprint's thread
    double total = 0;       // on the loading thread: read + weights + prompts + sideWait
};

/// Load on any thread; afterwards const and safe to share between threads.
class AnomalyClipModel {
public:
    /// Throws vigil::Error naming the file and the key at fault.
    static std::shared_ptr<const AnomalyClipModel> load(const ModelLoadOptions& options, const LabelSet& labels);
    ~AnomalyClipModel();

    const ModelConfig& config() const;
    const LabelSet& labels() const;
    /// Things the user should know that did not stop the load (e.g. labels whose
    /// prompts do not match the checkpoint's).
    const std::vector<std::string>& warnings() const;
    /// [C, D] row-major, model class order.
    std::vector<float> textFeatures() const;
    /// Hex digest of the image encoder's weights (names, shapes and values): features made
    /// with one encoder stay valid for any head that shares it. Empty without an encoder.
    const std::string& imageEncoderFingerprint() const;
    /// Token ids of each class prompt when a vocabulary was given, else empty.
    const std::vector<std::vector<int64_t>>& promptTokens() const;
    const ModelLoadTimings& loadTimings() const;

    struct Impl; // model-layer internals (torch); see model/nn/AnomalyClipModelImpl.h
    const Impl& impl() const { return *m_impl; }
    /// A model made in memory by the model layer itself (a fine-tuned one being validated).
    static std::shared_ptr<const AnomalyClipModel> fromImpl(std::unique_ptr<Impl> impl);

private:
    AnomalyClipModel();
    std::unique_ptr<Impl> m_impl;
};

} // namespace vigil
