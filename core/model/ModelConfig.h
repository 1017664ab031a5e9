// The architecture of an AnomalyCLIP checkpoint, inferred from its weight shapes
// (anomalyclip-model.md sections 1, 2, 4 and 8).
#pragma once

#include <cstdint>
#include <string>

namespace vigil {

constexpr int kSegments = 32;          // N
constexpr int kFramesPerSegment = 16;  // L
constexpr int kWindowFrames = kSegments * kFramesPerSegment;
constexpr int kContextLength = 77;
constexpr int64_t kEndOfTextToken = 49407;
constexpr int kTemporalHeads = 8;

/// Plain value; any thread.
struct ModelConfig {
    // Image encoder (absent in checkpoints saved without it).
    bool hasImageEncoder = false;
    int visionWidth = 0;     // W
    int patchSize = 0;       // P
    int gridSize = 0;        // G
    int imageResolution = 0; // R = P * G
    int visionLayers = 0;
    // Text encoder and prompts.
    int textWidth = 0; // Wt
    int textLayers = 0;
    int contextLength = 0;
    int contextTokens = 0; // n_ctx
    bool classSpecificContext = true;
    // Shared embedding and classes.
    int embedDim = 0; // D
    int classes = 0;  // C, the normal class included
    // Temporal model.
    int temporalWidth = 0; // E
    int temporalDepth = 0;
    int segments = 0;         // N
    int framesPerSegment = 0; // L
    bool concatFeatures = false;

    int windowFrames() const { return segments * framesPerSegment; }
    std::string describe() const;
};

} // namespace vigil
