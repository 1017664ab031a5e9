// vigil-cli score-features: a [T, D] .npy of CLIP features -> per-frame scores CSV.
#include "CliCommon.h"

#include "model/Error.h"
#include "model/NpyArray.h"
#include "model/ScoresCsv.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace vigil::cli {

int scoreFeatures(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Score pre-extracted CLIP frame features with an AnomalyCLIP checkpoint.\n"
           "Writes FILE.csv with the header 'frame,score,<classes in labels-file order>': one row per\n"
           "frame, the anomaly score and p(class); the normal class column holds 1 - score."));
    parser.addHelpOption();
    const ModelOptions model;
    model.addTo(parser);
    const QCommandLineOption features(QStringLiteral("features"), tr("[T, D] .npy features, one row per frame."), tr("FEATURES.npy"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Output CSV file."), tr("SCORES.csv"));
    parser.addOptions({features, out});
    parseOrExit(parser, arguments, QStringLiteral("score-features"));
    model.check(parser, QStringLiteral("score-features"));
    for (const QCommandLineOption* required : {&features, &out})
        if (!parser.isSet(*required))
            die(tr("missing --%1 (see 'vigil-cli score-features --help')").arg(required->names().first()), kExitUsage);

    try {
        QElapsedTimer timer;
        timer.start();
        const LabelSet labels = model.labels(parser);
        const auto loaded = AnomalyClipModel::load(model.loadOptions(parser), labels);
        for (const std::string& warning : loaded->warnings())
            QTextStream(stderr) << "vigil-cli: warning: " << QString::fromStdString(warning) << Qt::endl;

        const std::string featuresPath = parser.value(features).toStdString();
        const NpyArray array = readNpy(featuresPath);
        if (array.shape.size() != 2)
            throw Error(featuresPath + ": expected a [T, D] array, found " + std::to_string(array.shape.size()) +
                        " dimensions");
        if (array.shape[0] < 1)
            throw Error(featuresPath + ": the array holds no frames");
        const std::vector<float> values = array.toFloat();

        const InferenceSession session(loaded, model.sessionOptions(parser));
        const VideoScores scores = session.scoreFeatures(values.data(), array.shape[0], array.shape[1]);
        writeScoresCsvFile(parser.value(out).toStdString(), scores, labels);
        QTextStream(stdout) << tr("%1: %2 frames scored on %3 in %4 s")
                                   .arg(parser.value(out))
                                   .arg(scores.frames)
                                   .arg(QString::fromStdString(session.deviceDescription()))
                                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                            << Qt::endl;
    } catch (const std::exception& e) {
        die(QString::fromStdString(e.what()));
    }
    return 0;
}

} // namespace vigil::cli
