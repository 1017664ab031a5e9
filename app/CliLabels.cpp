// vigil-cli labels: the analysts' labels of a project out and in (the datasets' forms, CSV
// and JSON with every field), edits from a script, the audit trail, the analysts' own
// classes and the per-analyst report on the model's detections.
#include "CliCommon.h"

#include "settings/Settings.h"

#include "model/Error.h"
#include "model/LabelSet.h"
#include "project/AnnotationFile.h"
#include "project/LabelInterchange.h"
#include "project/LabelJson.h"
#include "project/ProjectStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace vigil::cli {

namespace {

std::unique_ptr<ProjectStore> openProject(const QString& path, bool write)
{
    if (path.isEmpty())
        die(tr("missing --project (see 'vigil-cli labels --help')"), kExitUsage);
    if (!QFileInfo::exists(path))
        throw Error(QFile::encodeName(path).toStdString() + ": no such project");
    auto store = ProjectStore::open(path, write ? ProjectStore::OpenMode::OpenExisting : ProjectStore::OpenMode::ReadOnly);
    if (!store->migrationBackupPath().isEmpty())
        QTextStream(stderr) << tr("vigil-cli: note: the project's schema was upgraded; the old file is kept as %1")
                                   .arg(store->migrationBackupPath())
                            << Qt::endl;
    return store;
}

// The classes a label may have: every model's of the project and the analysts' own;
// empty (any class) in a project without a model.
// The classes a label may have: the class list named on the command line, the project's
// models' and its own. A project without a model has no list to check against unless one
// is named, and any misspelt class would go in: that is refused.
QStringList knownClasses(const ProjectStore& store, const QString& classes, bool listNeeded = true)
{
    QStringList names = store.customClasses();
    auto addList = [&names](const std::string& list) {
        const LabelSet labels = LabelSet::resolve(list); // kept: the loop reads its names
        for (const std::string& name : labels.fileOrderNames())
            if (!names.contains(QString::fromStdString(name), Qt::CaseInsensitive))
                names << QString::fromStdString(name);
    };
    if (!classes.isEmpty())
        addList(classes.toStdString()); // a bad --classes is the user's error: said as such
    for (const ModelRecord& m : store.models()) {
        try {
            addList(m.labels.toStdString());
        } catch (const Error&) {
            // a model whose labels file is gone names no classes
        }
    }
    if (listNeeded && classes.isEmpty() && store.models().isEmpty())
        throw Error("the project has no model to take its class names from: name the class list with --classes ucf|xd|sht|FILE");
    return names;
}

QString figure(double value, int decimals = 1)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("-");
}

const VideoRecord* videoNamed(const QList<VideoRecord>& videos, const QString& name)
{
    for (const VideoRecord& v : videos)
        if (annotationKey(v.path) == annotationKey(name))
            return &v;
    return nullptr;
}

