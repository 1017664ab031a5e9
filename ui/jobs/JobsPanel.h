// The jobs panel: one row per queued video with its progress, speed, time left and state,
// and pause / cancel for the queue. Dumb: setters in, intent signals out.
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigil {

/// GUI thread.
class JobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobsPanel(QWidget* parent = nullptr);

    void addJobs(const QStringList& videoPaths);
    void setProgress(const QString& videoPath, qint64 done, qint64 total, double framesPerSecond, double secondsLeft);
    void setState(const QString& videoPath, const QString& state);
    void setSummary(const QString& text);
    /// Unchecks Pause (the queue ended or was cancelled).
    void resetPause();
    QString summary() const;
    QTreeWidget* tree() const { return m_tree; }

signals:
    void pauseToggled(bool paused);
    void cancelRequested();

private:
    QTreeWidgetItem* row(const QString& videoPath);

    QTreeWidget* m_tree = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_pause = nullptr;
    QHash<QString, QTreeWidgetItem*> m_rows;
};

} // namespace vigil
