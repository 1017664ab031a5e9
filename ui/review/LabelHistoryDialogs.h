// The labels' audit trail and the analysts' report, each a table in a window of its own
// that closes itself; read from the project when opened.
#pragma once

#include <QCoreApplication>

class QWidget;

namespace vigil {

class ProjectStore;

/// GUI thread.
class LabelHistoryDialogs {
    Q_DECLARE_TR_FUNCTIONS(LabelHistoryDialogs)
public:
    /// Every change of one label: when, who, what, before and after.
    static void showLabelHistory(QWidget* parent, const ProjectStore& store, qint64 labelId);
    /// Every label change on one video.
    static void showVideoHistory(QWidget* parent, const ProjectStore& store, qint64 videoId);
    /// Per analyst: labels, decisions, accepted unchanged, modified, rejected, decision time.
    static void showAnalystReport(QWidget* parent, const ProjectStore& store);
};

} // namespace vigil
