// Carries review state from an old segmentation of a track to a new one.
#include "project/ReviewInheritance.h"

#include <algorithm>

namespace vigil {

void inheritReviews(const QList<DetectionRecord>& previous, QList<DetectionRecord>& fresh)
{
    QList<DetectionRecord> reviewed;
    for (const DetectionRecord& old : previous) {
        if (old.hasReview())
            reviewed.append(old);
    }
    if (reviewed.isEmpty())
        return;
    std::sort(reviewed.begin(), reviewed.end(), [](const DetectionRecord& a, const DetectionRecord& b) {
        return a.startFrame < b.startFrame;
    });

    for (DetectionRecord& detection : fresh) {
        if (detection.hasReview())
            continue; // the caller's own review wins
        qint64 stateOverlap = 0, classOverlap = 0;
        QStringList notes;
        QDateTime reviewedAt;
        for (const DetectionRecord& old : reviewed) {
            if (old.startFrame >= detection.endFrame)
                break;
            const qint64 overlap = std::min(old.endFrame, detection.endFrame) - std::max(old.startFrame, detection.startFrame);
            if (overlap <= 0)
                continue;
            if (old.state != ReviewState::Unreviewed && overlap > stateOverlap) {
                detection.state = old.state;
                detection.reviewedBy = old.reviewedBy;
                detection.decisionSeconds = old.decisionSeconds;
                stateOverlap = overlap;
            }
            if (old.correctedClass >= 0 && overlap > classOverlap) {
                detection.correctedClass = old.correctedClass;
                classOverlap = overlap;
            }
            if (!old.note.isEmpty() && !notes.contains(old.note))
                notes.append(old.note);
            if (old.reviewedAt.isValid() && (!reviewedAt.isValid() || old.reviewedAt > reviewedAt))
                reviewedAt = old.reviewedAt;
        }
        detection.note = notes.join(QLatin1Char('\n'));
        if (detection.hasReview())
            detection.reviewedAt = reviewedAt;
    }
}

} // namespace vigil
