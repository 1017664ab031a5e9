// Labels panel.
#include "review/LabelsPanel.h"

#include "review/TimeText.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil {

namespace {

enum Column { FramesColumn, StartColumn, DurationColumn, ClassColumn, NoteColumn, ColumnCount };

} // namespace

LabelsPanel::LabelsPanel(QWidget* parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("labelsTable"));
    m_table->setHorizontalHeaderLabels({tr("Frames"), tr("Start"), tr("Duration"), tr("Class"), tr("Note")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setWordWrap(true); // the empty state is a sentence: it must not widen the dock
    auto* hint = new QLabel(tr("I and O mark a new label's first and last frame. 1-9, 0: class; N: note; Delete: remove."), this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_table, &QTableWidget::customContextMenuRequested, this, &LabelsPanel::showMenu);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row, int, int previousRow, int) {
        if (row >= 0 && row < m_labels.size() && row != previousRow && !m_selecting)
            emit labelActivated(m_labels[row]);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { emit selectionChanged(selectedIds()); });
}

void LabelsPanel::setClasses(const QStringList& classNames)
{
    m_classes = classNames;
}

void LabelsPanel::setLabels(const QList<LabelRecord>& labels, double framesPerSecond)
{
    const QList<qint64> selected = selectedIds();
    const LabelRecord* current = currentLabel();
    const qint64 currentId = current ? current->id : 0;
    const double fps = framesPerSecond > 0 ? framesPerSecond : 30;
    m_labels = labels;
    const QSignalBlocker blocker(m_table); // a refresh is not the analyst choosing a row
    m_table->setRowCount(int(labels.size()));
    for (int row = 0; row < labels.size(); ++row) {
        const LabelRecord& l = labels[row];
        const QString cells[ColumnCount] = {
            tr("%1-%2").arg(l.startFrame).arg(l.endFrame - 1), // first and last, as marked
            timeText(double(l.startFrame) / fps),
            tr("%1 s").arg(double(l.endFrame - l.startFrame) / fps, 0, 'f', 1),
            l.className,
            l.note,
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, l.id);
            m_table->setItem(row, column, item);
        }
    }
    m_table->clearSelection();
    for (int row = 0; row < labels.size(); ++row) {
        if (labels[row].id == currentId)
            m_table->setCurrentCell(row, 0, QItemSelectionModel::NoUpdate);
        if (selected.contains(labels[row].id))
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    m_count->setText(labels.isEmpty() ? tr("No labels on this video: mark a span with I and O, or accept a detection as a label (Shift+A).")
                                      : tr("%n label(s)", nullptr, int(labels.size())));
}

QList<qint64> LabelsPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        if (index.row() < m_labels.size())
            ids << m_labels[index.row()].id;
    return ids;
}

void LabelsPanel::selectLabel(qint64 id)
{
    // Chosen by the program (a label just added): the player stays where it is.
    m_selecting = true;
    const auto done = qScopeGuard([this] { m_selecting = false; });
    // Through the selection model: the view's own calls would read the keyboard's
    // modifiers and extend the selection while Shift (Shift+Tab) is held.
    for (int row = 0; row < m_labels.size(); ++row)
        if (m_labels[row].id == id)
            m_table->selectionModel()->setCurrentIndex(m_table->model()->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

const LabelRecord* LabelsPanel::currentLabel() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_labels.size() ? &m_labels[row] : nullptr;
}

void LabelsPanel::classifySelected(int digit)
{
    const int index = digit == 0 ? 9 : digit - 1;
    const QList<qint64> ids = selectedIds();
    if (index < m_classes.size() && !ids.isEmpty())
        emit classRequested(ids, m_classes[index]);
}

void LabelsPanel::editNote()
{
    const LabelRecord* label = currentLabel();
    if (!label)
        return;
    const qint64 id = label->id;
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Note"), tr("Note on this label:"), QLineEdit::Normal, label->note, &ok);
    if (ok)
        emit noteRequested(id, note);
}

void LabelsPanel::removeSelected()
{
    const QList<qint64> ids = selectedIds();
    if (!ids.isEmpty())
        emit removeRequested(ids);
}

void LabelsPanel::showMenu(const QPoint& position)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QMenu menu(this);
    QMenu* classes = menu.addMenu(tr("Class"));
    for (int i = 0; i < m_classes.size(); ++i) {
        const QString name = m_classes[i];
        const QString text = i < 10 ? tr("%1\t%2").arg(name).arg((i + 1) % 10) : name;
        classes->addAction(text, this, [this, ids, name] { emit classRequested(ids, name); });
    }
    classes->addSeparator();
    classes->addAction(tr("New Class..."), this, [this, ids] { emit newClassRequested(ids); });
    menu.addAction(tr("Note..."), this, &LabelsPanel::editNote);
    menu.addAction(tr("Remove"), this, &LabelsPanel::removeSelected);
    menu.addSeparator();
    menu.addAction(tr("History..."), this, [this, ids] { emit historyRequested(ids.first()); });
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

bool LabelsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_ownKeys || watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
        removeSelected();
        return true;
    }
    if (key->key() == Qt::Key_N && key->modifiers() == Qt::NoModifier) {
        editNote();
        return true;
    }
    if (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_9 && key->modifiers() == Qt::NoModifier) {
        classifySelected(key->key() - Qt::Key_0);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vigil
