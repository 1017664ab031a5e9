// The keyboard as an analyst sets it up: the key map's rule (one key, one action), a key
// changed in Settings > Keyboard and seen by the menus, the window's shortcuts, the F1
// sheet, the stored settings (only the change), vigil-cli and the next start; a key used
// elsewhere refused with what uses it; a key set exported and imported.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "help/HelpController.h"
#include "help/ShortcutsDialog.h"
#include "settings/AppSettings.h"
#include "settings/KeyboardPage.h"
#include "settings/Settings.h"
#include "settings/SettingsController.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsTable.h"
#include "shortcuts/KeyMap.h"
#include "shortcuts/ShortcutRegistry.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QKeySequenceEdit>
#include <QProcess>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace vigil;

namespace {

QTemporaryDir* home()
{
    static QTemporaryDir dir;
    return &dir;
}

QString cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(VIGIL_CLI_PATH), arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
}

void screenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

KeyMap sample()
{
    KeyMap map;
    map.add({QStringLiteral("play"), QStringLiteral("Play or pause"), QStringLiteral("Playback"), {QKeySequence(Qt::Key_Space)}, {}});
    map.add({QStringLiteral("accept"), QStringLiteral("Accept"), QStringLiteral("Review"), {QKeySequence(Qt::Key_A)}, {}});
    map.add({QStringLiteral("reject"), QStringLiteral("Reject"), QStringLiteral("Review"), {QKeySequence(Qt::Key_X)}, {}});
    return map;
}

// The keys the F1 sheet lists for an action.
QString sheetKeys(ShortcutsDialog* sheet, const QString& action)
{
    for (int g = 0; g < sheet->tree()->topLevelItemCount(); ++g)
        for (int r = 0; r < sheet->tree()->topLevelItem(g)->childCount(); ++r)
            if (sheet->tree()->topLevelItem(g)->child(r)->text(0) == action)
                return sheet->tree()->topLevelItem(g)->child(r)->text(1);
    return QString();
}

QShortcut* shortcut(QWidget& window, const QString& id)
{
    for (QShortcut* s : window.findChildren<QShortcut*>())
        if (s->objectName() == id)
            return s;
    return nullptr;
}

} // namespace

