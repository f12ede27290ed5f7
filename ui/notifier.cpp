// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notifier.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QPointer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace ferry::ui {

namespace {

constexpr auto Service = "org.freedesktop.Notifications"_L1;
constexpr auto Path = "/org/freedesktop/Notifications"_L1;
constexpr auto Interface = "org.freedesktop.Notifications"_L1;

} // namespace

Notifier::Notifier(QObject *parent)
    : Notifier(QDBusConnection::sessionBus(), parent)
{
}

Notifier::Notifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

Notifier::Outcome Notifier::jobFinished(QWidget *window, const QString &title, const QString &body, bool failed,
                                        std::chrono::milliseconds elapsed)
{
    m_lastOutcome = Outcome::None;
    // Someone watching the window saw the job end; a short job needs no
    // reminder either.
    if (!m_enabled || elapsed < m_threshold || (window && window->isActiveWindow()))
        return m_lastOutcome;

    const QString summary = !title.isEmpty() ? title : failed ? tr("Transfer failed") : tr("Transfer finished");
    if (serviceAvailable()) {
        sendNotification(window, summary, body, failed);
        m_lastOutcome = Outcome::Notification;
    } else if (window) {
        QApplication::alert(window);
        m_lastOutcome = Outcome::Alert;
    }
    return m_lastOutcome;
}

bool Notifier::serviceAvailable() const
{
    if (!m_bus.isConnected())
        return false;
    QDBusConnectionInterface *bus = m_bus.interface();
    if (!bus)
        return false;
    if (bus->isServiceRegistered(Service).value())
        return true;
    // Many desktops start their notification daemon on the first call.
    return bus->activatableServiceNames().value().contains(Service);
}

void Notifier::sendNotification(QWidget *window, const QString &summary, const QString &body, bool failed)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    const QString appName = QGuiApplication::applicationDisplayName();
    const QString desktopEntry = QGuiApplication::desktopFileName();
    const QVariantMap hints{
        {u"urgency"_s, QVariant::fromValue(uchar(failed ? 2 : 1))}, // critical stays until dismissed
        {u"category"_s, failed ? u"transfer.error"_s : u"transfer.complete"_s},
        {u"desktop-entry"_s, desktopEntry},
    };
    call << appName << uint(0) << desktopEntry << summary << body << QStringList() << hints << int(-1);
    ++m_sent;
    // Asynchronous: a slow notification daemon must never stall the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, target = QPointer<QWidget>(window)] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (!reply.isError()) {
            Q_EMIT notificationShown(reply.value());
            return;
        }
        if (target)
            QApplication::alert(target);
        Q_EMIT notificationFailed(reply.error().message());
    });
}

} // namespace ferry::ui
