// A label as JSON, every field: what the audit trail records before and after an edit,
// and what the JSON and CSV interchange formats carry. Any thread.
#pragma once

#include "project/ProjectTypes.h"

#include <QJsonObject>

namespace vigil {

/// {start_frame, end_frame (exclusive), class, note, author, source, created, modified,
/// and for source "model": model_id, model_class, model_start, model_end, model_peak,
/// model_mean, decision_seconds, detection_id, decision ("accepted" or "modified")}.
QJsonObject labelJson(const LabelRecord& label);
/// The reverse of labelJson (id and video id aside). Throws nothing: `problem` gets what
/// is wrong (a missing or mistyped field), else stays empty.
LabelRecord labelFromJson(const QJsonObject& json, QString* problem);

QString labelSourceName(LabelSource source); // "manual", "model", "import"
std::optional<LabelSource> labelSourceFromName(const QString& name);

} // namespace vigil
