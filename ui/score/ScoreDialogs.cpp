// The Score menu's dialogs.
#include "score/ScoreDialogs.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>

#include <algorithm>

namespace vigil {

namespace {

// The dialogs' strings under one context that lupdate sees.
class ScoreDialogs {
    Q_DECLARE_TR_FUNCTIONS(ScoreDialogs)
};

} // namespace

std::optional<ModelChoice> chooseModelDialog(QWidget* parent, const std::optional<ModelRecord>& current, ComputeDevice currentDevice,
                                             Precision currentPrecision)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ScoreDialogs::tr("Choose Model"));
    auto* form = new QFormLayout(&dialog);
    auto* checkpoint = new QLineEdit(current ? current->checkpointPath : QString(), &dialog);
    auto* centroid = new QLineEdit(current ? current->centroidPath : QString(), &dialog);
    auto* labels = new QLineEdit(current ? current->labels : QStringLiteral("ucf"), &dialog);
    form->addRow(ScoreDialogs::tr("Checkpoint (last.ckpt)"), checkpoint);
    form->addRow(ScoreDialogs::tr("Normal centroid (ncentroid.pt)"), centroid);
    form->addRow(ScoreDialogs::tr("Classes (ucf, xd, sht or a CSV file)"), labels);
    auto* device = new QComboBox(&dialog);
    device->setObjectName(QStringLiteral("deviceChoice"));
    // Device and precision as one choice: each precision runs on one kind of device.
    auto choice = [](ComputeDevice d, Precision p) { return int(d) * 16 + int(p); };
    device->addItem(ScoreDialogs::tr("Automatic (GPU when available)"), choice(ComputeDevice::Auto, Precision::Float32));
    device->addItem(ScoreDialogs::tr("CPU"), choice(ComputeDevice::Cpu, Precision::Float32));
    if (int8Available())
        device->addItem(ScoreDialogs::tr("CPU, int8 (about 2.5x faster with ViT-B/16, scores within 0.01 of fp32)"), choice(ComputeDevice::Cpu, Precision::Int8));
    device->addItem(ScoreDialogs::tr("CUDA GPU"), choice(ComputeDevice::Cuda, Precision::Float32));
    device->addItem(ScoreDialogs::tr("CUDA GPU, fp16"), choice(ComputeDevice::Cuda, Precision::Float16));
    device->setCurrentIndex(std::max(0, device->findData(choice(currentDevice, currentPrecision))));
    form->addRow(ScoreDialogs::tr("Device"), device);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    ModelChoice result;
    result.model.name = QFileInfo(QFileInfo(checkpoint->text()).path()).fileName();
    result.model.checkpointPath = QFileInfo(checkpoint->text()).absoluteFilePath();
    result.model.centroidPath = QFileInfo(centroid->text()).absoluteFilePath();
    result.model.labels = labels->text();
    const int chosen = device->currentData().toInt();
    result.device = ComputeDevice(chosen / 16);
    result.precision = Precision(chosen % 16);
    return result;
}

std::optional<DetectionSettings> detectionSettingsDialog(QWidget* parent, const DetectionSettings& current)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ScoreDialogs::tr("Detection Settings"));
    auto* form = new QFormLayout(&dialog);
    auto spin = [&](double value, double max, double step, const QString& suffix) {
        auto* box = new QDoubleSpinBox(&dialog);
        box->setRange(0, max);
        box->setSingleStep(step);
        box->setDecimals(2);
        box->setSuffix(suffix);
        box->setValue(value);
        return box;
    };
    QDoubleSpinBox* threshold = spin(current.threshold, 1, 0.05, QString());
    QDoubleSpinBox* hysteresis = spin(current.hysteresis, 0.5, 0.01, QString());
    QDoubleSpinBox* minDuration = spin(current.minDurationSeconds, 600, 0.5, ScoreDialogs::tr(" s"));
    QDoubleSpinBox* mergeGap = spin(current.mergeGapSeconds, 600, 0.5, ScoreDialogs::tr(" s"));
    form->addRow(ScoreDialogs::tr("Threshold"), threshold);
    form->addRow(ScoreDialogs::tr("Hysteresis (an event lasts while the score stays above threshold minus this)"), hysteresis);
    form->addRow(ScoreDialogs::tr("Minimum duration"), minDuration);
    form->addRow(ScoreDialogs::tr("Merge events closer than"), mergeGap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    DetectionSettings settings;
    settings.threshold = threshold->value();
    settings.hysteresis = hysteresis->value();
    settings.minDurationSeconds = minDuration->value();
    settings.mergeGapSeconds = mergeGap->value();
    return settings;
}

} // namespace vigil
