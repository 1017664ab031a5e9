// The main window: assembles the views; holds no logic of its own.
#pragma once

#include <QMainWindow>

namespace vigil {

/// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void createMenus();
    void showAbout();
};

} // namespace vigil
