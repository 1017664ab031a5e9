#include "help/ShortcutsDialog.h"

#include "shortcuts/KeyMap.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {


ShortcutsDialog::ShortcutsDialog(const KeyMap& keys, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto* layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setAccessibleName(tr("Filter the shortcuts"));
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Key")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    layout->addWidget(m_tree, 1);

    // group -> (description, keys), from the registry: the keys in force, changed or not.
    QMap<QString, QMap<QString, QStringList>> groups;
    for (const KeyBinding& binding : keys.bindings())
        for (const QKeySequence& key : binding.keys)
            groups[binding.group.isEmpty() ? tr("Other") : binding.group][binding.text] << key.toString(QKeySequence::NativeText);
    for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
        auto* top = new QTreeWidgetItem(m_tree, {group.key()});
        top->setFirstColumnSpanned(true);
        for (auto row = group->cbegin(); row != group->cend(); ++row)
            new QTreeWidgetItem(top, {row.key(), row.value().join(tr(", "))});
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    resize(620, 640);
}

void ShortcutsDialog::filter(const QString& text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem* row = group->child(r);
            const bool match = text.isEmpty() || row->text(0).contains(text, Qt::CaseInsensitive) ||
                               row->text(1).contains(text, Qt::CaseInsensitive);
            row->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

int ShortcutsDialog::visibleRows() const
{
    int rows = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int r = 0; r < m_tree->topLevelItem(g)->childCount(); ++r)
            rows += !m_tree->topLevelItem(g)->child(r)->isHidden() && !m_tree->topLevelItem(g)->isHidden();
    return rows;
}

} // namespace vigil
