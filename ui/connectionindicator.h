// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace ferry::ui {

/// The status bar's connection light: connected (how: the agent's URL, the
/// command, or the web terminal, with the live heartbeat RTT), connecting
/// (through a shell: what the bootstrap is doing, and the agent's upload as
/// a progress bar), reconnecting with a countdown to the next attempt,
/// offline with the reason. The tool tip tells the rest.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setSession(client::Session *session);
    QString text() const;
    /// Shown while the agent is uploaded through a command.
    QProgressBar *bootstrapBar() const { return m_bootstrap; }

private:
    void update();
    void onBootstrapProgress(const QString &stage, qint64 done, qint64 total);
    /// The tool tip: the way in, and once connected how the agent got
    /// there and the round trip.
    QString describeWay() const;

    QPointer<client::Session> m_session;
    QLabel *m_icon;
    QLabel *m_text;
    QProgressBar *m_bootstrap;
    QTimer *m_countdown;
    /// What the bootstrap through a command is doing; empty once it is over.
    QString m_stage;
    /// The stage is the agent's upload, which has a size.
    bool m_uploading = false;
};

} // namespace ferry::ui
