// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawclient.h"

#include "agentprocess.h"

#include "core/net/auth.h"
#include "core/protocol/frame.h"

#include <QCborMap>
#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

RawClient::RawClient(const AgentProcess &agent)
    : m_agent(agent)
{
    QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_socket, [this](const QByteArray &m) { received.append(m); });
}

bool RawClient::connect()
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(QUrl(m_agent.url()));
    return connected.wait(5000) && waitForMessages(1);
}

bool RawClient::authenticate(const QCborMap &extra)
{
    auto hello = ferry::protocol::decode(received.first());
    if (!hello)
        return false;
    const QByteArray agentNonce = hello->control.value("nonce"_L1).toByteArray();
    const QByteArray nonce = ferry::net::auth::randomNonce();
    QFile tokenFile(m_agent.tokenFile());
    if (!tokenFile.open(QIODevice::ReadOnly))
        return false;
    const QByteArray token = tokenFile.readLine().trimmed();
    QCborMap auth{{"t"_L1, "auth"_L1}, {"v"_L1, 1}, {"nonce"_L1, nonce}, {"mac"_L1, ferry::net::auth::clientProof(token, agentNonce, nonce)}};
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        auth.insert(it.key(), it.value());
    send(ferry::protocol::encodeControl(auth));
    if (!waitForMessages(2))
        return false;
    auto welcome = ferry::protocol::decode(received.at(1));
    if (!welcome || welcome->control.value("t"_L1).toString() != "welcome"_L1)
        return false;
    this->welcome = welcome->control;
    return true;
}

bool RawClient::waitForMessages(qsizetype count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (received.size() < count && !deadline.hasExpired())
        QTest::qWait(5);
    return received.size() >= count;
}

bool RawClient::waitForClose(QString *reason, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(10);
    *reason = m_socket.closeReason();
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}
