// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/session.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;

namespace ferry::ui {

/// The status bar's connection light: connected (with the live link RTT),
/// connecting, reconnecting with a countdown to the next attempt, offline
/// with the reason.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setSession(client::Session *session);
    QString text() const;

private:
    void update();

    QPointer<client::Session> m_session;
    QLabel *m_icon;
    QLabel *m_text;
    QTimer *m_countdown;
};

} // namespace ferry::ui
