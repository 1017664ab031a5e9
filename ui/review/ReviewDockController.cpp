// The Review dock.
#include "review/ReviewDockController.h"

#include "WorkstationController.h"
#include "playback/PlaybackController.h"
#include "review/DetectionsPanel.h"
#include "review/LabelEditor.h"
#include "review/LabelsPanel.h"
#include "shortcuts/ShortcutRegistry.h"
#include "timeline/ScoreTimeline.h"

#include <QFileInfo>
#include <QShortcut>
#include <QTabWidget>

namespace vigil {

ReviewDockController::ReviewDockController(WorkstationController* workstation, ScoreTimeline* timeline,
                                           std::function<qint64()> shownFrame, QWidget* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_timeline(timeline)
    , m_shownFrame(std::move(shownFrame))
{
    m_detections = new DetectionsPanel(window);
    m_labels = new LabelsPanel(window);
    // The tables' keys are the registry's here (changed or not).
    m_detections->setOwnKeys(false);
    m_labels->setOwnKeys(false);
    m_tabs = new QTabWidget(window);
    m_tabs->setAccessibleName(tr("Review"));
    m_tabs->addTab(m_detections, tr("Detections"));
    m_tabs->addTab(m_labels, tr("Labels"));
    WorkstationController* c = workstation;
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { m_workstation->setLabelsActive(labelsShown()); });
    connect(c, &WorkstationController::videosChanged, this, &ReviewDockController::refreshDetections);
    connect(c, &WorkstationController::detectionsChanged, this, &ReviewDockController::refreshDetections);
    connect(m_detections, &DetectionsPanel::filterChanged, this, &ReviewDockController::refreshDetections);
    connect(m_detections, &DetectionsPanel::reviewRequested, c, &WorkstationController::setReviewState);
    connect(m_detections, &DetectionsPanel::classRequested, c, &WorkstationController::setCorrectedClass);
    connect(m_detections, &DetectionsPanel::noteRequested, c, &WorkstationController::setNote);
    connect(m_detections, &DetectionsPanel::labelRequested, c, &WorkstationController::makeLabels);
    connect(m_detections, &DetectionsPanel::detectionActivated, c, &WorkstationController::playDetection);
    connect(c, &WorkstationController::videoOpened, this,
            [this](qint64, const QString&, qint64, double fps) { m_fps = fps > 0 ? fps : 30; });
    LabelEditor* editor = c->labels();
    connect(editor, &LabelEditor::labelsChanged, this, [this] { showLabels(true); });
    connect(editor, &LabelEditor::labelAdded, this, [this](qint64 id) {
        showTab(1);
        m_labels->selectLabel(id);
        emit message(tr("Label added: 1-9 and 0 change its class, N adds a note, Ctrl+Z takes it back"), 15000);
    });
    connect(m_labels, &LabelsPanel::labelActivated, this, [c](const LabelRecord& label) {
        c->player().pause();
        c->player().seek(label.startFrame);
    });
    connect(m_labels, &LabelsPanel::selectionChanged, this, [this] { showLabels(false); });
    connect(m_labels, &LabelsPanel::classRequested, editor, &LabelEditor::setClass);
    connect(m_labels, &LabelsPanel::noteRequested, editor, &LabelEditor::setNote);
    connect(m_labels, &LabelsPanel::removeRequested, editor, &LabelEditor::remove);
}

bool ReviewDockController::labelsShown() const
{
    return m_tabs->currentWidget() == m_labels;
}

void ReviewDockController::showTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void ReviewDockController::refreshDetections()
{
    QList<QPair<qint64, QString>> names;
    QHash<qint64, QPair<QString, double>> videos;
    for (const VideoRecord& v : m_workstation->videos()) {
        names << qMakePair(v.id, QFileInfo(v.path).fileName());
        videos.insert(v.id, qMakePair(QFileInfo(v.path).fileName(), v.frameRate));
    }
    m_detections->setVideos(names);
    m_detections->setClasses(m_workstation->classNames(), m_workstation->normalId());
    m_detections->setDetections(m_workstation->detections(m_detections->filter()), videos);
}

void ReviewDockController::showLabels(bool refreshTable)
{
    const QList<LabelRecord>& labels = m_workstation->labels()->labels();
    if (refreshTable)
        m_labels->setLabels(labels, m_fps);
    const QList<qint64> selected = m_labels->selectedIds();
    QVector<TimelineLabel> lane;
    for (const LabelRecord& l : labels)
        lane << TimelineLabel{l.startFrame, l.endFrame, selected.contains(l.id), l.id};
    m_timeline->setLabels(lane);
}

QList<QShortcut*> ReviewDockController::registerKeys(ShortcutRegistry* registry, QWidget* window)
{
    QList<QShortcut*> made;
    QString group;
    auto add = [&](const QString& id, const QList<QKeySequence>& keys, const QString& what, auto function) {
        QShortcut* shortcut = registry->addShortcut(id, group, what, keys, window);
        connect(shortcut, &QShortcut::activated, this, function);
        made << shortcut;
    };
    // The review queue from anywhere in the window (text fields keep their typed keys).
    // Digits and N act on the tab shown; keys of one tab do nothing while the other is shown.
    const auto onDetections = [this](auto action) {
        return [this, action] {
            if (!labelsShown())
                action();
        };
    };
    const auto onLabels = [this](auto action) {
        return [this, action] {
            if (labelsShown())
                action();
        };
    };
    DetectionsPanel* d = m_detections;
    LabelsPanel* l = m_labels;
    group = tr("Review");
    add(QStringLiteral("review.accept"), {QKeySequence(Qt::Key_A)}, tr("Accept the selected detections"), onDetections([d] { d->acceptSelected(); }));
    add(QStringLiteral("review.reject"), {QKeySequence(Qt::Key_X)}, tr("Reject the selected detections"), onDetections([d] { d->rejectSelected(); }));
    add(QStringLiteral("review.makeLabels"), {QKeySequence(Qt::SHIFT | Qt::Key_A)}, tr("Make labels of the selected detections"),
        onDetections([d] { d->labelSelected(); }));
    add(QStringLiteral("review.nextDetection"), {QKeySequence(Qt::Key_PageDown)}, tr("Next detection"), onDetections([d] { d->next(); }));
    add(QStringLiteral("review.previousDetection"), {QKeySequence(Qt::Key_PageUp)}, tr("Previous detection"), onDetections([d] { d->previous(); }));
    add(QStringLiteral("review.note"), {QKeySequence(Qt::Key_N)}, tr("Edit the note of the selected detection or label"),
        [this, d, l] { labelsShown() ? l->editNote() : d->editNote(); });
    for (int digit = 0; digit <= 9; ++digit)
        add(QStringLiteral("review.class%1").arg(digit), {QKeySequence(Qt::Key_0 + digit)},
            tr("Give the selection class %1 (in the class list's order)").arg(digit),
            [this, d, l, digit] { labelsShown() ? l->classifySelected(digit) : d->classifySelected(digit); });
    // Labels: In and Out marks at the frame shown, as in video editors.
    LabelEditor* editor = m_workstation->labels();
    group = tr("Labels");
    add(QStringLiteral("labels.markIn"), {QKeySequence(Qt::Key_I)}, tr("Mark in at the frame shown"),
        [this, editor] { editor->setMarkIn(std::max<qint64>(0, m_shownFrame())); });
    add(QStringLiteral("labels.markOut"), {QKeySequence(Qt::Key_O)}, tr("Mark out at the frame shown"),
        [this, editor] { editor->setMarkOut(std::max<qint64>(0, m_shownFrame())); });
    add(QStringLiteral("labels.clearMarks"), {QKeySequence(Qt::Key_Escape)}, tr("Clear the marks"), [editor] { editor->clearMarks(); });
    // Shift+I / Shift+O move the selected label's first / last frame to the frame shown.
    add(QStringLiteral("labels.firstFrameHere"), {QKeySequence(Qt::SHIFT | Qt::Key_I)}, tr("Move the selected label's first frame here"),
        onLabels([this, editor, l] { editor->moveFirstFrame(l->selectedIds().value(0), m_shownFrame()); }));
    add(QStringLiteral("labels.lastFrameHere"), {QKeySequence(Qt::SHIFT | Qt::Key_O)}, tr("Move the selected label's last frame here"),
        onLabels([this, editor, l] { editor->moveLastFrame(l->selectedIds().value(0), m_shownFrame()); }));
    add(QStringLiteral("labels.remove"), {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)}, tr("Remove the selected labels"),
        onLabels([l] { l->removeSelected(); }));
    return made;
}

void ReviewDockController::showKeyHints(const ShortcutRegistry& keys)
{
    auto first = [&keys](const char* id) {
        const QString all = keys.keysOf(QString::fromLatin1(id));
        return all.isEmpty() ? tr("(no key)") : all.section(QStringLiteral("; "), 0, 0);
    };
    m_detections->setKeyHint(tr("Up/Down: next · %1 accept · %2 make a label · %3 reject · 1-9, 0: class · %4 note · Ctrl+A all")
                                 .arg(first("review.accept"), first("review.makeLabels"), first("review.reject"), first("review.note")));
}

} // namespace vigil
