// The transport under the player.
#include "player/TransportController.h"

#include "playback/PlaybackController.h"
#include "playback/PlaybackWorker.h"
#include "shortcuts/ShortcutRegistry.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

const double kSpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16};

} // namespace

TransportController::TransportController(PlaybackController& player, QWidget* window)
    : QObject(window)
    , m_player(player)
{
    m_frameLabel = new QLabel(window);
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    m_playButton = new QPushButton(tr("Play"), window);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setFocusPolicy(Qt::NoFocus); // Space plays from anywhere; focus stays where it was
    m_jumpEdit = new QLineEdit(window);
    m_jumpEdit->setObjectName(QStringLiteral("jumpEdit"));
    m_jumpEdit->setPlaceholderText(tr("Go to frame or mm:ss"));
    m_jumpEdit->setAccessibleName(tr("Go to frame or time"));
    m_jumpEdit->setMaximumWidth(160);
    connect(m_playButton, &QPushButton::clicked, this, &TransportController::togglePlay);
    connect(m_jumpEdit, &QLineEdit::returnPressed, this, &TransportController::jumpTo);
    connect(player.worker(), &PlaybackWorker::playingChanged, this, [this](bool playing, double rate) {
        m_playing = playing;
        if (playing)
            m_rate = rate; // whoever started it (the review queue plays at 1x)
        m_playButton->setText(playing ? tr("Pause") : tr("Play"));
        if (playing)
            emit message(tr("Playing at %1x").arg(rate), 0);
    });
    updateLabel();
}

void TransportController::setVideo(qint64 frames, double framesPerSecond)
{
    m_frames = frames;
    m_fps = framesPerSecond > 0 ? framesPerSecond : 30;
    m_shownFrame = -1;
    updateLabel();
}

void TransportController::showFrame(qint64 index, double seconds)
{
    m_shownFrame = index;
    m_shownTime = seconds;
    updateLabel();
}

void TransportController::updateLabel()
{
    if (m_frames <= 0 || m_shownFrame < 0) {
        m_frameLabel->setText(m_frames > 0 ? tr("%n frame(s)", nullptr, int(m_frames)) : tr("No video open"));
        return;
    }
    m_frameLabel->setText(tr("Frame %1 / %2   %3 s").arg(m_shownFrame).arg(m_frames).arg(m_shownTime, 0, 'f', 3));
}

void TransportController::togglePlay()
{
    // Space plays forward at the chosen speed, as in video editors (J plays backwards).
    if (m_playing)
        m_player.pause();
    else
        m_player.play(std::abs(m_rate));
}

void TransportController::shuttle(int direction)
{
    // Repeated J or L speeds up in that direction (x1, x2, x4 ... x16), as in video editors.
    const bool sameDirection = m_playing && ((m_rate > 0) == (direction > 0));
    m_rate = sameDirection ? std::clamp(m_rate * 2, -16.0, 16.0) : double(direction);
    m_player.play(m_rate);
}

void TransportController::changeSpeed(double factor)
{
    const double magnitude = std::clamp(std::abs(m_rate) * factor, kSpeeds[0], kSpeeds[std::size(kSpeeds) - 1]);
    m_rate = m_rate < 0 ? -magnitude : magnitude;
    emit message(tr("Speed %1x").arg(m_rate), 0);
    if (m_playing)
        m_player.play(m_rate);
}

void TransportController::jumpTo()
{
    const QString text = m_jumpEdit->text().trimmed();
    qint64 frame = -1;
    if (text.contains(QLatin1Char(':'))) {
        double seconds = 0;
        for (const QString& part : text.split(QLatin1Char(':')))
            seconds = seconds * 60 + part.toDouble();
        frame = qint64(std::floor(seconds * m_fps));
    } else {
        bool ok = false;
        frame = text.toLongLong(&ok);
        if (!ok)
            frame = -1;
    }
    if (frame < 0 || frame >= m_frames) {
        emit message(tr("No frame '%1' in this video").arg(text), 0);
        return;
    }
    m_player.seek(frame);
    emit jumped();
}

QList<QShortcut*> TransportController::registerKeys(ShortcutRegistry* registry, QWidget* window)
{
    QList<QShortcut*> made;
    const QString group = tr("Playback");
    auto add = [&](const char* id, const QList<QKeySequence>& keys, const QString& what, auto function) {
        QShortcut* shortcut = registry->addShortcut(QString::fromLatin1(id), group, what, keys, window);
        connect(shortcut, &QShortcut::activated, this, function);
        made << shortcut;
    };
    PlaybackController& player = m_player;
    add("playback.playPause", {QKeySequence(Qt::Key_Space)}, tr("Play or pause"), [this] { togglePlay(); });
    add("playback.pause", {QKeySequence(Qt::Key_K)}, tr("Pause"), [&player] { player.pause(); });
    add("playback.forwards", {QKeySequence(Qt::Key_L)}, tr("Play forwards; again: faster"), [this] { shuttle(1); });
    add("playback.backwards", {QKeySequence(Qt::Key_J)}, tr("Play backwards; again: faster"), [this] { shuttle(-1); });
    add("playback.faster", {QKeySequence(Qt::Key_BracketRight)}, tr("Double the speed"), [this] { changeSpeed(2); });
    add("playback.slower", {QKeySequence(Qt::Key_BracketLeft)}, tr("Halve the speed"), [this] { changeSpeed(0.5); });
    add("playback.nextFrame", {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Period)}, tr("Next frame"), [&player] { player.step(1); });
    add("playback.previousFrame", {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Comma)}, tr("Previous frame"), [&player] { player.step(-1); });
    add("playback.secondForwards", {QKeySequence(Qt::SHIFT | Qt::Key_Right)}, tr("One second forwards"),
        [this, &player] { player.step(std::max(1, int(std::lround(m_fps)))); });
    add("playback.secondBackwards", {QKeySequence(Qt::SHIFT | Qt::Key_Left)}, tr("One second backwards"),
        [this, &player] { player.step(-std::max(1, int(std::lround(m_fps)))); });
    add("playback.firstFrame", {QKeySequence(Qt::Key_Home)}, tr("First frame"), [&player] { player.seek(0); });
    add("playback.lastFrame", {QKeySequence(Qt::Key_End)}, tr("Last frame"), [this, &player] { player.seek(std::max<qint64>(0, m_frames - 1)); });
    add("playback.goTo", {QKeySequence(Qt::CTRL | Qt::Key_G)}, tr("Go to a frame or time"), [this] {
        m_jumpEdit->setFocus();
        m_jumpEdit->selectAll();
    });
    return made;
}

} // namespace vigil
