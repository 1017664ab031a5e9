// The player's accessibility interface.
#include "player/VideoViewAccessible.h"

#include "player/VideoView.h"

namespace vigil {

VideoViewAccessible::VideoViewAccessible(VideoView* view)
    : QAccessibleWidget(view, QAccessible::Animation, VideoView::tr("Video player"))
{
}

QAccessibleInterface* VideoViewAccessible::factory(const QString& className, QObject* object)
{
    if (className == QLatin1String("vigil::VideoView") && object && object->isWidgetType())
        return new VideoViewAccessible(static_cast<VideoView*>(object));
    return nullptr;
}

VideoView* VideoViewAccessible::view() const { return static_cast<VideoView*>(widget()); }

void* VideoViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ValueInterface)
        return static_cast<QAccessibleValueInterface*>(this);
    return QAccessibleWidget::interface_cast(type);
}

QString VideoViewAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Value)
        return view()->accessibleStatus();
    return QAccessibleWidget::text(t);
}

QVariant VideoViewAccessible::currentValue() const { return qint64(view()->frameIndex()); }
void VideoViewAccessible::setCurrentValue(const QVariant& value) { emit view()->seekRequested(value.toLongLong()); }
QVariant VideoViewAccessible::maximumValue() const { return std::max<qint64>(0, view()->frameCount() - 1); }
QVariant VideoViewAccessible::minimumValue() const { return 0; }
QVariant VideoViewAccessible::minimumStepSize() const { return 1; }

} // namespace vigil
