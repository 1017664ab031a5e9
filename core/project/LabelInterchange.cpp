// Label export and import: every form is parsed whole and checked against the project
// before the one transaction that replaces the labels of the videos it names.
#include "project/LabelInterchange.h"

#include "model/Error.h"
#include "model/NpyArray.h"
#include "project/AnnotationFile.h"
#include "project/LabelJson.h"
#include "project/ProjectStore.h"
#include "project/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

const QStringList kCsvColumns = {
    QStringLiteral("video"),       QStringLiteral("start_frame"), QStringLiteral("end_frame"),  QStringLiteral("class"),
    QStringLiteral("note"),        QStringLiteral("author"),      QStringLiteral("source"),     QStringLiteral("created"),
    QStringLiteral("modified"),    QStringLiteral("model"),       QStringLiteral("model_checkpoint"),
    QStringLiteral("model_class"), QStringLiteral("model_start"),
    QStringLiteral("model_end"),   QStringLiteral("model_peak"),  QStringLiteral("model_mean"),
    QStringLiteral("decision_seconds"), QStringLiteral("detection_id"), QStringLiteral("decision")};

[[noreturn]] void failAt(const QString& path, int line, const QString& message)
{
    throw Error(QStringLiteral("%1%2: %3")
                    .arg(path, line > 0 ? QStringLiteral(":%1").arg(line) : QString(), message)
                    .toStdString());
}

QString key(QString name) { return name.replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed().toLower(); }

QString stem(const VideoRecord& v) { return annotationKey(v.path); }

QString csvNumber(double value) { return std::isfinite(value) ? QString::number(value, 'g', 17) : QString(); }

// The text of a file that must be text: UTF-8 without NUL bytes.
QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        failAt(path, 0, QStringLiteral("cannot read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        failAt(path, int(bytes.left(nul).count('\n')) + 1, QStringLiteral("this is a binary file, not a labels file"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        failAt(path, 0, QStringLiteral("the file is not UTF-8 text"));
    return text;
}

// RFC 4180 records with the line each starts on; quoted fields may hold line breaks.
struct CsvRecord {
    int line = 0;
    QStringList fields;
};

QList<CsvRecord> parseCsv(const QString& text, const QString& path)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    bool quoted = false, fieldStarted = false;
    int line = 1;
    record.line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record.fields << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            record.fields << field;
            if (!(record.fields.size() == 1 && record.fields[0].isEmpty()))
                records << record;
            record = CsvRecord();
            record.line = ++line;
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        failAt(path, record.line, QStringLiteral("a quoted field is not closed"));
    record.fields << field;
    if (!(record.fields.size() == 1 && record.fields[0].isEmpty()))
        records << record;
    return records;
}

// One label read from a file, before it is checked against the project.
struct Parsed {
    QString video; // the name the file gives
    int line = 0;
    LabelRecord label;
    bool keepProvenance = false; // csv and json: author, times and source as written
    QString modelName, modelCheckpoint; // source model: the model that made it
};

struct ParsedFile {
    QList<Parsed> labels;
    QHash<QString, int> videos;        // names the file gives, with their first line
    QHash<QString, QString> videoClasses; // ucf's weak labels (the class of -1 -1 lines)
};

ParsedFile parseDataset(LabelFormat format, const QString& path, const QString& defaultClass, const QString& normalClass)
{
    if (format != LabelFormat::Sht)
        readText(path); // binary and encoding checks, with a line
    const Annotations annotations = readAnnotations(path);
    if (format == LabelFormat::Ucf && annotations.format != AnnotationFormat::UcfCrime)
        failAt(path, 1, QStringLiteral("is not in the UCF-Crime form 'Name Class s1 e1 ...'"));
    if (format == LabelFormat::Xd && annotations.format != AnnotationFormat::XdViolence)
        failAt(path, 1, QStringLiteral("is not in the XD-Violence form 'Name s1 e1 ...'"));
    if (format == LabelFormat::Sht && annotations.format != AnnotationFormat::FrameMasks)
        failAt(path, 0, QStringLiteral("is not a folder of .npy frame masks"));
    ParsedFile parsed;
    for (auto it = annotations.videos.constBegin(); it != annotations.videos.constEnd(); ++it) {
        parsed.videos.insert(it.key(), annotations.videoLines.value(it.key()));
        const QList<int> lines = annotations.intervalLines.value(it.key());
        for (qsizetype i = 0; i < it.value().size(); ++i) {
            const GroundTruthInterval& interval = it.value()[i];
            Parsed p;
            p.video = it.key();
            p.line = i < lines.size() ? lines[i] : 0;
            p.label.startFrame = interval.startFrame;
            p.label.endFrame = interval.endFrame;
            // The forms without a class per interval: the given default.
            p.label.className = format == LabelFormat::Ucf || (format == LabelFormat::Xd && !xdViolenceClasses(it.key()).isEmpty())
                                    ? interval.className
                                    : defaultClass;
            p.label.source = LabelSource::Import;
            parsed.labels << p;
        }
        if (format == LabelFormat::Ucf)
            parsed.videoClasses.insert(it.key(), annotations.videoClasses.value(it.key()));
        else if (format == LabelFormat::Sht && it.value().isEmpty() && !normalClass.isEmpty())
            parsed.videoClasses.insert(it.key(), normalClass); // an all-zero mask: a normal video
    }
    return parsed;
}

