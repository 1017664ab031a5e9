// Bar chart of p(class | abnormal) at the playhead, beside the player, as in the paper's
// qualitative figures. Dumb: setters in.
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QLabel;

namespace vigil {

/// GUI thread.
class ClassChart : public QWidget {
    Q_OBJECT
public:
    explicit ClassChart(QWidget* parent = nullptr);

    /// Abnormal class names, in the order of the probabilities given later.
    void setClasses(const QStringList& names);
    /// p(class | abnormal) per abnormal class; empty: no scores at this frame.
    void setProbabilities(const QVector<double>& probabilities);
    QVector<double> probabilities() const { return m_values; }
    QCustomPlot* plot() const { return m_plot; }
    /// True while no classes are set: a sentence stands where the bars would be.
    bool placeholderShown() const;
    /// That sentence: what will show here and how to get there.
    void setPlaceholderText(const QString& text);
    QString placeholderText() const;

private:
    QCustomPlot* m_plot = nullptr;
    QLabel* m_placeholder = nullptr;
    QCPBars* m_bars = nullptr;
    QVector<double> m_values;
    int m_classes = 0;
};

} // namespace vigil
