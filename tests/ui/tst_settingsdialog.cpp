// Edit > Settings on a real window, offscreen, over real settings files in a temporary
// HOME: a change made in the dialog is stored, followed by the workstation (compute
// options, device, analyst, a new project's detection defaults), seen by the real
// vigil-cli (`config get`) and by the next start; a bad value is refused with its reason;
// Reset Settings puts the defaults back; a damaged file does not stop the real vigil.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "project/ProjectStore.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "settings/SettingsController.h"
#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

QTemporaryDir* home()
{
    static QTemporaryDir dir;
    return &dir;
}

QString cli(const QStringList& arguments, int* status = nullptr)
{
    QProcess process;
    process.start(QStringLiteral(VIGIL_CLI_PATH), arguments);
    process.waitForFinished(60000);
    if (status)
        *status = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
}

void screenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Not Qt's test mode: the app and vigil-cli must find the same files, as for a user.
        qputenv("HOME", home()->path().toUtf8());
        qputenv("XDG_CONFIG_HOME", home()->filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_STATE_HOME", home()->filePath(QStringLiteral("state")).toUtf8());
        qputenv("XDG_CACHE_HOME", home()->filePath(QStringLiteral("cache")).toUtf8());
        QCOMPARE(appSettings().configFile(), home()->filePath(QStringLiteral("config/vigil/vigil.conf")));
    }

    void aChangeInTheDialogIsFollowedEverywhere()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkstationController* c = window.controller();
        QCOMPARE(c->preferences().batch, 16);
        window.settings()->openDialog();
        SettingsDialog* dialog = window.settings()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->pages()->count(), 7); // Compute ... Analyst, Interface, Keyboard
        // Every field has an accessible name and its description as tooltip.
        for (const SettingSpec& spec : settingSpecs())
            if (QWidget* editor = dialog->editor(spec.key)) {
                QVERIFY2(!editor->accessibleName().isEmpty(), qPrintable(spec.key));
                QCOMPARE(editor->toolTip(), spec.description);
            }
        auto* device = qobject_cast<QComboBox*>(dialog->editor(settingKey::device));
        device->setCurrentIndex(device->findData(QStringLiteral("cpu-int8")));
        qobject_cast<QSpinBox*>(dialog->editor(settingKey::batch))->setValue(32);
        qobject_cast<QSpinBox*>(dialog->editor(settingKey::threads))->setValue(1);
        qobject_cast<QDoubleSpinBox*>(dialog->editor(settingKey::threshold))->setValue(0.7);
        auto* name = qobject_cast<QLineEdit*>(dialog->editor(settingKey::analyst));
        name->setText(QStringLiteral("Giulia Rossi"));
        dialog->pages()->setCurrentIndex(0);
        screenshot(*dialog, QStringLiteral("settings-compute.png"));
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!window.settings()->dialog());

        // Stored, only the changes.
        const Settings& s = appSettings();
        QCOMPARE(s.integer(settingKey::batch), 32);
        QCOMPARE(s.text(settingKey::analyst), QStringLiteral("Giulia Rossi"));
        QVERIFY(!s.isSet(settingKey::stride));
        // The workstation follows.
        QCOMPARE(c->preferences().batch, 32);
        QCOMPARE(c->preferences().threads, 1);
        QCOMPARE(c->preferences().author, QStringLiteral("Giulia Rossi"));
        QCOMPARE(c->device(), ComputeDevice::Cpu);
        QCOMPARE(c->precision(), Precision::Int8);
        // A project created now starts with the new detection defaults and names the analyst.
        QTemporaryDir projects;
        QVERIFY(window.openProject(projects.filePath(QStringLiteral("new.vigil")), {}));
        QCOMPARE(c->store()->detectionSettings().threshold, 0.7);
        QCOMPARE(c->store()->author(), QStringLiteral("Giulia Rossi"));
        // vigil-cli sees the same settings.
        QCOMPARE(cli({QStringLiteral("config"), QStringLiteral("get"), settingKey::batch}), QStringLiteral("32"));
        QCOMPARE(cli({QStringLiteral("config"), QStringLiteral("get"), settingKey::device}), QStringLiteral("cpu-int8"));
        const QString list = cli({QStringLiteral("config"), QStringLiteral("list")});
        QVERIFY2(list.contains(QLatin1String("compute/batch = 32\n")) && list.contains(QLatin1String("compute/stride = 1  (default)")),
                 qPrintable(list));
        // And so does the next start (a new reading of the files).
        Settings next;
        QCOMPARE(next.number(settingKey::threshold), 0.7);
        QVERIFY(next.notices().isEmpty());
    }

    void aBadValueIsRefusedWithItsReason()
    {
        MainWindow window;
        const QString refused = window.settings()->store({{settingKey::device, QStringLiteral("gpu")}, {settingKey::stride, 2}});
        QVERIFY2(refused.contains(QLatin1String("compute/device: 'gpu' is not one of")), qPrintable(refused));
        QCOMPARE(appSettings().text(settingKey::device), QStringLiteral("cpu-int8")); // unchanged
        QCOMPARE(appSettings().integer(settingKey::stride), 2);                      // the good one stored
        int status = 0;
        const QString cliRefused = cli({QStringLiteral("config"), QStringLiteral("set"), settingKey::threads, QStringLiteral("999")}, &status);
        QVERIFY(status != 0);
        QVERIFY2(cliRefused.contains(QLatin1String("compute/threads: 999 is outside 0-256")), qPrintable(cliRefused));
    }

    void resetPutsTheDefaultsBack()
    {
        MainWindow window;
        window.settings()->resetSettings(false);
        QCOMPARE(appSettings().integer(settingKey::batch), 16);
        QCOMPARE(window.controller()->preferences().batch, 16);
        QCOMPARE(cli({QStringLiteral("config"), QStringLiteral("get"), settingKey::batch}), QStringLiteral("16"));
        // The machine's state (recent projects) is not part of it.
        QVERIFY(!appSettings().value(settingKey::recentProjects).toStringList().isEmpty());
    }

    void aDamagedFileDoesNotStopVigil()
    {
        const QString config = appSettings().configFile();
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("[compute]\nbatch=\0\xff\xfe\x01", 20));
        }
        QProcess vigil;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        vigil.setProcessEnvironment(env);
        vigil.start(QStringLiteral(VIGIL_APP_PATH), {QStringLiteral("--screenshot"), home()->filePath(QStringLiteral("shot.png"))});
        QVERIFY(vigil.waitForFinished(120000));
        QCOMPARE(vigil.exitCode(), 0);
        const QString err = QString::fromUtf8(vigil.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("could not be read; it was set aside as")), qPrintable(err));
        QCOMPARE(QDir(QFileInfo(config).path()).entryList({QStringLiteral("vigil.conf.damaged-*")}).size(), 1);
        QCOMPARE(cli({QStringLiteral("config"), QStringLiteral("get"), settingKey::batch}), QStringLiteral("16"));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
