// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/transport.h"

class QWebSocket;

namespace ferry::net {

/// A Connection over a WebSocket: one binary message per frame. Text
/// messages are a protocol error.
class WebSocketTransport final : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketTransport)

public:
    /// Takes ownership of @p socket (open, or still connecting);
    /// @p description names the peer (the agent's URL, a client's address).
    WebSocketTransport(QWebSocket *socket, const QString &description, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void send(const QByteArray &message) override;
    qint64 bytesToWrite() const override;
    void setMaxIncomingMessage(qsizetype bytes) override;
    void close(const Error &reason) override;
    void abort() override;
    QString description() const override;

    QWebSocket *socket() const { return m_socket; }

private:
    void finish(const Error &reason);

    QWebSocket *m_socket;
    QString m_description;
    bool m_closed = false;
};

/// Why @p socket did not open, for a person. When the server answered the
/// upgrade with another HTTP status (a reverse proxy's redirect, 404 or
/// 502), what that status means; else QWebSocket's own text.
QString openErrorText(const QWebSocket &socket);

} // namespace ferry::net
