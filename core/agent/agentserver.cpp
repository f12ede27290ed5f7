// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentserver.h"

#include "core/agent/agentsession.h"
#include "core/agent/partfiles.h"
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
#include <QTimer>
#include <QWebSocketServer>

#include <algorithm>

namespace ferry::agent {

AgentServer::AgentServer(QObject *parent)
    : QObject(parent)
    , m_ws(new QWebSocketServer(QStringLiteral("ferry-agent"), QWebSocketServer::NonSecureMode, this))
    , m_sweepTimer(new QTimer(this))
{
    m_clock.start();
    m_sweepTimer->setInterval(5000);
    connect(m_sweepTimer, &QTimer::timeout, this, &AgentServer::sweep);
    // TLS, when configured, is done by our own QSslServer before the
    // WebSocket upgrade, so QWebSocketServer always sees a ready stream.
    m_ws->setHandshakeTimeout(10000);
    m_ws->setMaxPendingConnections(64);
    connect(m_ws, &QWebSocketServer::newConnection, this, &AgentServer::onWebSocket);
}

AgentServer::~AgentServer() = default;

namespace {

const char kAdmissionId[] = "ferry-admission-id";

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
    m_admission = Admission(options.admission);
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
        server->setHandshakeTimeout(options.admission.handshakeMs);
        // A connection is pending from its first byte: the TLS handshake
        // is part of the way in.
        connect(server, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *socket) {
            if (!admitSocket(socket))
                return;
            connect(socket, &QSslSocket::encrypted, this, [this, socket] {
                m_admission.progressed(socket->property(kAdmissionId).toULongLong(), m_clock.elapsed());
            });
        });
        connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCInfo(lcAgent).noquote() << socket->peerAddress().toString() << "TLS handshake failed:" << socket->errorString();
        });
        m_fingerprint = net::TrustStore::fingerprint(tls->localCertificate());
        m_tcp = server;
    } else {
        m_tcp = new QTcpServer(this);
    }
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &AgentServer::onTcpConnection);
    // The kernel's queue of connections not accepted yet: with Qt's 50 a
    // burst of strangers fills it, and a client's connect then waits for
    // TCP to try its SYN again (1 s, 3 s, 7 s). Ours decides at accept.
    m_tcp->setListenBacklogSize(std::max(1024, options.admission.pendingTotal));
    m_tcp->setMaxPendingConnections(std::max(1024, options.admission.pendingTotal));
    if (!m_tcp->listen(options.host, options.port))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "cannot listen on %1:%2: %3")
                                                        .arg(options.host.toString()).arg(options.port).arg(m_tcp->errorString())});
    m_sweepTimer->start();
    if (options.partTtl.count() > 0) {
        auto *parts = new PartFileSweeper(m_root.get(), options.partTtl, this);
        parts->start();
    }
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

bool AgentServer::admitSocket(QTcpSocket *socket)
{
    if (socket->property(kAdmissionId).isValid())
        return true;
    const quint64 id = ++m_nextId;
    const QHostAddress address = socket->peerAddress();
    const Admission::Decision decision = m_admission.admit(id, address, m_clock.elapsed());
    if (decision.verdict != Admission::Verdict::Accept) {
        // Turned away before a byte is read: a banned address, or no room
        // on the way in (a client tries again).
        ++m_refused;
        qCDebug(lcAgent).noquote() << address.toString() << (decision.verdict == Admission::Verdict::Banned ? "banned, closed" : "too many connections on the way in, closed");
        socket->abort();
        socket->deleteLater();
        return false;
    }
    if (decision.evict) {
        ++m_evicted;
        closePending(*decision.evict, Error{ErrorCode::Overloaded, QCoreApplication::translate("ferry::agent", "the agent is busy: too many connections on the way in; try again")});
    }
    socket->setProperty(kAdmissionId, id);
    m_pending.insert(id, PendingSocket{socket, address, socket->peerPort(), {}});
    // The deadline holds from the first byte to the proof of the token,
    // whatever stage the connection is in (TLS, the HTTP upgrade, the
    // handshake): the socket stays the same object throughout.
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, id] {
        if (!m_pending.contains(id))
            return;
        ++m_timedOut;
        closePending(id, Error{ErrorCode::Connection, QCoreApplication::translate("ferry::agent", "authentication timed out")});
    });
    deadline->start(m_options.admission.handshakeMs);
    connect(socket, &QObject::destroyed, this, [this, id] {
        m_pending.remove(id);
        m_admission.release(id);
    });
    return true;
}

