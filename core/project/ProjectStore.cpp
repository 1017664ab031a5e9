// A Vigil project file: opening and migrating it, videos, models and settings; score
// tracks and detections are delegated to ScoreTable and DetectionTable.
#include "project/ProjectStore.h"

#include "model/Error.h"
#include "project/DetectionTable.h"
#include "project/LabelTable.h"
#include "project/ModelVersionTable.h"
#include "project/Migrations.h"
#include "project/ScoreTable.h"
#include "project/SqlConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>

namespace vigil {

namespace {

const QString kVideoColumns = QStringLiteral(
    "id, path, fingerprint, frame_count, frame_rate, width, height, duration_seconds, file_size, added, video_class");

VideoRecord readVideo(const QSqlQuery& query)
{
    VideoRecord v;
    v.id = query.value(0).toLongLong();
    v.path = query.value(1).toString();
    v.fingerprint = query.value(2).toString();
    v.frameCount = query.value(3).toLongLong();
    v.frameRate = query.value(4).toDouble();
    v.width = query.value(5).toInt();
    v.height = query.value(6).toInt();
    v.durationSeconds = query.value(7).toDouble();
    v.fileSize = query.value(8).toLongLong();
    v.added = fromDbTime(query.value(9));
    v.videoClass = query.value(10).toString();
    v.missing = !QFileInfo::exists(v.path);
    return v;
}

QString absolutePath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

[[noreturn]] void notAProject(const QString& file, const QString& why)
{
    throw Error(QStringLiteral("%1: not a Vigil project (%2)").arg(file, why).toStdString());
}

} // namespace

std::unique_ptr<ProjectStore> ProjectStore::open(const QString& path, OpenMode mode)
{
    if (path.isEmpty())
        throw Error("cannot open a project: no file name given");
    const QString file = absolutePath(path);
    const QFileInfo info(file);
    const bool existed = info.exists();
    if (!existed) {
        if (mode == OpenMode::OpenExisting)
            throw Error(QStringLiteral("%1: no such project file").arg(file).toStdString());
        if (!QDir().mkpath(info.absolutePath()))
            throw Error(QStringLiteral("%1: cannot create the folder %2").arg(file, info.absolutePath()).toStdString());
    } else {
        if (info.isDir())
            notAProject(file, QStringLiteral("it is a folder"));
        // SQLite opens anything lazily and would only fail at the first query, with
        // "file is not a database"; the header says it up front.
        QFile handle(file);
        if (!handle.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("%1: cannot read: %2").arg(file, handle.errorString()).toStdString());
        const QByteArray header = handle.read(16);
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            notAProject(file, QStringLiteral("not an SQLite database"));
    }

    // Not writable (the file, or the folder SQLite keeps its journal in): read-only, so
    // that the user hears it on opening, not at the first edit.
    const bool readOnly = mode == OpenMode::ReadOnly ||
                          (existed && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable()));
    if (readOnly && !existed)
        throw Error(QStringLiteral("%1: no such project file").arg(file).toStdString());
    auto sql = std::make_unique<SqlConnection>(file, readOnly);
    sql->open();
    std::unique_ptr<ProjectStore> store(new ProjectStore(std::move(sql)));
    store->m_readOnly = readOnly;
    store->checkIsProject(existed, mode);
    store->migrate();
    return store;
}

ProjectStore::ProjectStore(std::unique_ptr<SqlConnection> sql)
    : m_sql(std::move(sql))
    , m_scores(std::make_unique<ScoreTable>(*m_sql))
    , m_detections(std::make_unique<DetectionTable>(*m_sql))
    , m_labels(std::make_unique<LabelTable>(*m_sql))
    , m_versions(std::make_unique<ModelVersionTable>(*m_sql))
{
}

ProjectStore::~ProjectStore() = default;

