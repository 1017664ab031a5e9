// The start page: what Vigil shows when no project is open (the first start, or after
// File > Close Project). New and open project, the recent projects (missing ones shown as
// missing and removable), the system check's last word and a button to run it. Drops on it reach the main window, which opens or adds them.
// Dumb: setters in, intent signals out.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace vigil {

/// GUI thread.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    /// The recent projects, newest first; each is checked for existence when shown.
    void setRecentProjects(const QStringList& paths);
    QListWidget* recentList() const { return m_recent; }
    /// One line on what the last system check found (or that none ran yet).
    void setCheckStatus(const QString& text);
    QLabel* checkStatus() const { return m_check; }

signals:
    void newProjectRequested();
    void openProjectRequested();
    void recentProjectRequested(const QString& path);
    void recentProjectRemoved(const QString& path);
    void systemCheckRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void removeSelected();
    void updateButtons();

    QListWidget* m_recent = nullptr;
    QLabel* m_recentEmpty = nullptr;
    QLabel* m_check = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace vigil
