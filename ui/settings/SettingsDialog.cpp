// The settings window.
#include "settings/SettingsDialog.h"

#include "settings/KeyboardPage.h"
#include "settings/SettingsTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {

namespace {

// What a field is called on screen (translated), by key.
QString labelOf(const QString& key)
{
    using namespace settingKey;
    static const QHash<QString, const char*> labels = {
        {device, QT_TRANSLATE_NOOP("SettingsDialog", "&Device")},
        {threads, QT_TRANSLATE_NOOP("SettingsDialog", "CPU &threads")},
        {batch, QT_TRANSLATE_NOOP("SettingsDialog", "&Batch (frames)")},
        {stride, QT_TRANSLATE_NOOP("SettingsDialog", "&Stride (every Nth frame)")},
        {threshold, QT_TRANSLATE_NOOP("SettingsDialog", "&Threshold")},
        {hysteresis, QT_TRANSLATE_NOOP("SettingsDialog", "&Hysteresis")},
        {minDuration, QT_TRANSLATE_NOOP("SettingsDialog", "Shortest &detection (s)")},
        {mergeGap, QT_TRANSLATE_NOOP("SettingsDialog", "&Merge gap (s)")},
        {featureFolder, QT_TRANSLATE_NOOP("SettingsDialog", "&Feature cache folder")},
        {featureLimit, QT_TRANSLATE_NOOP("SettingsDialog", "Feature cache &limit (GiB, 0: none)")},
        {proxyFolder, QT_TRANSLATE_NOOP("SettingsDialog", "Seek &proxy folder")},
        {proxyLimit, QT_TRANSLATE_NOOP("SettingsDialog", "Seek proxy l&imit (GiB, 0: none)")},
        {exportPadding, QT_TRANSLATE_NOOP("SettingsDialog", "&Padding (s)")},
        {exportReencode, QT_TRANSLATE_NOOP("SettingsDialog", "&Re-encode (frame-exact ends)")},
        {exportOverlay, QT_TRANSLATE_NOOP("SettingsDialog", "Burn in the &overlay")},
        {exportFolder, QT_TRANSLATE_NOOP("SettingsDialog", "Output &folder")},
        {analyst, QT_TRANSLATE_NOOP("SettingsDialog", "Your &name")},
        {language, QT_TRANSLATE_NOOP("SettingsDialog", "&Language")},
        {theme, QT_TRANSLATE_NOOP("SettingsDialog", "T&heme")},
    };
    return QCoreApplication::translate("SettingsDialog", labels.value(key, ""));
}

QString choiceText(const QString& key, const QString& choice)
{
    if (key == settingKey::device) {
        if (choice == QLatin1String("auto"))
            return SettingsDialog::tr("Automatic (a GPU when there is one)");
        if (choice == QLatin1String("cpu"))
            return SettingsDialog::tr("CPU");
        if (choice == QLatin1String("cpu-int8"))
            return SettingsDialog::tr("CPU int8 (faster, features close to fp32's)");
        if (choice == QLatin1String("cuda"))
            return SettingsDialog::tr("CUDA GPU");
        if (choice == QLatin1String("cuda-fp16"))
            return SettingsDialog::tr("CUDA GPU fp16");
    }
    if (key == settingKey::language) {
        // Each language by its own name, so that someone lost in a language can find theirs.
        if (choice == QLatin1String("system"))
            return SettingsDialog::tr("The system's");
        if (choice == QLatin1String("en"))
            return QStringLiteral("English");
        if (choice == QLatin1String("it"))
            return QStringLiteral("Italiano");
        if (choice == QLatin1String("de"))
            return QStringLiteral("Deutsch");
    }
    if (key == settingKey::theme) {
        if (choice == QLatin1String("system"))
            return SettingsDialog::tr("The desktop's");
        if (choice == QLatin1String("light"))
            return SettingsDialog::tr("Light");
        if (choice == QLatin1String("dark"))
            return SettingsDialog::tr("Dark");
    }
    return choice;
}

QString builtInPlace(const QString& key)
{
    if (key == settingKey::featureFolder)
        return SettingsDialog::tr("built in: ~/.cache/vigil/features");
    if (key == settingKey::proxyFolder)
        return SettingsDialog::tr("built in: ~/.cache/vigil/proxies");
    return SettingsDialog::tr("beside the project");
}

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    m_pages = new QTabWidget(this);
    m_pages->setAccessibleName(tr("Settings pages"));
    layout->addWidget(m_pages, 1);
    auto page = [this](const QString& title, const QString& lead, const QStringList& keys) {
        auto* widget = new QWidget(m_pages);
        auto* form = new QFormLayout(widget);
        if (!lead.isEmpty()) {
            auto* text = new QLabel(lead, widget);
            text->setWordWrap(true);
            form->addRow(text);
        }
        for (const QString& key : keys) {
            QWidget* editor = makeEditor(key);
            auto* label = new QLabel(labelOf(key), widget);
            label->setBuddy(m_editors.value(key));
            form->addRow(label, editor);
        }
        m_pages->addTab(widget, title);
        return form;
    };
    using namespace settingKey;
    page(tr("Compute"), tr("Where scoring runs and how. A flag on vigil-cli's command line wins over these."),
         {device, threads, batch, stride});
    page(tr("Detection"), tr("A project created from now on starts with these; each project keeps its own (Score menu)."),
         {threshold, hysteresis, minDuration, mergeGap});
    QFormLayout* caches = page(tr("Caches"),
                               tr("The feature cache lets a video be re-scored and trained on without decoding it again; seek "
                                  "proxies make seeking in long-GOP videos quick. Past its limit, the least recently used "
                                  "go first."),
                               {featureFolder, featureLimit, proxyFolder, proxyLimit});
    for (const auto& [key, sizeLabel] : {std::pair{featureFolder, &m_featureSize}, std::pair{proxyFolder, &m_proxySize}}) {
        auto* row = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        *sizeLabel = new QLabel(row);
        auto* clear = new QPushButton(key == featureFolder ? tr("Clear the Feature Cache") : tr("Clear the Seek Proxies"), row);
        clear->setObjectName(key == featureFolder ? QStringLiteral("clearFeatures") : QStringLiteral("clearProxies"));
        connect(clear, &QPushButton::clicked, this, [this, key = key] { emit clearCacheRequested(key); });
        rowLayout->addWidget(*sizeLabel, 1);
        rowLayout->addWidget(clear);
        caches->addRow(key == featureFolder ? tr("Feature cache now") : tr("Seek proxies now"), row);
    }
    page(tr("Export"), tr("The starting choices of File > Export Clips."), {exportPadding, exportReencode, exportOverlay, exportFolder});
    page(tr("Analyst"), tr("The name the audit trail gives your labels and decisions."), {analyst});
    page(tr("Interface"), tr("The language applies from Vigil's next start; the theme at once."), {language, theme});
    m_keyboard = new KeyboardPage(m_pages);
    m_pages->addTab(m_keyboard, tr("Keyboard"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults,
                                     this);
    layout->addWidget(m_buttons);
    connect(m_buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] { emit applyRequested(true); });
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { emit applyRequested(false); });
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, &SettingsDialog::defaultsRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 480);
}

