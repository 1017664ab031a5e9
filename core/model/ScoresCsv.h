// Per-frame scores as CSV: `frame,score,<class...>` with the classes in the labels
// file's order and the normal column holding 1 - score.
#pragma once

#include "model/InferenceSession.h"
#include "model/LabelSet.h"

#include <ostream>
#include <string>

namespace vigil {

/// Writes the CSV to a stream; 9 significant digits (floats round-trip exactly).
void writeScoresCsv(std::ostream& out, const VideoScores& scores, const LabelSet& labels);
/// Writes atomically (temporary file, then rename); throws vigil::Error naming the path.
void writeScoresCsvFile(const std::string& path, const VideoScores& scores, const LabelSet& labels);

/// Reads what writeScoresCsvFile wrote: scores and classProbs (model order) filled, logits
/// and softmax left empty. The header must name the labels' classes in file order and the
/// frames must run 0, 1, 2... Throws vigil::Error naming the path and the line.
VideoScores readScoresCsvFile(const std::string& path, const LabelSet& labels);

} // namespace vigil
