// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentserver.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/net/socketoptions.h"
#include "core/net/truststore.h"
#include "core/net/websockettransport.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace ferry::agent {

AgentServer::AgentServer(QObject *parent)
    : QObject(parent)
    , m_ws(new QWebSocketServer(QStringLiteral("ferry-agent"), QWebSocketServer::NonSecureMode, this))
{
    // TLS, when configured, is done by our own QSslServer before the
    // WebSocket upgrade, so QWebSocketServer always sees a ready stream.
    m_ws->setHandshakeTimeout(10000);
    m_ws->setMaxPendingConnections(64);
    connect(m_ws, &QWebSocketServer::newConnection, this, &AgentServer::onWebSocket);
}

AgentServer::~AgentServer() = default;

namespace {

Expected<QSslConfiguration> loadTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::agent", "%1: cannot read the certificate: %2").arg(certificatePath, certFile.errorString())});
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "%1: no PEM certificate found").arg(certificatePath)});
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::NotFound, QCoreApplication::translate("ferry::agent", "%1: cannot read the key: %2").arg(keyPath, keyFile.errorString())});
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "%1: no unencrypted PEM private key found").arg(keyPath)});
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

} // namespace

Expected<void> AgentServer::listen(const AgentOptions &options)
{
    m_options = options;
    auto root = RootFs::open(options.root);
    if (!root)
        return std::unexpected(root.error());
    m_root = std::make_unique<RootFs>(std::move(*root));
    if (options.certificatePath.isEmpty() != options.keyPath.isEmpty())
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "wss:// needs both a certificate and a key")});
    if (!options.certificatePath.isEmpty()) {
        auto tls = loadTls(options.certificatePath, options.keyPath);
        if (!tls)
            return std::unexpected(tls.error());
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        server->setHandshakeTimeout(10000);
        connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCInfo(lcAgent).noquote() << socket->peerAddress().toString() << "TLS handshake failed:" << socket->errorString();
        });
        m_fingerprint = net::TrustStore::fingerprint(tls->localCertificate());
        m_tcp = server;
    } else {
        m_tcp = new QTcpServer(this);
    }
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &AgentServer::onTcpConnection);
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
    url.setScheme(m_fingerprint.isEmpty() ? QStringLiteral("ws") : QStringLiteral("wss"));
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
        const QString peer = socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
        auto *transport = new net::WebSocketTransport(socket, peer);
        auto *session = new AgentSession(transport, m_root.get(), AgentSession::Admission::Token, m_options.token, m_options.connection, this);
        connect(session, &AgentSession::finished, this, [this] { --m_clients; });
    }
}

} // namespace ferry::agent