class TestShortcuts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The app and vigil-cli read the same files, as for a user.
        qputenv("HOME", home()->path().toUtf8());
        qputenv("XDG_CONFIG_HOME", home()->filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_STATE_HOME", home()->filePath(QStringLiteral("state")).toUtf8());
        qputenv("XDG_CACHE_HOME", home()->filePath(QStringLiteral("cache")).toUtf8());
    }

    void oneKeyOneAction()
    {
        KeyMap map = sample();
        QVERIFY(map.changes().isEmpty());
        const QString refused = map.setKeys(QStringLiteral("accept"), {QKeySequence(Qt::Key_Space)});
        QVERIFY2(refused.contains(QLatin1String("already used by \"Play or pause\" (Playback)")), qPrintable(refused));
        QCOMPARE(map.binding(QStringLiteral("accept"))->keys, QList<QKeySequence>{QKeySequence(Qt::Key_A)}); // unchanged
        QVERIFY(map.setKeys(QStringLiteral("accept"), {QKeySequence(Qt::CTRL | Qt::Key_Return)}).isEmpty());
        QCOMPARE(map.changes(), QStringList{QStringLiteral("accept=Ctrl+Return")});
        // A whole set: a swap holds together; one key for two actions, or an unknown id, refuses all of it.
        QVERIFY(map.applyChanges({QStringLiteral("accept=X"), QStringLiteral("reject=A")}).isEmpty());
        QCOMPARE(map.user(QKeySequence(Qt::Key_X))->id, QStringLiteral("accept"));
        QCOMPARE(map.changes().size(), 2);
        QStringList problems = map.applyChanges({QStringLiteral("accept=Space")});
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("two things")), qPrintable(problems.first()));
        QCOMPARE(map.user(QKeySequence(Qt::Key_X))->id, QStringLiteral("accept")); // nothing applied
        problems = map.applyChanges({QStringLiteral("nosuch=Q"), QStringLiteral("reject=R")});
        QVERIFY(!problems.isEmpty() && problems.first().contains(QLatin1String("nosuch")));
        QCOMPARE(map.user(QKeySequence(Qt::Key_A))->id, QStringLiteral("reject"));
        // No key at all is a change too; restoring gives the defaults back.
        QVERIFY(map.setKeys(QStringLiteral("play"), {}).isEmpty());
        QVERIFY(map.changes().contains(QStringLiteral("play=")));
        map.restoreAll();
        QVERIFY(map.changes().isEmpty());
    }

    void aKeyChangedInSettingsIsInForceEverywhere()
    {
        {
            MainWindow window;
            window.resize(1366, 768);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTemporaryDir projects;
            QVERIFY(window.openProject(projects.filePath(QStringLiteral("keys.vigil")), {}));
            // Every menu action and shortcut is in the registry, under an id.
            const KeyMap& keys = window.shortcuts()->keyMap();
            QVERIFY2(keys.bindings().size() > 60, qPrintable(QString::number(keys.bindings().size())));
            for (const QString& id : {QStringLiteral("file.openProject"), QStringLiteral("view.wholeVideo"), QStringLiteral("edit.settings"),
                                      QStringLiteral("help.keyboardShortcuts"), QStringLiteral("playback.playPause"),
                                      QStringLiteral("labels.split"), QStringLiteral("review.accept"), QStringLiteral("file.exportClips")})
                QVERIFY2(keys.binding(id), qPrintable(id));
            // No key does two things among the defaults.
            QHash<QKeySequence, QString> owner;
            for (const KeyBinding& b : keys.bindings())
                for (const QKeySequence& key : b.keys) {
                    QVERIFY2(!owner.contains(key), qPrintable(key.toString() + QLatin1String(": ") + owner.value(key) + QLatin1String(", ") + b.id));
                    owner.insert(key, b.id);
                }

            window.settings()->openDialog();
            SettingsDialog* dialog = window.settings()->dialog();
            KeyboardPage* page = dialog->keyboard();
            dialog->pages()->setCurrentWidget(page);
            QCOMPARE(page->table()->rowCount(), keys.bindings().size());
            // The filter finds an action by its words.
            page->filter(QStringLiteral("whole video"));
            int shown = 0;
            for (int row = 0; row < page->table()->rowCount(); ++row)
                shown += !page->table()->isRowHidden(row);
            QCOMPARE(shown, 1);
            page->filter(QString());
            // Space for Accept: refused, saying what has it.
            page->selectId(QStringLiteral("review.accept"));
            QVERIFY(!page->assign(QStringLiteral("review.accept"), QKeySequence(Qt::Key_Space)));
            QVERIFY2(page->message().contains(QLatin1String("\"Play or pause\"")), qPrintable(page->message()));
            // P for Play or pause, pressed in the key field as a user does.
            page->selectId(QStringLiteral("playback.playPause"));
            page->keyEdit()->setFocus();
            QTest::keyClick(page->keyEdit(), Qt::Key_P);
            QTRY_VERIFY_WITH_TIMEOUT(page->keyMap().binding(QStringLiteral("playback.playPause"))->keys ==
                                         QList<QKeySequence>{QKeySequence(Qt::Key_P)},
                                     3000); // QKeySequenceEdit finishes a second after the last key
            // W for the menu's Whole Video.
            QVERIFY(page->assign(QStringLiteral("view.wholeVideo"), QKeySequence(Qt::Key_W)));
            screenshot(*dialog, QStringLiteral("settings-keyboard.png"));
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Apply), Qt::LeftButton);

            // In force: the window's shortcut, the menu action, the F1 sheet.
            QCOMPARE(shortcut(window, QStringLiteral("playback.playPause"))->keys(), QList<QKeySequence>{QKeySequence(Qt::Key_P)});
            QAction* whole = window.findChild<QAction*>(QStringLiteral("view.wholeVideo"));
            QVERIFY(whole);
            QCOMPARE(whole->shortcut(), QKeySequence(Qt::Key_W));
            QSignalSpy played(shortcut(window, QStringLiteral("playback.playPause")), &QShortcut::activated);
            dialog->close();
            QTRY_VERIFY(!window.settings()->dialog());
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QTest::keyClick(&window, Qt::Key_P);
            QCOMPARE(played.count(), 1);
            QTest::keyClick(&window, Qt::Key_Space); // no longer Play or pause
            QCOMPARE(played.count(), 1);
            window.help()->showShortcuts();
            ShortcutsDialog* sheet = nullptr;
            QTRY_VERIFY((sheet = window.findChild<ShortcutsDialog*>()) != nullptr);
            QCOMPARE(sheetKeys(sheet, QStringLiteral("Play or pause")), QStringLiteral("P"));
            QCOMPARE(sheetKeys(sheet, QStringLiteral("Whole Video")), QStringLiteral("W"));
            sheet->close();
        }
        // Stored: only the two changes, read by vigil-cli too.
        QStringList stored = appSettings().value(settingKey::shortcuts).toStringList();
        stored.sort();
        QCOMPARE(stored, (QStringList{QStringLiteral("playback.playPause=P"), QStringLiteral("view.wholeVideo=W")}));
        const QString got = cli({QStringLiteral("config"), QStringLiteral("get"), settingKey::shortcuts});
        QVERIFY2(got.contains(QLatin1String("playback.playPause=P")) && got.contains(QLatin1String("view.wholeVideo=W")), qPrintable(got));
        // The next start has them.
        MainWindow next;
        QCOMPARE(next.shortcuts()->keysOf(QStringLiteral("playback.playPause")), QStringLiteral("P"));
        QCOMPARE(next.findChild<QAction*>(QStringLiteral("view.wholeVideo"))->shortcut(), QKeySequence(Qt::Key_W));
    }

    void aKeySetTravels()
    {
        MainWindow window;
        window.settings()->openDialog();
        KeyboardPage* page = window.settings()->dialog()->keyboard();
        QVERIFY(page->assign(QStringLiteral("review.reject"), QKeySequence(Qt::Key_R)));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.txt"));
        const QString said = SettingsController::exportKeySet(path, page->keyMap());
        QVERIFY2(said.contains(path), qPrintable(said));
        QString error;
        const QStringList lines = SettingsController::readKeySet(path, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(lines, page->keyMap().changes());
        // Imported elsewhere: the same map. Restore all first, then import.
        page->restoreAll();
        QCOMPARE(page->keyMap().binding(QStringLiteral("review.reject"))->keys, QList<QKeySequence>{QKeySequence(Qt::Key_X)});
        page->importChanges(lines);
        QCOMPARE(page->keyMap().changes(), lines);
        QVERIFY2(page->message().contains(QLatin1String("imported")), qPrintable(page->message()));
        // A set where one key does two things is refused whole, with the reason.
        const QStringList before = page->keyMap().changes();
        page->importChanges({QStringLiteral("review.accept=Space")});
        QVERIFY2(page->message().contains(QLatin1String("not imported")), qPrintable(page->message()));
        QCOMPARE(page->keyMap().changes(), before);
        // Cancel forgets the page's edits.
        window.settings()->dialog()->reject();
        QTRY_VERIFY(!window.settings()->dialog());
        QCOMPARE(window.shortcuts()->keysOf(QStringLiteral("review.reject")), QStringLiteral("X"));
    }
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
