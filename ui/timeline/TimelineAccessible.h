// The score timeline as assistive technology sees it: a slider over the video's frames
// whose value is the playhead (setting it seeks) and whose text says the frame, the time,
// the score and the detection under the playhead. ScoreTimeline posts a value change on
// each move and an alert when the playhead enters a detection.
#pragma once

#include <QAccessibleWidget>

namespace vigil {

class ScoreTimeline;

/// GUI thread.
class TimelineAccessible : public QAccessibleWidget, public QAccessibleValueInterface {
public:
    explicit TimelineAccessible(ScoreTimeline* timeline);
    /// For QAccessible::installFactory: the interface of a ScoreTimeline, else nullptr.
    static QAccessibleInterface* factory(const QString& className, QObject* object);

    void* interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text t) const override;

    QVariant currentValue() const override;
    void setCurrentValue(const QVariant& value) override;
    QVariant maximumValue() const override;
    QVariant minimumValue() const override;
    QVariant minimumStepSize() const override;

private:
    ScoreTimeline* timeline() const;
};

} // namespace vigil
