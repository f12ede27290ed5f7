// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentserver.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/net/socketoptions.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace ferry::agent {

AgentServer::AgentServer(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
    , m_ws(new QWebSocketServer(QStringLiteral("ferry-agent"), QWebSocketServer::NonSecureMode, this))
{
    m_ws->setHandshakeTimeout(10000);
    m_ws->setMaxPendingConnections(64);
    connect(m_tcp, &QTcpServer::newConnection, this, &AgentServer::onTcpConnection);
    connect(m_ws, &QWebSocketServer::newConnection, this, &AgentServer::onWebSocket);
}

AgentServer::~AgentServer() = default;

Expected<void> AgentServer::listen(const AgentOptions &options)
{
    m_options = options;
    auto root = RootFs::open(options.root);
    if (!root)
        return std::unexpected(root.error());
    m_root = std::make_unique<RootFs>(std::move(*root));
    if (!m_tcp->listen(options.host, options.port))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "cannot listen on %1:%2: %3")
                                                        .arg(options.host.toString()).arg(options.port).arg(m_tcp->errorString())});
    return {};
}

quint16 AgentServer::port() const
{
    return m_tcp->serverPort();
}

QUrl AgentServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_tcp->serverAddress().toString());
    url.setPort(port());
    return url;
}

void AgentServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        net::tuneSocketDescriptor(socket->socketDescriptor(), int(m_options.connection.lowWater), m_options.connection.deadAfterMs);
        // QWebSocketServer takes the socket over, handshake timeout included.
        m_ws->handleConnection(socket);
    }
}

void AgentServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        if (m_clients >= m_options.maxClients) {
            qCWarning(lcAgent) << "refusing a client: limit of" << m_options.maxClients << "reached";
            socket->setParent(this);
            AgentSession::reject(socket, QCoreApplication::translate("ferry::agent", "too many clients (limit %1)").arg(m_options.maxClients));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_clients;
        auto *session = new AgentSession(socket, m_root.get(), m_options.token, m_options.connection, this);
        connect(session, &AgentSession::finished, this, [this] { --m_clients; });
    }
}

} // namespace ferry::agent
