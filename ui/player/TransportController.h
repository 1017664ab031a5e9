// The transport under the player: Play/Pause, the frame and time shown, "go to frame or
// mm:ss", and the playback keys (Space, J K L shuttle, [ ] speed, arrows, Home/End), as in
// video editors. It makes its widgets (the window places them) and keeps the state they
// show: the video's length, the frame shown, the rate and whether playback runs.
#pragma once

#include <QList>
#include <QObject>

class QLabel;
class QLineEdit;
class QPushButton;
class QShortcut;
class QWidget;

namespace vigil {

class PlaybackController;
class ShortcutRegistry;

/// GUI thread.
class TransportController : public QObject {
    Q_OBJECT
public:
    TransportController(PlaybackController& player, QWidget* window);

    QPushButton* playButton() const { return m_playButton; }
    QLabel* frameLabel() const { return m_frameLabel; }
    QLineEdit* jumpEdit() const { return m_jumpEdit; }

    /// A new video (0 frames: none); nothing shown yet.
    void setVideo(qint64 frames, double framesPerSecond);
    void showFrame(qint64 index, double seconds);
    qint64 frames() const { return m_frames; }
    double framesPerSecond() const { return m_fps; }
    /// The frame on screen; -1 before the first.
    qint64 shownFrame() const { return m_shownFrame; }
    /// The shuttle rate (negative: backwards) and whether playback runs.
    double rate() const { return m_rate; }
    bool playing() const { return m_playing; }

    void togglePlay();
    void shuttle(int direction);
    void changeSpeed(double factor);
    /// Seeks to what the jump field says (a frame, or [h:]mm:ss).
    void jumpTo();
    /// The playback keys, registered on `window` under the "Playback" group.
    QList<QShortcut*> registerKeys(ShortcutRegistry* registry, QWidget* window);

signals:
    void message(const QString& text, int timeout);
    /// The jump field sent the player to a frame (focus may go back to the picture).
    void jumped();

private:
    void updateLabel();

    PlaybackController& m_player;
    QPushButton* m_playButton = nullptr;
    QLabel* m_frameLabel = nullptr;
    QLineEdit* m_jumpEdit = nullptr;
    qint64 m_frames = 0;
    double m_fps = 30;
    qint64 m_shownFrame = -1;
    double m_shownTime = 0;
    bool m_playing = false;
    double m_rate = 1.0;
};

} // namespace vigil
