// The timeline's accessibility interface.
#include "timeline/TimelineAccessible.h"

#include "timeline/ScoreTimeline.h"

namespace vigil {

TimelineAccessible::TimelineAccessible(ScoreTimeline* timeline)
    : QAccessibleWidget(timeline, QAccessible::Slider, ScoreTimeline::tr("Score timeline"))
{
}

QAccessibleInterface* TimelineAccessible::factory(const QString& className, QObject* object)
{
    if (className == QLatin1String("vigil::ScoreTimeline") && object && object->isWidgetType())
        return new TimelineAccessible(static_cast<ScoreTimeline*>(object));
    return nullptr;
}

ScoreTimeline* TimelineAccessible::timeline() const { return static_cast<ScoreTimeline*>(widget()); }

void* TimelineAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ValueInterface)
        return static_cast<QAccessibleValueInterface*>(this);
    return QAccessibleWidget::interface_cast(type);
}

QString TimelineAccessible::text(QAccessible::Text t) const
{
    switch (t) {
    case QAccessible::Value:
        return timeline()->accessibleStatus();
    case QAccessible::Description:
        return timeline()->lastAnnouncement().isEmpty() ? QAccessibleWidget::text(t) : timeline()->lastAnnouncement();
    default:
        return QAccessibleWidget::text(t);
    }
}

QVariant TimelineAccessible::currentValue() const { return timeline()->playhead(); }

void TimelineAccessible::setCurrentValue(const QVariant& value) { emit timeline()->seekRequested(value.toLongLong()); }

QVariant TimelineAccessible::maximumValue() const { return std::max<qint64>(0, timeline()->frameCount() - 1); }

QVariant TimelineAccessible::minimumValue() const { return 0; }

QVariant TimelineAccessible::minimumStepSize() const { return 1; }

} // namespace vigil
