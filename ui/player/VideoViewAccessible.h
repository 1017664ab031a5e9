// The player as assistive technology sees it: an animation whose value is the frame shown
// (setting it seeks) and whose text says the frame, the time, the score and the top class.
// VideoView posts a value change with each frame shown.
#pragma once

#include <QAccessibleValueInterface>
#include <QAccessibleWidget>

namespace vigil {

class VideoView;

/// GUI thread.
class VideoViewAccessible : public QAccessibleWidget, public QAccessibleValueInterface {
public:
    explicit VideoViewAccessible(VideoView* view);
    /// For QAccessible::installFactory: the interface of a VideoView, else nullptr.
    static QAccessibleInterface* factory(const QString& className, QObject* object);

    void* interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text t) const override;
    QVariant currentValue() const override;
    void setCurrentValue(const QVariant& value) override;
    QVariant maximumValue() const override;
    QVariant minimumValue() const override;
    QVariant minimumStepSize() const override;

private:
    VideoView* view() const;
};

} // namespace vigil
