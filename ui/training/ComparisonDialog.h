// Two models of the project side by side: the overall change in AUC, AP and alarms, and per
// video the change in AUC and in false-positive frames at a threshold, most regressed first.
// A dumb widget: models and results in, the user's choices out.
#pragma once

#include "review/ModelComparison.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vigil {

/// GUI thread.
class ComparisonDialog : public QDialog {
    Q_OBJECT
public:
    explicit ComparisonDialog(QWidget* parent = nullptr);

    /// The project's models (id, name); `a` and `b` chosen at first.
    void setModels(const QList<QPair<qint64, QString>>& models, qint64 a, qint64 b);
    void setThreshold(double threshold);
    void setComparison(const ModelComparison& comparison);
    void setMessage(const QString& message);

    qint64 modelA() const;
    qint64 modelB() const;
    double threshold() const;
    bool overlay() const;
    QTableWidget* table() const { return m_table; }
    QLabel* summary() const { return m_summary; }
    QPushButton* compareButton() const { return m_compare; }
    QCheckBox* overlayBox() const { return m_overlay; }

signals:
    void compareRequested();
    /// A row was double-clicked (or Enter pressed on it): open that video.
    void videoActivated(qint64 videoId);
    void overlayChanged();

private:
    QComboBox *m_a = nullptr, *m_b = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QCheckBox* m_overlay = nullptr;
    QPushButton* m_compare = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace vigil
