#include "help/SystemCheckDialog.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil {

namespace {

QIcon stateIcon(CheckItem::State state, const QStyle* style)
{
    switch (state) {
    case CheckItem::State::Pass: return style->standardIcon(QStyle::SP_DialogApplyButton);
    case CheckItem::State::Warning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case CheckItem::State::Fail: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case CheckItem::State::Skipped: return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

QString stateName(CheckItem::State state)
{
    switch (state) {
    case CheckItem::State::Pass: return SystemCheckDialog::tr("passed");
    case CheckItem::State::Warning: return SystemCheckDialog::tr("warning");
    case CheckItem::State::Fail: return SystemCheckDialog::tr("failed");
    case CheckItem::State::Skipped: return SystemCheckDialog::tr("not checked");
    }
    return {};
}

} // namespace

SystemCheckDialog::SystemCheckDialog(const SystemCheckInput& input, QWidget* parent)
    : QDialog(parent)
    , m_input(input)
    , m_given(input)
{
    qRegisterMetaType<SystemCheckResult>();
    setWindowTitle(tr("System Check"));
    setObjectName(QStringLiteral("systemCheck"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("systemCheckSummary"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);
    auto* scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("What the check found"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_items = new QWidget(scroll);
    m_itemsLayout = new QVBoxLayout(m_items);
    m_itemsLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_items);
    layout->addWidget(scroll, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    m_use = buttons->addButton(tr("&Use This Model"), QDialogButtonBox::ApplyRole);
    m_use->setObjectName(QStringLiteral("useModel"));
    m_use->setVisible(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &SystemCheckDialog::run);
    connect(m_use, &QPushButton::clicked, this, [this] {
        emit modelChosen(m_input.checkpoint, m_input.centroid, m_input.labels);
        m_given.checkpoint = m_input.checkpoint;
        m_given.centroid = m_input.centroid;
        m_given.labels = m_input.labels;
        m_use->setVisible(false);
    });
    resize(760, 700);
}

SystemCheckDialog::~SystemCheckDialog()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void SystemCheckDialog::setProjectInput(const SystemCheckInput& input)
{
    m_input.videos = input.videos;
    m_input.cacheDirectory = input.cacheDirectory;
    m_input.proxyDirectory = input.proxyDirectory;
    m_input.framesToCache = input.framesToCache;
    m_input.cpuOnly = input.cpuOnly;
}

void SystemCheckDialog::run()
{
    if (m_thread)
        return;
    emit aboutToRun();
    m_summary->setText(tr("Checking: the model loads and its speed is measured, which takes a few seconds..."));
    m_again->setEnabled(false);
    m_use->setVisible(false);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const SystemCheckInput input = m_input;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_thread = QThread::create([this, input, cancel] {
        const SystemCheckResult result = runSystemCheck(input, cancel.get());
        if (!cancel->load())
            QMetaObject::invokeMethod(this, [this, result] { showResult(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("vigil-check"));
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_again->setEnabled(true);
    });
    m_thread->start(QThread::LowPriority);
}

void SystemCheckDialog::showResult(const SystemCheckResult& result)
{
    m_result = result;
    while (QLayoutItem* item = m_itemsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_summary->setText(result.summary());
    for (const CheckItem& item : result.items)
        m_itemsLayout->addWidget(itemRow(item));
    m_itemsLayout->addStretch(1);
    bool modelPassed = false;
    for (const CheckItem& item : result.items)
        if (item.id == QLatin1String("model"))
            modelPassed = item.state == CheckItem::State::Pass || item.state == CheckItem::State::Warning;
    const bool changed = m_input.checkpoint != m_given.checkpoint || m_input.centroid != m_given.centroid ||
                         m_input.labels != m_given.labels;
    m_use->setVisible(modelPassed && changed);
    emit checkFinished(result);
}

QWidget* SystemCheckDialog::itemRow(const CheckItem& item)
{
    auto* row = new QWidget(m_items);
    row->setObjectName(QStringLiteral("check-") + item.id);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* icon = new QLabel(row);
    icon->setPixmap(stateIcon(item.state, style()).pixmap(24, 24));
    icon->setAccessibleName(stateName(item.state));
    icon->setAlignment(Qt::AlignTop);
    layout->addWidget(icon);
    auto* text = new QVBoxLayout;
    auto* title = new QLabel(QStringLiteral("<b>%1</b> (%2)").arg(item.title.toHtmlEscaped(), stateName(item.state)), row);
    text->addWidget(title);
    auto* detail = new QLabel(item.detail, row);
    detail->setWordWrap(true);
    detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->addWidget(detail);
    if (!item.remedy.isEmpty()) {
        auto* remedy = new QLabel(item.remedy, row);
        remedy->setObjectName(QStringLiteral("remedy"));
        remedy->setWordWrap(true);
        remedy->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont italic = remedy->font();
        italic.setItalic(true);
        remedy->setFont(italic);
        text->addWidget(remedy);
    }
    if (item.state != CheckItem::State::Pass && (item.fix != CheckItem::Fix::None || !item.folder.isEmpty())) {
        auto* actions = new QHBoxLayout;
        if (item.fix != CheckItem::Fix::None) {
            auto* chooseButton = new QPushButton(tr("Choose File..."), row);
            connect(chooseButton, &QPushButton::clicked, this, [this, fix = item.fix] { choose(fix); });
            actions->addWidget(chooseButton);
        }
        if (!item.folder.isEmpty()) {
            auto* open = new QPushButton(tr("Open Folder"), row);
            connect(open, &QPushButton::clicked, this,
                    [folder = item.folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
            actions->addWidget(open);
        }
        actions->addStretch(1);
        text->addLayout(actions);
    }
    layout->addLayout(text, 1);
    return row;
}

void SystemCheckDialog::choose(CheckItem::Fix fix)
{
    QString start = QFileInfo(m_input.checkpoint).absolutePath();
    QString path;
    switch (fix) {
    case CheckItem::Fix::ChooseCheckpoint:
        path = QFileDialog::getOpenFileName(this, tr("AnomalyCLIP Checkpoint"), start, tr("Checkpoints (*.ckpt);;All files (*)"));
        if (path.isEmpty())
            return;
        m_input.checkpoint = path;
        // The authors' download keeps the centroid beside the checkpoint.
        if (const QString beside = QFileInfo(path).dir().filePath(QStringLiteral("ncentroid.pt")); QFileInfo::exists(beside))
            m_input.centroid = beside;
        break;
    case CheckItem::Fix::ChooseCentroid:
        path = QFileDialog::getOpenFileName(this, tr("Normal Centroid"), start, tr("Centroids (*.pt *.npy);;All files (*)"));
        if (path.isEmpty())
            return;
        m_input.centroid = path;
        break;
    case CheckItem::Fix::ChooseClasses:
        path = QFileDialog::getOpenFileName(this, tr("Class List"), start, tr("Class lists (*.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        m_input.labels = path;
        break;
    case CheckItem::Fix::ChooseVocabulary:
        path = QFileDialog::getOpenFileName(this, tr("CLIP Vocabulary"), start, tr("CLIP vocabulary (*.txt.gz *.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        m_input.vocabulary = path;
        emit vocabularyChosen(path);
        break;
    case CheckItem::Fix::None:
        return;
    }
    run();
}

} // namespace vigil
