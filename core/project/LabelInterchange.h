// The analysts' labels out of a project and into one, in the datasets' forms and in two
// forms that carry every field:
// - ucf: UCF-Crime's temporal form, `Name Class s1 e1 [s2 e2 ...]`, last frames included,
//   `-1 -1` for a video of a class but no interval (its weak label);
// - xd: XD-Violence's annotations.txt, `Name s1 e1 ...`, end frames excluded, no class
//   (the dataset's names carry theirs);
// - sht: ShanghaiTech's test_frame_mask folder, one 0/1 .npy per video and frame;
// - csv and json: every label with all its fields (source, author, times, note and, for
//   labels made from detections, what the model said and what the analyst did).
// An import checks the whole file first and writes nothing unless all of it is right.
#pragma once

#include "project/ProjectTypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

class ProjectStore;

enum class LabelFormat { Ucf, Xd, Sht, Csv, Json };
std::optional<LabelFormat> labelFormatFromName(const QString& name); // "ucf", "xd", "sht", "csv", "json"
QString labelFormatName(LabelFormat format);

/// What an export wrote. Plain value.
struct LabelExport {
    int videos = 0, labels = 0;
    /// ucf: lines with more than UCF-Crime's two intervals (AnomalyCLIP's reader takes them).
    int longLines = 0;
    QStringList files;
};

/// Thread of `store`. Writes atomically (a folder of masks for sht). Throws vigil::Error.
LabelExport exportLabels(const ProjectStore& store, LabelFormat format, const QString& path);

/// Plain value.
struct LabelImportOptions {
    /// Classes a label may have (the models' and the project's own); matched ignoring
    /// case, '_' and ' ' alike, stored in this spelling. Empty: any class.
    QStringList knownClasses;
    /// The class of intervals the file gives none (xd without codes in the name, sht).
    QString defaultClass;
    /// sht: the class a video with an all-zero mask gets as a whole (its weak label); empty: none.
    QString normalClass;
    /// A dataset's file covering more videos than the project has: those are left out
    /// (listed in LabelImport::skippedVideos) instead of refusing the file.
    bool skipUnknownVideos = false;
};

/// What an import did. Plain value.
struct LabelImport {
    int videos = 0, labels = 0;
    int replaced = 0; // labels the named videos had before
    QStringList skippedVideos; // with skipUnknownVideos: names no project video has
};

/// Thread of `store`. Replaces the labels of every video the file names, in one
/// transaction. Throws vigil::Error naming the file and the line (an unknown video or
/// class, an interval ending before it starts or past the video's end, a malformed line,
/// a binary file) before anything is written.
LabelImport importLabels(ProjectStore& store, LabelFormat format, const QString& path, const LabelImportOptions& options);

} // namespace vigil
