// The settings window's controller.
#include "settings/SettingsController.h"

#include "settings/KeyboardPage.h"
#include "shortcuts/ShortcutRegistry.h"
#include "theme/ThemeController.h"

#include "WorkstationController.h"
#include "model/InferenceSession.h"
#include "playback/ProxySettings.h"
#include "scoring/FeatureCache.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QSaveFile>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace vigil {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString proxyFolder()
{
    const QString chosen = appSettings().text(settingKey::proxyFolder);
    return chosen.isEmpty() ? builtInProxyDirectory() : chosen;
}

} // namespace

SettingsController::SettingsController(WorkstationController* workstation, QMainWindow* window)
    : QObject(window)
    , m_workstation(workstation)
    , m_window(window)
    , m_theme(new ThemeController(this))
{
}

SettingsDialog* SettingsController::dialog() const { return m_dialog; }

void SettingsController::install(QMenu* edit, QMenu* help)
{
    edit->addSeparator();
    QAction* settings = edit->addAction(tr("&Settings..."), this, &SettingsController::openDialog);
    settings->setObjectName(QStringLiteral("edit.settings"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    // In Help beside the system check (before the log and About items).
    auto* reset = new QAction(tr("&Reset Settings..."), help);
    reset->setObjectName(QStringLiteral("help.resetSettings"));
    connect(reset, &QAction::triggered, this, [this] { resetSettings(true); });
    QAction* before = nullptr;
    for (QAction* a : help->actions())
        if (a->isSeparator() && !before)
            before = a;
    help->insertAction(before, reset);
}

QString SettingsController::exportKeySet(const QString& path, const KeyMap& keys)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    // Only the changes from the defaults, as stored: a set made on another version still
    // means the same where its ids exist.
    QByteArray text = "# Vigil key set: one action id=keys a line, keys in portable text\n";
    for (const QString& line : keys.changes())
        text += line.toUtf8() + '\n';
    file.write(text);
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return tr("Key set exported to %1 (%n change(s) from the defaults).", nullptr, int(keys.changes().size())).arg(path);
}

QStringList SettingsController::readKeySet(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("Could not read %1: %2").arg(path, file.errorString());
        return {};
    }
    QStringList changes;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            changes << line;
    }
    return changes;
}

void SettingsController::applyDevice()
{
    const QString device = appSettings().text(settingKey::device);
    const ComputeDevice where = device.startsWith(QLatin1String("cpu"))    ? ComputeDevice::Cpu
                                : device.startsWith(QLatin1String("cuda")) ? ComputeDevice::Cuda
                                                                           : ComputeDevice::Auto;
    Precision precision = device.endsWith(QLatin1String("-int8"))   ? Precision::Int8
                          : device.endsWith(QLatin1String("-fp16")) ? Precision::Float16
                                                                    : Precision::Float32;
    if (precision == Precision::Int8 && !int8Available()) {
        // A setting made on another machine: this LibTorch has no int8 kernels.
        precision = Precision::Float32;
        m_window->statusBar()->showMessage(tr("The setting asks for CPU int8, which this machine's LibTorch lacks: scoring in fp32"), 15000);
    }
    m_workstation->setDevice(where, precision);
}

void SettingsController::apply()
{
    const Settings& s = appSettings();
    FeatureCache::setDefaultDirectory(s.text(settingKey::featureFolder));
    WorkstationController::Preferences p;
    p.threads = s.integer(settingKey::threads);
    p.batch = s.integer(settingKey::batch);
    p.stride = s.integer(settingKey::stride);
    p.proxyFolder = s.text(settingKey::proxyFolder);
    p.proxyBytes = qint64(s.number(settingKey::proxyLimit) * kGiB);
    p.author = s.text(settingKey::analyst);
    p.newProjectDetection.threshold = s.number(settingKey::threshold);
    p.newProjectDetection.hysteresis = s.number(settingKey::hysteresis);
    p.newProjectDetection.minDurationSeconds = s.number(settingKey::minDuration);
    p.newProjectDetection.mergeGapSeconds = s.number(settingKey::mergeGap);
    m_workstation->setPreferences(p);
    m_theme->setChoice(s.text(settingKey::theme));
    if (m_shortcuts) {
        const QStringList problems = m_shortcuts->applyChanges(s.value(settingKey::shortcuts).toStringList());
        if (!problems.isEmpty())
            qWarning().noquote() << "keyboard settings not applied:" << problems.join(QStringLiteral("; "));
    }
    // The feature cache keeps to its limit (checked now and after each change).
    if (const double limit = s.number(settingKey::featureLimit); limit > 0) {
        const qint64 freed = FeatureCache(FeatureCache::defaultDirectory()).prune(qint64(limit * kGiB));
        if (freed > 0)
            qInfo().noquote() << "feature cache: freed" << freed << "bytes to keep within" << limit << "GiB";
    }
}

