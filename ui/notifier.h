// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>

#include <chrono>

class QWidget;

namespace ferry::ui {

/// Tells the person that a long job ended while they were looking elsewhere:
/// a desktop notification through org.freedesktop.Notifications, or the
/// window's attention hint (QApplication::alert) where no notification
/// service runs. Short jobs and jobs watched in an active window stay quiet.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    enum class Outcome {
        None,         ///< nothing to tell: disabled, short job or active window
        Notification, ///< a Notify call went to the notification service
        Alert,        ///< no service: the window asked for attention
    };
    Q_ENUM(Outcome)

    static constexpr std::chrono::milliseconds DefaultThreshold{10000};

    /// Uses the session bus.
    explicit Notifier(QObject *parent = nullptr);
    /// Uses @p bus, for a private bus or none (a disconnected connection).
    explicit Notifier(const QDBusConnection &bus, QObject *parent = nullptr);

    /// Jobs that took less than this end silently.
    void setThreshold(std::chrono::milliseconds threshold) { m_threshold = threshold; }
    std::chrono::milliseconds threshold() const { return m_threshold; }
    /// Off: jobFinished() does nothing (the preference notifyLongJobs).
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    /// A job ended after @p elapsed. Notifies when it took at least the
    /// threshold and @p window is not the active window. @p title is the
    /// notification's summary (empty: "Transfer finished" or "Transfer
    /// failed"); @p body the details. Returns what was done.
    Outcome jobFinished(QWidget *window, const QString &title, const QString &body, bool failed, std::chrono::milliseconds elapsed);

    /// What the last jobFinished() did.
    Outcome lastOutcome() const { return m_lastOutcome; }
    /// Notify calls sent so far.
    int notificationsSent() const { return m_sent; }

Q_SIGNALS:
    /// The service answered a Notify with its notification id.
    void notificationShown(uint id);
    /// A Notify failed (the service went away); the window was alerted.
    void notificationFailed(const QString &error);

private:
    bool serviceAvailable() const;
    void sendNotification(QWidget *window, const QString &summary, const QString &body, bool failed);

    QDBusConnection m_bus;
    std::chrono::milliseconds m_threshold = DefaultThreshold;
    bool m_enabled = true;
    Outcome m_lastOutcome = Outcome::None;
    int m_sent = 0;
};

} // namespace ferry::ui