// `labels apply`: one edit per line, each committed on its own and acknowledged.
int apply(ProjectStore& store, const QString& source, const QString& classes)
{
    QFile file;
    if (source == QLatin1String("-") ? !file.open(stdin, QIODevice::ReadOnly | QIODevice::Text)
                                     : (file.setFileName(source), !file.open(QIODevice::ReadOnly | QIODevice::Text)))
        throw Error(QFile::encodeName(source).toStdString() + ": cannot read: " + file.errorString().toStdString());
    const QList<VideoRecord> videos = store.videos();
    const QStringList known = knownClasses(store, classes);
    auto classNamed = [&](const QString& name) {
        if (known.isEmpty())
            return name;
        auto key = [](QString s) { return s.replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed().toLower(); };
        for (const QString& k : known)
            if (key(k) == key(name))
                return k;
        throw Error("unknown class '" + name.toStdString() + "' (add it with 'labels classes --add')");
    };
    QTextStream in(&file);
    const QRegularExpression spaces(QStringLiteral("\\s+"));
    int lineNumber = 0, failures = 0;
    QString line;
    while (in.readLineInto(&line)) {
        ++lineNumber;
        const QStringList cells = line.trimmed().split(spaces, Qt::SkipEmptyParts);
        if (cells.isEmpty() || cells[0].startsWith(QLatin1Char('#')))
            continue;
        try {
            auto number = [&](int i) {
                bool ok = false;
                const qint64 v = i < cells.size() ? cells[i].toLongLong(&ok) : 0;
                if (!ok)
                    throw Error("expected a number in field " + std::to_string(i + 1));
                return v;
            };
            const QString verb = cells[0];
            if (verb == QLatin1String("add") && cells.size() >= 5) {
                const VideoRecord* video = videoNamed(videos, cells[1]);
                if (!video)
                    throw Error("no video named '" + cells[1].toStdString() + "'");
                LabelRecord l;
                l.videoId = video->id;
                l.startFrame = number(2);
                l.endFrame = number(3) + 1; // last frame given, as in the UCF-Crime form
                l.className = classNamed(cells.mid(4).join(QLatin1Char(' ')));
                const qint64 id = store.addLabel(l);
                std::printf("ok %d add %lld\n", lineNumber, static_cast<long long>(id));
            } else if (verb == QLatin1String("move") && cells.size() == 4) {
                std::optional<LabelRecord> l = store.label(number(1));
                if (!l)
                    throw Error("no label " + cells[1].toStdString());
                l->startFrame = number(2);
                l->endFrame = number(3) + 1;
                store.updateLabel(*l);
                std::printf("ok %d move %lld\n", lineNumber, static_cast<long long>(l->id));
            } else if (verb == QLatin1String("class") && cells.size() >= 3) {
                std::optional<LabelRecord> l = store.label(number(1));
                if (!l)
                    throw Error("no label " + cells[1].toStdString());
                l->className = classNamed(cells.mid(2).join(QLatin1Char(' ')));
                store.updateLabel(*l);
                std::printf("ok %d class %lld\n", lineNumber, static_cast<long long>(l->id));
            } else if (verb == QLatin1String("remove") && cells.size() == 2) {
                store.removeLabel(number(1));
                std::printf("ok %d remove %lld\n", lineNumber, static_cast<long long>(number(1)));
            } else {
                throw Error("expected 'add VIDEO FIRST LAST CLASS', 'move ID FIRST LAST', 'class ID CLASS' or 'remove ID'");
            }
        } catch (const std::exception& e) {
            ++failures;
            std::printf("error %d %s\n", lineNumber, e.what());
        }
        std::fflush(stdout); // acknowledged only once committed, and at once
    }
    return failures == 0 ? 0 : kExitError;
}

void printReport(const QList<AnalystReport>& reports)
{
    QTextStream out(stdout);
    out << tr("analyst           labels  decisions  unchanged  modified  rejected  unchanged share  mean decision") << Qt::endl;
    for (const AnalystReport& r : reports)
        out << (r.author.isEmpty() ? tr("(unknown)") : r.author).leftJustified(16) << QString::number(r.labels).rightJustified(8)
            << QString::number(r.decisions()).rightJustified(11) << QString::number(r.accepted).rightJustified(11)
            << QString::number(r.modified).rightJustified(10) << QString::number(r.rejected).rightJustified(10)
            << (std::isfinite(r.unchangedShare()) ? QStringLiteral("%1%").arg(100 * r.unchangedShare(), 0, 'f', 1)
                                                  : QStringLiteral("-"))
                   .rightJustified(17)
            << (std::isfinite(r.meanDecisionSeconds) ? tr("%1 s").arg(figure(r.meanDecisionSeconds)) : QStringLiteral("-"))
                   .rightJustified(15)
            << Qt::endl;
}

QJsonArray reportJson(const QList<AnalystReport>& reports)
{
    QJsonArray array;
    for (const AnalystReport& r : reports) {
        QJsonObject o;
        o[QStringLiteral("author")] = r.author;
        o[QStringLiteral("labels")] = r.labels;
        o[QStringLiteral("decisions")] = r.decisions();
        o[QStringLiteral("accepted_unchanged")] = r.accepted;
        o[QStringLiteral("modified")] = r.modified;
        o[QStringLiteral("rejected")] = r.rejected;
        o[QStringLiteral("unchanged_share")] = std::isfinite(r.unchangedShare()) ? QJsonValue(r.unchangedShare()) : QJsonValue();
        o[QStringLiteral("mean_decision_seconds")] =
            std::isfinite(r.meanDecisionSeconds) ? QJsonValue(r.meanDecisionSeconds) : QJsonValue();
        array.append(o);
    }
    return array;
}