ParsedFile parseCsvFile(const QString& path)
{
    const QList<CsvRecord> records = parseCsv(readText(path), path);
    if (records.isEmpty())
        failAt(path, 1, QStringLiteral("holds no header line"));
    const QStringList header = records.first().fields;
    QHash<QString, int> column;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header[i].trimmed().toLower(), i);
    for (const char* required : {"video", "start_frame", "end_frame", "class"})
        if (!column.contains(QLatin1String(required)))
            failAt(path, 1, QStringLiteral("the header has no '%1' column").arg(QLatin1String(required)));
    ParsedFile parsed;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        if (record.fields.size() != header.size())
            failAt(path, record.line, QStringLiteral("has %1 fields, the header %2").arg(record.fields.size()).arg(header.size()));
        QJsonObject json;
        auto cell = [&](const QString& name) { return column.contains(name) ? record.fields[column.value(name)] : QString(); };
        for (const QString& name : {QStringLiteral("start_frame"), QStringLiteral("end_frame"),
                                    QStringLiteral("model_start"), QStringLiteral("model_end"), QStringLiteral("model_peak"),
                                    QStringLiteral("model_mean"), QStringLiteral("decision_seconds"), QStringLiteral("detection_id")}) {
            const QString text = cell(name).trimmed();
            if (text.isEmpty())
                continue;
            bool ok = false;
            const double value = text.toDouble(&ok);
            if (!ok)
                failAt(path, record.line, QStringLiteral("'%1' is not a number in column %2").arg(text.left(24), name));
            json[name] = value;
        }
        for (const QString& name : {QStringLiteral("class"), QStringLiteral("note"), QStringLiteral("author"),
                                    QStringLiteral("created"), QStringLiteral("modified"), QStringLiteral("model_class")})
            json[name] = cell(name);
        if (!cell(QStringLiteral("source")).isEmpty())
            json[QStringLiteral("source")] = cell(QStringLiteral("source"));
        QString problem;
        Parsed p;
        p.label = labelFromJson(json, &problem);
        if (!problem.isEmpty())
            failAt(path, record.line, problem);
        p.video = annotationKey(cell(QStringLiteral("video")).trimmed());
        p.modelName = cell(QStringLiteral("model"));
        p.modelCheckpoint = cell(QStringLiteral("model_checkpoint"));
        p.line = record.line;
        p.keepProvenance = true;
        if (!parsed.videos.contains(p.video))
            parsed.videos.insert(p.video, record.line);
        parsed.labels << p;
    }
    return parsed;
}

// JSON has no lines for its values: the position is "video N, label M" past parsing.
ParsedFile parseJsonFile(const QString& path, QStringList* customClasses)
{
    const QString text = readText(path);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        failAt(path, int(text.left(error.offset).count(QLatin1Char('\n'))) + 1, error.errorString());
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("vigil-labels"))
        failAt(path, 1, QStringLiteral("is not a Vigil labels file (\"format\": \"vigil-labels\")"));
    for (const QJsonValue& c : root.value(QStringLiteral("custom_classes")).toArray())
        *customClasses << c.toString();
    ParsedFile parsed;
    const QJsonArray videos = root.value(QStringLiteral("videos")).toArray();
    for (qsizetype v = 0; v < videos.size(); ++v) {
        const QJsonObject video = videos[v].toObject();
        const QString name = video.value(QStringLiteral("name")).toString();
        const QString where = QStringLiteral("video %1").arg(v + 1);
        if (name.isEmpty())
            failAt(path, 0, where + QStringLiteral(": no \"name\""));
        parsed.videos.insert(name, 0);
        if (video.contains(QStringLiteral("class")))
            parsed.videoClasses.insert(name, video.value(QStringLiteral("class")).toString());
        const QJsonArray labels = video.value(QStringLiteral("labels")).toArray();
        for (qsizetype l = 0; l < labels.size(); ++l) {
            QString problem;
            Parsed p;
            p.label = labelFromJson(labels[l].toObject(), &problem);
            if (!problem.isEmpty())
                failAt(path, 0, QStringLiteral("%1 ('%2'), label %3: %4").arg(where, name).arg(l + 1).arg(problem));
            p.video = name;
            p.modelName = labels[l].toObject().value(QStringLiteral("model")).toString();
            p.modelCheckpoint = labels[l].toObject().value(QStringLiteral("model_checkpoint")).toString();
            p.keepProvenance = true;
            parsed.labels << p;
        }
    }
    return parsed;
}

} // namespace

