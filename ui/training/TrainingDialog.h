// The fine-tuning dialog: what the project's data holds per class (videos, frames,
// labelled frames), why a run cannot start yet, and the run's settings with the paper's
// defaults. A dumb widget: readiness in, settings out.
#pragma once

#include "model/Trainer.h"
#include "training/TrainingWorker.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vigil {

/// GUI thread.
class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    TrainingDialog(const TrainingOptions& defaults, const QString& suggestedName, QWidget* parent = nullptr);

    /// The check's answer: fills the table, says what stops the run (and disables Start).
    void setReadiness(const TrainingReadiness& readiness);
    void setChecking(const QString& message);
    TrainingOptions options() const;
    QString modelName() const;
    /// Classes the model lacks that the analyst chose to learn, and CLIP's vocabulary
    /// file their prompts need.
    QStringList newClasses() const;
    QString vocabularyPath() const;
    void setVocabularyPath(const QString& path);
    QListWidget* newClassList() const { return m_newClasses; }
    QTableWidget* classTable() const { return m_table; }
    QPushButton* startButton() const { return m_start; }

signals:
    /// The settings changed in a way the check depends on (validation, new classes).
    void recheckRequested();
    void scoreFirstRequested(const QList<qint64>& videoIds);

private:
    QTableWidget* m_table = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_name = nullptr;
    QSpinBox *m_epochs = nullptr, *m_warmup = nullptr, *m_batch = nullptr, *m_seed = nullptr;
    QDoubleSpinBox *m_lr = nullptr, *m_frameWeight = nullptr, *m_validation = nullptr;
    QCheckBox *m_frameSupervision = nullptr, *m_keepCentroid = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_scoreFirst = nullptr;
    QGroupBox* m_newClassBox = nullptr;
    QListWidget* m_newClasses = nullptr;
    QLineEdit* m_vocabulary = nullptr;
    QList<qint64> m_unscored;
    TrainingOptions m_defaults;
};

} // namespace vigil
