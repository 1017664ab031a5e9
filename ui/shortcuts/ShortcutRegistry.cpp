// Every key of the application in one place.
#include "shortcuts/ShortcutRegistry.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>

namespace vigil {

namespace {

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text;
}

void collect(QMenu* menu, QList<QPair<QAction*, QString>>& out)
{
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu())
            collect(action->menu(), out);
        else if (!action->objectName().isEmpty())
            out << qMakePair(action, plain(menu->title()));
    }
}

} // namespace

QShortcut* ShortcutRegistry::addShortcut(const QString& id, const QString& group, const QString& text,
                                         const QList<QKeySequence>& defaults, QWidget* parent, Qt::ShortcutContext context)
{
    auto* shortcut = new QShortcut(parent);
    shortcut->setObjectName(id);
    shortcut->setKeys(defaults);
    shortcut->setContext(context);
    shortcut->setWhatsThis(text);
    shortcut->setProperty("vigilGroup", group);
    m_shortcuts.insert(id, shortcut);
    m_map.add(KeyBinding{id, text, group, defaults, {}});
    return shortcut;
}

void ShortcutRegistry::adoptMenus(QMenuBar* bar)
{
    QList<QPair<QAction*, QString>> actions;
    for (QAction* top : bar->actions())
        if (top->menu())
            collect(top->menu(), actions);
    for (const auto& [action, group] : std::as_const(actions)) {
        if (m_actions.contains(action->objectName()))
            continue;
        // The text without what the window adds to it for the moment ("(needs a model)").
        const QString text = action->property("vigilText").isValid() ? action->property("vigilText").toString() : action->text();
        m_actions.insert(action->objectName(), action);
        m_map.add(KeyBinding{action->objectName(), plain(text), group, action->shortcuts(), {}});
    }
}

void ShortcutRegistry::setKeyMap(const KeyMap& map)
{
    for (const KeyBinding& b : map.bindings())
        if (m_map.binding(b.id))
            m_map.setKeys(b.id, {}); // free every key first: a swap is two moves
    for (const KeyBinding& b : map.bindings())
        if (m_map.binding(b.id))
            m_map.setKeys(b.id, b.keys);
    push();
}

QStringList ShortcutRegistry::applyChanges(const QStringList& changes)
{
    const QStringList problems = m_map.applyChanges(changes);
    push();
    return problems;
}

QString ShortcutRegistry::keysOf(const QString& id) const
{
    const KeyBinding* b = m_map.binding(id);
    return b ? KeyMap::keysText(b->keys) : QString();
}

void ShortcutRegistry::push()
{
    for (const KeyBinding& b : m_map.bindings()) {
        if (QAction* action = m_actions.value(b.id))
            action->setShortcuts(b.keys);
        else if (QShortcut* shortcut = m_shortcuts.value(b.id))
            shortcut->setKeys(b.keys);
    }
    emit keysChanged();
}

} // namespace vigil
