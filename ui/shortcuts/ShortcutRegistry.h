// Every key of the application in one place: the menu actions and the window's own
// shortcuts, each under a stable id, with its defaults. The keyboard settings page, the
// F1 sheet, the menus and the key hints all read it, so they show the keys in force.
#pragma once

#include "shortcuts/KeyMap.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenuBar;
class QShortcut;
class QWidget;

namespace vigil {

/// GUI thread only.
class ShortcutRegistry : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// A shortcut of `parent` (its window, by default), made here: one QShortcut for all
    /// its keys, described by `text` under `group`.
    QShortcut* addShortcut(const QString& id, const QString& group, const QString& text, const QList<QKeySequence>& defaults,
                           QWidget* parent, Qt::ShortcutContext context = Qt::WindowShortcut);
    /// Every action of the menu bar's menus (submenus too) that has an object name, which
    /// is its id; its keys as made are its defaults, its menu's title its group.
    void adoptMenus(QMenuBar* bar);

    const KeyMap& keyMap() const { return m_map; }
    /// Gives every action and shortcut the keys of `map` (an edited copy of keyMap()).
    void setKeyMap(const KeyMap& map);
    /// The stored changes (the settings' ui/shortcuts): applied when they hold together,
    /// otherwise refused whole; returns the reasons.
    QStringList applyChanges(const QStringList& changes);

    /// "Space", "Right; ." : the keys of an id now, as the user reads them.
    QString keysOf(const QString& id) const;

signals:
    void keysChanged();

private:
    void push();

    KeyMap m_map;
    QHash<QString, QPointer<QAction>> m_actions;
    QHash<QString, QPointer<QShortcut>> m_shortcuts;
};

} // namespace vigil
