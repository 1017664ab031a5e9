// Edit > Settings: the shared settings of the settings table as a form per page (Compute,
// Detection, Caches, Export, Analyst, Interface, Keyboard), each field made from its spec (type, range,
// choices) with its description as tooltip; the caches page shows their current sizes
// with a Clear button each. Dumb: values in, edited values and intents out.
#pragma once

#include <QDialog>
#include <QHash>
#include <QVariant>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace vigil {

class KeyboardPage;

/// GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    /// Key -> value in force, for every field.
    void setValues(const QHash<QString, QVariant>& values);
    /// What the fields say now.
    QHash<QString, QVariant> values() const;
    void setCacheSizes(qint64 featureBytes, qint64 proxyBytes);
    /// A message under the pages (a value refused, saved).
    void setMessage(const QString& text);
    QWidget* editor(const QString& key) const { return m_editors.value(key); }
    QTabWidget* pages() const { return m_pages; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    KeyboardPage* keyboard() const { return m_keyboard; }

signals:
    /// OK or Apply: store values(); OK closes once they are stored (accept()).
    void applyRequested(bool close);
    void clearCacheRequested(const QString& folderKey);
    void defaultsRequested();

private:
    QWidget* makeEditor(const QString& key);

    QTabWidget* m_pages = nullptr;
    KeyboardPage* m_keyboard = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QLabel* m_message = nullptr;
    QLabel *m_featureSize = nullptr, *m_proxySize = nullptr;
    QHash<QString, QWidget*> m_editors;
};

} // namespace vigil
