// What the vigil-cli commands share: messages, exit codes and the model options.
#pragma once

#include "model/AnomalyClipModel.h"
#include "model/InferenceSession.h"
#include "project/ProjectTypes.h"
#include "scoring/ScoringTypes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

namespace vigil {
class ProjectStore;
}

namespace vigil {
class Settings;
}

namespace vigil::cli {

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

inline QString tr(const char* text) { return QCoreApplication::translate("vigil-cli", text); }
/// Plural forms: "%n label(s)".
inline QString tr(const char* text, const char* disambiguation, int n)
{
    return QCoreApplication::translate("vigil-cli", text, disambiguation, n);
}

/// Prints "vigil-cli: <message>" on one line and exits.
[[noreturn]] void die(const QString& message, int status = kExitError);

/// The options that choose and run a model, shared by the scoring commands.
struct ModelOptions {
    QCommandLineOption checkpoint, centroid, classes, vocab, normal, device, fp16, int8, threads;
    ModelOptions();
    void addTo(QCommandLineParser& parser) const;
    /// Exits with a usage error when a required option is missing or a value is bad.
    void check(const QCommandLineParser& parser, const QString& command) const;
    ModelLoadOptions loadOptions(const QCommandLineParser& parser) const;
    LabelSet labels(const QCommandLineParser& parser) const; // throws vigil::Error
    SessionOptions sessionOptions(const QCommandLineParser& parser) const;
};

/// Parses, handles --help (naming the command in the usage line) and stray arguments.
void parseOrExit(QCommandLineParser& parser, const QStringList& arguments, const QString& command,
                 bool positionalAllowed = false);

/// A non-negative integer option, or a usage error naming it.
int intOption(const QCommandLineParser& parser, const QCommandLineOption& option, int minimum);
/// The option when given, else the setting `key` (settings/SettingsTable.h).
int intSetting(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& key, int minimum);

/// Scores the project's videos that have no scores of `record` (features cached), storing
/// tracks and detections; registers the model once it has loaded. 0, or kExitError when
/// any video failed.
int scoreUnscored(ProjectStore& store, const ScoringSettings& settings, const ModelRecord& record);

int scoreFeatures(const QStringList& arguments);
int score(const QStringList& arguments);
int importFeatures(const QStringList& arguments);
int project(const QStringList& arguments);
int eval(const QStringList& arguments);
int train(const QStringList& arguments);
int labels(const QStringList& arguments);
int exportClips(const QStringList& arguments);
int exportDataset(const QStringList& arguments);
int config(const QStringList& arguments);

/// The shared settings (Edit > Settings in the app); its notices go to stderr on first use.
Settings& settings();

} // namespace vigil::cli
