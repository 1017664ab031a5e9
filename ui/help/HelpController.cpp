#include "help/HelpController.h"

#include "WorkstationController.h"
#include "diagnostics/RunLog.h"
#include "help/ShortcutsDialog.h"
#include "shortcuts/ShortcutRegistry.h"
#include "help/SystemCheckDialog.h"
#include "project/ProjectStore.h"
#include "scoring/FeatureCache.h"
#include "playback/ProxySettings.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>

namespace vigil {

namespace {

QString deviceText(ComputeDevice device, Precision precision)
{
    const QString name = device == ComputeDevice::Cpu ? QStringLiteral("CPU")
                         : device == ComputeDevice::Cuda ? QStringLiteral("CUDA GPU")
                                                         : QStringLiteral("Automatic (GPU when available)");
    return name + QStringLiteral(" ") + QString::fromLatin1(precisionName(precision));
}

} // namespace

HelpController::HelpController(WorkstationController* workstation, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_window(window)
{
    // The last model chosen, for the check of a later start without a project.
    connect(workstation, &WorkstationController::modelChanged, this, [this] {
        if (const std::optional<ModelRecord> model = m_workstation->model()) {
            Settings& settings = appSettings();
            settings.setValue(settingKey::modelCheckpoint, model->checkpointPath);
            settings.setValue(settingKey::modelCentroid, model->centroidPath);
            settings.setValue(settingKey::modelLabels, model->labels);
        }
    });
}

void HelpController::install(QMenu* help)
{
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, &HelpController::showShortcuts);
    keys->setObjectName(QStringLiteral("help.keyboardShortcuts"));
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    help->addAction(tr("&System Check..."), this, &HelpController::showSystemCheck)->setObjectName(QStringLiteral("help.systemCheck"));
    help->addSeparator();
    help->addAction(tr("Open &Log Folder"), this, &HelpController::openLogFolder)->setObjectName(QStringLiteral("help.openLogFolder"));
    help->addAction(tr("&Copy Debug Information"), this, &HelpController::copyDebugInformation)->setObjectName(QStringLiteral("help.copyDebugInformation"));
    help->addSeparator();
    help->addAction(tr("&About Vigil"), this, &HelpController::showAbout)->setObjectName(QStringLiteral("help.aboutVigil"));
}

SystemCheckDialog* HelpController::systemCheck() const { return m_check; }

QString HelpController::logFolder()
{
    if (RunLog* log = RunLog::current())
        return QFileInfo(log->path()).absolutePath();
    return RunLog::defaultDirectory();
}

SystemCheckInput HelpController::checkInput() const
{
    SystemCheckInput input;
    const Settings& settings = appSettings();
    if (const std::optional<ModelRecord> model = m_workstation->model()) {
        input.checkpoint = model->checkpointPath;
        input.centroid = model->centroidPath;
        input.labels = model->labels;
    } else {
        input.checkpoint = settings.text(settingKey::modelCheckpoint);
        input.centroid = settings.text(settingKey::modelCentroid);
        input.labels = settings.text(settingKey::modelLabels);
    }
    input.vocabulary = settings.text(settingKey::vocabulary);
    input.cacheDirectory = FeatureCache::defaultDirectory();
    if (!m_workstation->safeMode())
        input.proxyDirectory = settings.text(settingKey::proxyFolder).isEmpty()
                                   ? builtInProxyDirectory()
                                   : settings.text(settingKey::proxyFolder);
    input.cpuOnly = m_workstation->safeMode();
    if (ProjectStore* store = m_workstation->store()) {
        QList<qint64> unscored;
        const std::optional<ModelRecord> model = m_workstation->model();
        if (model && model->id)
            unscored = store->unscoredVideos(model->id);
        for (const VideoRecord& video : store->videos()) {
            input.videos << video.path;
            if (!model || !model->id || unscored.contains(video.id))
                input.framesToCache += video.frameCount;
        }
    }
    return input;
}

DebugContext HelpController::debugContext() const
{
    DebugContext context;
    context.program = QStringLiteral("vigil");
    context.version = QApplication::applicationVersion();
    if (const std::optional<ModelRecord> model = m_workstation->model()) {
        context.model = model->checkpointPath;
        if (!model->encoderFingerprint.isEmpty() || !model->headFingerprint.isEmpty())
            context.modelFingerprint = QStringLiteral("encoder %1, head %2")
                                           .arg(model->encoderFingerprint.isEmpty() ? QStringLiteral("not known yet") : model->encoderFingerprint.left(16),
                                                model->headFingerprint.isEmpty() ? QStringLiteral("not known yet") : model->headFingerprint.left(16));
    }
    context.device = deviceText(m_workstation->device(), m_workstation->precision());
    context.logFolder = logFolder();
    context.safeMode = m_workstation->safeMode();
    return context;
}

void HelpController::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(m_shortcuts ? m_shortcuts->keyMap() : KeyMap(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HelpController::showSystemCheck()
{
    if (m_check) {
        m_check->raise();
        m_check->activateWindow();
        m_check->run();
        return;
    }
    makeCheck()->show();
    m_check->run();
}

void HelpController::runFirstStartCheck()
{
    if (m_check) {
        showSystemCheck();
        return;
    }
    SystemCheckDialog* check = makeCheck();
    connect(check, &SystemCheckDialog::checkFinished, this, [this, check](const SystemCheckResult& result) {
        if (result.failures() == 0 && result.warnings() == 0) {
            m_window->statusBar()->showMessage(tr("System check: %1").arg(result.summary()), 15000);
            check->close();
        } else {
            check->show();
        }
    }, Qt::SingleShotConnection);
    check->run();
}

SystemCheckDialog* HelpController::makeCheck()
{
    m_check = new SystemCheckDialog(checkInput(), m_window);
    m_check->setAttribute(Qt::WA_DeleteOnClose);
    // Each run looks at the project as it is then (videos added since the window opened).
    connect(m_check, &SystemCheckDialog::aboutToRun, this, [this] { m_check->setProjectInput(checkInput()); });
    connect(m_check, &SystemCheckDialog::modelChosen, this, [this](const QString& checkpoint, const QString& centroid, const QString& labels) {
        Settings& settings = appSettings();
        settings.setValue(settingKey::modelCheckpoint, checkpoint);
        settings.setValue(settingKey::modelCentroid, centroid);
        settings.setValue(settingKey::modelLabels, labels);
        if (m_workstation->store()) {
            ModelRecord model;
            model.name = QFileInfo(QFileInfo(checkpoint).path()).fileName();
            model.checkpointPath = QFileInfo(checkpoint).absoluteFilePath();
            model.centroidPath = QFileInfo(centroid).absoluteFilePath();
            model.labels = labels.isEmpty() ? QStringLiteral("ucf") : labels;
            m_workstation->setModel(model);
            m_window->statusBar()->showMessage(tr("Model %1 chosen for this project").arg(model.name), 10000);
        } else {
            m_window->statusBar()->showMessage(tr("Model remembered: a project opened next can use it (Score > Choose Model)"), 10000);
        }
    });
    connect(m_check, &SystemCheckDialog::vocabularyChosen, this,
            [](const QString& path) { appSettings().setValue(settingKey::vocabulary, path); });
    connect(m_check, &SystemCheckDialog::checkFinished, this, [this](const SystemCheckResult& result) {
        qInfo().noquote() << "system check:" << result.summary();
        for (const CheckItem& item : result.items)
            if (item.state == CheckItem::State::Fail || item.state == CheckItem::State::Warning)
                qInfo().noquote() << "  " << item.title << ":" << item.detail;
        emit checkFinished(result);
    });
    return m_check;
}

void HelpController::openLogFolder()
{
    const QString folder = logFolder();
    QDir().mkpath(folder);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        m_window->statusBar()->showMessage(tr("No file manager could open %1").arg(folder), 15000);
}

void HelpController::copyDebugInformation()
{
    const QString text = debugInformation(debugContext()).join(QLatin1Char('\n'));
    QApplication::clipboard()->setText(text);
    m_window->statusBar()->showMessage(tr("Debug information copied: paste it into your report (it holds no video or label)"), 10000);
}

void HelpController::showAbout()
{
    QStringList rows;
    for (const QString& line : debugInformation(debugContext())) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(line.left(colon).toHtmlEscaped(), line.mid(colon + 2).toHtmlEscaped());
    }
    QMessageBox box(m_window);
    box.setWindowTitle(tr("About Vigil"));
    box.setObjectName(QStringLiteral("aboutVigil"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Vigil %1</h3><p>Review surveillance video with AnomalyCLIP anomaly scores.</p>")
                    .arg(QApplication::applicationVersion().toHtmlEscaped()));
    box.setInformativeText(QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows.join(QString())));
    QPushButton* copy = box.addButton(tr("&Copy"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Close);
    box.setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box.exec();
    if (box.clickedButton() == copy)
        copyDebugInformation();
}

} // namespace vigil
