// Main window assembly. The review workstation's views arrive in later milestones.
#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace vigil {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Vigil"));
    auto* placeholder = new QLabel(tr("No project open.\nVideo review arrives in a later version; "
                                      "use vigil-cli to score features."),
                                   this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setObjectName(QStringLiteral("placeholder"));
    setCentralWidget(placeholder);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1280, 800);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Vigil"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Vigil"),
                       tr("Vigil %1\nReview surveillance video with AnomalyCLIP anomaly scores.")
                           .arg(QApplication::applicationVersion()));
}

} // namespace vigil
