// The main window opens, shows its menus, and quits from the File menu.
#include "MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void showsTitleMenusAndPlaceholder()
    {
        vigil::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Vigil"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
        auto* placeholder = window.findChild<QLabel*>(QStringLiteral("placeholder"));
        QVERIFY(placeholder);
        QVERIFY(placeholder->isVisible());
        // For looking at it: VIGIL_SCREENSHOT_DIR=/tmp ctest -R mainwindow
        const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(dir + QStringLiteral("/mainwindow.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
