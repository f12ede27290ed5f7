// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QWebSocket>

class AgentProcess;

/// A hand-driven WebSocket client for tests: it can authenticate properly
/// and then send whatever the test wants, well-formed or not.
class RawClient
{
public:
    explicit RawClient(const AgentProcess &agent);

    /// Connects and waits for the agent's greeting.
    bool connect();
    /// Answers the greeting with the right proof, adding @p extra to the
    /// answer (say, the codecs offered); true once welcomed.
    bool authenticate(const QCborMap &extra = {});
    /// The agent's welcome, once authenticated.
    QCborMap welcome;
    void send(const QByteArray &message) { m_socket.sendBinaryMessage(message); }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    bool waitForMessages(qsizetype count, int timeoutMs = 5000);
    /// Waits for the agent to close; @p reason gets its close reason.
    bool waitForClose(QString *reason, int timeoutMs = 5000);
    void abort() { m_socket.abort(); }

    QList<QByteArray> received;

private:
    const AgentProcess &m_agent;
    QWebSocket m_socket;
};
