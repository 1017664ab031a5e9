// Detections browser and review queue.
#include "review/DetectionsPanel.h"

#include "review/DetectionsModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil {

DetectionsPanel::DetectionsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new DetectionsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("detectionsPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DetectionsModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("detectionsTable"));
    m_table->setAccessibleName(tr("Detections"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DetectionsModel::PeakColumn, Qt::DescendingOrder); // the review queue: highest first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // One line per detection ("RoadAccidents 46%" never wraps); the columns take the width
    // of their text, and the dock's scroll bar the rest, so no header is cut to "Pe".
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setMinimumSectionSize(48);
    m_table->installEventFilter(this);

    m_class = new QComboBox(this);
    m_state = new QComboBox(this);
    m_state->addItem(tr("Any state"), -1);
    m_state->addItem(tr("To review"), int(ReviewState::Unreviewed));
    m_state->addItem(tr("Accepted"), int(ReviewState::Accepted));
    m_state->addItem(tr("Rejected"), int(ReviewState::Rejected));
    m_video = new QComboBox(this);
    m_minPeak = new QDoubleSpinBox(this);
    m_maxPeak = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* box : {m_minPeak, m_maxPeak}) {
        box->setRange(0, 1);
        box->setSingleStep(0.05);
        box->setDecimals(2);
    }
    m_maxPeak->setValue(1);
    m_minPeak->setAccessibleName(tr("Lowest peak score"));
    m_maxPeak->setAccessibleName(tr("Highest peak score"));
    m_useDate = new QCheckBox(tr("Added after"), this);
    m_addedAfter = new QDateEdit(QDate::currentDate().addDays(-7), this);
    m_addedAfter->setCalendarPopup(true);
    m_addedAfter->setEnabled(false);
    m_addedAfter->setAccessibleName(tr("Videos added after"));
    m_count = new QLabel(this);
    m_count->setWordWrap(true); // the empty state is a sentence: it must not widen the dock
    m_count->setObjectName(QStringLiteral("detectionsCount"));

    auto* filters = new QFormLayout;
    filters->addRow(tr("Class"), m_class);
    filters->addRow(tr("State"), m_state);
    filters->addRow(tr("Video"), m_video);
    auto* peaks = new QHBoxLayout;
    peaks->addWidget(m_minPeak);
    peaks->addWidget(new QLabel(tr("to"), this));
    peaks->addWidget(m_maxPeak);
    filters->addRow(tr("Peak score"), peaks);
    filters->addRow(m_useDate, m_addedAfter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);
    m_keyHint = new QLabel(tr("Up/Down: next · A accept · Shift+A make a label · X reject · 1-9, 0: class · N note · Ctrl+A all"), this);
    m_keyHint->setObjectName(QStringLiteral("detectionKeys"));
    m_keyHint->setWordWrap(true);
    layout->addWidget(m_keyHint);

    auto changed = [this] { emit filterChanged(); };
    connect(m_class, &QComboBox::currentIndexChanged, this, changed);
    connect(m_state, &QComboBox::currentIndexChanged, this, changed);
    connect(m_video, &QComboBox::currentIndexChanged, this, changed);
    connect(m_minPeak, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_maxPeak, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_addedAfter, &QDateEdit::dateChanged, this, changed);
    connect(m_useDate, &QCheckBox::toggled, this, [this, changed](bool on) {
        m_addedAfter->setEnabled(on);
        changed();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (const DetectionRecord* d = current.isValid() ? m_model->detection(m_proxy->mapToSource(current).row()) : nullptr)
            emit detectionActivated(*d);
    });
}

void DetectionsPanel::setClasses(const QStringList& classNames, int normalId)
{
    const QSignalBlocker blocker(m_class);
    const QVariant current = m_class->currentData();
    m_class->clear();
    m_class->addItem(tr("Any class"), -1);
    m_abnormalClasses.clear();
    m_classNames = classNames;
    for (int c = 0; c < classNames.size(); ++c) {
        if (c == normalId)
            continue;
        m_abnormalClasses << c;
        const int key = int(m_abnormalClasses.size());
        m_class->addItem(key <= 10 ? QStringLiteral("%1  [%2]").arg(classNames[c]).arg(key % 10) : classNames[c], c);
    }
    const int index = m_class->findData(current);
    m_class->setCurrentIndex(index >= 0 ? index : 0);
}

