// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionindicator.h"

#include "core/client/session.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTimer>

namespace ferry::ui {

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_text->setObjectName(QStringLiteral("connectionLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ConnectionIndicator::update);
    update();
}

void ConnectionIndicator::setSession(client::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (m_session) {
        connect(m_session, &client::Session::stateChanged, this, &ConnectionIndicator::update);
        connect(m_session, &client::Session::rttSampled, this, &ConnectionIndicator::update);
    }
    update();
}

QString ConnectionIndicator::text() const
{
    return m_text->text();
}

void ConnectionIndicator::update()
{
    using State = client::Session::State;
    QString text = tr("Offline");
    QString icon = QStringLiteral("network-offline");
    const State state = m_session ? m_session->state() : State::Offline;
    switch (state) {
    case State::Connected:
        icon = QStringLiteral("network-connect");
        text = m_session->rtt().count() > 0 ? tr("Connected · %1 ms").arg(m_session->rtt().last(), 0, 'f', 1) : tr("Connected");
        break;
    case State::Connecting:
        icon = QStringLiteral("network-wired-activated");
        text = tr("Connecting…");
        break;
    case State::Reconnecting: {
        icon = QStringLiteral("network-wired-activated");
        const qint64 seconds = (m_session->reconnectInMs() + 999) / 1000;
        text = seconds > 0 ? tr("Reconnecting in %n s…", nullptr, int(seconds)) : tr("Reconnecting…");
        break;
    }
    case State::Failed:
        text = tr("Offline: %1").arg(m_session->lastError().message);
        break;
    case State::Offline:
        break;
    }
    if (state == State::Reconnecting && !m_countdown->isActive())
        m_countdown->start();
    else if (state != State::Reconnecting)
        m_countdown->stop();
    m_icon->setPixmap(QIcon::fromTheme(icon).pixmap(16, 16));
    m_text->setText(text);
    setAccessibleName(tr("Connection: %1").arg(text));
    setToolTip(m_session ? m_session->options().url.toString() : QString());
}

} // namespace ferry::ui