void ProjectStore::checkIsProject(bool existedBefore, OpenMode mode)
{
    const QString action = QStringLiteral("read the project header");
    const int applicationId = m_sql->scalar(QStringLiteral("PRAGMA application_id"), action).toInt();
    const int objects = m_sql->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"), action).toInt();
    if (applicationId == 0 && objects == 0) {
        // An empty database: a new project, unless the caller asked for an existing one.
        if (existedBefore && mode == OpenMode::OpenExisting)
            notAProject(m_sql->path(), QStringLiteral("an empty database"));
    } else if (applicationId != kApplicationId) {
        notAProject(m_sql->path(), applicationId == 0
                                       ? QStringLiteral("an SQLite database of another program")
                                       : QStringLiteral("an SQLite database with application id 0x%1")
                                             .arg(quint32(applicationId), 8, 16, QLatin1Char('0')));
    } else if (m_sql->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"),
                             action).toInt() != 1) {
        notAProject(m_sql->path(), QStringLiteral("it has no meta table; the file is damaged"));
    }

    // Only now that the file is ours (or new) do we change it; a read-only one stays as it is.
    if (m_readOnly)
        return;
    const QString journal = m_sql->scalar(QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("switch to the WAL journal"))
                                .toString();
    if (journal.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        m_sql->fail(QStringLiteral("switch to the WAL journal"),
                    QStringLiteral("SQLite kept journal mode '%1' (is the file on a network drive?)").arg(journal));
}

void ProjectStore::migrate()
{
    const auto readVersion = [this] {
        const QString action = QStringLiteral("read the schema version");
        if (m_sql->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"),
                          action).toInt() == 0)
            return 0;
        const QVariant value = m_sql->scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"), action);
        bool ok = false;
        const int version = value.toInt(&ok);
        if (!ok || version < 1)
            notAProject(m_sql->path(), QStringLiteral("its meta table has no schema version"));
        return version;
    };

    const int latest = Migrations::latestVersion();
    m_schemaVersion = readVersion();
    if (m_schemaVersion > latest) {
        throw Error(QStringLiteral("%1: schema version %2 is newer than this Vigil (%3); open it with a newer Vigil")
                        .arg(m_sql->path())
                        .arg(m_schemaVersion)
                        .arg(latest)
                        .toStdString());
    }
    if (m_schemaVersion < latest && m_readOnly)
        throw Error(QStringLiteral("%1: schema version %2 needs an upgrade to %3, which a read-only project cannot have; "
                                   "open it where it is writable once")
                        .arg(m_sql->path())
                        .arg(m_schemaVersion)
                        .arg(latest)
                        .toStdString());
    if (m_schemaVersion >= 1 && m_schemaVersion < latest)
        backUpBeforeUpgrade();
    for (const Migration& migration : Migrations::all()) {
        if (migration.version <= m_schemaVersion)
            continue;
        const QString action = QStringLiteral("upgrade the schema with %1").arg(migration.name);
        m_sql->transaction(action, [&] {
            if (readVersion() >= migration.version)
                return; // another program upgraded it while we waited for the lock
            for (const QString& statement : Migrations::statements(migration))
                m_sql->run(statement, action);
            if (migration.version == 1)
                m_sql->run(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), action);
            QSqlQuery query = m_sql->prepare(
                QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)"), action);
            query.addBindValue(QString::number(migration.version));
            m_sql->exec(query, action);
        });
        m_schemaVersion = readVersion();
    }
}

void ProjectStore::backUpBeforeUpgrade()
{
    // A consistent copy of the old file (WAL included) next to it, before any migration
    // runs: an upgrade that goes wrong, or a user who needs the old Vigil, loses nothing.
    QString path = QStringLiteral("%1.schema%2.bak").arg(m_sql->path()).arg(m_schemaVersion);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QStringLiteral("%1.schema%2-%3.bak").arg(m_sql->path()).arg(m_schemaVersion).arg(n);
    const QString action = QStringLiteral("back up the project before upgrading its schema to %1").arg(path);
    QSqlQuery query = m_sql->prepare(QStringLiteral("VACUUM INTO ?"), action);
    query.addBindValue(path);
    m_sql->exec(query, action);
    m_backupPath = path;
}

QString ProjectStore::defaultProjectPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/default.vigil");
}

int ProjectStore::currentSchemaVersion()
{
    return Migrations::latestVersion();
}

QString ProjectStore::path() const
{
    return m_sql->path();
}

int ProjectStore::schemaVersion() const
{
    return m_schemaVersion;
}

// ---- Videos

