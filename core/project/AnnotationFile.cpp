// Annotation file parsing.
#include "project/AnnotationFile.h"

#include "model/Error.h"
#include "model/NpyArray.h"
#include "project/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

namespace vigil {

namespace {

// Frame masks carry no class; the interval is simply abnormal.
const QString kMaskClass = QStringLiteral("Anomaly");

[[noreturn]] void fail(const QString& path, const std::string& message)
{
    throw Error(QFile::encodeName(path).toStdString() + ": " + message);
}

[[noreturn]] void failAt(const QString& path, int line, const std::string& message)
{
    fail(path, "line " + std::to_string(line) + ": " + message);
}

// A field as an error message quotes it: printable, and short (binary files do get here).
std::string quoted(const QString& text)
{
    QString shown;
    for (const QChar c : text.left(24))
        shown += c.isPrint() ? c : QChar(u'?');
    return "'" + shown.toStdString() + (text.size() > 24 ? "...'" : "'");
}

bool isInteger(const QString& text)
{
    bool ok = false;
    text.toLongLong(&ok);
    return ok;
}

Annotations readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        fail(path, "cannot read (" + file.errorString().toStdString() + ")");
    if (file.peek(4096).contains('\0'))
        fail(path, "is not a text annotation file (it holds binary data)");
    Annotations result;
    bool formatKnown = false;
    QTextStream in(&file);
    const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (int lineNumber = 1; !in.atEnd(); ++lineNumber) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(spaces);
        // The second field tells the forms apart: a class name, or already a frame number.
        const bool xd = cells.size() >= 2 && isInteger(cells[1]);
        const AnnotationFormat format = xd ? AnnotationFormat::XdViolence : AnnotationFormat::UcfCrime;
        if (!formatKnown) {
            result.format = format;
            formatKnown = true;
        } else if (format != result.format) {
            failAt(path, lineNumber, xd ? "has no class, unlike the lines before it" : "has a class, unlike the lines before it");
        }
        const int first = xd ? 1 : 2;
        const int numbers = int(cells.size()) - first;
        if (!xd && cells.size() == 2)
            failAt(path, lineNumber, "has a class but no interval (the form writes 'none' as '-1  -1'): a file cut short?");
        if (cells.size() < 2 || numbers % 2 != 0)
            failAt(path, lineNumber,
                   xd ? "is not 'Video start end [start end ...]'" : "is not 'Video Class start end [start end ...]'");
        QString cls;
        if (xd) {
            const QStringList classes = xdViolenceClasses(cells[0]);
            // annotations.txt does not say which interval is which class; like AnomalyCLIP,
            // every interval takes the video's first class.
            cls = classes.isEmpty() ? kMaskClass : classes.first();
        } else {
            cls = cells[1];
        }
        const QString key = annotationKey(cells[0]);
        result.videoClasses.insert(key, xd && xdViolenceClasses(cells[0]).isEmpty() ? QString() : cls);
        if (!result.videoLines.contains(key))
            result.videoLines.insert(key, lineNumber);
        QList<GroundTruthInterval>& intervals = result.videos[key];
        QList<int>& lines = result.intervalLines[key];
        for (int i = first; i + 1 < cells.size(); i += 2) {
            bool okStart = false, okEnd = false;
            const qint64 start = cells[i].toLongLong(&okStart);
            const qint64 end = cells[i + 1].toLongLong(&okEnd);
            if (!okStart || !okEnd)
                failAt(path, lineNumber, quoted(cells[i]) + " and " + quoted(cells[i + 1]) + " are not frame numbers");
            if (start < 0 || end < 0)
                continue; // UCF-Crime's "no interval"
            // UCF-Crime gives the last frame; XD-Violence the frame after the last.
            const qint64 endExclusive = xd ? end : end + 1;
            if (endExclusive <= start)
                failAt(path, lineNumber, "an interval ends before it starts");
            intervals << GroundTruthInterval{start, endExclusive, cls};
            lines << lineNumber;
        }
    }
    if (!formatKnown)
        fail(path, "holds no annotation lines");
    return result;
}

QList<GroundTruthInterval> runsOfMask(const QString& path)
{
    const NpyArray mask = readNpy(QFile::encodeName(path).toStdString()); // errors name the file
    if (mask.shape.size() != 1)
        fail(path, "a frame mask must be one-dimensional (one value per frame)");
    const std::vector<int64_t> values = mask.toInt64();
    QList<GroundTruthInterval> runs;
    for (size_t i = 0; i < values.size();) {
        if (values[i] == 0) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < values.size() && values[end] != 0)
            ++end;
        runs << GroundTruthInterval{qint64(i), qint64(end), kMaskClass};
        i = end;
    }
    return runs;
}

