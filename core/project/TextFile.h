// Small text-file helpers the exports share: a field quoted for CSV (RFC 4180) and an
// atomic write that names the file when it fails. Qt Core; any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace vigil {

/// The text as one CSV field: quoted (quotes doubled) when it holds a comma, quote or line break.
QString csvField(const QString& text);
/// Writes `text` to `path` through a temporary file; throws vigil::Error naming the file.
void writeFileAtomically(const QString& path, const QByteArray& text);

} // namespace vigil
