#include "ReviewDecisions.h"

#include "ProjectSession.h"

#include "project/ProjectStore.h"
#include "review/LabelEditor.h"
#include "review/ReviewCommands.h"

#include <QSet>

#include <cmath>

namespace vigil {

ReviewDecisions::ReviewDecisions(const ProjectSession& session, LabelEditor* labels, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_labels(labels)
{
}

void ReviewDecisions::startDecision(qint64 detectionId)
{
    m_decisionDetection = detectionId;
    m_decisionClock.start();
}

double ReviewDecisions::decisionSecondsFor(const QList<qint64>& ids) const
{
    if (ids.size() != 1 || ids.first() != m_decisionDetection || !m_decisionClock.isValid())
        return qQNaN();
    return double(m_decisionClock.elapsed()) / 1000.0;
}

void ReviewDecisions::push(const QString& text, const QList<qint64>& ids, const std::function<void(ReviewValues&)>& change)
{
    if (!m_session.store() || ids.isEmpty())
        return;
    QHash<qint64, ReviewValues> before, after;
    const QSet<qint64> wanted(ids.begin(), ids.end());
    for (const DetectionRecord& d : m_session.detections({})) {
        if (!wanted.contains(d.id))
            continue;
        const ReviewValues old{d.state, d.correctedClass, d.note, d.decisionSeconds};
        before.insert(d.id, old);
        ReviewValues changed = old;
        change(changed);
        after.insert(d.id, changed);
    }
    if (after.isEmpty())
        return;
    auto apply = [this](const QHash<qint64, ReviewValues>& values) {
        QList<ReviewEdit> edits;
        for (auto it = values.begin(); it != values.end(); ++it)
            edits << ReviewEdit{it.key(), it.value().state, it.value().correctedClass, it.value().note, it.value().decisionSeconds};
        try {
            if (ProjectStore* store = m_session.store())
                store->applyReviews(edits); // one transaction, all or nothing
        } catch (const std::exception& e) {
            emit errorOccurred(QString::fromStdString(e.what()));
        }
        emit applied();
    };
    m_undo.push(new ReviewCommand(text, before, after, apply));
}

void ReviewDecisions::setReviewState(const QList<qint64>& detectionIds, ReviewState state)
{
    const int n = int(detectionIds.size());
    const QString text = state == ReviewState::Accepted   ? tr("Accept %n detection(s)", nullptr, n)
                         : state == ReviewState::Rejected ? tr("Reject %n detection(s)", nullptr, n)
                                                          : tr("Unmark %n detection(s)", nullptr, n);
    // The decision on the detection being shown is timed (the report's decision times).
    const double seconds = state == ReviewState::Unreviewed ? qQNaN() : decisionSecondsFor(detectionIds);
    push(text, detectionIds, [state, seconds](ReviewValues& v) {
        v.state = state;
        if (std::isfinite(seconds))
            v.decisionSeconds = seconds;
    });
}

void ReviewDecisions::setCorrectedClass(const QList<qint64>& detectionIds, int cls)
{
    push(tr("Change the class of %n detection(s)", nullptr, int(detectionIds.size())), detectionIds,
         [cls](ReviewValues& v) { v.correctedClass = cls; });
}

void ReviewDecisions::setNote(qint64 detectionId, const QString& note)
{
    push(tr("Note on a detection"), {detectionId}, [note](ReviewValues& v) { v.note = note; });
}

void ReviewDecisions::makeLabels(const QList<DetectionRecord>& shown, const QList<qint64>& detectionIds)
{
    if (!m_session.store() || !m_session.model())
        return;
    const QStringList names = m_session.classNames();
    QList<LabelRecord> labels;
    for (const DetectionRecord& d : shown) {
        if (!detectionIds.contains(d.id))
            continue;
        LabelRecord l;
        l.videoId = d.videoId;
        l.startFrame = d.startFrame;
        l.endFrame = d.endFrame;
        l.className = names.value(d.effectiveClass());
        l.source = LabelSource::Model;
        l.modelId = m_session.model()->id;
        l.modelClass = names.value(d.topClass);
        l.modelStart = d.startFrame;
        l.modelEnd = d.endFrame;
        l.modelPeak = d.peakScore;
        l.modelMean = d.meanScore;
        l.decisionSeconds = decisionSecondsFor({d.id});
        l.detectionId = d.id;
        if (!l.className.isEmpty())
            labels << l;
    }
    m_labels->addLabels(labels, tr("Make %n label(s) from detections", nullptr, int(labels.size())));
}

} // namespace vigil
