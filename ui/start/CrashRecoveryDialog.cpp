#include "start/CrashRecoveryDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

CrashRecoveryDialog::CrashRecoveryDialog(const QList<UncleanExit>& exits, const QString& logFolder, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Vigil did not close properly"));
    setObjectName(QStringLiteral("crashRecovery"));
    const UncleanExit& last = exits.last();
    auto* layout = new QVBoxLayout(this);
    const QString when = last.started.isValid() ? QLocale().toString(last.started, QLocale::ShortFormat) : tr("an earlier run");
    QString what;
    if (!last.summary.isEmpty()) {
        // "Vigil 0.1.0 (process 1234) ended by signal 11 (SIGSEGV, a bad memory access)"
        const qsizetype by = last.summary.indexOf(QLatin1String("signal"));
        what = tr("The run started %1 crashed: %2.").arg(when, by >= 0 ? last.summary.mid(by) : last.summary);
    } else {
        what = tr("The run started %1 ended without closing (it was killed, or the computer stopped).").arg(when);
    }
    if (exits.size() > 1)
        what += QLatin1Char(' ') + tr("%n earlier run(s) also ended this way.", nullptr, int(exits.size() - 1));
    auto* headline = new QLabel(what, this);
    headline->setObjectName(QStringLiteral("crashSummary"));
    headline->setWordWrap(true);
    layout->addWidget(headline);
    QStringList details;
    if (!last.lastAction.isEmpty())
        details << tr("Last action: %1").arg(last.lastAction);
    if (!last.crashNotePath.isEmpty())
        details << tr("Crash note: %1").arg(last.crashNotePath);
    if (!last.logPath.isEmpty())
        details << tr("Its log: %1").arg(QFileInfo::exists(last.logPath) ? last.logPath : tr("%1 (removed since)").arg(last.logPath));
    details << tr("Your projects are safe: every edit was saved when it was made.");
    auto* detail = new QLabel(details.join(QLatin1Char('\n')), this);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->setWordWrap(true);
    layout->addWidget(detail);
    auto* safeText = new QLabel(tr("Safe Mode starts Vigil on the CPU only, with the default window layout and no seek "
                                   "proxies (video is always decoded in software). Nothing is sent anywhere: the note "
                                   "and the log stay in %1.")
                                    .arg(logFolder),
                                this);
    safeText->setWordWrap(true);
    layout->addWidget(safeText);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* safe = buttons->addButton(tr("Start in &Safe Mode"), QDialogButtonBox::AcceptRole);
    safe->setObjectName(QStringLiteral("startSafe"));
    QPushButton* normal = buttons->addButton(tr("Start &Normally"), QDialogButtonBox::RejectRole);
    normal->setObjectName(QStringLiteral("startNormally"));
    QPushButton* logs = buttons->addButton(tr("Open &Log Folder"), QDialogButtonBox::ActionRole);
    safe->setDefault(true);
    layout->addWidget(buttons);
    connect(safe, &QPushButton::clicked, this, [this] {
        m_safe = true;
        accept();
    });
    connect(normal, &QPushButton::clicked, this, [this] {
        m_safe = false;
        accept();
    });
    connect(logs, &QPushButton::clicked, this, &CrashRecoveryDialog::openLogFolderRequested);
    setMinimumWidth(560);
}

} // namespace vigil
