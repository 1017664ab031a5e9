// The run panel of a fine-tuning run: live curves of every loss term and of the
// validation AUC and AP per epoch, progress and time left, cancel and resume. Dumb:
// reports in, intent signals out.
#pragma once

#include "model/Trainer.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;

namespace vigil {

/// GUI thread.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    void start(const QString& name, int epochsDone, int epochs, int trainVideos, int validationVideos);
    void addEpoch(const EpochReport& report);
    void setStep(int epoch, int step, int steps, double secondsLeft);
    void setFinished(const QString& name, const EpochReport& best);
    void setCancelled(int epochsDone);
    void setFailed(const QString& message);
    QCustomPlot* plot() const { return m_plot; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resumeButton() const { return m_resume; }

signals:
    void cancelRequested();
    void resumeRequested();

private:
    QCustomPlot* m_plot = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_resume = nullptr;
    QString m_name;
    int m_epochs = 0;
    double m_epochSeconds = 0; // mean of the epochs seen, for the time left
    int m_epochsSeen = 0;
};

} // namespace vigil
