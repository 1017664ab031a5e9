// Every focusable widget of the main window and of its windows (settings, system check,
// shortcuts, research) has a name for assistive technology: the name a screen reader says,
// taken from Qt's accessibility interface (its own text, a buddy label, or an accessible
// name). The test names each widget that has none.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "help/HelpController.h"
#include "help/ShortcutsDialog.h"
#include "help/SystemCheckDialog.h"
#include "settings/SettingsController.h"
#include "settings/SettingsDialog.h"
#include "player/VideoView.h"
#include "timeline/ScoreTimeline.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

// The focusable, shown widgets under `root` without an accessible name.
QStringList unnamed(QWidget* root)
{
    QStringList missing;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : std::as_const(widgets)) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(root) || w->window() != root->window())
            continue;
        // Parts of a composite: focus goes to their owner, which is checked itself (a spin
        // box's line edit).
        if (w->focusProxy() || (w->parentWidget() && w->parentWidget()->focusProxy() == w &&
                                qobject_cast<QAbstractSpinBox*>(w->parentWidget())))
            continue;
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(w);
        const QString name = face ? face->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            missing << QStringLiteral("%1 '%2' in %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) : QString());
    }
    return missing;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void everyFocusableWidgetHasAName()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList missing = unnamed(&window); // the start page
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("a11y.vigil")), {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(window.controller()->currentVideo() > 0);
        missing << unnamed(&window); // the workstation
        window.settings()->openDialog();
        for (int page = 0; page < window.settings()->dialog()->pages()->count(); ++page) {
            window.settings()->dialog()->pages()->setCurrentIndex(page);
            missing << unnamed(window.settings()->dialog());
        }
        window.settings()->dialog()->close();
        window.help()->showShortcuts();
        ShortcutsDialog* sheet = nullptr;
        QTRY_VERIFY((sheet = window.findChild<ShortcutsDialog*>()) != nullptr);
        missing << unnamed(sheet);
        sheet->close();
        window.help()->showSystemCheck();
        QTRY_VERIFY_WITH_TIMEOUT(window.help()->systemCheck() && !window.help()->systemCheck()->running(), 120000);
        missing << unnamed(window.help()->systemCheck());
        window.help()->systemCheck()->close();
        missing.removeDuplicates();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 without a name:\n").arg(missing.size()) + missing.join(QLatin1Char('\n'))));
    }

    // The player reads as an animation whose value is the frame: its text says the frame,
    // the time and (once scored) the score; setting the value seeks.
    void thePlayerTellsTheFrame()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("player.vigil")), {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(window.controller()->currentVideo() > 0);
        auto* view = window.findChild<VideoView*>(QStringLiteral("videoView"));
        QVERIFY(view);
        QTRY_VERIFY(view->frameIndex() >= 0 && view->frameCount() == 243);
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(view);
        QVERIFY(face);
        QCOMPARE(face->role(), QAccessible::Animation);
        QCOMPARE(face->text(QAccessible::Name), QStringLiteral("Video player"));
        QAccessibleValueInterface* value = face->valueInterface();
        QVERIFY(value);
        QCOMPARE(value->maximumValue().toLongLong(), 242);
        QTRY_VERIFY2(face->text(QAccessible::Value).startsWith(QStringLiteral("Frame 0 of 243, 0.000 s")), qPrintable(face->text(QAccessible::Value)));
        value->setCurrentValue(100);
        QTRY_COMPARE(view->frameIndex(), 100);
        QCOMPARE(value->currentValue().toLongLong(), 100);
        QVERIFY2(face->text(QAccessible::Value).startsWith(QStringLiteral("Frame 100 of 243, 3.333 s")), qPrintable(face->text(QAccessible::Value)));
    }

    // Tab walks every control of the workstation and comes back to where it began, one
    // region at a time (the videos, the player, the review dock, the jobs), never stolen
    // by a shortcut.
    void tabReachesEveryControlInOrder()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("tab.vigil")), {kShared + QStringLiteral("/media/cctv_roadaccident.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        window.videoList()->setCurrentRow(0);
        QTRY_VERIFY(window.controller()->currentVideo() > 0);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // What Tab should reach: shown, enabled, taking focus by Tab, not a part of another.
        QSet<QWidget*> expected;
        for (QWidget* w : window.findChildren<QWidget*>())
            if ((w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && w->isVisibleTo(&window) && w->isEnabled() && !w->focusProxy() &&
                !(w->parentWidget() && qobject_cast<QAbstractSpinBox*>(w->parentWidget())) && w->window() == &window)
                expected << w;
        QVERIFY(expected.size() > 10);
        window.videoList()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.videoList()));
        QList<QWidget*> order{window.videoList()};
        for (int step = 0; step < 300; ++step) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = QApplication::focusWidget();
            QVERIFY(now);
            if (now == order.first())
                break;
            QVERIFY2(!order.contains(now), qPrintable(QStringLiteral("Tab came back to %1 before the start").arg(now->objectName())));
            order << now;
        }
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.videoList())); // the cycle closed
        QStringList missed;
        for (QWidget* w : std::as_const(expected))
            if (!order.contains(w))
                missed << QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("not reached by Tab: ") + missed.join(QStringLiteral(", "))));
        // One region after another: the controls of each dock come in one run.
        QStringList regions;
        for (QWidget* w : std::as_const(order)) {
            QString region = QStringLiteral("central");
            for (QWidget* p = w; p; p = p->parentWidget())
                if (auto* dock = qobject_cast<QDockWidget*>(p)) {
                    region = dock->objectName();
                    break;
                }
            if (regions.isEmpty() || regions.last() != region)
                regions << region;
        }
        QStringList distinct = regions;
        distinct.removeDuplicates();
        QVERIFY2(regions.size() == distinct.size(), qPrintable(QStringLiteral("regions visited: ") + regions.join(QStringLiteral(" > "))));
    }

    // The timeline reads as a slider over the frames: its value is the playhead, its text
    // the frame, time and score, and entering a detection is announced once. (The events
    // reach a screen reader only through a platform bridge, which neither offscreen nor
    // Xvfb here has: what is checked is what the interface says and when it would alert.)
    void theTimelineTellsThePlayheadAndAnnouncesDetections()
    {
        ScoreTimeline timeline;
        timeline.resize(800, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setVideo(300, 30);
        QVector<float> scores(300, 0.2f);
        for (int f = 100; f < 150; ++f)
            scores[f] = 0.9f;
        timeline.setScores(scores);
        timeline.setEvents({TimelineEvent{100, 150, false, false}, TimelineEvent{200, 220, false, false}});
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(&timeline);
        QVERIFY(face);
        QCOMPARE(face->role(), QAccessible::Slider);
        QCOMPARE(face->text(QAccessible::Name), QStringLiteral("Score timeline"));
        QAccessibleValueInterface* value = face->valueInterface();
        QVERIFY(value);
        QCOMPARE(value->maximumValue().toLongLong(), 299);
        timeline.setPlayhead(90);
        QCOMPARE(value->currentValue().toLongLong(), 90);
        QCOMPARE(face->text(QAccessible::Value), QStringLiteral("Frame 90 of 300, 0:03.0, score 0.200"));
        QCOMPARE(timeline.announcementCount(), 0);
        timeline.setPlayhead(120); // into the first detection
        QCOMPARE(face->text(QAccessible::Value), QStringLiteral("Frame 120 of 300, 0:04.0, score 0.900, in detection 1 of 2"));
        QCOMPARE(timeline.announcementCount(), 1);
        QCOMPARE(face->text(QAccessible::Description), QStringLiteral("Detection 1 of 2: frames 100 to 149"));
        timeline.setPlayhead(121); // still in it: no second alert
        QCOMPARE(timeline.announcementCount(), 1);
        // Setting the value asks to seek, as a drag would.
        QSignalSpy seek(&timeline, &ScoreTimeline::seekRequested);
        value->setCurrentValue(210);
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.first().first().toLongLong(), 210);
        timeline.setPlayhead(210);
        QCOMPARE(timeline.announcementCount(), 2);
        QCOMPARE(face->text(QAccessible::Description), QStringLiteral("Detection 2 of 2: frames 200 to 219"));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
