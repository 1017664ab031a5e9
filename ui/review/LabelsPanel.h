// The analyst's labels on the open video: a table (frames, start, duration, class, note)
// driven by the keyboard like the review queue: 1-9 and 0 set the class, N edits the
// note, Delete removes; choosing a row shows its first frame. I and O (window keys) mark
// a new label's start and end.
#pragma once

#include "project/ProjectTypes.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace vigil {

/// GUI thread. Dumb: setters in, intent signals out.
class LabelsPanel : public QWidget {
    Q_OBJECT
public:
    /// The table's own keys (A, X, N, digits...), for the panel on its own; off in the main
    /// window, whose shortcut registry binds them (as the analyst changed them).
    void setOwnKeys(bool on) { m_ownKeys = on; }
    explicit LabelsPanel(QWidget* parent = nullptr);

    /// The classes the digit keys and the context menu offer, in key order.
    void setClasses(const QStringList& classNames);
    void setLabels(const QList<LabelRecord>& labels, double framesPerSecond);
    QTableWidget* table() const { return m_table; }
    QList<qint64> selectedIds() const;
    /// Selects and makes current without labelActivated (the player does not move).
    void selectLabel(qint64 id);

    // Actions, for the table's keys and the window's shortcuts.
    void classifySelected(int digit);
    void editNote();
    void removeSelected();

signals:
    /// The current row changed to this label.
    void labelActivated(const vigil::LabelRecord& label);
    void selectionChanged(const QList<qint64>& ids);
    void classRequested(const QList<qint64>& ids, const QString& className);
    void noteRequested(qint64 id, const QString& note);
    void removeRequested(const QList<qint64>& ids);
    /// "New Class...": a class of the project's own, for these labels.
    void newClassRequested(const QList<qint64>& ids);
    /// "History...": the audit trail of one label.
    void historyRequested(qint64 id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const LabelRecord* currentLabel() const;
    void showMenu(const QPoint& position);

    QTableWidget* m_table = nullptr;
    QLabel* m_count = nullptr;
    QList<LabelRecord> m_labels; // in row order
    QStringList m_classes;
    bool m_selecting = false;
    bool m_ownKeys = true;
};

} // namespace vigil
