// The research window: ROC and PR curves of several models overlaid, score histograms of
// normal and abnormal frames, the analyst's class against the model's top class as a
// heatmap (a cell lists its intervals), and the failure cases at a threshold ranked by how
// wrong they are; every plot saves as PNG or PDF. A dumb widget: data in, intents out.
#pragma once

#include "review/ResearchData.h"

#include <QDialog>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QTableWidget;
class QTabWidget;

namespace vigil {

/// GUI thread.
class ResearchWindow : public QDialog {
    Q_OBJECT
public:
    explicit ResearchWindow(QWidget* parent = nullptr);

    /// The project's models (id, name); `checked` are drawn.
    void setModels(const QList<QPair<qint64, QString>>& models, const QList<qint64>& checked);
    QList<qint64> checkedModels() const;
    double threshold() const;
    void setThreshold(double threshold);
    /// What a frame's truth is (TruthSource.h); a change asks for a refresh.
    TruthSource truthSource() const;
    void setTruthSource(TruthSource source);
    QComboBox* truthBox() const { return m_truth; }
    /// "the ground truth", ... as the window names it.
    static QString truthText(TruthSource source);
    /// One entry per checked model, the first drives the histograms, matrix and failures.
    void setData(const QList<ResearchData>& data);
    void setMessage(const QString& text);

    QCustomPlot* rocPlot() const { return m_roc; }
    QCustomPlot* prPlot() const { return m_pr; }
    QCustomPlot* histogramPlot() const { return m_histogram; }
    QCustomPlot* confusionPlot() const { return m_confusion; }
    QTableWidget* failureTable() const { return m_failures; }
    QTableWidget* cellTable() const { return m_cell; }
    QTabWidget* tabs() const { return m_tabs; }
    /// Shows the intervals of one cell of the matrix (as a click on it does).
    void showCell(int truthRow, int modelColumn);
    /// Saves a plot; false (with a message) when it cannot be written.
    bool savePlot(QCustomPlot* plot, const QString& path);

signals:
    void refreshRequested();
    /// A failure case or an interval of a cell was chosen: show it in the player.
    void spanActivated(qint64 videoId, qint64 frame);

private:
    QWidget* plotPage(QCustomPlot* plot, QWidget* extra = nullptr);

    QListWidget* m_models = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QComboBox* m_truth = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    QCustomPlot *m_roc = nullptr, *m_pr = nullptr, *m_histogram = nullptr, *m_confusion = nullptr;
    QTableWidget* m_failures = nullptr;
    QTableWidget* m_cell = nullptr;
    QList<ResearchData> m_data;
};

} // namespace vigil