void DetectionsPanel::setVideos(const QList<QPair<qint64, QString>>& videos)
{
    const QSignalBlocker blocker(m_video);
    const QVariant current = m_video->currentData();
    m_video->clear();
    m_video->addItem(tr("All videos"), qint64(0));
    for (const auto& [id, name] : videos)
        m_video->addItem(name, id);
    const int index = m_video->findData(current);
    m_video->setCurrentIndex(index >= 0 ? index : 0);
}

void DetectionsPanel::setDetections(const QList<DetectionRecord>& detections, const QHash<qint64, QPair<QString, double>>& videos)
{
    const qint64 current = currentId();
    m_model->setDetections(detections, videos, m_classNames);
    m_count->setText(detections.isEmpty() ? tr("No detections to show: they appear where a scored video's score stays above the threshold (Score menu), or widen the filters.")
                                          : tr("%n detection(s)", nullptr, int(detections.size())));
    const int row = m_model->rowOfId(current);
    if (row >= 0) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    }
}

DetectionFilter DetectionsPanel::filter() const
{
    DetectionFilter f;
    if (m_class->currentData().toInt() >= 0)
        f.classes << m_class->currentData().toInt();
    if (m_state->currentData().toInt() >= 0)
        f.state = ReviewState(m_state->currentData().toInt());
    if (m_video->currentData().toLongLong() > 0)
        f.videoId = m_video->currentData().toLongLong();
    if (m_minPeak->value() > 0)
        f.minPeak = float(m_minPeak->value());
    if (m_maxPeak->value() < 1)
        f.maxPeak = float(m_maxPeak->value());
    if (m_useDate->isChecked())
        f.addedAfter = m_addedAfter->date().startOfDay();
    return f;
}

QList<qint64> DetectionsPanel::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids << index.data(DetectionsModel::IdRole).toLongLong();
    if (ids.isEmpty() && currentId())
        ids << currentId();
    return ids;
}

qint64 DetectionsPanel::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(DetectionsModel::IdRole).toLongLong() : 0;
}

int DetectionsPanel::classForDigit(int digit) const
{
    const int position = digit == 0 ? 9 : digit - 1;
    return position < m_abnormalClasses.size() ? m_abnormalClasses[position] : -1;
}

void DetectionsPanel::advance()
{
    const int row = m_table->currentIndex().row();
    if (row + 1 < m_proxy->rowCount()) {
        m_table->setCurrentIndex(m_proxy->index(row + 1, 0));
        m_table->selectRow(row + 1);
    }
}

void DetectionsPanel::review(ReviewState state)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    emit reviewRequested(ids, state);
    if (ids.size() == 1)
        advance();
}

void DetectionsPanel::acceptSelected() { review(ReviewState::Accepted); }

void DetectionsPanel::labelSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    emit labelRequested(ids);
    if (ids.size() == 1)
        advance();
}
void DetectionsPanel::rejectSelected() { review(ReviewState::Rejected); }

void DetectionsPanel::classifySelected(int digit)
{
    const int cls = classForDigit(digit);
    const QList<qint64> ids = selectedIds();
    if (cls >= 0 && !ids.isEmpty())
        emit classRequested(ids, cls);
}

void DetectionsPanel::editNote()
{
    const qint64 id = currentId();
    if (!id)
        return;
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Note"), tr("Note on this detection:"), QLineEdit::Normal,
                                               m_table->currentIndex().siblingAtColumn(DetectionsModel::NoteColumn).data().toString(), &ok);
    if (ok)
        emit noteRequested(id, note);
}

void DetectionsPanel::next()
{
    if (m_proxy->rowCount() == 0)
        return;
    const int row = std::min(m_table->currentIndex().row() + 1, m_proxy->rowCount() - 1);
    m_table->setCurrentIndex(m_proxy->index(row, 0));
    m_table->selectRow(row);
}

void DetectionsPanel::previous()
{
    if (m_proxy->rowCount() == 0)
        return;
    const int row = std::max(m_table->currentIndex().row() - 1, 0);
    m_table->setCurrentIndex(m_proxy->index(row, 0));
    m_table->selectRow(row);
}

void DetectionsPanel::setKeyHint(const QString& text)
{
    m_keyHint->setText(text);
}

bool DetectionsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_ownKeys || watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))
        return false; // Ctrl+A and friends: the table's own
    switch (key->key()) {
    case Qt::Key_A:
        (key->modifiers() & Qt::ShiftModifier) ? labelSelected() : acceptSelected();
        return true;
    case Qt::Key_X:
        rejectSelected();
        return true;
    case Qt::Key_N:
        editNote();
        return true;
    default:
        if (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_9) {
            classifySelected(key->key() - Qt::Key_0);
            return true;
        }
    }
    return false;
}

} // namespace vigil
