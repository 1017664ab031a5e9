// The trainer's readiness messages in the interface's language.
#include "training/TrainingMessages.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vigil {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TrainingMessages)
};

} // namespace

QString trainingMessage(const std::string& english)
{
    const QString text = QString::fromStdString(english);
    // The forms of core/model/Trainer.cpp's summarize().
    static const QRegularExpression fewVideos(QStringLiteral("^class '(.*)' has (\\d+) training video\\(s\\), (\\d+) needed to learn it$"));
    static const QRegularExpression batch(QStringLiteral("^the batch size must be even and at least 2, not (-?\\d+)$"));
    static const QRegularExpression imbalance(QStringLiteral("^the abnormal classes are imbalanced: ([\\d.]+)x more videos of the largest$"));
    if (const auto m = fewVideos.match(text); m.hasMatch())
        return Text::tr("class '%1' has %n training video(s), %2 needed to learn it", nullptr, m.captured(2).toInt())
            .arg(m.captured(1), m.captured(3));
    if (const auto m = batch.match(text); m.hasMatch())
        return Text::tr("the batch size must be even and at least 2, not %1").arg(m.captured(1));
    if (const auto m = imbalance.match(text); m.hasMatch())
        return Text::tr("the abnormal classes are imbalanced: %1x more videos of the largest").arg(m.captured(1));
    if (text == QLatin1String("no abnormal training video: the objective needs abnormal and normal videos"))
        return Text::tr("no abnormal training video: the objective needs abnormal and normal videos");
    if (text == QLatin1String("no normal training video: the objective needs abnormal and normal videos"))
        return Text::tr("no normal training video: the objective needs abnormal and normal videos");
    if (text == QLatin1String("at least one epoch is needed"))
        return Text::tr("at least one epoch is needed");
    if (text == QLatin1String("no validation video: the last epoch is kept, without validation AUC"))
        return Text::tr("no validation video: the last epoch is kept, without validation AUC");
    return text;
}

} // namespace vigil