Annotations readMasks(const QString& path)
{
    Annotations result;
    result.format = AnnotationFormat::FrameMasks;
    QStringList files;
    if (QFileInfo(path).isDir()) {
        for (const QFileInfo& info : QDir(path).entryInfoList({QStringLiteral("*.npy")}, QDir::Files, QDir::Name))
            files << info.filePath();
        if (files.isEmpty())
            fail(path, "holds no .npy frame masks");
    } else {
        files << path;
    }
    for (const QString& file : files) {
        const QList<GroundTruthInterval> runs = runsOfMask(file);
        result.videos.insert(annotationKey(file), runs);
        result.videoClasses.insert(annotationKey(file), runs.isEmpty() ? QString() : kMaskClass);
    }
    return result;
}

} // namespace

Annotations readAnnotations(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        fail(path, "no such file or folder");
    if (info.isDir() || info.suffix().compare(QLatin1String("npy"), Qt::CaseInsensitive) == 0)
        return readMasks(path);
    return readText(path);
}

AnnotationImport importAnnotations(ProjectStore& store, const QString& path)
{
    const Annotations annotations = readAnnotations(path);
    AnnotationImport report;
    QHash<qint64, QList<GroundTruthInterval>> byVideo;
    QHash<qint64, QString> classes;
    QSet<QString> used;
    for (const VideoRecord& video : store.videos()) {
        const QString key = annotationKey(video.path);
        const auto it = annotations.videos.constFind(key);
        if (it == annotations.videos.constEnd())
            continue;
        used.insert(key);
        QList<GroundTruthInterval> intervals;
        for (GroundTruthInterval interval : it.value()) {
            // Frames past the video's end cannot be shown or scored: such intervals are cut.
            if (video.frameCount > 0 && interval.endFrame > video.frameCount) {
                ++report.clipped;
                interval.endFrame = video.frameCount;
                if (interval.startFrame >= interval.endFrame)
                    continue;
            }
            intervals << interval;
        }
        byVideo.insert(video.id, intervals);
        if (const auto cls = annotations.videoClasses.constFind(key); cls != annotations.videoClasses.constEnd())
            classes.insert(video.id, cls.value());
    }
    store.setGroundTruth(byVideo, classes); // all or nothing
    report.matched = int(byVideo.size());
    for (auto it = annotations.videos.constBegin(); it != annotations.videos.constEnd(); ++it)
        if (!used.contains(it.key()))
            report.unmatched << it.key();
    report.unmatched.sort();
    return report;
}

const QStringList& videoFileSuffixes()
{
    static const QStringList suffixes{QStringLiteral("mp4"), QStringLiteral("mkv"), QStringLiteral("avi"),
                                      QStringLiteral("mov"), QStringLiteral("ts"),  QStringLiteral("m4v"),
                                      QStringLiteral("webm"), QStringLiteral("mpg"), QStringLiteral("mpeg"),
                                      QStringLiteral("wmv"), QStringLiteral("flv")};
    return suffixes;
}

QString annotationKey(const QString& fileNameOrPath)
{
    QString name = fileNameOrPath;
    // Only '/' separates folders: XD-Violence names contain '#' and dots, never slashes.
    name = name.mid(name.lastIndexOf(QLatin1Char('/')) + 1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QString suffix = name.mid(dot + 1).toLower();
    if (dot > 0 && (videoFileSuffixes().contains(suffix) || suffix == QLatin1String("npy")))
        name.truncate(dot);
    return name;
}

QStringList xdViolenceClasses(const QString& videoName)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("B1"), QStringLiteral("Fighting")},     {QStringLiteral("B2"), QStringLiteral("Shooting")},
        {QStringLiteral("B4"), QStringLiteral("Riot")},         {QStringLiteral("B5"), QStringLiteral("Abuse")},
        {QStringLiteral("B6"), QStringLiteral("Car_accident")}, {QStringLiteral("G"), QStringLiteral("Explosion")},
    };
    const QString key = annotationKey(videoName);
    const qsizetype at = key.lastIndexOf(QLatin1String("_label_"));
    if (at < 0)
        return {};
    QStringList classes;
    for (const QString& code : key.mid(at + 7).split(QLatin1Char('-')))
        if (const auto it = names.find(code); it != names.end() && !classes.contains(it.value()))
            classes << it.value();
    return classes;
}

} // namespace vigil