QWidget* SettingsDialog::makeEditor(const QString& key)
{
    const SettingSpec* spec = settingSpec(key);
    QWidget* editor = nullptr;
    QWidget* field = nullptr; // what the form shows (the editor, or it with a button)
    switch (spec->type) {
    case SettingType::Choice: {
        auto* combo = new QComboBox(this);
        for (const QString& choice : spec->choices)
            combo->addItem(choiceText(key, choice), choice);
        editor = combo;
        break;
    }
    case SettingType::Int: {
        auto* spin = new QSpinBox(this);
        spin->setRange(int(spec->minimum), int(spec->maximum));
        if (key == settingKey::threads)
            spin->setSpecialValueText(tr("one per core"));
        editor = spin;
        break;
    }
    case SettingType::Double: {
        auto* spin = new QDoubleSpinBox(this);
        spin->setRange(spec->minimum, spec->maximum);
        spin->setDecimals(spec->maximum <= 1 ? 2 : 1);
        spin->setSingleStep(spec->maximum <= 1 ? 0.05 : 1);
        editor = spin;
        break;
    }
    case SettingType::Bool:
        editor = new QCheckBox(this);
        break;
    case SettingType::Path: {
        auto* line = new QLineEdit(this);
        line->setPlaceholderText(builtInPlace(key));
        line->setClearButtonEnabled(true);
        auto* browse = new QPushButton(tr("Browse..."), this);
        browse->setAccessibleName(tr("Browse for %1").arg(labelOf(key).remove(QLatin1Char('&'))));
        connect(browse, &QPushButton::clicked, this, [this, line] {
            const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"), line->text());
            if (!folder.isEmpty())
                line->setText(folder);
        });
        field = new QWidget(this);
        auto* row = new QHBoxLayout(field);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(line, 1);
        row->addWidget(browse);
        editor = line;
        break;
    }
    default:
        editor = new QLineEdit(this);
        break;
    }
    editor->setObjectName(key);
    const QString description = QCoreApplication::translate("SettingsTable", spec->description.toUtf8().constData());
    editor->setToolTip(description);
    editor->setAccessibleName(labelOf(key).remove(QLatin1Char('&')));
    editor->setAccessibleDescription(description);
    m_editors.insert(key, editor);
    return field ? field : editor;
}

void SettingsDialog::setValues(const QHash<QString, QVariant>& values)
{
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        QWidget* editor = m_editors.value(it.key());
        if (auto* combo = qobject_cast<QComboBox*>(editor))
            combo->setCurrentIndex(std::max(0, combo->findData(it.value().toString())));
        else if (auto* spin = qobject_cast<QSpinBox*>(editor))
            spin->setValue(it.value().toInt());
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor))
            real->setValue(it.value().toDouble());
        else if (auto* check = qobject_cast<QCheckBox*>(editor))
            check->setChecked(it.value().toBool());
        else if (auto* line = qobject_cast<QLineEdit*>(editor))
            line->setText(it.value().toString());
    }
}

QHash<QString, QVariant> SettingsDialog::values() const
{
    QHash<QString, QVariant> values;
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        QWidget* editor = it.value();
        if (auto* combo = qobject_cast<QComboBox*>(editor))
            values.insert(it.key(), combo->currentData());
        else if (auto* spin = qobject_cast<QSpinBox*>(editor))
            values.insert(it.key(), spin->value());
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor))
            values.insert(it.key(), real->value());
        else if (auto* check = qobject_cast<QCheckBox*>(editor))
            values.insert(it.key(), check->isChecked());
        else if (auto* line = qobject_cast<QLineEdit*>(editor))
            values.insert(it.key(), line->text().trimmed());
    }
    return values;
}

void SettingsDialog::setCacheSizes(qint64 featureBytes, qint64 proxyBytes)
{
    const QLocale locale;
    m_featureSize->setText(locale.formattedDataSize(featureBytes));
    m_proxySize->setText(locale.formattedDataSize(proxyBytes));
}

void SettingsDialog::setMessage(const QString& text) { m_message->setText(text); }

} // namespace vigil
