// Classes a checkpoint lacks, added for fine-tuning (issue 8): each new class gets the
// prompt of section 2 ("X X X X X X X X <name>.") tokenised with CLIP's vocabulary and
// its own context, so the trainer learns its direction like the model's own classes.
#pragma once

#include "model/AnomalyClipModel.h"

#include <memory>
#include <string>
#include <vector>

namespace vigil {

/// A copy of `base` with `names` added to its classes, in the model's order (sorted by
/// name, so normal_id and the other classes' indices may move). A new class starts from
/// the mean of the learned class contexts (the shared context when the checkpoint has only
/// one), batch-norm statistics the mean of the others', and, for a concat_features model,
/// a zero column in the temporal projection: the new model gives the base's anomaly scores
/// and old classes' logits (p(c) of the old classes shrink by the new softmax term). The image encoder is shared with `base`, so cached features stay valid.
/// `base` must hold its text encoder (ModelLoadOptions::keepTextEncoder). Throws
/// vigil::Error for an empty name, one the model has (case, '_' and ' ' aside), a repeated
/// one, a quote or a line break in a name, or a prompt longer than the context (77 tokens).
std::shared_ptr<const AnomalyClipModel> withNewClasses(const AnomalyClipModel& base, const std::vector<std::string>& names,
                                                       const std::string& vocabularyPath);

/// The same comparison of class names the model layer uses: case, '_' and ' ' aside.
bool sameClassName(const std::string& a, const std::string& b);

} // namespace vigil
