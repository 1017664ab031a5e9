// Feature cache layout: <dir>/<encoder fingerprint>/<video fingerprint>-s<stride>.npy with
// a .json beside it, and <dir>/<encoder fingerprint>/named/<video stem>.npy for imports.
#include "scoring/FeatureCache.h"

#include "model/Error.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace vigil {

namespace {

constexpr qint64 kSampleBytes = 1 << 20;

std::string local(const QString& path) { return QFile::encodeName(path).toStdString(); }

} // namespace

FeatureCache::FeatureCache(const QString& directory)
    : m_directory(directory)
{
}

namespace {
QString& chosenDirectory()
{
    static QString directory;
    return directory;
}
} // namespace

QString FeatureCache::builtInDirectory()
{
    // Shared by the desktop application and vigil-cli, whatever their application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/vigil/features");
}

QString FeatureCache::defaultDirectory()
{
    return chosenDirectory().isEmpty() ? builtInDirectory() : chosenDirectory();
}

void FeatureCache::setDefaultDirectory(const QString& directory) { chosenDirectory() = directory; }

QString FeatureCache::videoFingerprint(const QString& videoPath)
{
    QFile file(videoPath);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(local(videoPath) + ": cannot read the file (" + file.errorString().toStdString() + ")");
    const qint64 size = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(size));
    for (qint64 offset : {qint64(0), std::max<qint64>(0, size / 2 - kSampleBytes / 2), std::max<qint64>(0, size - kSampleBytes)}) {
        if (!file.seek(offset))
            throw Error(local(videoPath) + ": cannot read the file (" + file.errorString().toStdString() + ")");
        const QByteArray sample = file.read(kSampleBytes);
        if (sample.isEmpty() && size > 0)
            throw Error(local(videoPath) + ": cannot read the file (" + file.errorString().toStdString() + ")");
        hash.addData(sample);
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

QString FeatureCache::entryPath(const QString& videoFingerprint, const QString& encoderFingerprint, int stride) const
{
    return QStringLiteral("%1/%2/%3-s%4.npy").arg(m_directory, encoderFingerprint, videoFingerprint).arg(stride);
}

QString FeatureCache::namedEntryPath(const QString& videoStem, const QString& encoderFingerprint) const
{
    return QStringLiteral("%1/%2/named/%3.npy").arg(m_directory, encoderFingerprint, videoStem);
}

std::optional<CachedFeatures> FeatureCache::find(const QString& videoPath, const QString& videoFingerprint,
                                                 const QString& encoderFingerprint, int stride, int dim,
                                                 QString* problem) const
{
    auto load = [&](const QString& path, bool byName) -> std::optional<CachedFeatures> {
        if (!QFileInfo::exists(path))
            return std::nullopt;
        CachedFeatures entry;
        try {
            entry.features = readNpy(local(path));
        } catch (const Error& e) {
            if (problem)
                *problem = QString::fromStdString(e.what());
            return std::nullopt;
        }
        if (entry.features.shape.size() != 2 || entry.features.shape[1] != dim || entry.features.shape[0] < 1)
            return std::nullopt;
        if (entry.features.dtype != DType::Float32) {
            const std::vector<float> values = entry.features.toFloat();
            entry.features = NpyArray::fromFloat(entry.features.shape, values.data());
        }
        entry.path = path;
        entry.byName = byName;
        // Used now: the size limit's clean-up removes the least recently used first.
        {
            QFile touched(path);
            if (touched.open(QIODevice::ReadWrite))
                touched.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
        }
        QFile metaFile(path.left(path.size() - 4) + QStringLiteral(".json"));
        if (metaFile.open(QIODevice::ReadOnly))
            entry.meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        return entry;
    };
    if (std::optional<CachedFeatures> hit = load(entryPath(videoFingerprint, encoderFingerprint, stride), false))
        return hit;
    if (stride == 1)
        return load(namedEntryPath(QFileInfo(videoPath).completeBaseName(), encoderFingerprint), true);
    return std::nullopt;
}

QString FeatureCache::store(const QString& videoFingerprint, const QString& encoderFingerprint, int stride,
                            const float* values, int64_t frames, int dim, const QJsonObject& meta) const
{
    const QString path = entryPath(videoFingerprint, encoderFingerprint, stride);
    if (!QDir().mkpath(QFileInfo(path).path()))
        throw Error(local(path) + ": cannot create the cache folder");
    // The .json first: an entry is its .npy, which appears (renamed) only when complete.
    QSaveFile metaFile(path.left(path.size() - 4) + QStringLiteral(".json"));
    if (!metaFile.open(QIODevice::WriteOnly) || metaFile.write(QJsonDocument(meta).toJson()) < 0 || !metaFile.commit())
        throw Error(local(metaFile.fileName()) + ": cannot write (" + metaFile.errorString().toStdString() + ")");
    try {
        writeNpy(local(path), NpyArray::fromFloat({frames, dim}, values));
    } catch (...) {
        QFile::remove(metaFile.fileName());
        throw;
    }
    return path;
}

qint64 FeatureCache::folderBytes(const QString& directory)
{
    qint64 total = 0;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

qint64 FeatureCache::prune(qint64 maxBytes) const
{
    if (maxBytes <= 0)
        return 0;
    // Entries (an .npy and its .json), least recently used first.
    QFileInfoList entries;
    qint64 total = 0;
    QDirIterator it(m_directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
        if (it.fileInfo().suffix() == QLatin1String("npy"))
            entries << it.fileInfo();
    }
    std::sort(entries.begin(), entries.end(), [](const QFileInfo& a, const QFileInfo& b) { return a.lastModified() < b.lastModified(); });
    qint64 freed = 0;
    for (const QFileInfo& npy : std::as_const(entries)) {
        if (total - freed <= maxBytes)
            break;
        const QString meta = npy.filePath().left(npy.filePath().size() - 4) + QStringLiteral(".json");
        const qint64 bytes = npy.size() + QFileInfo(meta).size();
        if (QFile::remove(npy.filePath())) {
            QFile::remove(meta);
            freed += bytes;
        }
    }
    return freed;
}

QString FeatureCache::importNamed(const QString& npyPath, const QString& videoStem, const QString& encoderFingerprint) const
{
    const NpyArray array = readNpy(local(npyPath));
    if (array.shape.size() != 2 || array.shape[0] < 1)
        throw Error(local(npyPath) + ": expected a [T, D] array of per-frame features");
    const std::vector<float> values = array.toFloat();
    const QString path = namedEntryPath(videoStem, encoderFingerprint);
    if (!QDir().mkpath(QFileInfo(path).path()))
        throw Error(local(path) + ": cannot create the cache folder");
    writeNpy(local(path), NpyArray::fromFloat(array.shape, values.data()));
    return path;
}

} // namespace vigil
