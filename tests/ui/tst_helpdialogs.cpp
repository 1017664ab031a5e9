// The Help menu's windows on a real main window, offscreen: the first start's check stays
// quiet when everything passes (one status bar line) and opens when something is missing;
// the start page says what the last check found and runs it; a second run of the check
// sees videos added since it opened; the shortcuts sheet lists the bound keys and filters.
#include "MainWindow.h"
#include "WorkstationController.h"
#include "help/HelpController.h"
#include "help/ShortcutsDialog.h"
#include "help/SystemCheckDialog.h"
#include "settings/AppSettings.h"
#include "settings/Settings.h"
#include "start/StartPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace vigil;

namespace {

const QString kShared = QStringLiteral(VIGIL_SHARED_DIR);

void screenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

void rememberModel(const QString& checkpoint, const QString& centroid)
{
    Settings& settings = appSettings();
    settings.setValue(settingKey::modelCheckpoint, checkpoint);
    settings.setValue(settingKey::modelCentroid, centroid);
    settings.setValue(settingKey::modelLabels, QStringLiteral("ucf"));
}

} // namespace

class TestHelpDialogs : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { appSettings().resetAll(true); }

    void aPassingFirstStartCheckSaysSoInOneLine()
    {
        rememberModel(kShared + QStringLiteral("/golden/ucf/last.ckpt"), kShared + QStringLiteral("/golden/ucf/ncentroid.pt"));
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.startPageShown());
        auto* status = window.findChild<StartPage*>()->checkStatus();
        QVERIFY(status->text().contains(QLatin1String("system check says whether")));
        QSignalSpy finished(window.help(), &HelpController::checkFinished);
        window.help()->runFirstStartCheck();
        QVERIFY(window.help()->systemCheck() && !window.help()->systemCheck()->isVisible()); // no window while it runs
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        const SystemCheckResult result = finished.first().first().value<SystemCheckResult>();
        QCOMPARE(result.failures(), 0);
        QCOMPARE(result.warnings(), 0);
        QTRY_VERIFY(!window.help()->systemCheck()); // closed, never shown
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("System check: Everything Vigil needs is here."));
        QCOMPARE(status->text(), QStringLiteral("System check: Everything Vigil needs is here."));
        screenshot(window, QStringLiteral("first-start-passed.png"));
    }

    void aFailingFirstStartCheckOpensAndTheStartPageSaysSo()
    {
        rememberModel(m_home.filePath(QStringLiteral("gone/last.ckpt")), m_home.filePath(QStringLiteral("gone/ncentroid.pt")));
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.help(), &HelpController::checkFinished);
        window.help()->runFirstStartCheck();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        SystemCheckDialog* check = window.help()->systemCheck();
        QVERIFY(check);
        QTRY_VERIFY(check->isVisible());
        QVERIFY(check->result().failures() >= 2); // no checkpoint, no centroid
        QVERIFY2(check->summaryLabel()->text().contains(QLatin1String("problem")), qPrintable(check->summaryLabel()->text()));
        // Each failing model file says what to do and offers Choose File... and Open Folder.
        QWidget* row = check->findChild<QWidget*>(QStringLiteral("check-checkpoint"));
        QVERIFY(row);
        QStringList buttons;
        for (const QPushButton* b : row->findChildren<QPushButton*>())
            buttons << b->text();
        QVERIFY2(buttons.contains(QStringLiteral("Choose File...")), qPrintable(buttons.join(QLatin1Char(','))));
        auto* remedy = row->findChild<QLabel*>(QStringLiteral("remedy"));
        QVERIFY(remedy && remedy->text().contains(checkpointSource()));
        auto* status = window.findChild<StartPage*>()->checkStatus();
        QVERIFY2(status->text().contains(QLatin1String("to look at. System Check... says what to do.")), qPrintable(status->text()));
        check->close();
        QTRY_VERIFY(!window.help()->systemCheck());
        // The start page's button runs it again, in its window.
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("systemCheckButton")), Qt::LeftButton);
        QTRY_VERIFY(window.help()->systemCheck() && window.help()->systemCheck()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 120000);
        window.help()->systemCheck()->close();
    }

    void checkAgainSeesVideosAddedSinceItOpened()
    {
        rememberModel(kShared + QStringLiteral("/golden/ucf/last.ckpt"), kShared + QStringLiteral("/golden/ucf/ncentroid.pt"));
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.vigil")), {kShared + QStringLiteral("/media/cctv_normal.mp4")}));
        QTRY_COMPARE(window.videoList()->count(), 1);
        QSignalSpy finished(window.help(), &HelpController::checkFinished);
        window.help()->showSystemCheck();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        auto decoders = [&] {
            for (const CheckItem& item : window.help()->systemCheck()->result().items)
                if (item.id == QLatin1String("decoders"))
                    return item.detail;
            return QString();
        };
        QVERIFY2(decoders().startsWith(QLatin1String("1 video(s)")), qPrintable(decoders()));
        window.controller()->addVideos({kShared + QStringLiteral("/media/cctv_roadaccident.mp4")});
        QTRY_COMPARE(window.videoList()->count(), 2);
        window.help()->systemCheck()->run(); // as Check Again does
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 120000);
        QVERIFY2(decoders().startsWith(QLatin1String("2 video(s)")), qPrintable(decoders()));
        window.help()->systemCheck()->close();
    }

    void theShortcutsSheetListsTheBoundKeysAndFilters()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        ShortcutsDialog* sheet = nullptr;
        QTRY_VERIFY((sheet = window.findChild<ShortcutsDialog*>()) && sheet->isVisible());
        const int all = sheet->visibleRows();
        QVERIFY2(all >= 20, qPrintable(QString::number(all)));
        // Every row is a bound key with its description.
        QStringList rows;
        QTreeWidget* tree = sheet->tree();
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int r = 0; r < tree->topLevelItem(g)->childCount(); ++r) {
                const QTreeWidgetItem* row = tree->topLevelItem(g)->child(r);
                QVERIFY2(!row->text(0).isEmpty() && !row->text(1).isEmpty(), qPrintable(row->text(0)));
                rows << row->text(0) + QStringLiteral(" = ") + row->text(1);
            }
        QVERIFY2(rows.contains(QStringLiteral("Keyboard Shortcuts = F1")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.filter(QStringLiteral("Ctrl+Q")).size() == 1, qPrintable(rows.join(QLatin1Char('\n'))));
        screenshot(*sheet, QStringLiteral("shortcuts.png"));
        auto* filter = sheet->findChild<QLineEdit*>();
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("quit"));
        QVERIFY(sheet->visibleRows() >= 1 && sheet->visibleRows() < all);
        filter->clear();
        QCOMPARE(sheet->visibleRows(), all);
        QTest::keyClicks(filter, QStringLiteral("no such key anywhere"));
        QCOMPARE(sheet->visibleRows(), 0);
        sheet->close();
    }

    void theAboutBoxNamesEveryVersionAndTheModel()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7-test")); // as vigil's main sets VIGIL_VERSION
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("about.vigil")), {}));
        ModelRecord model;
        model.name = QStringLiteral("golden-ucf");
        model.checkpointPath = kShared + QStringLiteral("/golden/ucf/last.ckpt");
        model.centroidPath = kShared + QStringLiteral("/golden/ucf/ncentroid.pt");
        model.labels = QStringLiteral("ucf");
        window.controller()->setModel(model);
        QString shown;
        QTimer::singleShot(300, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("aboutVigil"))
                return;
            shown = box->text() + box->informativeText();
            screenshot(*box, QStringLiteral("about.png"));
            box->button(QMessageBox::Close)->click();
        });
        window.help()->showAbout(); // modal: returns once closed
        QVERIFY2(!shown.isEmpty(), "the About box did not show");
        for (const char* part : {"Vigil ", "<b>Qt</b>", "<b>LibTorch</b>", "<b>oneDNN</b>", "<b>BLAS</b>", "<b>FFmpeg</b>",
                                 "<b>Devices</b>", "<b>Model</b>"})
            QVERIFY2(shown.contains(QLatin1String(part)), part);
        QVERIFY2(shown.contains(QLatin1String("<h3>Vigil 9.8.7-test</h3>")), qPrintable(shown));
        QVERIFY2(shown.contains(model.checkpointPath), qPrintable(shown));
    }
};

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"
