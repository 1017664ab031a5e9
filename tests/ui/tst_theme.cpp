// The theme: System follows the desktop's settings portal over a real D-Bus session bus
// (a dbus-daemon started here, with a portal that answers and changes as a desktop's
// does); Light and Dark override it; without a bus the palette decides. The plots, the
// timeline and its lanes follow the palette in force; screenshots of the workstation in
// both themes are looked at.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "settings/SettingsController.h"
#include "settings/SettingsTable.h"
#include "theme/ThemeColors.h"
#include "theme/ThemeController.h"
#include "timeline/ScoreTimeline.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusVariant>
#include <QListWidget>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <qcustomplot.h>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

void screenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

// The desktop's side: org.freedesktop.portal.Settings with the appearance's color-scheme.
class FakePortal : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1; // dark

public slots:
    QDBusVariant Read(const QString& group, const QString& key)
    {
        // As the portal does: the value in a variant in a variant.
        if (group == QLatin1String("org.freedesktop.appearance") && key == QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
        return QDBusVariant(QVariant(uint(0)));
    }
    void change(uint value)
    {
        scheme = value;
        emit SettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"), QDBusVariant(value));
    }

signals:
    void SettingChanged(const QString& group, const QString& key, const QDBusVariant& value);
};

// Serves the portal from a thread of its own, on its own connection, so that the
// application's blocking Read is answered while the test's thread waits.
class PortalThread : public QThread {
public:
    QString address;
    FakePortal* portal = nullptr;
    QSemaphore ready;

protected:
    void run() override
    {
        FakePortal served;
        QDBusConnection bus = QDBusConnection::connectToBus(address, QStringLiteral("portal"));
        bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &served, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals);
        bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop"));
        portal = &served;
        ready.release();
        exec();
        bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
        QDBusConnection::disconnectFromBus(QStringLiteral("portal"));
        portal = nullptr;
    }
};

class TestTheme : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;
    QProcess m_daemon;
    PortalThread m_portal;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<QDBusVariant>();
        // A session bus of our own (no desktop here), stopped at the end.
        m_daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                                                       QStringLiteral("--address=unix:dir=") + m_home.path()});
        QVERIFY2(m_daemon.waitForStarted(10000), "dbus-daemon (package dbus-daemon) did not start");
        QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 10000);
        const QString address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(address.startsWith(QLatin1String("unix:")));
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        m_portal.address = address;
        m_portal.start();
        QVERIFY(m_portal.ready.tryAcquire(1, 10000));
        QTRY_VERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.portal.Desktop")));
    }

    void systemFollowsThePortalLive()
    {
        ThemeController theme;
        QVERIFY(theme.portalAvailable());
        QCOMPARE(theme.desktopScheme(), ThemeController::Scheme::Dark);
        QSignalSpy changed(&theme, &ThemeController::darkChanged);
        theme.setChoice(QStringLiteral("system"));
        QVERIFY(theme.dark());
        QVERIFY(isDark(QApplication::palette()));
        // A widget's plot follows: its background is the dark palette's base.
        ScoreTimeline timeline;
        QVERIFY(timeline.plot()->axisRect()->backgroundBrush().color().lightness() < 80);
        // The desktop switches to light: the application follows without a restart.
        QMetaObject::invokeMethod(m_portal.portal, [this] { m_portal.portal->change(2); }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(!theme.dark(), 5000);
        QCOMPARE(theme.desktopScheme(), ThemeController::Scheme::Light);
        QVERIFY(!isDark(QApplication::palette()));
        QTRY_VERIFY(timeline.plot()->axisRect()->backgroundBrush().color().lightness() > 200);
        QVERIFY(changed.count() >= 2);
        // An explicit choice wins over the desktop's.
        theme.setChoice(QStringLiteral("dark"));
        QVERIFY(theme.dark() && isDark(QApplication::palette()));
        theme.setChoice(QStringLiteral("light"));
        QVERIFY(!theme.dark() && !isDark(QApplication::palette()));
        QMetaObject::invokeMethod(m_portal.portal, [this] { m_portal.portal->change(1); }, Qt::QueuedConnection);
        QTest::qWait(300);
        QVERIFY(!theme.dark()); // still Light: chosen
    }

    void withoutABusThePaletteDecides()
    {
        const QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("XDG_RUNTIME_DIR", m_home.filePath(QStringLiteral("none")).toUtf8());
        ThemeController theme;
        QVERIFY(!theme.portalAvailable());
        theme.setChoice(QStringLiteral("system"));
        QCOMPARE(theme.dark(), isDark(QApplication::style()->standardPalette())); // offscreen: light
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    }

    void theWorkstationInBothThemes()
    {
        QTemporaryDir dir;
        for (const QString& choice : {QStringLiteral("dark"), QStringLiteral("light")}) {
            appSettings().setValue(settingKey::theme, choice);
            MainWindow window;
            window.resize(1366, 768);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.settings()->theme()->dark(), choice == QLatin1String("dark"));
            const QString media = kShared + QStringLiteral("/media/");
            QVERIFY(window.openProject(dir.filePath(choice + QStringLiteral(".vigil")), {media + "cctv_roadaccident.mp4"}));
            QTRY_COMPARE_WITH_TIMEOUT(window.videoList()->count(), 1, 60000);
            WorkstationController* c = window.controller();
            ModelRecord model;
            model.name = QStringLiteral("golden-ucf");
            model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
            model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
            model.labels = QStringLiteral("ucf");
            c->setModel(model);
            QString finished;
            connect(c, &WorkstationController::scoringFinished, this, [&](const QString& m) { finished = m; });
            c->scoreVideos({});
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 300000);
            window.videoList()->setCurrentRow(0);
            QTRY_VERIFY_WITH_TIMEOUT(c->currentVideo() > 0, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ScoreTimeline*>()->scoreCount() > 0, 60000);
            QTest::qWait(500);
            // The timeline's plot is drawn in the theme's colours: its background pixels.
            ScoreTimeline* timeline = window.findChild<ScoreTimeline*>();
            const QImage picture = timeline->plot()->grab().toImage();
            const QColor corner = picture.pixelColor(picture.width() - 3, 3);
            QVERIFY2((corner.lightness() < 80) == (choice == QLatin1String("dark")), qPrintable(corner.name()));
            screenshot(window, choice + QStringLiteral("-workstation.png"));
        }
        appSettings().setValue(settingKey::theme, QStringLiteral("system"));
    }

    void cleanupTestCase()
    {
        m_portal.quit();
        m_portal.wait(5000);
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
