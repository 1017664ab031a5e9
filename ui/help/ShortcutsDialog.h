// Help > Keyboard Shortcuts: every key in force, read from the shortcut registry (the
// menu actions and the window's shortcuts, as Settings > Keyboard left them), grouped,
// with a filter. What is listed is what is bound: the list cannot drift from the keys.
#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace vigil {

class KeyMap;

/// GUI thread only.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const KeyMap& keys, QWidget* parent = nullptr);
    /// Rows shown now (after the filter); for tests.
    int visibleRows() const;
    QTreeWidget* tree() const { return m_tree; }

private:
    void filter(const QString& text);

    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace vigil
