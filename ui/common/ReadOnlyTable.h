// The tables Vigil shows results in (research, label history, analyst report): read-only,
// columns fitted to their text, whole rows selected.
#pragma once

#include <QStringList>

class QTableWidget;
class QWidget;

namespace vigil {

/// GUI thread.
QTableWidget* makeReadOnlyTable(QWidget* parent, const QStringList& headers);

} // namespace vigil
