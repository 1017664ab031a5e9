// vigil-cli export-clips: labels or detections of a project as frame-exact clips with
// sidecars, an index and a SHA-256 manifest, for handing evidence on.
#include "CliCommon.h"

#include "settings/Settings.h"

#include "export/ClipExport.h"
#include "model/Error.h"
#include "project/ProjectStore.h"

#include <QFileInfo>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace vigil::cli {

namespace {

std::atomic<bool> g_stop{false};
void onStop(int) { g_stop = true; }

} // namespace

int exportClips(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Cut a project's labels (or its detections) into clips, frame-exact: a stream copy when the cut falls on\n"
           "keyframes, else re-encoded with libx264. Each clip gets a sidecar JSON (source video and fingerprint,\n"
           "frames, times, class, the label or detection, per-frame scores and class probabilities, model,\n"
           "reviewer); the folder gets clips.csv and SHA256SUMS ('sha256sum -c' checks it). Ctrl-C stops after\n"
           "removing the clip being written; what was exported stays listed."));
    parser.addHelpOption();
    const QCommandLineOption projectPath(QStringLiteral("project"), tr("The project file (*.vigil)."), tr("P.vigil"));
    const QCommandLineOption className(QStringLiteral("class"), tr("Only this class."), tr("C"));
    const QCommandLineOption state(QStringLiteral("state"), tr("Detections only: accepted, rejected or unreviewed."), tr("STATE"));
    const QCommandLineOption source(QStringLiteral("source"), tr("labels (default) or detections."), tr("SOURCE"),
                                    QStringLiteral("labels"));
    const QCommandLineOption pad(QStringLiteral("pad"), tr("Seconds before and after (default: the setting export/paddingSeconds, 0)."), tr("S"), QStringLiteral("0"));
    const QCommandLineOption reencode(QStringLiteral("reencode"), tr("Always re-encode, never stream copy (also when the setting export/reencode is true)."));
    const QCommandLineOption overlay(QStringLiteral("overlay"),
                                     tr("Burn in the time, frame, score and top class, and a strip of the scores under the picture."));
    const QCommandLineOption outDir(QStringLiteral("out-dir"), tr("Where the clips go."), tr("DIR"));
    parser.addOptions({projectPath, className, state, source, pad, reencode, overlay, outDir});
    parseOrExit(parser, arguments, QStringLiteral("export-clips"));
    for (const QCommandLineOption* required : {&projectPath, &outDir})
        if (!parser.isSet(*required))
            die(tr("missing --%1 (see 'vigil-cli export-clips --help')").arg(required->names().first()), kExitUsage);
    ClipSelection selection;
    if (parser.value(source) == QLatin1String("detections"))
        selection.source = ClipSelection::Source::Detections;
    else if (parser.value(source) != QLatin1String("labels"))
        die(tr("--source takes labels or detections"), kExitUsage);
    selection.className = parser.value(className);
    if (parser.isSet(state)) {
        const QString s = parser.value(state);
        if (s == QLatin1String("accepted"))
            selection.state = ReviewState::Accepted;
        else if (s == QLatin1String("rejected"))
            selection.state = ReviewState::Rejected;
        else if (s == QLatin1String("unreviewed"))
            selection.state = ReviewState::Unreviewed;
        else
            die(tr("--state takes accepted, rejected or unreviewed"), kExitUsage);
    }
    ClipExportOptions options;
    options.outDir = parser.value(outDir);
    bool ok = false;
    options.padSeconds = parser.isSet(pad) ? parser.value(pad).toDouble(&ok) : (ok = true, settings().number(settingKey::exportPadding));
    if (!ok || options.padSeconds < 0)
        die(tr("--pad takes seconds, 0 or more"), kExitUsage);
    options.allowStreamCopy = !parser.isSet(reencode) && !settings().flag(settingKey::exportReencode);
    options.overlay = parser.isSet(overlay) || settings().flag(settingKey::exportOverlay);
    std::signal(SIGINT, onStop);
    std::signal(SIGTERM, onStop);
    QTextStream out(stdout), err(stderr);
    try {
        if (!QFileInfo::exists(parser.value(projectPath)))
            throw Error(QFile::encodeName(parser.value(projectPath)).toStdString() + ": no such project");
        const auto store = ProjectStore::open(parser.value(projectPath), ProjectStore::OpenMode::ReadOnly);
        const bool terminal = ::isatty(STDERR_FILENO) == 1;
        const ClipBatch batch = exportClips(*store, selection, options, [&](int done, int total, const QString& what) {
            if (terminal)
                std::fprintf(stderr, "\r%d/%d %s   ", done, total, qPrintable(what));
            return !g_stop.load();
        });
        if (terminal)
            std::fprintf(stderr, "\r%*s\r", 60, "");
        for (const ExportedClip& c : batch.clips)
            out << tr("%1: frames %2-%3 of %4, %5").arg(QFileInfo(c.clip).fileName()).arg(c.firstFrame).arg(c.lastFrame).arg(
                       QFileInfo(c.video).fileName(), c.method)
                << Qt::endl;
        for (const QString& failure : batch.failures)
            err << "vigil-cli: " << failure << Qt::endl;
        out << tr("%1 clip(s) in %2; index %3, manifest %4")
                   .arg(batch.clips.size())
                   .arg(options.outDir, QFileInfo(batch.index).fileName(), QFileInfo(batch.manifest).fileName())
            << Qt::endl;
        if (batch.cancelled) {
            err << tr("vigil-cli: stopped; the clips above are complete and listed") << Qt::endl;
            return kExitError;
        }
        return batch.failures.isEmpty() ? 0 : kExitError;
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
}

} // namespace vigil::cli