std::optional<LabelFormat> labelFormatFromName(const QString& name)
{
    for (const LabelFormat f : {LabelFormat::Ucf, LabelFormat::Xd, LabelFormat::Sht, LabelFormat::Csv, LabelFormat::Json})
        if (labelFormatName(f) == name.toLower())
            return f;
    return std::nullopt;
}

QString labelFormatName(LabelFormat format)
{
    switch (format) {
    case LabelFormat::Ucf:
        return QStringLiteral("ucf");
    case LabelFormat::Xd:
        return QStringLiteral("xd");
    case LabelFormat::Sht:
        return QStringLiteral("sht");
    case LabelFormat::Csv:
        return QStringLiteral("csv");
    case LabelFormat::Json:
        break;
    }
    return QStringLiteral("json");
}

LabelExport exportLabels(const ProjectStore& store, LabelFormat format, const QString& path)
{
    LabelExport result;
    QHash<qint64, QList<LabelRecord>> byVideo;
    for (const LabelRecord& l : store.allLabels())
        byVideo[l.videoId] << l;
    // Model ids are the project's own: a file names the model and its checkpoint.
    QHash<qint64, ModelRecord> models;
    for (const ModelRecord& m : store.models())
        models.insert(m.id, m);
    auto withModel = [&](const LabelRecord& l) {
        QJsonObject j = labelJson(l);
        j.remove(QStringLiteral("model_id"));
        if (l.source == LabelSource::Model) {
            j[QStringLiteral("model")] = models.value(l.modelId).name;
            j[QStringLiteral("model_checkpoint")] = models.value(l.modelId).checkpointPath;
        }
        return j;
    };
    QByteArray text;
    QJsonArray videosJson;
    QList<QPair<QString, QString>> ucfLines; // ucf and xd: (name, line), written sorted by name
    if (format == LabelFormat::Csv)
        text = kCsvColumns.join(QLatin1Char(',')).toUtf8() + '\n';
    if (format == LabelFormat::Sht && !QDir().mkpath(path))
        throw Error(QFile::encodeName(path).toStdString() + ": cannot create the folder");
    for (const VideoRecord& video : store.videos()) {
        const QList<LabelRecord> labels = byVideo.value(video.id);
        if (labels.isEmpty() && video.videoClass.isEmpty())
            continue;
        const QString name = stem(video);
        if ((format == LabelFormat::Ucf || format == LabelFormat::Xd) && name.contains(QRegularExpression(QStringLiteral("\\s"))))
            throw Error(QStringLiteral("video '%1': the %2 form separates fields with spaces and cannot hold this name; "
                                       "use csv or json")
                            .arg(name, labelFormatName(format))
                            .toStdString());
        ++result.videos;
        result.labels += int(labels.size());
        switch (format) {
        case LabelFormat::Ucf: {
            // UCF-Crime's own form, byte for byte: the file name with its extension, fields
            // two spaces apart, at least two intervals (last frames included) padded with
            // "-1  -1", which is also how a video without an interval is written. One line
            // per class (UCF-Crime gives one class per video), in the order met.
            const QString file = QFileInfo(video.path).fileName();
            QStringList classes;
            for (const LabelRecord& l : labels)
                if (!classes.contains(l.className))
                    classes << l.className;
            if (classes.isEmpty())
                classes << video.videoClass;
            for (const QString& cls : classes) {
                QStringList fields{file, QString(cls).replace(QLatin1Char(' '), QLatin1Char('_'))};
                int intervals = 0;
                for (const LabelRecord& l : labels)
                    if (l.className == cls) {
                        fields << QString::number(l.startFrame) << QString::number(l.endFrame - 1);
                        ++intervals;
                    }
                for (; intervals < 2 || fields.size() < 6; ++intervals)
                    fields << QStringLiteral("-1") << QStringLiteral("-1");
                if (fields.size() > 6)
                    ++result.longLines;
                ucfLines.append({file, fields.join(QStringLiteral("  "))});
            }
            break;
        }
        case LabelFormat::Xd: {
            // XD-Violence's annotations.txt, byte for byte: the name without its extension,
            // single spaces, each interval as its first frame and the frame after its last;
            // the classes are in the name (label_B1-...), and videos without an interval
            // (the normal label_A ones) are not listed.
            if (labels.isEmpty())
                break;
            QString line = name;
            for (const LabelRecord& l : labels)
                line += QStringLiteral(" %1 %2").arg(l.startFrame).arg(l.endFrame);
            ucfLines.append({name, line});
            break;
        }
        case LabelFormat::Sht: {
            qint64 frames = video.frameCount;
            for (const LabelRecord& l : labels)
                frames = std::max(frames, l.endFrame);
            NpyArray mask;
            mask.dtype = DType::UInt8;
            mask.shape = {frames};
            mask.data.assign(size_t(frames), 0);
            for (const LabelRecord& l : labels)
                for (qint64 f = l.startFrame; f < l.endFrame; ++f)
                    mask.data[size_t(f)] = 1;
            const QString file = QDir(path).filePath(name + QStringLiteral(".npy"));
            writeNpy(QFile::encodeName(file).toStdString(), mask);
            result.files << file;
            break;
        }
        case LabelFormat::Csv:
            for (const LabelRecord& l : labels) {
                const QJsonObject j = labelJson(l);
                QStringList row{csvField(name), QString::number(l.startFrame), QString::number(l.endFrame), csvField(l.className),
                                csvField(l.note), csvField(l.author), labelSourceName(l.source),
                                j.value(QStringLiteral("created")).toString(), j.value(QStringLiteral("modified")).toString()};
                if (l.source == LabelSource::Model)
                    row << csvField(models.value(l.modelId).name) << csvField(models.value(l.modelId).checkpointPath)
                        << csvField(l.modelClass) << QString::number(l.modelStart)
                        << QString::number(l.modelEnd) << csvNumber(l.modelPeak) << csvNumber(l.modelMean)
                        << csvNumber(l.decisionSeconds) << QString::number(l.detectionId)
                        << j.value(QStringLiteral("decision")).toString();
                else
                    row << QString() << QString() << QString() << QString() << QString() << QString() << QString() << QString()
                        << QString() << QString();
                text += row.join(QLatin1Char(',')).toUtf8() + '\n';
            }
            break;
        case LabelFormat::Json: {
            QJsonObject v;
            v[QStringLiteral("name")] = name;
            v[QStringLiteral("path")] = video.path;
            v[QStringLiteral("fingerprint")] = video.fingerprint;
            v[QStringLiteral("frames")] = double(video.frameCount);
            v[QStringLiteral("class")] = video.videoClass;
            QJsonArray array;
            for (const LabelRecord& l : labels)
                array.append(withModel(l));
            v[QStringLiteral("labels")] = array;
            videosJson.append(v);
            break;
        }
        }
    }
    if (format == LabelFormat::Ucf || format == LabelFormat::Xd) {
        // Sorted by name (byte order, as both datasets' files are; a video's lines keep their
        // order), so that an export is the same file whatever order the videos were added in.
        std::stable_sort(ucfLines.begin(), ucfLines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& line : std::as_const(ucfLines))
            text += line.second.toUtf8() + '\n';
    }
    if (format == LabelFormat::Json) {
        QJsonObject root;
        root[QStringLiteral("format")] = QStringLiteral("vigil-labels");
        root[QStringLiteral("version")] = 1;
        root[QStringLiteral("custom_classes")] = QJsonArray::fromStringList(store.customClasses());
        root[QStringLiteral("videos")] = videosJson;
        text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    if (format != LabelFormat::Sht) {
        writeFileAtomically(path, text);
        result.files << path;
    }
    return result;
}

LabelImport importLabels(ProjectStore& store, LabelFormat format, const QString& path, const LabelImportOptions& options)
{
    if (!QFileInfo::exists(path))
        failAt(path, 0, QStringLiteral("no such file or folder"));
    QStringList customClasses;
    ParsedFile parsed = format == LabelFormat::Csv    ? parseCsvFile(path)
                        : format == LabelFormat::Json ? parseJsonFile(path, &customClasses)
                                                      : parseDataset(format, path, options.defaultClass, options.normalClass);
    // Classes: the known ones in their own spelling, and the file's own (json) added.
    QHash<QString, QString> known;
    for (const QString& c : options.knownClasses + customClasses)
        known.insert(key(c), c.trimmed());
    QHash<QString, const VideoRecord*> videos;
    const QList<VideoRecord> all = store.videos();
    for (const VideoRecord& v : all)
        videos.insert(stem(v), &v);

    QList<qint64> videoIds;
    QStringList skipped;
    for (auto it = parsed.videos.constBegin(); it != parsed.videos.constEnd(); ++it) {
        const VideoRecord* video = videos.value(annotationKey(it.key()));
        if (!video && options.skipUnknownVideos) {
            skipped << it.key();
            continue;
        }
        if (!video)
            failAt(path, it.value(), QStringLiteral("no video of the project is named '%1'").arg(it.key()));
        videoIds << video->id;
    }
    skipped.sort();
    parsed.labels.erase(std::remove_if(parsed.labels.begin(), parsed.labels.end(),
                                       [&](const Parsed& p) { return !videos.value(annotationKey(p.video)); }),
                        parsed.labels.end());
    for (const QString& name : std::as_const(skipped))
        parsed.videoClasses.remove(name);
    std::sort(videoIds.begin(), videoIds.end());
    QList<LabelRecord> labels;
    for (Parsed& p : parsed.labels) {
        const VideoRecord* video = videos.value(annotationKey(p.video));
        const QString at = QStringLiteral("video '%1', frames %2-%3").arg(p.video).arg(p.label.startFrame).arg(p.label.endFrame - 1);
        if (p.label.className.trimmed().isEmpty())
            failAt(path, p.line, at + QStringLiteral(": no class (give one for intervals without)"));
        if (!options.knownClasses.isEmpty()) {
            if (!known.contains(key(p.label.className)))
                failAt(path, p.line, at + QStringLiteral(": unknown class '%1'").arg(p.label.className));
            p.label.className = known.value(key(p.label.className));
        }
        if (p.label.startFrame < 0 || p.label.endFrame <= p.label.startFrame)
            failAt(path, p.line, at + QStringLiteral(": the interval ends before it starts"));
        if (video->frameCount > 0 && p.label.endFrame > video->frameCount)
            failAt(path, p.line, at + QStringLiteral(": past the video's last frame (%1)").arg(video->frameCount - 1));
        p.label.videoId = video->id;
        if (!p.keepProvenance) {
            p.label.source = LabelSource::Import;
            p.label.author.clear(); // the importing analyst
        }
        labels << p.label;
    }
    // The videos' own classes, after their intervals' (whose lines say more).
    QHash<qint64, QString> videoClasses;
    for (auto it = parsed.videoClasses.constBegin(); it != parsed.videoClasses.constEnd(); ++it) {
        const VideoRecord* video = videos.value(annotationKey(it.key()));
        QString cls = it.value();
        if (!cls.isEmpty() && !options.knownClasses.isEmpty()) {
            if (!known.contains(key(cls)))
                failAt(path, parsed.videos.value(it.key()), QStringLiteral("video '%1': unknown class '%2'").arg(it.key(), cls));
            cls = known.value(key(cls));
        }
        videoClasses.insert(video->id, cls);
    }
    // The models that made labels: found by checkpoint (or name), else recorded.
    QHash<QString, qint64> modelIds;
    for (const ModelRecord& m : store.models()) {
        modelIds.insert(QStringLiteral("c:") + m.checkpointPath, m.id);
        modelIds.insert(QStringLiteral("n:") + m.name, m.id);
    }
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const Parsed& p = parsed.labels[i];
        LabelRecord& l = labels[i];
        l.modelId = 0;
        if (l.source != LabelSource::Model || (p.modelCheckpoint.isEmpty() && p.modelName.isEmpty()))
            continue;
        qint64 id = modelIds.value(QStringLiteral("c:") + p.modelCheckpoint, modelIds.value(QStringLiteral("n:") + p.modelName));
        if (id == 0 && !p.modelCheckpoint.isEmpty()) {
            ModelRecord m;
            m.name = p.modelName;
            m.checkpointPath = p.modelCheckpoint;
            id = store.ensureModel(m);
            modelIds.insert(QStringLiteral("c:") + m.checkpointPath, id);
        }
        l.modelId = id;
    }
    customClasses.removeAll(QString());
    LabelImport result;
    result.skippedVideos = skipped;
    result.videos = int(videoIds.size());
    result.labels = int(labels.size());
    result.replaced = store.replaceLabels(videoIds, labels, videoClasses, customClasses);
    return result;
}

} // namespace vigil
