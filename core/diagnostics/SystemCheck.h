// The first-run and Help > System Check: is everything Vigil needs here, and if not, what
// to do. The model (checkpoint, centroid, class list: found, readable, its architecture,
// classes and fingerprint), CLIP's vocabulary, the devices LibTorch sees with a frames/s
// figure measured here in about two seconds, the decoders the project's videos need, and
// disk space for the feature cache and the seek proxies.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace vigil {

/// One line of the check. Plain value; any thread.
struct CheckItem {
    enum class State { Pass, Warning, Fail, Skipped };
    /// What the view offers next to an item that did not pass.
    enum class Fix { None, ChooseCheckpoint, ChooseCentroid, ChooseClasses, ChooseVocabulary };
    QString id;      // "checkpoint", "centroid", "classes", "vocabulary", "devices", "speed", "decoders", "disk"
    QString title;   // "Checkpoint"
    State state = State::Pass;
    QString detail;  // what was found
    QString remedy;  // what to do; empty when it passed
    QString folder;  // the folder looked in (an Open Folder button), or empty
    Fix fix = Fix::None;
};

/// What to check. Plain value.
struct SystemCheckInput {
    QString checkpoint, centroid, labels, vocabulary; // empty: not chosen
    QStringList videos;           // the open project's videos (their decoders are checked)
    QString cacheDirectory;       // the feature cache
    QString proxyDirectory;       // seek proxies; empty: none made (Safe Mode)
    qint64 framesToCache = 0;     // frames the project's unscored videos would add to the cache
    double speedSeconds = 2.0;    // how long the frames/s figure is measured; 0: not measured
    bool cpuOnly = false;         // Safe Mode: measure on the CPU whatever is there
};

struct SystemCheckResult {
    QList<CheckItem> items;
    int failures() const;
    int warnings() const;
    /// "Everything Vigil needs is here." or "2 problems, 1 warning".
    QString summary() const;
};

/// Any thread (the GUI runs it on a worker): loads the model, so it takes seconds.
/// `cancel` set: it stops after the item in progress.
SystemCheckResult runSystemCheck(const SystemCheckInput& input, const std::atomic<bool>* cancel = nullptr);

/// Where the AnomalyCLIP authors publish their checkpoints (the README's link).
QString checkpointSource();

} // namespace vigil

#include <QMetaType>
Q_DECLARE_METATYPE(vigil::SystemCheckResult)
