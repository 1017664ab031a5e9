// Datasets' temporal ground truth read into intervals by video, in the three forms the
// AnomalyCLIP datasets publish:
// - UCF-Crime's "Temporal_Anomaly_Annotation" text (also AnomalyCLIP's own files for all
//   three datasets): `Name  Class  s1 e1 [s2 e2 ...]`, last frames inclusive, -1 for none;
// - XD-Violence's annotations.txt: `Name s1 e1 [s2 e2 ...]`, end frames exclusive (as the
//   dataset's own make_gt fills gt[s:e]); the class comes from the name's `_label_B2-G-0`;
// - ShanghaiTech's test_frame_mask/: one .npy of 0/1 per video and frame.
#pragma once

#include "project/ProjectTypes.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace vigil {

class ProjectStore;

enum class AnnotationFormat { UcfCrime, XdViolence, FrameMasks };

/// Plain value. Videos are keyed by annotationKey() of their name.
struct Annotations {
    AnnotationFormat format = AnnotationFormat::UcfCrime;
    QHash<QString, QList<GroundTruthInterval>> videos;
    /// The class each video is given as a whole (its weak label): UCF-Crime's second field
    /// ("Normal" included), XD-Violence's first code's class; "" where the file names none
    /// (XD-Violence's normal videos, frame masks without a run).
    QHash<QString, QString> videoClasses;
    /// Text forms: the line of each interval (parallel to `videos`) and the first line
    /// naming each video, for messages about what the lines say; 0 for frame masks.
    QHash<QString, QList<int>> intervalLines;
    QHash<QString, int> videoLines;
};

/// Any thread. A text file in either line form (told apart by its second field), or a
/// folder of .npy frame masks (or one such file). Throws vigil::Error naming the file and
/// the line when something does not parse.
Annotations readAnnotations(const QString& path);

/// What an import did.
struct AnnotationImport {
    int matched = 0;        // project videos that got ground truth (replacing what they had)
    QStringList unmatched;  // annotated names no project video has
    int clipped = 0;        // intervals cut at (or dropped past) their video's last frame
};

/// Reads the annotations at `path` and gives each of the project's videos of the same
/// name (annotationKey) its intervals, replacing its earlier ones, in one transaction.
/// Throws vigil::Error.
AnnotationImport importAnnotations(ProjectStore& store, const QString& path);

/// File name extensions (lower case, no dot) taken for videos when a folder is searched
/// and stripped when annotation names are matched to videos.
const QStringList& videoFileSuffixes();

/// The name a video is matched by: its file name without folders and without a video or
/// .npy extension. Only known extensions go: XD-Violence names contain dots of their own
/// ("Bad.Boys.1995__#01-11-55_01-12-40_label_G-B2-B6").
QString annotationKey(const QString& fileNameOrPath);

/// XD-Violence's class names (as in its labels file) from the codes in a video's name,
/// in order: "..._label_B2-G-0" gives {"Shooting", "Explosion"}; "_label_A" gives {}.
QStringList xdViolenceClasses(const QString& videoName);

} // namespace vigil
