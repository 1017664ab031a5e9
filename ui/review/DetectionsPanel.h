// The detections browser and review queue: a sortable table of the project's detections
// with filters (class, score range, video, date added, review state), driven by the
// keyboard: Up/Down move through the queue (each detection plays with 4 s of context),
// A accepts, X rejects, 1-9 and 0 set the class, N adds a note, Ctrl+A selects all.
#pragma once

#include "project/ProjectTypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace vigil {

class DetectionsModel;

/// GUI thread. Dumb: setters in, intent signals out.
class DetectionsPanel : public QWidget {
    Q_OBJECT
public:
    /// The table's own keys (A, X, N, digits...), for the panel on its own; off in the main
    /// window, whose shortcut registry binds them (as the analyst changed them).
    void setOwnKeys(bool on) { m_ownKeys = on; }
    /// The line under the table naming the review keys in force.
    void setKeyHint(const QString& text);
    explicit DetectionsPanel(QWidget* parent = nullptr);

    /// classNames in model order; normalId is left out of the class filter and the keys.
    void setClasses(const QStringList& classNames, int normalId);
    void setVideos(const QList<QPair<qint64, QString>>& videos);
    void setDetections(const QList<DetectionRecord>& detections, const QHash<qint64, QPair<QString, double>>& videos);
    DetectionFilter filter() const;
    QTableView* table() const { return m_table; }
    /// Ids of the selected rows, in view order.
    QList<qint64> selectedIds() const;
    qint64 currentId() const;
    /// The class a digit key sets: 1-9 then 0 for the 1st to 10th abnormal class.
    int classForDigit(int digit) const;

    // The review queue's actions, for the table's keys and the window's shortcuts.
    void acceptSelected();
    /// The selected detections become labels (what the model said kept with them).
    void labelSelected();
    void rejectSelected();
    void classifySelected(int digit);
    void editNote();
    void next();
    void previous();

signals:
    void filterChanged();
    /// The current row changed: the record as the table holds it (no lookup needed).
    void detectionActivated(const vigil::DetectionRecord& detection);
    void reviewRequested(const QList<qint64>& ids, vigil::ReviewState state);
    void classRequested(const QList<qint64>& ids, int cls);
    void noteRequested(qint64 id, const QString& note);
    void labelRequested(const QList<qint64>& ids);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void advance();
    void review(ReviewState state);

    DetectionsModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_class = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_video = nullptr;
    QDoubleSpinBox* m_minPeak = nullptr;
    QDoubleSpinBox* m_maxPeak = nullptr;
    QCheckBox* m_useDate = nullptr;
    QDateEdit* m_addedAfter = nullptr;
    QLabel* m_count = nullptr;
    QList<int> m_abnormalClasses; // model-order ids, in key order
    QStringList m_classNames;
    bool m_ownKeys = true;
    QLabel* m_keyHint = nullptr;
};

} // namespace vigil
