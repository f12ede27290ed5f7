// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>

/// A WebSocket client written out by hand on a TCP socket bound to a
/// chosen loopback address (127.0.0.2, ...), so that a test can be many
/// strangers at once, and can stop at any stage of the way in: after the
/// TCP connect, in the middle of the HTTP request, after the upgrade.
class BoundClient
{
public:
    explicit BoundClient(const QHostAddress &source);

    /// TCP only; true once connected.
    bool connectTo(quint16 port, int timeoutMs = 3000);
    /// A request line and one header, never finished.
    void sendPartialRequest();
    /// The HTTP upgrade; true on "101".
    bool upgrade(int timeoutMs = 3000);
    /// One binary message, masked as a client must.
    void sendBinary(const QByteArray &payload);
    /// The next whole message from the server (binary or text), or an
    /// empty array after @p timeoutMs or when the server closed.
    QByteArray readMessage(int timeoutMs = 3000);
    /// Answers the agent's greeting with a proof made from @p token (a
    /// wrong token makes a wrong proof); false when no greeting came.
    bool sendProof(const QByteArray &token, int timeoutMs = 3000);
    /// True once the server has closed the connection (or it broke).
    bool waitForClosed(int timeoutMs);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void abort() { m_socket.abort(); }

private:
    bool fill(qsizetype bytes, int timeoutMs);

    QHostAddress m_source;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};