QString SettingsController::store(const QHash<QString, QVariant>& values)
{
    Settings& s = appSettings();
    const QString device = s.text(settingKey::device);
    QStringList refused;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        try {
            s.setValue(it.key(), it.value());
        } catch (const std::exception& e) {
            refused << QString::fromUtf8(e.what());
        }
    }
    try {
        s.sync();
    } catch (const std::exception& e) {
        refused << QString::fromUtf8(e.what());
    }
    apply();
    if (s.text(settingKey::device) != device)
        applyDevice();
    emit settingsChanged();
    return refused.join(QLatin1Char('\n'));
}

void SettingsController::showValues()
{
    if (!m_dialog)
        return;
    QHash<QString, QVariant> values;
    for (const SettingSpec& spec : settingSpecs())
        if (spec.scope == SettingScope::Shared && m_dialog->editor(spec.key))
            values.insert(spec.key, appSettings().value(spec.key));
    m_dialog->setValues(values);
    m_dialog->setCacheSizes(FeatureCache::folderBytes(FeatureCache::defaultDirectory()), FeatureCache::folderBytes(proxyFolder()));
    if (m_shortcuts)
        m_dialog->keyboard()->setKeyMap(m_shortcuts->keyMap());
}

void SettingsController::openDialog()
{
    if (!m_dialog) {
        m_dialog = new SettingsDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SettingsDialog::applyRequested, this, [this](bool close) {
            QHash<QString, QVariant> values = m_dialog->values();
            values.insert(settingKey::shortcuts, m_dialog->keyboard()->keyMap().changes());
            const QString refused = store(values);
            if (!refused.isEmpty()) {
                m_dialog->setMessage(tr("Not stored: %1").arg(refused));
                return;
            }
            m_dialog->setMessage(tr("Saved in %1.").arg(appSettings().configFile()));
            showValues();
            if (close)
                m_dialog->accept();
        });
        connect(m_dialog, &SettingsDialog::defaultsRequested, this, [this] {
            QHash<QString, QVariant> defaults;
            for (const SettingSpec& spec : settingSpecs())
                if (spec.scope == SettingScope::Shared && m_dialog->editor(spec.key))
                    defaults.insert(spec.key, spec.defaultValue);
            m_dialog->setValues(defaults); // stored on OK or Apply, like any edit
            m_dialog->keyboard()->restoreAll();
        });
        connect(m_dialog->keyboard(), &KeyboardPage::exportRequested, this, [this] {
            const QString path = QFileDialog::getSaveFileName(m_dialog, tr("Export Key Set"), QStringLiteral("vigil-keys.txt"),
                                                              tr("Key sets (*.txt);;All files (*)"));
            if (!path.isEmpty())
                m_dialog->setMessage(exportKeySet(path, m_dialog->keyboard()->keyMap()));
        });
        connect(m_dialog->keyboard(), &KeyboardPage::importRequested, this, [this] {
            const QString path = QFileDialog::getOpenFileName(m_dialog, tr("Import Key Set"), QString(), tr("Key sets (*.txt);;All files (*)"));
            QString error;
            const QStringList changes = path.isEmpty() ? QStringList() : readKeySet(path, &error);
            if (!error.isEmpty())
                m_dialog->setMessage(error);
            else if (!path.isEmpty())
                m_dialog->keyboard()->importChanges(changes);
        });
        connect(m_dialog, &SettingsDialog::clearCacheRequested, this, [this](const QString& key) {
            const bool features = key == settingKey::featureFolder;
            const QString folder = features ? FeatureCache::defaultDirectory() : proxyFolder();
            if (QMessageBox::question(m_dialog, tr("Clear"),
                                      features ? tr("Remove every cached feature in %1? Scores stay; re-scoring or training a "
                                                    "video will decode it again.")
                                                     .arg(folder)
                                               : tr("Remove every seek proxy in %1? They are made again when needed.").arg(folder)) !=
                QMessageBox::Yes)
                return;
            QDir(folder).removeRecursively();
            showValues();
        });
    }
    showValues();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void SettingsController::resetSettings(bool ask)
{
    if (ask && QMessageBox::question(m_window, tr("Reset Settings"),
                                     tr("Put every setting back to its default (compute, detection defaults, caches, export, "
                                        "your name)? Projects, labels and caches are not touched.")) != QMessageBox::Yes)
        return;
    const QString device = appSettings().text(settingKey::device);
    appSettings().resetAll();
    try {
        appSettings().sync();
    } catch (const std::exception& e) {
        QMessageBox::warning(m_window, tr("Reset Settings"), QString::fromUtf8(e.what()));
    }
    apply();
    if (appSettings().text(settingKey::device) != device)
        applyDevice();
    showValues();
    m_window->statusBar()->showMessage(tr("Settings reset to their defaults"), 8000);
    emit settingsChanged();
}

} // namespace vigil