QString describe(const QJsonObject& label)
{
    if (label.isEmpty())
        return QStringLiteral("-");
    return QStringLiteral("%1-%2 %3%4")
        .arg(qint64(label.value(QStringLiteral("start_frame")).toDouble()))
        .arg(qint64(label.value(QStringLiteral("end_frame")).toDouble()) - 1)
        .arg(label.value(QStringLiteral("class")).toString(),
             label.value(QStringLiteral("note")).toString().isEmpty()
                 ? QString()
                 : QStringLiteral(" \"%1\"").arg(label.value(QStringLiteral("note")).toString()));
}

} // namespace

int labels(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The analysts' labels of a project.\n"
           "  export   --format ucf|xd|sht|csv|json --out FILE (a folder for sht): every label; csv and json\n"
           "           carry every field (source, author, times, note, what the model said)\n"
           "  import   --format ... FILE: replaces the labels of the videos the file names, all or nothing;\n"
           "           intervals without a class (xd without codes, sht) take --class\n"
           "  apply    FILE or -: edits, one per line, each committed and acknowledged ('ok LINE ...'):\n"
           "           add VIDEO FIRST LAST CLASS | move ID FIRST LAST | class ID CLASS | remove ID\n"
           "  history  --label ID or --video NAME: the audit trail (who, when, before, after)\n"
           "  classes  [--add NAME] [--remove NAME]: the project's own classes (listed with the models')\n"
           "  report   per analyst: decisions on the model's detections, the share accepted unchanged"));
    parser.addHelpOption();
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("The project file (*.vigil)."), tr("P.vigil"));
    const QCommandLineOption format(QStringLiteral("format"), tr("ucf, xd, sht, csv or json."), tr("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), tr("With export: the file (folder for sht) to write."), tr("PATH"));
    const QCommandLineOption defaultClass(QStringLiteral("class"), tr("With import: the class of intervals the file gives none."),
                                          tr("NAME"));
    const QCommandLineOption label(QStringLiteral("label"), tr("With history: a label's id."), tr("ID"));
    const QCommandLineOption video(QStringLiteral("video"), tr("With history: a video's name."), tr("NAME"));
    const QCommandLineOption add(QStringLiteral("add"), tr("With classes: add a class of the project's own."), tr("NAME"));
    const QCommandLineOption remove(QStringLiteral("remove"), tr("With classes: remove one (not while labels use it)."), tr("NAME"));
    const QCommandLineOption author(QStringLiteral("author"), tr("Who makes the edits (default: the setting analyst/name, the login name)."), tr("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("With report or history: also write JSON here."), tr("OUT.json"));
    const QCommandLineOption classList(QStringLiteral("classes"),
                                       tr("With import and apply: the class list labels are checked against, besides the project's "
                                          "models' and its own (needed when the project has no model): ucf, xd, sht or an 'id,name' CSV."),
                                       tr("ucf|xd|sht|FILE"));
    parser.addOptions({projectPath, format, out, defaultClass, label, video, add, remove, author, json, classList});
    parser.addPositionalArgument(QStringLiteral("action"), tr("export, import, apply, history, classes or report."));
    parseOrExit(parser, arguments, QStringLiteral("labels"), true);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        die(tr("missing the action (see 'vigil-cli labels --help')"), kExitUsage);
    const QString action = positional.first();
    QTextStream stdOut(stdout);
    try {
        auto store = [&](bool write) {
            auto s = openProject(parser.value(projectPath), write);
            s->setAuthor(parser.isSet(author) ? parser.value(author) : settings().text(settingKey::analyst));
            return s;
        };
        auto chosenFormat = [&] {
            const std::optional<LabelFormat> f = labelFormatFromName(parser.value(format));
            if (!f)
                die(tr("--format takes ucf, xd, sht, csv or json"), kExitUsage);
            return *f;
        };
        if (action == QLatin1String("export")) {
            if (!parser.isSet(out))
                die(tr("missing --out"), kExitUsage);
            const LabelExport result = exportLabels(*store(false), chosenFormat(), parser.value(out));
            stdOut << tr("exported %1 label(s) of %2 video(s) to %3").arg(result.labels).arg(result.videos).arg(parser.value(out));
            if (result.longLines)
                stdOut << tr("; %1 line(s) with more than two intervals (AnomalyCLIP's reader takes them, the dataset's own file has none)")
                              .arg(result.longLines);
            stdOut << Qt::endl;
            return 0;
        }
        if (action == QLatin1String("import")) {
            if (positional.size() != 2)
                die(tr("import takes one FILE (see 'vigil-cli labels --help')"), kExitUsage);
            auto s = store(true);
            LabelImportOptions options;
            options.knownClasses = knownClasses(*s, parser.value(classList));
            options.defaultClass = parser.value(defaultClass);
            const LabelImport result = importLabels(*s, chosenFormat(), positional[1], options);
            stdOut << tr("imported %1 label(s) for %2 video(s), replacing %3").arg(result.labels).arg(result.videos).arg(result.replaced)
                   << Qt::endl;
            return 0;
        }
        if (action == QLatin1String("apply")) {
            if (positional.size() != 2)
                die(tr("apply takes one FILE, or - for the standard input"), kExitUsage);
            auto s = store(true);
            return apply(*s, positional[1], parser.value(classList));
        }
        if (action == QLatin1String("history")) {
            auto s = store(false);
            QList<LabelAuditRecord> rows;
            if (parser.isSet(label)) {
                rows = s->labelHistory(parser.value(label).toLongLong());
            } else if (parser.isSet(video)) {
                const QList<VideoRecord> videos = s->videos();
                const VideoRecord* v = videoNamed(videos, parser.value(video));
                if (!v)
                    throw Error("no video named '" + parser.value(video).toStdString() + "'");
                rows = s->videoLabelHistory(v->id);
            } else {
                die(tr("history needs --label ID or --video NAME"), kExitUsage);
            }
            QJsonArray array;
            for (const LabelAuditRecord& r : rows) {
                stdOut << r.at.toString(Qt::ISODateWithMs) << "  " << r.author << "  " << tr("label %1").arg(r.labelId) << "  "
                       << r.action << "  " << describe(r.before) << " -> " << describe(r.after) << Qt::endl;
                QJsonObject o;
                o[QStringLiteral("label_id")] = double(r.labelId);
                o[QStringLiteral("at")] = r.at.toString(Qt::ISODateWithMs);
                o[QStringLiteral("author")] = r.author;
                o[QStringLiteral("action")] = r.action;
                o[QStringLiteral("before")] = r.before;
                o[QStringLiteral("after")] = r.after;
                array.append(o);
            }
            if (parser.isSet(json)) {
                QSaveFile f(parser.value(json));
                const QByteArray text = QJsonDocument(array).toJson();
                if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
                    throw Error(QFile::encodeName(parser.value(json)).toStdString() + ": cannot write");
            }
            return 0;
        }
        if (action == QLatin1String("classes")) {
            const bool changes = parser.isSet(add) || parser.isSet(remove);
            auto s = store(changes);
            for (const QString& name : parser.values(add))
                s->addCustomClass(name);
            for (const QString& name : parser.values(remove))
                s->removeCustomClass(name);
            const QStringList own = s->customClasses();
            for (const QString& name : knownClasses(*s, parser.value(classList), false))
                stdOut << name << (own.contains(name, Qt::CaseInsensitive) ? tr("  (the project's own)") : QString()) << Qt::endl;
            return 0;
        }
        if (action == QLatin1String("report")) {
            const QList<AnalystReport> reports = store(false)->analystReports();
            printReport(reports);
            if (parser.isSet(json)) {
                QSaveFile f(parser.value(json));
                const QByteArray text = QJsonDocument(reportJson(reports)).toJson();
                if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
                    throw Error(QFile::encodeName(parser.value(json)).toStdString() + ": cannot write");
            }
            return 0;
        }
        die(tr("unknown action '%1' (see 'vigil-cli labels --help')").arg(action), kExitUsage);
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
}

} // namespace vigil::cli
