// Which key does what: every action's keys, its defaults, and the rule that one key does
// one thing. A value: the keyboard settings page edits a copy, the registry applies it.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

struct KeyBinding
{
    QString id;    // stable, stored: "playback.playPause", "file.openProject"
    QString text;  // what it does, in the interface's language
    QString group; // where it applies or the menu it is in
    QList<QKeySequence> defaults;
    QList<QKeySequence> keys;
};

class KeyMap
{
public:
    /// A binding starts with its defaults.
    void add(KeyBinding binding);
    const QList<KeyBinding>& bindings() const { return m_bindings; }
    const KeyBinding* binding(const QString& id) const;

    /// The binding that uses `key`, other than `except`; null when the key is free.
    const KeyBinding* user(const QKeySequence& key, const QString& except = QString()) const;
    /// Gives `id` these keys (none: no key). Refused, with the reason ("Ctrl+K is already
    /// used by Pause (Playback)"), when another binding uses one of them; nothing changes then.
    QString setKeys(const QString& id, const QList<QKeySequence>& keys);
    /// Back to the default keys; refused like setKeys when another binding took one.
    QString restoreDefault(const QString& id);
    void restoreAll();

    /// Only what differs from the defaults, one "id=keys" a line (keys in portable text,
    /// "; " between them; nothing after = means no key).
    QStringList changes() const;
    /// Sets the defaults, then these changes, all or nothing: an unknown id, an unreadable
    /// key or one key for two actions refuses the whole set, with each reason.
    QStringList applyChanges(const QStringList& changes);

    static QString keysText(const QList<QKeySequence>& keys, QKeySequence::SequenceFormat format = QKeySequence::NativeText);

private:
    KeyBinding* find(const QString& id);
    QList<KeyBinding> m_bindings;
};

} // namespace vigil
