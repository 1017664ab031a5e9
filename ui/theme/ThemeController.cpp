// The theme in force.
#include "theme/ThemeController.h"

#include "theme/ThemeColors.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDBusError>
#include <QDebug>
#include <QFileInfo>
#include <QStyle>
#include <QStyleFactory>

namespace vigil {

namespace {

const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kGroup = QStringLiteral("org.freedesktop.appearance");
const QString kKey = QStringLiteral("color-scheme");

// The portal wraps the value in one or two variants, depending on its version.
uint unwrap(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value.toUInt();
}

// A session bus to ask: named in the environment, or the user's socket. Without either,
// D-Bus is not tried at all (its autolaunch could start a daemon or wait).
bool sessionBusExpected()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus"));
}

} // namespace

ThemeController::ThemeController(QObject* parent)
    : QObject(parent)
{
    // The palette the application started with, before any theme was applied (a second
    // window's controller must not take the first one's dark palette for the desktop's).
    static const QPalette start = QApplication::palette();
    m_startPalette = start;
    if (!sessionBusExpected())
        return;
    qRegisterMetaType<QDBusVariant>(); // the signal's value, for the queued slot
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && !bus.connect(kService, kPath, kInterface, QStringLiteral("SettingChanged"), this,
                                          SLOT(onSettingChanged(QString,QString,QDBusVariant))))
        qWarning().noquote() << "theme: cannot follow the desktop's colour scheme:" << bus.lastError().message();
    readPortal();
}

void ThemeController::readPortal()
{
    m_portal = false;
    m_desktop = Scheme::NoPreference;
    if (!sessionBusExpected())
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusInterface settings(kService, kPath, kInterface, bus);
    settings.setTimeout(500); // a desktop without a portal must not hold the start up
    const QDBusMessage reply = settings.call(QStringLiteral("Read"), kGroup, kKey);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return;
    m_portal = true;
    const uint value = unwrap(reply.arguments().first());
    m_desktop = value == 1 ? Scheme::Dark : value == 2 ? Scheme::Light : Scheme::NoPreference;
}

void ThemeController::onSettingChanged(const QString& group, const QString& key, const QDBusVariant& value)
{
    if (group != kGroup || key != kKey)
        return;
    m_portal = true;
    const uint v = unwrap(value.variant());
    m_desktop = v == 1 ? Scheme::Dark : v == 2 ? Scheme::Light : Scheme::NoPreference;
    apply();
}

void ThemeController::setChoice(const QString& choice)
{
    m_choice = choice == QLatin1String("light") || choice == QLatin1String("dark") ? choice : QStringLiteral("system");
    apply();
}

void ThemeController::apply()
{
    bool dark = false;
    if (m_choice == QLatin1String("dark"))
        dark = true;
    else if (m_choice == QLatin1String("system"))
        dark = m_desktop == Scheme::Dark || (m_desktop == Scheme::NoPreference && isDark(m_startPalette));
    if (m_applied && dark == m_dark)
        return;
    m_applied = true;
    m_dark = dark;
    if (dark) {
        // Fusion draws every control from the palette; other styles may not.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setPalette(isDark(m_startPalette) ? QApplication::style()->standardPalette() : m_startPalette);
    }
    emit darkChanged(dark);
}

QPalette ThemeController::darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(225, 225, 225), disabled(130, 130, 130), highlight(0x00, 0x72, 0xB2);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 120, 100));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(58, 58, 62));
    p.setColor(QPalette::Mid, QColor(38, 38, 40));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::LinkVisited, QColor(0xCC, 0x79, 0xA7));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

} // namespace vigil
