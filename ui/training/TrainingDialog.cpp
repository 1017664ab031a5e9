// The fine-tuning dialog.
#include "training/TrainingDialog.h"
#include "training/TrainingMessages.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {

TrainingDialog::TrainingDialog(const TrainingOptions& defaults, const QString& suggestedName, QWidget* parent)
    : QDialog(parent)
    , m_defaults(defaults)
{
    setWindowTitle(tr("Fine-Tune Model"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Training data: every video with a class (imported annotations) or labels, "
                                    "from its cached features."),
                                 this));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("trainingClasses"));
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("Training videos"), tr("Validation videos"), tr("Labelled frames")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(180);
    layout->addWidget(m_table);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    // Classes the project uses that the model lacks: shown once the check finds some.
    m_newClassBox = new QGroupBox(tr("Classes the model does not have"), this);
    auto* newLayout = new QVBoxLayout(m_newClassBox);
    newLayout->addWidget(new QLabel(tr("Ticked classes are learned with their own prompt and context; "
                                       "the videos of the others are left out."),
                                    m_newClassBox));
    m_newClasses = new QListWidget(m_newClassBox);
    m_newClasses->setObjectName(QStringLiteral("newClasses"));
    m_newClasses->setMaximumHeight(90);
    newLayout->addWidget(m_newClasses);
    auto* vocabularyRow = new QHBoxLayout;
    vocabularyRow->addWidget(new QLabel(tr("CLIP vocabulary"), m_newClassBox));
    m_vocabulary = new QLineEdit(m_newClassBox);
    m_vocabulary->setObjectName(QStringLiteral("vocabularyPath"));
    m_vocabulary->setPlaceholderText(tr("bpe_simple_vocab_16e6.txt.gz"));
    vocabularyRow->addWidget(m_vocabulary, 1);
    auto* browse = new QPushButton(tr("Browse..."), m_newClassBox);
    vocabularyRow->addWidget(browse);
    newLayout->addLayout(vocabularyRow);
    m_newClassBox->setVisible(false);
    layout->addWidget(m_newClassBox);
    connect(m_newClasses, &QListWidget::itemChanged, this, &TrainingDialog::recheckRequested);
    connect(m_vocabulary, &QLineEdit::editingFinished, this, &TrainingDialog::recheckRequested);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CLIP Vocabulary"), m_vocabulary->text(),
                                                          tr("CLIP vocabulary (*.txt.gz *.txt);;All files (*)"));
        if (!path.isEmpty()) {
            m_vocabulary->setText(path);
            emit recheckRequested();
        }
    });

    auto* form = new QFormLayout;
    m_name = new QLineEdit(suggestedName, this);
    form->addRow(tr("New model's name"), m_name);
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 1000);
    m_epochs->setValue(defaults.epochs);
    form->addRow(tr("Epochs"), m_epochs);
    m_warmup = new QSpinBox(this);
    m_warmup->setRange(0, 1000);
    m_warmup->setValue(defaults.warmupEpochs);
    form->addRow(tr("Warm-up epochs (the first at learning rate 0)"), m_warmup);
    m_lr = new QDoubleSpinBox(this);
    m_lr->setDecimals(7);
    m_lr->setRange(1e-7, 1.0);
    m_lr->setSingleStep(1e-5);
    m_lr->setValue(defaults.learningRate);
    form->addRow(tr("Learning rate"), m_lr);
    m_batch = new QSpinBox(this);
    m_batch->setRange(2, 512);
    m_batch->setSingleStep(2);
    m_batch->setValue(defaults.batchSize);
    form->addRow(tr("Videos per step (half abnormal)"), m_batch);
    m_validation = new QDoubleSpinBox(this);
    m_validation->setRange(0, 0.9);
    m_validation->setSingleStep(0.05);
    m_validation->setValue(defaults.validationFraction);
    form->addRow(tr("Held out for validation (share of each class)"), m_validation);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(int(defaults.seed));
    form->addRow(tr("Seed"), m_seed);
    m_frameSupervision = new QCheckBox(tr("Also learn from the labelled frames (Vigil's addition to the paper)"), this);
    m_frameSupervision->setChecked(defaults.frameSupervision > 0);
    form->addRow(m_frameSupervision);
    m_frameWeight = new QDoubleSpinBox(this);
    m_frameWeight->setRange(0.01, 100);
    m_frameWeight->setValue(defaults.frameSupervision > 0 ? defaults.frameSupervision : 1.0);
    m_frameWeight->setEnabled(m_frameSupervision->isChecked());
    form->addRow(tr("Weight of the labelled frames"), m_frameWeight);
    m_keepCentroid = new QCheckBox(tr("Keep the model's normal centroid (else: the mean of the normal videos)"), this);
    m_keepCentroid->setChecked(!defaults.recomputeCentroid);
    form->addRow(m_keepCentroid);
    layout->addLayout(form);
    connect(m_frameSupervision, &QCheckBox::toggled, m_frameWeight, &QWidget::setEnabled);
    connect(m_validation, &QDoubleSpinBox::valueChanged, this, &TrainingDialog::recheckRequested);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_scoreFirst = buttons->addButton(tr("Score Unscored Videos"), QDialogButtonBox::ActionRole);
    m_scoreFirst->setVisible(false);
    m_start = buttons->addButton(tr("Start Training"), QDialogButtonBox::AcceptRole);
    m_start->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scoreFirst, &QPushButton::clicked, this, [this] { emit scoreFirstRequested(m_unscored); });
    setChecking(tr("Checking the project's training data..."));
}

