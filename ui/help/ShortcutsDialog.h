// Help > Keyboard Shortcuts: every key of a window, read from the window itself (its
// menu actions and its QShortcuts, each with the description it was made with), grouped,
// with a filter. What is listed is what is bound: the list cannot drift from the keys.
#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace vigil {

/// GUI thread only.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);
    /// Rows shown now (after the filter); for tests.
    int visibleRows() const;
    QTreeWidget* tree() const { return m_tree; }

private:
    void filter(const QString& text);

    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace vigil
