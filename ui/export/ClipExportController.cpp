// The workstation's clip export.
#include "export/ClipExportController.h"

#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace vigil {

ClipExportController::ClipExportController(WorkstationController* workstation, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_window(window)
{
    qRegisterMetaType<ClipBatch>();
}

ClipExportController::~ClipExportController()
{
    *m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void ClipExportController::install(QMenu* file)
{
    QAction* before = nullptr;
    for (QAction* a : file->actions())
        if (a->objectName() == QLatin1String("file.exportLabels")) // by name: its text is translated
            before = a;
    auto* action = new QAction(tr("Export &Clips..."), file);
    action->setObjectName(QStringLiteral("file.exportClips"));
    connect(action, &QAction::triggered, this, &ClipExportController::openDialog);
    const QList<QAction*> all = file->actions();
    file->insertAction(before ? all.value(all.indexOf(before) + 1) : nullptr, action);
}

void ClipExportController::openDialog()
{
    if (!m_workstation->store() || running())
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Export Clips"));
    auto* form = new QFormLayout(&dialog);
    auto* source = new QComboBox(&dialog);
    source->addItems({tr("Labels"), tr("Detections")});
    form->addRow(tr("Clips of"), source);
    auto* state = new QComboBox(&dialog);
    state->addItems({tr("Any state"), tr("Accepted"), tr("Rejected"), tr("To review")});
    form->addRow(tr("Detections in state"), state);
    auto* className = new QLineEdit(&dialog);
    className->setPlaceholderText(tr("any class"));
    form->addRow(tr("Only the class"), className);
    auto* pad = new QDoubleSpinBox(&dialog);
    pad->setRange(0, 60);
    pad->setSuffix(tr(" s"));
    form->addRow(tr("Padding before and after"), pad);
    auto* reencode = new QCheckBox(tr("Always re-encode (else a stream copy when the cut falls on keyframes)"), &dialog);
    form->addRow(reencode);
    auto* overlay = new QCheckBox(tr("Burn in time, frame, score and class, with a score strip under the picture"), &dialog);
    form->addRow(overlay);
    auto* folder = new QLineEdit(&dialog);
    auto* browse = new QPushButton(tr("Browse..."), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString dir = QFileDialog::getExistingDirectory(&dialog, tr("Folder for the Clips"));
        if (!dir.isEmpty())
            folder->setText(dir);
    });
    form->addRow(tr("Folder"), folder);
    form->addRow(browse);
    // The starting choices are the settings' (Edit > Settings > Export).
    const Settings& settings = appSettings();
    pad->setValue(settings.number(settingKey::exportPadding));
    reencode->setChecked(settings.flag(settingKey::exportReencode));
    overlay->setChecked(settings.flag(settingKey::exportOverlay));
    QString startFolder = settings.text(settingKey::exportFolder);
    if (startFolder.isEmpty() && m_workstation->store()) {
        const QFileInfo project(m_workstation->projectPath());
        startFolder = project.absoluteDir().filePath(project.completeBaseName() + QStringLiteral(" clips"));
    }
    folder->setText(startFolder);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || folder->text().trimmed().isEmpty())
        return;
    ClipSelection selection;
    selection.source = source->currentIndex() == 0 ? ClipSelection::Source::Labels : ClipSelection::Source::Detections;
    if (state->currentIndex() == 1)
        selection.state = ReviewState::Accepted;
    else if (state->currentIndex() == 2)
        selection.state = ReviewState::Rejected;
    else if (state->currentIndex() == 3)
        selection.state = ReviewState::Unreviewed;
    selection.className = className->text().trimmed();
    selection.modelId = m_workstation->model() ? m_workstation->model()->id : 0;
    ClipExportOptions options;
    options.outDir = folder->text().trimmed();
    options.padSeconds = pad->value();
    options.allowStreamCopy = !reencode->isChecked();
    options.overlay = overlay->isChecked();
    m_progress = new QProgressDialog(tr("Exporting clips..."), tr("Cancel"), 0, 0, m_window);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(0);
    connect(m_progress, &QProgressDialog::canceled, this, &ClipExportController::cancel);
    connect(this, &ClipExportController::progressed, m_progress, [this](int done, int total, const QString& current) {
        if (!m_progress)
            return;
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progress->setLabelText(tr("Exporting %1 (%2 of %3)...").arg(current).arg(done + 1).arg(total));
    });
    connect(this, &ClipExportController::finished, m_window, [this](const ClipBatch& batch, const QString& error) {
        if (m_progress)
            m_progress->close();
        if (!error.isEmpty()) {
            QMessageBox::warning(m_window, tr("Export Clips"), error);
            return;
        }
        QString text = tr("%n clip(s) written, with their sidecars, clips.csv and SHA256SUMS.", nullptr, int(batch.clips.size()));
        if (batch.cancelled)
            text += QLatin1Char('\n') + tr("Cancelled: the clips written are complete and listed.");
        if (!batch.failures.isEmpty())
            text += QLatin1Char('\n') + tr("Not written: %1").arg(batch.failures.join(QLatin1Char('\n')));
        QMessageBox::information(m_window, tr("Export Clips"), text);
    }, Qt::SingleShotConnection);
    start(selection, options);
}

void ClipExportController::start(const ClipSelection& selection, const ClipExportOptions& options)
{
    if (!m_workstation->store() || running())
        return;
    *m_cancel = false;
    const QString path = m_workstation->store()->path();
    auto cancel = m_cancel;
    m_thread = QThread::create([this, path, selection, options, cancel] {
        ClipBatch batch;
        QString error;
        try {
            const auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly); // its own connection
            batch = exportClips(*store, selection, options, [this, cancel](int done, int total, const QString& current) {
                QMetaObject::invokeMethod(this, [this, done, total, current] { emit progressed(done, total, current); });
                return !cancel->load();
            });
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, batch, error] { emit finished(batch, error); });
    });
    m_thread->setObjectName(QStringLiteral("vigil-export"));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

} // namespace vigil
