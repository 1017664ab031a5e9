#include "review/LabelHistoryDialogs.h"

#include "project/ProjectStore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "common/ReadOnlyTable.h"

namespace vigil {

namespace {


QDialog* tableDialog(QWidget* parent, const QString& title, QTableWidget** out, const QStringList& headers)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(900, 420);
    auto* layout = new QVBoxLayout(dialog);
    *out = makeReadOnlyTable(dialog, headers);
    layout->addWidget(*out);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    return dialog;
}

QString describe(const QJsonObject& label)
{
    if (label.isEmpty())
        return QStringLiteral("-");
    const QString note = label.value(QStringLiteral("note")).toString();
    return QObject::tr("frames %1-%2, %3%4")
        .arg(qint64(label.value(QStringLiteral("start_frame")).toDouble()))
        .arg(qint64(label.value(QStringLiteral("end_frame")).toDouble()) - 1)
        .arg(label.value(QStringLiteral("class")).toString(), note.isEmpty() ? QString() : QStringLiteral(", \"%1\"").arg(note));
}

} // namespace

void LabelHistoryDialogs::showLabelHistory(QWidget* parent, const ProjectStore& store, qint64 labelId)
{
    QTableWidget* rows = nullptr;
    QDialog* dialog = tableDialog(parent, tr("History of Label %1").arg(labelId), &rows,
                                  {tr("When"), tr("Who"), tr("What"), tr("Before"), tr("After")});
    dialog->setObjectName(QStringLiteral("labelHistory"));
    for (const LabelAuditRecord& r : store.labelHistory(labelId)) {
        const int row = rows->rowCount();
        rows->insertRow(row);
        const QString cells[] = {QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat), r.author, r.action,
                                 describe(r.before), describe(r.after)};
        for (int c = 0; c < 5; ++c)
            rows->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    dialog->show();
}

void LabelHistoryDialogs::showVideoHistory(QWidget* parent, const ProjectStore& store, qint64 videoId)
{
    QTableWidget* rows = nullptr;
    QDialog* dialog = tableDialog(parent, tr("Label History of This Video"), &rows,
                                  {tr("When"), tr("Who"), tr("Label"), tr("What"), tr("Before"), tr("After")});
    dialog->setObjectName(QStringLiteral("videoLabelHistory"));
    for (const LabelAuditRecord& r : store.videoLabelHistory(videoId)) {
        const int row = rows->rowCount();
        rows->insertRow(row);
        const QString cells[] = {QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat), r.author, QString::number(r.labelId),
                                 r.action, describe(r.before), describe(r.after)};
        for (int c = 0; c < 6; ++c)
            rows->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    dialog->show();
}

void LabelHistoryDialogs::showAnalystReport(QWidget* parent, const ProjectStore& store)
{
    QTableWidget* rows = nullptr;
    QDialog* dialog = tableDialog(parent, tr("Analyst Report"), &rows,
                                  {tr("Analyst"), tr("Labels"), tr("Decisions"), tr("Accepted unchanged"), tr("Modified"),
                                   tr("Rejected"), tr("Unchanged share"), tr("Mean decision time")});
    dialog->setObjectName(QStringLiteral("analystReport"));
    for (const AnalystReport& r : store.analystReports()) {
        const int row = rows->rowCount();
        rows->insertRow(row);
        const QString cells[] = {r.author.isEmpty() ? tr("(unknown)") : r.author,
                                 QString::number(r.labels),
                                 QString::number(r.decisions()),
                                 QString::number(r.accepted),
                                 QString::number(r.modified),
                                 QString::number(r.rejected),
                                 std::isfinite(r.unchangedShare()) ? tr("%1%").arg(100 * r.unchangedShare(), 0, 'f', 1) : tr("-"),
                                 std::isfinite(r.meanDecisionSeconds) ? tr("%1 s").arg(r.meanDecisionSeconds, 0, 'f', 1) : tr("-")};
        for (int c = 0; c < 8; ++c)
            rows->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    dialog->show();
}

} // namespace vigil