QList<VideoRecord> ProjectStore::videos() const
{
    const QString action = QStringLiteral("list the videos");
    QSqlQuery query = m_sql->run(QStringLiteral("SELECT %1 FROM videos ORDER BY id").arg(kVideoColumns), action);
    QList<VideoRecord> videos;
    while (query.next())
        videos.append(readVideo(query));
    return videos;
}

std::optional<VideoRecord> ProjectStore::video(qint64 id) const
{
    const QString action = QStringLiteral("read video %1").arg(id);
    QSqlQuery query = m_sql->prepare(QStringLiteral("SELECT %1 FROM videos WHERE id = ?").arg(kVideoColumns), action);
    query.addBindValue(id);
    m_sql->exec(query, action);
    if (!query.next())
        return std::nullopt;
    return readVideo(query);
}

QList<qint64> ProjectStore::addVideos(const QList<VideoRecord>& videos)
{
    const QString action = QStringLiteral("add %1 video(s)").arg(videos.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> ids;
    m_sql->transaction(action, [&] {
        ids.clear();
        QSqlQuery find = m_sql->prepare(QStringLiteral("SELECT id FROM videos WHERE path = ?"), action);
        QSqlQuery insert = m_sql->prepare(QStringLiteral(
            "INSERT INTO videos (path, fingerprint, frame_count, frame_rate, width, height, duration_seconds,"
            " file_size, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"), action);
        for (const VideoRecord& video : videos) {
            if (video.path.isEmpty())
                m_sql->fail(action, QStringLiteral("a video has an empty path"));
            const QString path = absolutePath(video.path);
            const QString rowAction = QStringLiteral("add video %1").arg(path);
            find.bindValue(0, path);
            m_sql->exec(find, rowAction);
            if (find.next()) {
                ids.append(find.value(0).toLongLong());
                find.finish();
                continue;
            }
            find.finish();
            insert.bindValue(0, path);
            insert.bindValue(1, toDbText(video.fingerprint));
            insert.bindValue(2, video.frameCount);
            insert.bindValue(3, video.frameRate);
            insert.bindValue(4, video.width);
            insert.bindValue(5, video.height);
            insert.bindValue(6, video.durationSeconds);
            insert.bindValue(7, video.fileSize);
            insert.bindValue(8, toDbTime(video.added.isValid() ? video.added : now));
            m_sql->exec(insert, rowAction);
            ids.append(insert.lastInsertId().toLongLong());
        }
    });
    return ids;
}

std::optional<VideoRecord> ProjectStore::findByFingerprint(const QString& fingerprint) const
{
    if (fingerprint.isEmpty())
        return std::nullopt;
    const QString action = QStringLiteral("look up a video by fingerprint");
    QSqlQuery query = m_sql->prepare(
        QStringLiteral("SELECT %1 FROM videos WHERE fingerprint = ? ORDER BY id LIMIT 1").arg(kVideoColumns), action);
    query.addBindValue(fingerprint);
    m_sql->exec(query, action);
    if (!query.next())
        return std::nullopt;
    return readVideo(query);
}

void ProjectStore::relinkVideo(qint64 id, const QString& newPath)
{
    const QString action = QStringLiteral("relink video %1 to %2").arg(id).arg(newPath);
    if (newPath.isEmpty())
        m_sql->fail(action, QStringLiteral("the new path is empty"));
    m_sql->transaction(action, [&] {
        QSqlQuery query = m_sql->prepare(QStringLiteral("UPDATE videos SET path = ? WHERE id = ?"), action);
        query.addBindValue(absolutePath(newPath));
        query.addBindValue(id);
        m_sql->exec(query, action);
        if (query.numRowsAffected() != 1)
            m_sql->fail(action, QStringLiteral("no video with id %1").arg(id));
    });
}

void ProjectStore::removeVideos(const QList<qint64>& ids)
{
    const QString action = QStringLiteral("remove %1 video(s)").arg(ids.size());
    m_sql->transaction(action, [&] {
        QSqlQuery query = m_sql->prepare(QStringLiteral("DELETE FROM videos WHERE id = ?"), action);
        for (qint64 id : ids) {
            query.bindValue(0, id);
            m_sql->exec(query, action);
        }
    });
}

// ---- Models

qint64 ProjectStore::ensureModel(const ModelRecord& model)
{
    const QString action = QStringLiteral("add model %1").arg(model.checkpointPath);
    qint64 id = 0;
    m_sql->transaction(action, [&] {
        QSqlQuery find = m_sql->prepare(
            QStringLiteral("SELECT id FROM models WHERE checkpoint_path = ? AND head_fingerprint = ?"), action);
        find.addBindValue(toDbText(model.checkpointPath));
        find.addBindValue(toDbText(model.headFingerprint));
        m_sql->exec(find, action);
        if (find.next()) {
            id = find.value(0).toLongLong();
            return;
        }
        find.finish();
        QSqlQuery insert = m_sql->prepare(QStringLiteral(
            "INSERT INTO models (name, checkpoint_path, centroid_path, labels, encoder_fingerprint,"
            " head_fingerprint, added) VALUES (?, ?, ?, ?, ?, ?, ?)"), action);
        insert.addBindValue(toDbText(model.name));
        insert.addBindValue(toDbText(model.checkpointPath));
        insert.addBindValue(toDbText(model.centroidPath));
        insert.addBindValue(toDbText(model.labels));
        insert.addBindValue(toDbText(model.encoderFingerprint));
        insert.addBindValue(toDbText(model.headFingerprint));
        insert.addBindValue(toDbTime(model.added.isValid() ? model.added : QDateTime::currentDateTimeUtc()));
        m_sql->exec(insert, action);
        id = insert.lastInsertId().toLongLong();
    });
    return id;
}

QList<ModelRecord> ProjectStore::models() const
{
    QSqlQuery query = m_sql->run(QStringLiteral("SELECT id, name, checkpoint_path, centroid_path, labels,"
                                                " encoder_fingerprint, head_fingerprint, added FROM models ORDER BY id"),
                                 QStringLiteral("list the models"));
    QList<ModelRecord> models;
    while (query.next()) {
        ModelRecord m;
        m.id = query.value(0).toLongLong();
        m.name = query.value(1).toString();
        m.checkpointPath = query.value(2).toString();
        m.centroidPath = query.value(3).toString();
        m.labels = query.value(4).toString();
        m.encoderFingerprint = query.value(5).toString();
        m.headFingerprint = query.value(6).toString();
        m.added = fromDbTime(query.value(7));
        models.append(m);
    }
    return models;
}

// ---- Scores and detections

void ProjectStore::saveScores(const ScoreTrack& track)
{
    m_scores->save(track);
}

std::optional<ScoreTrack> ProjectStore::scores(qint64 videoId, qint64 modelId) const
{
    return m_scores->load(videoId, modelId);
}

QList<qint64> ProjectStore::unscoredVideos(qint64 modelId) const
{
    return m_scores->unscoredVideos(modelId);
}

bool ProjectStore::hasScores(qint64 videoId, qint64 modelId) const
{
    return m_scores->has(videoId, modelId);
}

void ProjectStore::replaceDetections(qint64 videoId, qint64 modelId, QList<DetectionRecord>& detections)
{
    m_detections->replace(videoId, modelId, detections);
}

QList<DetectionRecord> ProjectStore::detections(const DetectionFilter& filter) const
{
    return m_detections->query(filter);
}

void ProjectStore::setReviewState(const QList<qint64>& ids, ReviewState state, double decisionSeconds)
{
    m_detections->setReviewState(ids, state, decisionSeconds);
}

void ProjectStore::setCorrectedClass(qint64 id, int cls)
{
    m_detections->setCorrectedClass(id, cls);
}

void ProjectStore::applyReviews(const QList<ReviewEdit>& edits)
{
    m_detections->applyReviews(edits);
}

void ProjectStore::setNote(qint64 id, const QString& note)
{
    m_detections->setNote(id, note);
}

// ---- Settings

DetectionSettings ProjectStore::detectionSettings() const
{
    QSqlQuery query = m_sql->run(QStringLiteral("SELECT threshold, hysteresis, min_duration_seconds, merge_gap_seconds"
                                                " FROM detection_settings WHERE id = 1"),
                                 QStringLiteral("read the detection settings"));
    DetectionSettings settings;
    if (query.next()) {
        settings.threshold = query.value(0).toDouble();
        settings.hysteresis = query.value(1).toDouble();
        settings.minDurationSeconds = query.value(2).toDouble();
        settings.mergeGapSeconds = query.value(3).toDouble();
    }
    return settings;
}

void ProjectStore::setDetectionSettings(const DetectionSettings& settings)
{
    const QString action = QStringLiteral("save the detection settings");
    m_sql->transaction(action, [&] {
        QSqlQuery query = m_sql->prepare(QStringLiteral(
            "INSERT OR REPLACE INTO detection_settings (id, threshold, hysteresis, min_duration_seconds,"
            " merge_gap_seconds) VALUES (1, ?, ?, ?, ?)"), action);
        query.addBindValue(settings.threshold);
        query.addBindValue(settings.hysteresis);
        query.addBindValue(settings.minDurationSeconds);
        query.addBindValue(settings.mergeGapSeconds);
        m_sql->exec(query, action);
    });
}

void ProjectStore::saveCopyAs(const QString& path) const
{
    // VACUUM INTO writes a consistent, compacted copy (WAL content included) while this
    // connection stays open; it refuses to overwrite, so an existing file is replaced only
    // after the copy succeeded.
    const QString target = QFileInfo(path).absoluteFilePath();
    const QString temporary = target + QStringLiteral(".partial");
    QFile::remove(temporary);
    const QString action = QStringLiteral("save a copy as %1").arg(target);
    QSqlQuery query = m_sql->prepare(QStringLiteral("VACUUM INTO ?"), action);
    query.addBindValue(temporary);
    try {
        m_sql->exec(query, action);
    } catch (...) {
        QFile::remove(temporary);
        throw;
    }
    QFile::remove(target);
    if (!QFile::rename(temporary, target)) {
        QFile::remove(temporary);
        throw Error(QFile::encodeName(target).toStdString() + ": cannot write the project copy");
    }
}

void ProjectStore::setGroundTruth(qint64 videoId, const QList<GroundTruthInterval>& intervals)
{
    setGroundTruth(QHash<qint64, QList<GroundTruthInterval>>{{videoId, intervals}});
}

void ProjectStore::setGroundTruth(const QHash<qint64, QList<GroundTruthInterval>>& byVideo,
                                  const QHash<qint64, QString>& videoClasses)
{
    const QString action = byVideo.size() == 1 ? QStringLiteral("save the ground truth of video %1").arg(byVideo.begin().key())
                                               : QStringLiteral("save the ground truth of %1 videos").arg(byVideo.size());
    m_sql->transaction(action, [&] {
        QSqlQuery remove = m_sql->prepare(QStringLiteral("DELETE FROM ground_truth WHERE video_id = ?"), action);
        QSqlQuery insert = m_sql->prepare(
            QStringLiteral("INSERT INTO ground_truth (video_id, start_frame, end_frame, class_name) VALUES (?, ?, ?, ?)"), action);
        for (auto it = byVideo.begin(); it != byVideo.end(); ++it) {
            remove.bindValue(0, it.key());
            m_sql->exec(remove, action);
            for (const GroundTruthInterval& interval : it.value()) {
                insert.bindValue(0, it.key());
                insert.bindValue(1, interval.startFrame);
                insert.bindValue(2, interval.endFrame);
                insert.bindValue(3, toDbText(interval.className));
                m_sql->exec(insert, action);
            }
        }
        writeVideoClasses(videoClasses, action);
    });
}

void ProjectStore::writeVideoClasses(const QHash<qint64, QString>& classes, const QString& action)
{
    QSqlQuery update = m_sql->prepare(QStringLiteral("UPDATE videos SET video_class = ? WHERE id = ?"), action);
    for (auto it = classes.begin(); it != classes.end(); ++it) {
        update.bindValue(0, it.value().isNull() ? QStringLiteral("") : it.value().trimmed()); // never NULL
        update.bindValue(1, it.key());
        m_sql->exec(update, action);
    }
}

void ProjectStore::setVideoClasses(const QHash<qint64, QString>& classes)
{
    const QString action = QStringLiteral("set the class of %1 video(s)").arg(classes.size());
    m_sql->transaction(action, [&] { writeVideoClasses(classes, action); });
}

// ---- Model versions

void ProjectStore::addModelVersion(const ModelVersionRecord& version) { m_versions->add(version); }
QList<ModelVersionRecord> ProjectStore::modelVersions() const { return m_versions->all(); }
std::optional<ModelVersionRecord> ProjectStore::modelVersion(qint64 modelId) const { return m_versions->find(modelId); }
qint64 ProjectStore::activeModelId() const { return m_versions->activeModelId(); }
void ProjectStore::setActiveModelId(qint64 modelId) { m_versions->setActiveModelId(modelId); }

QString ProjectStore::labelRevision() const
{
    // Changes with every label written or removed: ids are never reused, modified is stamped.
    const QString action = QStringLiteral("read the labels' revision");
    QSqlQuery query = m_sql->run(
        QStringLiteral("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(MAX(modified), '') FROM labels"), action);
    query.next();
    return QStringLiteral("%1/%2/%3").arg(query.value(0).toLongLong()).arg(query.value(1).toLongLong()).arg(query.value(2).toString());
}

QList<GroundTruthInterval> ProjectStore::groundTruth(qint64 videoId) const
{
    const QString action = QStringLiteral("read the ground truth of video %1").arg(videoId);
    QSqlQuery query = m_sql->prepare(
        QStringLiteral("SELECT start_frame, end_frame, class_name FROM ground_truth WHERE video_id = ? ORDER BY start_frame"), action);
    query.addBindValue(videoId);
    m_sql->exec(query, action);
    QList<GroundTruthInterval> intervals;
    while (query.next())
        intervals << GroundTruthInterval{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString()};
    return intervals;
}

qint64 ProjectStore::addLabel(const LabelRecord& label) { return m_labels->add(label); }
void ProjectStore::updateLabel(const LabelRecord& label) { m_labels->update(label); }
void ProjectStore::removeLabel(qint64 id) { m_labels->remove(id); }
void ProjectStore::writeLabels(QList<LabelRecord>& labels, const QList<qint64>& removals) { m_labels->write(labels, removals); }
QList<LabelRecord> ProjectStore::labels(qint64 videoId) const { return m_labels->forVideo(videoId); }
QList<LabelRecord> ProjectStore::allLabels() const { return m_labels->all(); }
int ProjectStore::replaceLabels(const QList<qint64>& videoIds, QList<LabelRecord>& labels, const QHash<qint64, QString>& videoClasses,
                                const QStringList& customClasses)
{
    const QString action = QStringLiteral("import %1 label(s)").arg(labels.size());
    QList<LabelRecord> stored = labels; // ids reach the caller only when committed
    int removed = 0;
    m_sql->transaction(action, [&] {
        for (const QString& name : customClasses)
            m_labels->addCustomClassRow(name, action);
        removed = m_labels->replaceRows(videoIds, stored, action);
        writeVideoClasses(videoClasses, action);
    });
    labels = stored;
    return removed;
}
QList<LabelAuditRecord> ProjectStore::labelHistory(qint64 labelId) const { return m_labels->history(labelId); }
QList<LabelAuditRecord> ProjectStore::videoLabelHistory(qint64 videoId) const { return m_labels->videoHistory(videoId); }
QStringList ProjectStore::customClasses() const { return m_labels->customClasses(); }
void ProjectStore::addCustomClass(const QString& name) { m_labels->addCustomClass(name); }
void ProjectStore::removeCustomClass(const QString& name) { m_labels->removeCustomClass(name); }
QList<AnalystReport> ProjectStore::analystReports() const { return m_labels->analystReports(); }
QString ProjectStore::author() const { return m_sql->author(); }
void ProjectStore::setAuthor(const QString& author) { m_sql->setAuthor(author); }
std::optional<LabelRecord> ProjectStore::label(qint64 id) const { return m_labels->find(id); }
qint64 ProjectStore::labelCount() const { return m_labels->count(); }
QHash<qint64, qint64> ProjectStore::labelCountsByVideo() const { return countsByVideo(QStringLiteral("labels")); }
QHash<qint64, qint64> ProjectStore::groundTruthCountsByVideo() const { return countsByVideo(QStringLiteral("ground_truth")); }

QHash<qint64, qint64> ProjectStore::countsByVideo(const QString& table) const
{
    QSqlQuery query = m_sql->run(QStringLiteral("SELECT video_id, COUNT(*) FROM %1 GROUP BY video_id").arg(table),
                                 QStringLiteral("count the %1 per video").arg(table));
    QHash<qint64, qint64> counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    return counts;
}

} // namespace vigil
