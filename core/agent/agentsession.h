// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"
#include "core/net/connection.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;
class QWebSocket;

namespace ferry::net {
class Transport;
}

namespace ferry::agent {

class AgentStream;

/// Serves one client: the authentication handshake first (nothing else is
/// accepted before it, with a tiny message limit), then requests and streams
/// over a Connection. Deletes itself when the client goes away, freeing every
/// file, process and descriptor it held.
class AgentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentSession)

public:
    /// How a client proves it may be served.
    enum class Admission {
        Token, ///< the HMAC handshake with the agent's token (a listening agent)
        Open,  ///< none: the channel itself is the door (--stdio, behind the shell's own login)
    };

    /// Serves the client on @p transport (taken over); with Admission::Token
    /// @p token must be the agent's token.
    AgentSession(net::Transport *transport, const RootFs *root, Admission admission, const QByteArray &token,
                 const net::ConnectionOptions &options, QObject *parent);
    ~AgentSession() override;

    /// Rejects the client after the WebSocket handshake with a clear reason.
    static void reject(QWebSocket *socket, const QString &reason);

    net::Connection *connection() const { return m_connection; }
    const RootFs &root() const { return *m_root; }
    /// Expires with the session: guards work finishing on other threads.
    std::weak_ptr<void> lifetime() const { return m_lifetime; }

    void reply(qint64 id, QCborMap fields, bool last = true);
    void replyError(qint64 id, const Error &error);
    /// Takes ownership of an open stream.
    void registerStream(AgentStream *stream);
    /// Called by a stream when it is finished; the stream is deleted later.
    void streamFinished(quint32 stream);
    /// A flag that a "cancel" request for @p requestId sets (for work on
    /// other threads that looks at it now and then); forget it when done.
    std::shared_ptr<std::atomic_bool> cancellable(qint64 requestId);
    void forgetCancellable(qint64 requestId) { m_cancellable.remove(requestId); }

Q_SIGNALS:
    void finished();

private:
    void onHandshakeMessage(const QByteArray &message);
    void sendHandshake(const QCborMap &message);
    void failHandshake(const QString &reason);
    void onMessage(const QCborMap &message);
    void onRequest(const QCborMap &message);
    void handleList(qint64 id, const QString &path);
    void handleHash(qint64 id, const QString &path);
    void openStream(qint64 id, const QString &op, quint32 stream, const QCborMap &message);
    void onClosed(const Error &reason);

    net::Transport *m_transport;
    const RootFs *m_root;
    std::shared_ptr<int> m_lifetime = std::make_shared<int>(0);
    Admission m_admission;
    QByteArray m_token;
    QByteArray m_nonce;
    net::ConnectionOptions m_options;
    net::Connection *m_connection = nullptr;
    QTimer *m_handshakeTimer;
    QHash<quint32, AgentStream *> m_streams;
    QHash<qint64, std::shared_ptr<std::atomic_bool>> m_cancellable;
    QString m_peer;
    bool m_finished = false;
};

} // namespace ferry::agent
