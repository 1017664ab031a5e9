// The settings table.
#include "settings/SettingsTable.h"

#include <QHash>

namespace vigil {

namespace {

// The login name: who the audit trail names when nobody set a name.
QString loginName()
{
    for (const char* variable : {"USER", "LOGNAME", "USERNAME"})
        if (const QString name = qEnvironmentVariable(variable); !name.isEmpty())
            return name;
    return QStringLiteral("analyst");
}

SettingSpec spec(const QString& key, SettingType type, const QVariant& value, const QString& description,
                 SettingScope scope = SettingScope::Shared)
{
    SettingSpec s;
    s.key = key;
    s.type = type;
    s.defaultValue = value;
    s.scope = scope;
    s.description = description;
    return s;
}

SettingSpec ranged(const QString& key, SettingType type, const QVariant& value, double minimum, double maximum,
                   const QString& description)
{
    SettingSpec s = spec(key, type, value, description);
    s.minimum = minimum;
    s.maximum = maximum;
    return s;
}

SettingSpec choice(const QString& key, const QString& value, const QStringList& choices, const QString& description)
{
    SettingSpec s = spec(key, SettingType::Choice, value, description);
    s.choices = choices;
    return s;
}

// Descriptions are marked for translation: the settings window shows them in the
// interface's language, while vigil-cli prints them as written (scripts read it).
QList<SettingSpec> makeTable()
{
    using namespace settingKey;
    const auto local = SettingScope::Local;
    return {
        choice(device, QStringLiteral("auto"),
               {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cpu-int8"), QStringLiteral("cuda"),
                QStringLiteral("cuda-fp16")},
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Where scoring runs: auto (CUDA when there is a GPU), cpu, cpu-int8 (about 2.5x faster with "
                              "ViT-B/16, features close to fp32's), cuda, cuda-fp16."))),
        ranged(threads, SettingType::Int, 0, 0, 256, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "CPU threads for the model (0: one per core)."))),
        ranged(batch, SettingType::Int, 16, 1, 1024, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Frames in the image encoder at once."))),
        ranged(stride, SettingType::Int, 1, 1, 64, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Score every Nth frame (1: every frame)."))),
        ranged(threshold, SettingType::Double, 0.5, 0, 1, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "New projects: the score at which a frame is an alarm."))),
        ranged(hysteresis, SettingType::Double, 0.1, 0, 1,
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "New projects: how far below the threshold a detection ends."))),
        ranged(minDuration, SettingType::Double, 1.0, 0, 3600, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "New projects: shortest detection, in seconds."))),
        ranged(mergeGap, SettingType::Double, 2.0, 0, 3600,
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "New projects: detections closer than this many seconds become one."))),
        spec(featureFolder, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Feature cache folder (empty: ~/.cache/vigil/features)."))),
        ranged(featureLimit, SettingType::Double, 0.0, 0, 100000,
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Feature cache size limit in GiB; the least recently used go first (0: no limit)."))),
        spec(proxyFolder, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Seek proxy folder (empty: ~/.cache/vigil/proxies)."))),
        ranged(proxyLimit, SettingType::Double, 20.0, 0, 100000,
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Seek proxy size limit in GiB; the least recently used go first (0: no limit)."))),
        ranged(exportPadding, SettingType::Double, 0.0, 0, 60, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Seconds of video kept before and after an exported clip."))),
        spec(exportReencode, SettingType::Bool, false,
             QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Re-encode exported clips (frame-exact ends) instead of copying the stream where it can."))),
        spec(exportOverlay, SettingType::Bool, false,
             QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Burn the time, frame, score and class into exported clips (re-encodes)."))),
        spec(exportFolder, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Where clips are exported (empty: beside the project)."))),
        spec(analyst, SettingType::Text, loginName(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "The analyst's name in the audit trail (default: the login name)."))),
        choice(language, QStringLiteral("system"), {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("it"), QStringLiteral("de")},
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Language of the desktop application (system: the desktop's). vigil-cli stays English."))),
        choice(theme, QStringLiteral("system"), {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")},
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Colours of the desktop application (system: the desktop's preference)."))),
        spec(shortcuts, SettingType::TextList, QStringList(),
             QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Keys changed from their defaults, one id=keys each (Settings > Keyboard)."))),
        choice(truth, QStringLiteral("both"), {QStringLiteral("ground"), QStringLiteral("labels"), QStringLiteral("both")},
               QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "What a frame's truth is in the research window and the video list's figures."))),
        spec(windowGeometry, SettingType::Bytes, QByteArray(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "The main window's place and size.")), local),
        spec(windowState, SettingType::Bytes, QByteArray(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "The main window's docks and toolbars.")), local),
        spec(recentProjects, SettingType::TextList, QStringList(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Recent projects, newest first.")), local),
        spec(modelCheckpoint, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "The last checkpoint chosen.")), local),
        spec(modelCentroid, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Its centroid.")), local),
        spec(modelLabels, SettingType::Text, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Its class list (ucf, xd, sht or a CSV file).")), local),
        spec(vocabulary, SettingType::Path, QString(), QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "CLIP's vocabulary file, for training new classes.")), local),
        spec(systemCheckShown, SettingType::Bool, false, QStringLiteral(QT_TRANSLATE_NOOP("SettingsTable", "Whether the first start's system check ran.")), local),
    };
}

} // namespace

const QList<SettingSpec>& settingSpecs()
{
    static const QList<SettingSpec> table = makeTable();
    return table;
}

const SettingSpec* settingSpec(const QString& key)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> i;
        for (int n = 0; n < settingSpecs().size(); ++n)
            i.insert(settingSpecs()[n].key, n);
        return i;
    }();
    const auto it = index.constFind(key);
    return it == index.constEnd() ? nullptr : &settingSpecs()[*it];
}

QString settingTypeName(SettingType type)
{
    switch (type) {
    case SettingType::Bool:
        return QStringLiteral("bool");
    case SettingType::Int:
        return QStringLiteral("int");
    case SettingType::Double:
        return QStringLiteral("number");
    case SettingType::Text:
        return QStringLiteral("text");
    case SettingType::Path:
        return QStringLiteral("path");
    case SettingType::Choice:
        return QStringLiteral("choice");
    case SettingType::TextList:
        return QStringLiteral("list");
    case SettingType::Bytes:
        break;
    }
    return QStringLiteral("bytes");
}

} // namespace vigil
