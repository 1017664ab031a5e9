// Settings > Keyboard.
#include "settings/KeyboardPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {

KeyboardPage::KeyboardPage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* lead = new QLabel(tr("Select an action, then press its new key in the key field. Only your changes are stored."), this);
    lead->setWordWrap(true);
    layout->addWidget(lead);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("keyFilter"));
    m_filter->setPlaceholderText(tr("Filter by action, place or key"));
    m_filter->setAccessibleName(tr("Filter the actions"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("keyTable"));
    m_table->setAccessibleName(tr("Actions and their keys"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Where"), tr("Keys")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto* keyRow = new QHBoxLayout;
    auto* keyLabel = new QLabel(tr("&Key"), this);
    m_keyEdit = new QKeySequenceEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setAccessibleName(tr("New key for the selected action"));
    keyLabel->setBuddy(m_keyEdit);
    auto* none = new QPushButton(tr("&No Key"), this);
    none->setObjectName(QStringLiteral("removeKey"));
    auto* restore = new QPushButton(tr("Restore &Default"), this);
    restore->setObjectName(QStringLiteral("restoreKey"));
    auto* restoreAll = new QPushButton(tr("Restore &All Defaults"), this);
    restoreAll->setObjectName(QStringLiteral("restoreAllKeys"));
    keyRow->addWidget(keyLabel);
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(none);
    keyRow->addWidget(restore);
    keyRow->addWidget(restoreAll);
    layout->addLayout(keyRow);
    auto* fileRow = new QHBoxLayout;
    auto* importButton = new QPushButton(tr("&Import Key Set..."), this);
    auto* exportButton = new QPushButton(tr("E&xport Key Set..."), this);
    fileRow->addStretch(1);
    fileRow->addWidget(importButton);
    fileRow->addWidget(exportButton);
    layout->addLayout(fileRow);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("keyMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_filter, &QLineEdit::textChanged, this, &KeyboardPage::filter);
    connect(m_keyEdit, &QKeySequenceEdit::editingFinished, this, [this] {
        const QKeySequence key = m_keyEdit->keySequence();
        if (!key.isEmpty() && !selectedId().isEmpty())
            assign(selectedId(), QKeySequence(key[0])); // one chord: sequences of several are not used
        m_keyEdit->clear();
    });
    connect(none, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty()) {
            m_map.setKeys(selectedId(), {});
            fill();
            say(QString());
        }
    });
    connect(restore, &QPushButton::clicked, this, &KeyboardPage::restoreSelected);
    connect(restoreAll, &QPushButton::clicked, this, &KeyboardPage::restoreAll);
    connect(importButton, &QPushButton::clicked, this, &KeyboardPage::importRequested);
    connect(exportButton, &QPushButton::clicked, this, &KeyboardPage::exportRequested);
}

void KeyboardPage::setKeyMap(const KeyMap& map)
{
    m_map = map;
    fill();
    say(QString());
}

void KeyboardPage::fill()
{
    const QString selected = selectedId();
    m_table->setRowCount(0);
    for (const KeyBinding& b : m_map.bindings()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto* action = new QTableWidgetItem(b.text);
        action->setData(Qt::UserRole, b.id);
        auto* keys = new QTableWidgetItem(b.keys.isEmpty() ? tr("none") : KeyMap::keysText(b.keys));
        // A changed key says so in words and in bold, not by colour alone.
        if (b.keys != b.defaults) {
            QFont bold = keys->font();
            bold.setBold(true);
            keys->setFont(bold);
            keys->setText(tr("%1 (changed)").arg(keys->text()));
            keys->setToolTip(tr("Default: %1").arg(b.defaults.isEmpty() ? tr("none") : KeyMap::keysText(b.defaults)));
        }
        m_table->setItem(row, 0, action);
        m_table->setItem(row, 1, new QTableWidgetItem(b.group));
        m_table->setItem(row, 2, keys);
    }
    filter(m_filter->text());
    if (!selected.isEmpty())
        selectId(selected);
}

void KeyboardPage::filter(const QString& text)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = text.isEmpty();
        for (int col = 0; col < 3 && !match; ++col)
            match = m_table->item(row, col)->text().contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

bool KeyboardPage::assign(const QString& id, const QKeySequence& key)
{
    const QString refused = m_map.setKeys(id, {key});
    if (!refused.isEmpty()) {
        say(refused);
        return false;
    }
    fill();
    const KeyBinding* b = m_map.binding(id);
    say(tr("\"%1\" now has %2.").arg(b->text, key.toString(QKeySequence::NativeText)));
    return true;
}

void KeyboardPage::restoreSelected()
{
    if (selectedId().isEmpty())
        return;
    const QString refused = m_map.restoreDefault(selectedId());
    fill();
    say(refused);
}

void KeyboardPage::restoreAll()
{
    m_map.restoreAll();
    fill();
    say(tr("Every action has its default keys again."));
}

void KeyboardPage::importChanges(const QStringList& changes)
{
    const QStringList problems = m_map.applyChanges(changes);
    fill();
    say(problems.isEmpty() ? tr("Key set imported: %n change(s) from the defaults.", nullptr, int(m_map.changes().size()))
                           : tr("Key set not imported: %1").arg(problems.join(QStringLiteral("; "))));
}

QString KeyboardPage::message() const
{
    return m_message->text();
}

QString KeyboardPage::selectedId() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->data(Qt::UserRole).toString();
}

void KeyboardPage::selectId(const QString& id)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == id) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, 0));
            return;
        }
}

void KeyboardPage::say(const QString& text)
{
    m_message->setText(text);
}

} // namespace vigil
