#include "ProjectSession.h"

#include "project/ProjectStore.h"
#include "scoring/ProjectScoring.h"

#include <QDebug>
#include <QFileInfo>

#include <algorithm>

namespace vigil {

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent)
{
    m_probeThread.setObjectName(QStringLiteral("vigil-probe"));
    m_prober = new QObject;
    m_prober->moveToThread(&m_probeThread);
    connect(&m_probeThread, &QThread::finished, m_prober, &QObject::deleteLater);
    m_probeThread.start();
}

ProjectSession::~ProjectSession()
{
    m_probeThread.requestInterruption();
    m_probeThread.quit();
    m_probeThread.wait();
}

void ProjectSession::openProject(const QString& path, bool create)
{
    // The lock names its holder's process, so one left by a crash is taken over.
    const bool created = create && !QFileInfo::exists(path);
    auto lock = std::make_unique<QLockFile>(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
    lock->setStaleLockTime(0); // never stale by age alone: a long review keeps its lock
    const bool mine = lock->tryLock(0);
    auto store = ProjectStore::open(path, !mine   ? ProjectStore::OpenMode::ReadOnly
                                          : create ? ProjectStore::OpenMode::CreateIfMissing
                                                   : ProjectStore::OpenMode::OpenExisting);
    m_lock = mine ? std::move(lock) : nullptr;
    m_store = std::move(store);
    if (created && !m_store->isReadOnly())
        m_store->setDetectionSettings(m_newProjectDetection);
    if (!m_author.isEmpty())
        m_store->setAuthor(m_author);
    if (m_model) {
        m_model->id = storedModelId(*m_model);
    } else if (const QList<ModelRecord> models = m_store->models(); !models.isEmpty()) {
        // A reopened project shows the scores of the model it was last scored with, at
        // the precision it was scored at.
        m_model = models.last();
        m_precision = precisionOf(*m_model);
        if (m_precision == Precision::Int8)
            m_device = ComputeDevice::Cpu;
        else if (m_precision == Precision::Float16)
            m_device = ComputeDevice::Cuda;
        loadLabels();
    }
}

QString ProjectSession::path() const { return m_store ? m_store->path() : QString(); }

void ProjectSession::setAuthor(const QString& author)
{
    m_author = author;
    if (m_store && !author.isEmpty())
        m_store->setAuthor(author);
}

qint64 ProjectSession::storedModelId(const ModelRecord& model)
{
    if (!m_store->isReadOnly())
        return m_store->ensureModel(model);
    for (const ModelRecord& m : m_store->models()) // read-only: only a model it has
        if (m.checkpointPath == model.checkpointPath && m.headFingerprint == model.headFingerprint)
            return m.id;
    return 0;
}

void ProjectSession::loadLabels()
{
    // Resolved once per model: views ask for the class names on every refresh.
    m_labels.reset();
    if (!m_model)
        return;
    try {
        m_labels = LabelSet::resolve(m_model->labels.toStdString());
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

void ProjectSession::setModel(const ModelRecord& model)
{
    m_model = modelAtPrecision(model, m_precision);
    loadLabels();
    qInfo().noquote() << "model chosen:" << m_model->checkpointPath << "centroid" << m_model->centroidPath << "classes" << m_model->labels;
    if (m_store)
        m_model->id = storedModelId(*m_model);
}

bool ProjectSession::setPrecision(Precision precision)
{
    const bool changed = precision != m_precision;
    m_precision = precision;
    if (!changed || !m_model)
        return false;
    // Another precision scores as a model of its own: its scores, detections and reviews.
    m_model = modelAtPrecision(*m_model, precision);
    if (m_store)
        m_model->id = storedModelId(*m_model);
    return true;
}

QStringList ProjectSession::classNames() const
{
    QStringList names;
    if (m_labels)
        for (const std::string& name : m_labels->modelOrderNames())
            names << QString::fromStdString(name);
    return names;
}

int ProjectSession::normalId() const { return m_labels ? m_labels->normalId() : -1; }

QStringList ProjectSession::abnormalClassNames() const
{
    QStringList names = classNames();
    const int normal = normalId();
    if (normal >= 0 && normal < names.size())
        names.removeAt(normal);
    return names;
}

QList<DetectionRecord> ProjectSession::detections(DetectionFilter filter) const
{
    if (!m_store || !m_model)
        return {};
    filter.modelId = m_model->id;
    return m_store->detections(filter);
}

void ProjectSession::addVideos(const QStringList& paths, bool scoreAfter)
{
    if (!m_store || paths.isEmpty())
        return;
    const QString project = m_store->path();
    // Probing demuxes each file (and a folder walk may be long): never on the GUI thread.
    QMetaObject::invokeMethod(m_prober, [this, paths, scoreAfter, project] {
        const QStringList files = videoFilesIn(paths);
        QList<VideoRecord> records;
        QStringList problems;
        for (const QString& file : files) {
            if (QThread::currentThread()->isInterruptionRequested())
                return;
            try {
                records << probeVideo(file);
            } catch (const std::exception& e) {
                problems << QString::fromStdString(e.what());
            }
        }
        // Back on the GUI thread. Safe: the destructor waits for this thread, and the
        // QObject base drops events still posted to it.
        QMetaObject::invokeMethod(
            this,
            [this, records, problems, scoreAfter, project] {
                if (m_store && m_store->path() == project) // not into a project opened since
                    onProbed(records, problems, scoreAfter);
            },
            Qt::QueuedConnection);
    });
}

void ProjectSession::onProbed(const QList<VideoRecord>& records, const QStringList& problems, bool scoreAfter)
{
    int relinked = 0;
    QList<VideoRecord> fresh;
    try {
        const QList<VideoRecord> existing = m_store->videos();
        for (const VideoRecord& r : records) {
            // A moved video: same content as a missing one.
            auto moved = std::find_if(existing.begin(), existing.end(), [&](const VideoRecord& v) {
                return v.missing && !r.fingerprint.isEmpty() && v.fingerprint == r.fingerprint;
            });
            if (moved != existing.end()) {
                m_store->relinkVideo(moved->id, r.path);
                ++relinked;
            } else {
                fresh << r;
            }
        }
        const qsizetype before = existing.size();
        m_store->addVideos(fresh);
        emit videosChanged();
        emit videosAdded(int(m_store->videos().size() - before), relinked, problems);
        if (scoreAfter) {
            QList<qint64> ids;
            for (const VideoRecord& r : records)
                if (const std::optional<VideoRecord> v = m_store->findByFingerprint(r.fingerprint))
                    ids << v->id;
            if (m_model)
                for (auto it = ids.begin(); it != ids.end();)
                    it = m_store->hasScores(*it, m_model->id) ? ids.erase(it) : it + 1;
            if (!ids.isEmpty())
                emit scoreRequested(ids);
        }
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

bool ProjectSession::relinkVideo(qint64 videoId, const QString& path)
{
    if (!m_store)
        return false;
    try {
        m_store->relinkVideo(videoId, QFileInfo(path).absoluteFilePath());
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

const AnnotationImport& ProjectSession::importGroundTruth(const QString& annotationPath)
{
    if (m_store)
        m_lastImport = importAnnotations(*m_store, annotationPath);
    return m_lastImport;
}

QList<VideoRecord> ProjectSession::videos() const { return m_store ? m_store->videos() : QList<VideoRecord>(); }

} // namespace vigil
