// The labels' tools.
#include "review/LabelToolsController.h"

#include "WorkstationController.h"
#include "project/LabelInterchange.h"
#include "project/ProjectStore.h"
#include "review/LabelEditor.h"
#include "review/LabelHistoryDialogs.h"
#include "review/LabelsPanel.h"

#include "model/Error.h"
#include "model/LabelSet.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QUndoCommand>
#include <QUndoView>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

namespace {

// The class of a video as a whole, set from the videos list: one undoable step.
class VideoClassCommand : public QUndoCommand {
public:
    VideoClassCommand(WorkstationController* workstation, qint64 videoId, QString before, QString after)
        : QUndoCommand(QObject::tr("Set the class of a video to '%1'").arg(after.isEmpty() ? QObject::tr("none") : after))
        , m_workstation(workstation)
        , m_videoId(videoId)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const QString& value)
    {
        try {
            m_workstation->store()->setVideoClasses({{m_videoId, value}});
            emit m_workstation->videosChanged();
        } catch (const std::exception& e) {
            setObsolete(true); // refused (a read-only project): nothing changed
            emit m_workstation->errorOccurred(QString::fromStdString(e.what()));
        }
    }
    WorkstationController* m_workstation;
    qint64 m_videoId;
    QString m_before, m_after;
};



const QStringList kFormats = {QStringLiteral("ucf"), QStringLiteral("xd"), QStringLiteral("sht"), QStringLiteral("csv"),
                              QStringLiteral("json")};

QStringList formatTitles()
{
    return {QObject::tr("UCF-Crime temporal annotations (.txt)"), QObject::tr("XD-Violence annotations.txt (.txt)"),
            QObject::tr("ShanghaiTech frame masks (folder of .npy)"), QObject::tr("CSV, every field (.csv)"),
            QObject::tr("JSON, every field and the project's classes (.json)")};
}

} // namespace

LabelToolsController::LabelToolsController(WorkstationController* workstation, LabelsPanel* panel, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_panel(panel)
    , m_window(window)
{
    connect(panel, &LabelsPanel::newClassRequested, this, [this](const QList<qint64>& ids) {
        bool ok = false;
        const QString name = QInputDialog::getText(m_window, tr("New Class"),
                                                   tr("A class of this project's own (for example Loitering):"), QLineEdit::Normal,
                                                   QString(), &ok);
        if (ok)
            addClass(name, ids);
    });
    connect(panel, &LabelsPanel::historyRequested, this, &LabelToolsController::showHistory);
    connect(workstation, &WorkstationController::videoOpened, this, &LabelToolsController::refreshClasses);
}

void LabelToolsController::install(QMenu* file, QMenu* edit)
{
    QAction* before = nullptr;
    for (QAction* a : file->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("file.groundTruth")) // by name: its title is translated
            before = a;
    QAction* importAction = new QAction(tr("Import &Labels..."), file);
    QAction* exportAction = new QAction(tr("E&xport Labels..."), file);
    importAction->setObjectName(QStringLiteral("file.importLabels"));
    exportAction->setObjectName(QStringLiteral("file.exportLabels"));
    connect(importAction, &QAction::triggered, this, &LabelToolsController::importDialog);
    connect(exportAction, &QAction::triggered, this, &LabelToolsController::exportDialog);
    const QList<QAction*> all = file->actions();
    QAction* after = before ? all.value(all.indexOf(before) + 1) : nullptr;
    file->insertAction(after, importAction);
    file->insertAction(after, exportAction);

    edit->addSeparator();
    edit->addAction(tr("Label &Classes..."), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            m_window, tr("Label Classes"),
            tr("The model's classes and the project's own: %1\n\nAdd a class of the project's own:").arg(labelClasses().join(QStringLiteral(", "))),
            QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty())
            addClass(name);
    })->setObjectName(QStringLiteral("edit.labelClasses"));
    edit->addAction(tr("Label &History of This Video..."), this, &LabelToolsController::showVideoHistory)->setObjectName(QStringLiteral("edit.labelHistoryOfThisVideo"));
    edit->addAction(tr("Analyst &Report..."), this, &LabelToolsController::showReport)->setObjectName(QStringLiteral("edit.analystReport"));
    m_undoDock = new QDockWidget(tr("Undo History"), m_window);
    m_undoDock->setObjectName(QStringLiteral("undoDock"));
    auto* view = new QUndoView(m_workstation->undoGroup(), m_undoDock);
    view->setEmptyLabel(tr("<nothing done yet>"));
    m_undoDock->setWidget(view);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    m_undoDock->hide();
    QAction* toggle = m_undoDock->toggleViewAction();
    toggle->setText(tr("Undo &History"));
    toggle->setObjectName(QStringLiteral("edit.undoHistory"));
    edit->addAction(toggle);
}

