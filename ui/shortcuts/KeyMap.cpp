// Which key does what.
#include "shortcuts/KeyMap.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {

namespace {

// lupdate reads the macro: the reasons are translated in the "KeyMap" context.
struct KeyText
{
    Q_DECLARE_TR_FUNCTIONS(KeyMap)
};

QList<QKeySequence> parseKeys(const QString& text, bool* ok)
{
    *ok = true;
    QList<QKeySequence> keys;
    for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QKeySequence key = QKeySequence::fromString(trimmed, QKeySequence::PortableText);
        if (key.isEmpty() || key[0].key() == Qt::Key_unknown) {
            *ok = false;
            return {};
        }
        keys << key;
    }
    return keys;
}

} // namespace

void KeyMap::add(KeyBinding binding)
{
    binding.keys = binding.defaults;
    m_bindings << binding;
}

const KeyBinding* KeyMap::binding(const QString& id) const
{
    for (const KeyBinding& b : m_bindings)
        if (b.id == id)
            return &b;
    return nullptr;
}

KeyBinding* KeyMap::find(const QString& id)
{
    for (KeyBinding& b : m_bindings)
        if (b.id == id)
            return &b;
    return nullptr;
}

const KeyBinding* KeyMap::user(const QKeySequence& key, const QString& except) const
{
    for (const KeyBinding& b : m_bindings)
        if (b.id != except && b.keys.contains(key))
            return &b;
    return nullptr;
}

QString KeyMap::setKeys(const QString& id, const QList<QKeySequence>& keys)
{
    KeyBinding* b = find(id);
    if (!b)
        return KeyText::tr("There is no action %1.").arg(id);
    for (const QKeySequence& key : keys)
        if (const KeyBinding* other = user(key, id))
            return KeyText::tr("%1 is already used by \"%2\" (%3).")
                .arg(key.toString(QKeySequence::NativeText), other->text, other->group);
    b->keys = keys;
    return QString();
}

QString KeyMap::restoreDefault(const QString& id)
{
    const KeyBinding* b = binding(id);
    return b ? setKeys(id, b->defaults) : KeyText::tr("There is no action %1.").arg(id);
}

void KeyMap::restoreAll()
{
    for (KeyBinding& b : m_bindings)
        b.keys = b.defaults;
}

QString KeyMap::keysText(const QList<QKeySequence>& keys, QKeySequence::SequenceFormat format)
{
    QStringList parts;
    for (const QKeySequence& key : keys)
        parts << key.toString(format);
    return parts.join(QStringLiteral("; "));
}

QStringList KeyMap::changes() const
{
    QStringList out;
    for (const KeyBinding& b : m_bindings)
        if (b.keys != b.defaults)
            out << b.id + QLatin1Char('=') + keysText(b.keys, QKeySequence::PortableText);
    return out;
}

QStringList KeyMap::applyChanges(const QStringList& changes)
{
    QStringList problems;
    QHash<QString, QList<QKeySequence>> wanted;
    for (const QString& line : changes) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const QString id = line.left(equals).trimmed();
        if (equals < 0 || !binding(id)) {
            problems << KeyText::tr("Unknown action: %1").arg(line.left(60));
            continue;
        }
        bool ok = false;
        const QList<QKeySequence> keys = parseKeys(line.mid(equals + 1), &ok);
        if (!ok) {
            problems << KeyText::tr("Unreadable key for %1: %2").arg(id, line.mid(equals + 1));
            continue;
        }
        wanted.insert(id, keys);
    }
    // The whole map as it would be, then one key for one action.
    QHash<QKeySequence, QString> owner;
    for (const KeyBinding& b : std::as_const(m_bindings))
        for (const QKeySequence& key : wanted.value(b.id, b.defaults)) {
            const QString other = owner.value(key);
            if (!other.isEmpty())
                problems << KeyText::tr("%1 would do two things: \"%2\" and \"%3\".")
                                .arg(key.toString(QKeySequence::NativeText), binding(other)->text, b.text);
            owner.insert(key, b.id);
        }
    if (!problems.isEmpty())
        return problems;
    for (KeyBinding& b : m_bindings)
        b.keys = wanted.value(b.id, b.defaults);
    return {};
}

} // namespace vigil
