// Settings > Keyboard: every action with its keys, filterable; change a key by pressing
// it, remove it, restore one or all defaults, import and export a key set. Works on a copy
// of the registry's map (OK or Apply stores it; Cancel forgets it); a key another action
// uses is refused with what uses it. Dumb: a map in, the edited map and intents out.
#pragma once

#include "shortcuts/KeyMap.h"

#include <QWidget>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace vigil {

/// GUI thread only.
class KeyboardPage : public QWidget {
    Q_OBJECT
public:
    explicit KeyboardPage(QWidget* parent = nullptr);

    void setKeyMap(const KeyMap& map);
    const KeyMap& keyMap() const { return m_map; }
    /// A key set read from a file (KeyMap::changes()' lines): all of it or, with the reasons, none.
    void importChanges(const QStringList& changes);

    /// The row's action gets `key`, as if pressed in the key field; false and the reason
    /// shown when refused. For tests and the key field.
    bool assign(const QString& id, const QKeySequence& key);
    void restoreSelected();
    void restoreAll();
    void filter(const QString& text);

    QTableWidget* table() const { return m_table; }
    QKeySequenceEdit* keyEdit() const { return m_keyEdit; }
    QString message() const;
    /// The id of the selected row; empty for none.
    QString selectedId() const;
    void selectId(const QString& id);

signals:
    void importRequested();
    void exportRequested();

private:
    void fill();
    void say(const QString& text);

    KeyMap m_map;
    QLineEdit* m_filter = nullptr;
    QTableWidget* m_table = nullptr;
    QKeySequenceEdit* m_keyEdit = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace vigil