QStringList LabelToolsController::labelClasses() const
{
    QStringList names = m_workstation->abnormalClassNames();
    if (ProjectStore* store = m_workstation->store()) {
        try {
            for (const QString& own : store->customClasses())
                if (!names.contains(own, Qt::CaseInsensitive))
                    names << own;
        } catch (const std::exception&) {
            // an unreadable project names no classes of its own
        }
    }
    return names;
}

void LabelToolsController::refreshClasses() { m_panel->setClasses(labelClasses()); }

bool LabelToolsController::addClass(const QString& name, const QList<qint64>& ids)
{
    ProjectStore* store = m_workstation->store();
    if (!store || name.trimmed().isEmpty())
        return false;
    try {
        store->addCustomClass(name);
    } catch (const std::exception& e) {
        emit m_workstation->errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    refreshClasses();
    // The stored spelling (an existing class in another case keeps its own).
    QString stored = name.trimmed();
    for (const QString& c : labelClasses())
        if (c.compare(stored, Qt::CaseInsensitive) == 0)
            stored = c;
    if (!ids.isEmpty())
        m_workstation->labels()->setClass(ids, stored);
    emit message(tr("Class '%1' added to the project").arg(stored));
    return true;
}

void LabelToolsController::setVideoClass(qint64 videoId, const QString& className)
{
    ProjectStore* store = m_workstation->store();
    if (!store)
        return;
    const std::optional<VideoRecord> video = store->video(videoId);
    if (!video || video->videoClass == className.trimmed())
        return;
    m_workstation->labelUndoStack()->push(new VideoClassCommand(m_workstation, videoId, video->videoClass, className.trimmed()));
}

void LabelToolsController::chooseVideoClass(qint64 videoId)
{
    ProjectStore* store = m_workstation->store();
    if (!store)
        return;
    const std::optional<VideoRecord> video = store->video(videoId);
    if (!video)
        return;
    QStringList choices{tr("(none)")};
    QString normal = QStringLiteral("Normal");
    const QStringList all = m_workstation->classNames();
    if (m_workstation->normalId() >= 0 && m_workstation->normalId() < all.size())
        normal = all[m_workstation->normalId()];
    choices << normal << labelClasses();
    const int current = std::max<int>(0, int(choices.indexOf(video->videoClass)));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Video Class"),
                                                 tr("The class of %1 as a whole (the datasets' weak label):")
                                                     .arg(QFileInfo(video->path).fileName()),
                                                 choices, current, false, &ok);
    if (ok)
        setVideoClass(videoId, chosen == choices.first() ? QString() : chosen);
}

QStringList LabelToolsController::knownLabelClasses(const QString& classList) const
{
    QStringList names = m_workstation->classNames() + labelClasses();
    auto add = [&names](const QString& spec) {
        const LabelSet labels = LabelSet::resolve(spec.toStdString()); // kept: the loop reads its names
        for (const std::string& name : labels.fileOrderNames())
            if (!names.contains(QString::fromStdString(name), Qt::CaseInsensitive))
                names << QString::fromStdString(name);
    };
    if (!classList.isEmpty())
        add(classList); // a bad list is the user's error: said as such
    if (ProjectStore* store = m_workstation->store())
        for (const ModelRecord& m : store->models()) {
            try {
                add(m.labels);
            } catch (const std::exception&) {
                // a model whose class list file is gone names no classes
            }
        }
    return names;
}

QString LabelToolsController::importLabels(const QString& format, const QString& path, const QString& classList)
{
    ProjectStore* store = m_workstation->store();
    if (!store)
        throw Error("no project is open");
    LabelImportOptions options;
    options.knownClasses = knownLabelClasses(classList);
    // Without a list any misspelt class would go in: refused, as the command line does.
    if (options.knownClasses.isEmpty())
        throw Error("the project has no model to take its class names from: choose the class list the file's classes are "
                    "checked against");
    if (m_workstation->normalId() >= 0 && m_workstation->normalId() < m_workstation->classNames().size())
        options.normalClass = m_workstation->classNames()[m_workstation->normalId()];
    options.defaultClass = labelClasses().value(0);
    const LabelImport result = vigil::importLabels(*store, *labelFormatFromName(format), path, options);
    // The imported labels are the project's now; the undo steps of the old ones are not.
    m_workstation->labelUndoStack()->clear();
    const qint64 video = m_workstation->currentVideo();
    m_workstation->labels()->setVideo(video, store->video(video) ? store->video(video)->frameCount : 0);
    refreshClasses();
    emit m_workstation->videosChanged();
    return tr("Imported %1 label(s) for %2 video(s), replacing %3.").arg(result.labels).arg(result.videos).arg(result.replaced);
}