void AgentServer::closePending(quint64 id, const Error &reason)
{
    m_admission.release(id);
    const PendingSocket pending = m_pending.take(id);
    qCDebug(lcAgent).noquote() << pending.address.toString() << "closed before authenticating:" << reason.message;
    if (pending.session)
        pending.session->turnAway(reason);
    else if (pending.socket)
        pending.socket->abort();
}

void AgentServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        if (!admitSocket(socket))
            continue;
        net::tuneSocketDescriptor(socket->socketDescriptor(), int(m_options.connection.lowWater), m_options.connection.deadAfterMs);
        // Only the upgrade is QWebSocketServer's; the deadline is ours.
        m_ws->handleConnection(socket);
    }
}

void AgentServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        const QHostAddress address = socket->peerAddress();
        const quint16 port = socket->peerPort();
        quint64 id = 0;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            if (it->port == port && it->address == address) {
                id = it.key();
                break;
            }
        }
        if (id == 0) {
            // Its deadline passed while the upgrade was answered.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const QString peer = address.toString() + u':' + QString::number(port);
        auto *transport = new net::WebSocketTransport(socket, peer);
        auto *session = new AgentSession(transport, m_root.get(), AgentSession::Admission::Token, m_options.token, m_options.connection, this);
        // Upgraded: a stage further on the way in.
        m_pending[id].session = session;
        m_admission.progressed(id, m_clock.elapsed());
        auto counted = std::make_shared<bool>(false);
        AgentSession::Gate gate;
        gate.proofReceived = [this, id] { m_admission.progressed(id, m_clock.elapsed()); };
        gate.reserveCheck = [this, address] { return m_admission.reserveCheck(address, m_clock.elapsed()); };
        gate.banned = [this, address] { return m_admission.isBanned(address, m_clock.elapsed()); };
        gate.failed = [this, address] {
            const Admission::FailureNote note = m_admission.failed(address, m_clock.elapsed());
            if (note.bannedNow)
                qCWarning(lcAgent).noquote() << address.toString() << "failed to authenticate" << m_options.admission.banAfter
                                             << "times: turned away for" << m_options.admission.banMs / 1000 << "s";
            return note.logNow;
        };
        gate.admit = [this, id, address, counted]() -> std::optional<Error> {
            m_admission.succeeded(address);
            m_admission.release(id);
            m_pending.remove(id);
            if (m_clients >= m_options.maxClients) {
                qCWarning(lcAgent) << "refusing a client: limit of" << m_options.maxClients << "reached";
                return Error{ErrorCode::TooManyClients, QCoreApplication::translate("ferry::agent", "too many clients (limit %1)").arg(m_options.maxClients)};
            }
            ++m_clients;
            *counted = true;
            return std::nullopt;
        };
        session->setGate(std::move(gate));
        session->setExecAllowed(m_options.allowExec);
        connect(session, &AgentSession::finished, this, [this, counted] {
            if (*counted)
                --m_clients;
        });
    }
}

void AgentServer::sweep()
{
    for (const Admission::BurstSummary &burst : m_admission.takeEndedBursts(m_clock.elapsed())) {
        if (burst.failures > 1)
            qCInfo(lcAgent).noquote() << burst.address.toString() << "failed to authenticate" << burst.failures << "times in a row"
                                      << (burst.banned ? "(and was turned away for a while)" : "");
    }
    if (m_refused + m_evicted + m_timedOut > 0) {
        qCInfo(lcAgent).noquote() << "connections closed before authenticating in the last" << m_sweepTimer->interval() / 1000 << "s:"
                                  << m_refused << "turned away," << m_evicted << "to make room," << m_timedOut << "out of time";
        m_refused = m_evicted = m_timedOut = 0;
    }
}

} // namespace ferry::agent
