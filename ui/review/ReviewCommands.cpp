// Review commands.
#include "review/ReviewCommands.h"

namespace vigil {

ReviewCommand::ReviewCommand(const QString& text, QHash<qint64, ReviewValues> before, QHash<qint64, ReviewValues> after,
                             Apply apply)
    : m_before(std::move(before))
    , m_after(std::move(after))
    , m_apply(std::move(apply))
{
    setText(text);
}

} // namespace vigil