QString LabelToolsController::exportLabels(const QString& format, const QString& path)
{
    ProjectStore* store = m_workstation->store();
    if (!store)
        throw Error("no project is open");
    const LabelExport result = vigil::exportLabels(*store, *labelFormatFromName(format), path);
    QString text = tr("Exported %1 label(s) of %2 video(s) to %3.").arg(result.labels).arg(result.videos).arg(path);
    if (result.longLines)
        text += tr(" %n line(s) hold more than two intervals: AnomalyCLIP's reader takes them; the dataset's own file has none.", nullptr,
                   result.longLines);
    return text;
}

void LabelToolsController::importDialog()
{
    bool ok = false;
    const QStringList titles = formatTitles();
    const QString title = QInputDialog::getItem(m_window, tr("Import Labels"), tr("Form of the file:"), titles, 0, false, &ok);
    if (!ok)
        return;
    const QString format = kFormats[titles.indexOf(title)];
    const QString path = format == QLatin1String("sht") ? QFileDialog::getExistingDirectory(m_window, tr("Folder of Frame Masks"))
                                                        : QFileDialog::getOpenFileName(m_window, tr("Import Labels"));
    if (path.isEmpty())
        return;
    // A project without a model has no classes to check the file's against: ask for them.
    QString classList;
    if (knownLabelClasses().isEmpty()) {
        const QStringList lists{tr("UCF-Crime (14 classes)"), tr("XD-Violence (7 classes)"), tr("ShanghaiTech (18 classes)"),
                                tr("A class list file (id,name CSV)...")};
        const QString list = QInputDialog::getItem(m_window, tr("Import Labels"),
                                                   tr("This project has no model to take class names from.\n"
                                                      "Check the file's classes against:"),
                                                   lists, 0, false, &ok);
        if (!ok)
            return;
        const int chosen = int(lists.indexOf(list));
        classList = chosen == 0 ? QStringLiteral("ucf") : chosen == 1 ? QStringLiteral("xd") : chosen == 2 ? QStringLiteral("sht")
                  : QFileDialog::getOpenFileName(m_window, tr("Class List"), QString(), tr("Class lists (*.csv);;All files (*)"));
        if (classList.isEmpty())
            return;
    }
    if (QMessageBox::question(m_window, tr("Import Labels"),
                              tr("The labels of every video the file names are replaced by the file's. This cannot be undone "
                                 "with Undo (export the labels first to keep them). Import?")) != QMessageBox::Yes)
        return;
    try {
        QMessageBox::information(m_window, tr("Import Labels"), importLabels(format, path, classList));
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Import Labels"), tr("Nothing was imported:\n%1").arg(QString::fromStdString(e.what())));
    }
}

void LabelToolsController::exportDialog()
{
    bool ok = false;
    const QStringList titles = formatTitles();
    const QString title = QInputDialog::getItem(m_window, tr("Export Labels"), tr("Form of the file:"), titles, 4, false, &ok);
    if (!ok)
        return;
    const QString format = kFormats[titles.indexOf(title)];
    const QString path = format == QLatin1String("sht") ? QFileDialog::getExistingDirectory(m_window, tr("Folder for the Frame Masks"))
                                                        : QFileDialog::getSaveFileName(m_window, tr("Export Labels"));
    if (path.isEmpty())
        return;
    try {
        QMessageBox::information(m_window, tr("Export Labels"), exportLabels(format, path));
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Export Labels"), QString::fromStdString(e.what()));
    }
}

void LabelToolsController::showHistory(qint64 labelId)
{
    if (ProjectStore* store = m_workstation->store())
        LabelHistoryDialogs::showLabelHistory(m_window, *store, labelId);
}

void LabelToolsController::showVideoHistory()
{
    if (ProjectStore* store = m_workstation->store(); store && m_workstation->currentVideo())
        LabelHistoryDialogs::showVideoHistory(m_window, *store, m_workstation->currentVideo());
}

void LabelToolsController::showReport()
{
    if (ProjectStore* store = m_workstation->store())
        LabelHistoryDialogs::showAnalystReport(m_window, *store);
}

} // namespace vigil