void TrainingDialog::setChecking(const QString& message)
{
    m_status->setText(message);
    m_start->setEnabled(false);
}

void TrainingDialog::setReadiness(const TrainingReadiness& r)
{
    const TrainingDataSummary& s = r.summary;
    const QStringList added = newClasses();
    m_table->setRowCount(0);
    for (int c = 0; c < r.classNames.size(); ++c) {
        const int train = c < int(s.trainVideos.size()) ? s.trainVideos[size_t(c)] : 0;
        const int validation = c < int(s.validationVideos.size()) ? s.validationVideos[size_t(c)] : 0;
        const qint64 labelled = c < int(s.labelledFrames.size()) ? s.labelledFrames[size_t(c)] : 0;
        if (train == 0 && validation == 0 && c != r.normalId)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString name = r.classNames[c];
        if (c == r.normalId)
            name = tr("%1 (normal)").arg(name);
        else if (added.contains(name))
            name = tr("%1 (new)").arg(name);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::number(train)));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::number(validation)));
        m_table->setItem(row, 3, new QTableWidgetItem(QString::number(labelled)));
    }
    // New classes: those found now are added, those ticked before stay (the check no longer
    // counts them as missing once they are part of the model).
    {
        const QSignalBlocker blocker(m_newClasses);
        for (auto it = r.missingClasses.constBegin(); it != r.missingClasses.constEnd(); ++it) {
            QListWidgetItem* item = nullptr;
            for (int i = 0; i < m_newClasses->count(); ++i)
                if (m_newClasses->item(i)->data(Qt::UserRole).toString() == it.key())
                    item = m_newClasses->item(i);
            if (!item) {
                item = new QListWidgetItem(m_newClasses);
                item->setData(Qt::UserRole, it.key());
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            item->setText(tr("%1 (%n video(s))", nullptr, it.value()).arg(it.key()));
        }
        m_newClassBox->setVisible(m_newClasses->count() > 0);
    }
    QStringList lines;
    for (const std::string& problem : s.problems)
        lines << tr("Cannot start: %1").arg(trainingMessage(problem));
    if (!r.unscored.isEmpty())
        lines << tr("%n video(s) with a class have no cached features yet: score them first.", nullptr, int(r.unscored.size()));
    for (const std::string& warning : s.warnings)
        lines << tr("Note: %1").arg(trainingMessage(warning));
    if (s.imbalance > 0)
        lines << tr("Imbalance between the abnormal classes: %1x (above 3x is a warning).").arg(s.imbalance, 0, 'f', 1);
    if (!r.skipped.isEmpty())
        lines << tr("Left out: %1").arg(r.skipped.join(QStringLiteral("; ")));
    if (s.problems.empty())
        lines.prepend(tr("Ready: %n video(s).", nullptr, r.videos));
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_unscored = r.unscored;
    m_scoreFirst->setVisible(!r.unscored.isEmpty());
    m_start->setEnabled(s.problems.empty());
}

TrainingOptions TrainingDialog::options() const
{
    TrainingOptions o = m_defaults;
    o.epochs = m_epochs->value();
    o.warmupEpochs = m_warmup->value();
    o.learningRate = m_lr->value();
    o.batchSize = m_batch->value() / 2 * 2;
    o.validationFraction = m_validation->value();
    o.seed = uint64_t(m_seed->value());
    o.frameSupervision = m_frameSupervision->isChecked() ? m_frameWeight->value() : 0.0;
    o.recomputeCentroid = !m_keepCentroid->isChecked();
    return o;
}

QString TrainingDialog::modelName() const { return m_name->text().trimmed(); }

QStringList TrainingDialog::newClasses() const
{
    QStringList names;
    for (int i = 0; i < m_newClasses->count(); ++i)
        if (m_newClasses->item(i)->checkState() == Qt::Checked)
            names << m_newClasses->item(i)->data(Qt::UserRole).toString();
    return names;
}

QString TrainingDialog::vocabularyPath() const { return m_vocabulary->text().trimmed(); }

void TrainingDialog::setVocabularyPath(const QString& path) { m_vocabulary->setText(path); }

} // namespace vigil
