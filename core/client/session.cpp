// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/session.h"

#include "core/logging.h"
#include "core/client/shellconnector.h"
#include "core/client/shellprocess.h"
#include "core/client/webterminal.h"
#include "core/net/auth.h"
#include "core/net/streamtransport.h"
#include "core/net/websockettransport.h"
#include "core/net/socketoptions.h"
#include "core/net/truststore.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {
constexpr int kBackoffMs[] = {250, 500, 1000, 2000, 4000, 5000};
/// A busy agent: short first, then longer, each spread by a random factor
/// so that clients it turned away together do not all come back together.
constexpr int kBusyBackoffMs[] = {100, 250, 500, 1000, 2000, 4000};
} // namespace

Session::Session(const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_handshakeTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_options.uploadRateLimit = std::clamp<qint64>(m_options.uploadRateLimit, 0, protocol::kMaxRateLimit);
    m_options.downloadRateLimit = std::clamp<qint64>(m_options.downloadRateLimit, 0, protocol::kMaxRateLimit);
    m_handshakeTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        onSocketGone(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: the agent did not complete the handshake in time").arg(m_options.url.toDisplayString())});
    });
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Session::connectSocket);
}

Session::~Session()
{
    m_pending.clear();
    if (m_connection)
        m_connection->disconnect(this);
    dropAttempt();
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

qint64 Session::reconnectInMs() const
{
    return m_reconnectTimer->isActive() ? m_reconnectTimer->remainingTime() : 0;
}

void Session::open()
{
    if (m_state == State::Connecting || m_state == State::Connected)
        return;
    m_attempt = 0;
    m_busySince.invalidate();
    m_busyAttempts = 0;
    setState(State::Connecting);
    connectSocket();
}

void Session::close()
{
    m_reconnectTimer->stop();
    m_handshakeTimer->stop();
    failPending(Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::client", "session closed")});
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close(Error{ErrorCode::None, QCoreApplication::translate("ferry::client", "client closed the session")});
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    dropAttempt();
    setState(State::Offline);
}

void Session::dropAttempt()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
    if (m_shellAttempt) {
        m_shellAttempt->disconnect(this);
        m_shellAttempt->deleteLater();
        m_shellAttempt = nullptr;
    }
    m_webSocket = nullptr;
}

QString Session::transportDescription() const
{
    return m_options.shellCommand.isEmpty() ? m_options.url.toDisplayString() : m_options.shellCommand;
}

bool Session::isShellSession() const
{
    return !m_options.shellCommand.isEmpty() || isWebTerminalUrl(m_options.url);
}

bool Session::isWebTerminalSession() const
{
    return m_options.shellCommand.isEmpty() && isWebTerminalUrl(m_options.url);
}

void Session::connectSocket()
{
    dropAttempt();
    m_sawHello = false;
    m_upgraded = false;
    m_closedBeforeUpgrade = false;
    m_agentError = Error{};
    if (isShellSession())
        connectShell();
    else
        connectWebSocket();
}

void Session::connectWebSocket()
{
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest);
    m_webSocket = socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_upgraded = true;
        if (m_webSocket)
            net::tuneWebSocket(m_webSocket, int(m_options.connection.lowWater), m_options.connection.deadAfterMs);
    });
    connect(socket, &QWebSocket::sslErrors, this, &Session::onSslErrors);
    connect(socket, &QWebSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_webSocket)
            onSocketGone(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "%1: %2").arg(m_options.url.toDisplayString(), net::openErrorText(*m_webSocket))});
    });
    m_transportInfo = TransportInfo{u"websocket"_s, {}, {}, 0, 0};
    attachTransport(new net::WebSocketTransport(socket, m_options.url.toDisplayString(), this));
    m_handshakeTimer->start(m_options.handshakeTimeoutMs);
    socket->open(QNetworkRequest(m_options.url));
}

void Session::connectShell()
{
    ShellOptions shell;
    shell.remoteRoot = m_options.remoteRoot;
    shell.agentBundle = m_options.agentBundle;
    shell.heartbeatMs = m_options.connection.heartbeatMs;
    shell.deadAfterMs = m_options.connection.deadAfterMs;
    ShellChannel *channel = nullptr;
    if (isWebTerminalSession()) {
        WebTerminalChannel *terminal = nullptr;
        if (isJupyterUrl(m_options.url))
            terminal = new JupyterChannel(m_options.url, m_options.token);
        else
            terminal = new WettyChannel(m_options.url);
        terminal->setCertificateCheck([this](const QSslCertificate &certificate) { return checkCertificate(certificate); });
        channel = terminal;
    } else {
        channel = new ShellProcess(m_options.shellCommand);
    }
    const QString kind = channel->kind();
    auto *connector = new ShellConnector(channel, shell, this);
    m_shellAttempt = connector;
    connect(connector, &ShellConnector::progress, this, &Session::bootstrapProgress);
    connect(connector, &ShellConnector::ready, this, [this, connector, kind](net::StreamTransport *transport) {
        m_transportInfo = TransportInfo{kind, QString::fromLatin1(net::framingName(transport->incomingFraming())),
                                        QString::fromLatin1(net::framingName(transport->outgoingFraming())), connector->elapsedMs(),
                                        connector->uploadedBytes()};
        dropAttempt();
        transport->setParent(this);
        attachTransport(transport);
        m_handshakeTimer->start(m_options.handshakeTimeoutMs);
    });
    connect(connector, &ShellConnector::failed, this, [this](const Error &reason) {
        dropAttempt();
        m_handshakeTimer->stop();
        scheduleReconnect(reason);
    });
    connector->start();
}

void Session::attachTransport(net::Transport *transport)
{
    m_transport = transport;
    transport->setMaxIncomingMessage(protocol::kMaxPreAuthMessage);
    connect(transport, &net::Transport::messageReceived, this, &Session::onSocketMessage);
    connect(transport, &net::Transport::closed, this, [this](const Error &reason) {
        QString message = reason.message;
        // Closed by the agent only if it was reached; before that, what
        // kept the socket from opening (refused, no such host...).
        if (m_webSocket && !m_upgraded && m_webSocket->error() != QAbstractSocket::UnknownSocketError)
            message = net::openErrorText(*m_webSocket);
        else if (m_webSocket && m_webSocket->closeReason().isEmpty() && reason.code == ErrorCode::Connection)
            message = QCoreApplication::translate("ferry::client", "the agent closed the connection");
        if (!message.startsWith(transportDescription()))
            message = QCoreApplication::translate("ferry::client", "%1: %2").arg(transportDescription(), message);
        onSocketGone(Error{reason.code == ErrorCode::Protocol ? ErrorCode::Protocol : ErrorCode::Connection, message});
    });
}

QString Session::hostPort() const
{
    return m_options.url.host() + u':' + QString::number(m_options.url.port(443));
}

Expected<void> Session::trustPeer(const QByteArray &fingerprint)
{
    return net::TrustStore(m_options.knownAgentsPath.isEmpty() ? net::TrustStore::defaultPath() : m_options.knownAgentsPath)
        .trust(hostPort(), fingerprint);
}

void Session::onSslErrors(const QList<QSslError> &errors)
{
    // A certificate no authority vouches for (a self-signed agent) is
    // accepted only when the user pinned exactly this one for this agent.
    if (!m_webSocket)
        return;
    if (auto refused = checkCertificate(m_webSocket->sslConfiguration().peerCertificate())) {
        m_agentError = *refused;
        onSocketGone(*refused);
        return;
    }
    m_webSocket->ignoreSslErrors(errors);
}

std::optional<Error> Session::checkCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return Error{ErrorCode::UntrustedCertificate, QCoreApplication::translate("ferry::client", "%1: the agent presented no certificate").arg(m_options.url.toDisplayString())};
    m_peerFingerprint = net::TrustStore::fingerprint(certificate);
    net::TrustStore store(m_options.knownAgentsPath.isEmpty() ? net::TrustStore::defaultPath() : m_options.knownAgentsPath);
    const std::optional<QByteArray> pinned = store.pinned(hostPort());
    const QString shown = net::TrustStore::displayFingerprint(m_peerFingerprint);
    if (!m_options.trustFingerprint.isEmpty() && m_options.trustFingerprint == m_peerFingerprint) {
        if (!pinned || *pinned != m_peerFingerprint) {
            if (auto saved = store.trust(hostPort(), m_peerFingerprint); !saved)
                qCWarning(lcConnection) << saved.error().message;
        }
        return std::nullopt;
    }
    if (pinned && *pinned == m_peerFingerprint)
        return std::nullopt;
    Error error{pinned ? ErrorCode::CertificateChanged : ErrorCode::UntrustedCertificate, {}};
    if (pinned)
        error.message = QCoreApplication::translate("ferry::client", "%1: THE AGENT'S CERTIFICATE HAS CHANGED (now %2). Someone may be intercepting the connection; if the agent was given a new certificate, trust it again.")
                            .arg(m_options.url.toDisplayString(), shown);
    else
        error.message = QCoreApplication::translate("ferry::client", "%1: the agent's certificate is not trusted yet (%2)")
                            .arg(m_options.url.toDisplayString(), shown);
    return error;
}

void Session::onSocketMessage(const QByteArray &message)
{
    auto frame = protocol::decode(message, protocol::kMaxPreAuthMessage);
    if (!frame || frame->kind != protocol::FrameKind::Control) {
        onSocketGone(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "%1: not a Ferry agent (malformed handshake)").arg(transportDescription())});
        return;
    }
    protocol::MessageReader reader(frame->control);
    const QString type = reader.type();
    if (type == "error"_L1) {
        m_agentError = transfer::errorFromMessage(frame->control);
        return; // the close follows
    }
    if (!m_sawHello) {
        const QByteArray nonce = reader.bytes("nonce"_L1, net::auth::kNonceSize);
        const QCborArray versions = frame->control.value("v"_L1).toArray();
        if (type != "hello"_L1 || !reader.ok() || nonce.size() != net::auth::kNonceSize) {
            onSocketGone(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "%1: not a Ferry agent (unexpected greeting)").arg(transportDescription())});
            return;
        }
        if (!versions.contains(QCborValue(protocol::kVersion))) {
            onSocketGone(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::client", "%1: the agent does not speak protocol version %2").arg(transportDescription()).arg(protocol::kVersion)});
            return;
        }
        // An agent behind a shell admits whoever reached it (the shell's
        // login was the door); one on a port must prove it holds the token.
        const bool open = frame->control.value("auth"_L1).toString() == "none"_L1;
        if (open != isShellSession()) {
            m_agentError = Error{ErrorCode::Authentication, open ? QCoreApplication::translate("ferry::client", "%1: the agent admits anyone without a token; refusing it").arg(transportDescription())
                                                                 : QCoreApplication::translate("ferry::client", "%1: the agent asks for a token").arg(transportDescription())};
            onSocketGone(m_agentError);
            return;
        }
        m_sawHello = true;
        m_agentNonce = nonce;
        m_clientNonce = net::auth::randomNonce();
        QCborMap auth{{"t"_L1, "auth"_L1},
                      {"v"_L1, protocol::kVersion},
                      {"cw"_L1, m_options.connection.connectionWindow},
                      {"sw"_L1, m_options.connection.streamWindow},
                      // Names that are not UTF-8 may come as byte strings.
                      {"bytenames"_L1, true}};
        if (m_options.compression != net::CompressionMode::Off) {
            // The codecs this end has, best first; the agent picks one.
            auth.insert("z"_L1, QCborArray::fromStringList(net::offeredCodecs()));
            auth.insert("zm"_L1, m_options.compression == net::CompressionMode::On ? "on"_L1 : "auto"_L1);
        }
        if (!open) {
            auth.insert("nonce"_L1, m_clientNonce);
            auth.insert("mac"_L1, net::auth::clientProof(m_options.token, m_agentNonce, m_clientNonce));
        }
        m_transport->send(protocol::encodeControl(auth));
        return;
    }
    if (type != "welcome"_L1) {
        onSocketGone(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "%1: unexpected handshake message").arg(transportDescription())});
        return;
    }
    const QByteArray mac = isShellSession() ? QByteArray() : reader.bytes("mac"_L1, 64);
    const qint64 cw = reader.integer("cw"_L1, 16 * 1024, 64 * 1024 * 1024);
    const qint64 sw = reader.integer("sw"_L1, 16 * 1024, 64 * 1024 * 1024);
    if (!reader.ok()
        || (!isShellSession() && !net::auth::constantTimeEquals(mac, net::auth::agentProof(m_options.token, m_agentNonce, m_clientNonce)))) {
        // The agent could not prove it knows the token: not ours.
        m_agentError = Error{ErrorCode::Authentication, QCoreApplication::translate("ferry::client", "%1: the agent failed to prove it holds the token").arg(transportDescription())};
        onSocketGone(m_agentError);
        return;
    }

    m_handshakeTimer->stop();
    m_transport->disconnect(this);
    net::Transport *transport = std::exchange(m_transport, nullptr);
    m_webSocket = nullptr;
    net::ConnectionOptions connectionOptions = m_options.connection;
    // The codec the agent chose from those offered; anything else means none.
    const QString chosen = frame->control.value("z"_L1).toString();
    connectionOptions.codec = m_options.compression != net::CompressionMode::Off && net::offeredCodecs().contains(chosen)
                                  ? net::codecFromName(chosen).value_or(net::WireCodec::None)
                                  : net::WireCodec::None;
    connectionOptions.compression = m_options.compression;
    m_connection = new net::Connection(transport, connectionOptions, net::PeerWindows{sw, cw}, this);
    connect(m_connection, &net::Connection::messageReceived, this, &Session::onConnectionMessage);
    connect(m_connection, &net::Connection::closed, this, &Session::onConnectionClosed);
    connect(m_connection, &net::Connection::rttSampled, this, [this](double ms) {
        m_rtt.add(ms);
        m_peakWindow = std::max(m_peakWindow, m_connection->peakWindow());
        Q_EMIT rttSampled(ms);
    });
    // Before connected(): the limit request then precedes every request a
    // job sends on this connection, so no download starts unthrottled.
    applyRateLimits();
    if (m_everConnected)
        ++m_reconnects;
    m_everConnected = true;
    m_attempt = 0;
    m_busySince.invalidate();
    m_busyAttempts = 0;
    m_lastError = Error{};
    qCInfo(lcConnection).noquote() << "connected to" << transportDescription();
    setState(State::Connected);
    Q_EMIT connected();
}

void Session::setRateLimit(qint64 uploadBytesPerSecond, qint64 downloadBytesPerSecond)
{
    uploadBytesPerSecond = std::clamp<qint64>(uploadBytesPerSecond, 0, protocol::kMaxRateLimit);
    downloadBytesPerSecond = std::clamp<qint64>(downloadBytesPerSecond, 0, protocol::kMaxRateLimit);
    const bool downloadChanged = downloadBytesPerSecond != m_options.downloadRateLimit;
    m_options.uploadRateLimit = uploadBytesPerSecond;
    m_options.downloadRateLimit = downloadBytesPerSecond;
    if (!m_connection)
        return; // applied once connected
    m_connection->setRateLimit(uploadBytesPerSecond);
    if (downloadChanged)
        sendDownloadLimit();
}

void Session::applyRateLimits()
{
    m_connection->setRateLimit(m_options.uploadRateLimit);
    // A new connection starts unlimited on the agent's side too.
    if (m_options.downloadRateLimit > 0)
        sendDownloadLimit();
}

void Session::sendDownloadLimit()
{
    request(u"limit"_s, QCborMap{{"rate"_L1, m_options.downloadRateLimit}}, [](const Expected<QCborMap> &reply, bool) {
        // A lost connection re-applies the limit when it comes back; any
        // other failure means downloads go unthrottled, which must not pass
        // silently.
        if (!reply && reply.error().code != ErrorCode::Connection && reply.error().code != ErrorCode::Cancelled)
            qCWarning(lcConnection).noquote() << "the agent refused the download rate limit:" << reply.error().message;
    }, this);
}

void Session::onSocketGone(const Error &reason)
{
    if (!m_transport && !m_shellAttempt)
        return;
    m_handshakeTimer->stop();
    // Closed by the far end before the upgrade was answered: what a busy
    // agent does with a connection it has no place for.
    if (m_webSocket && !m_upgraded && m_webSocket->error() == QAbstractSocket::RemoteHostClosedError)
        m_closedBeforeUpgrade = true;
    dropAttempt();
    Error error = m_agentError.code != ErrorCode::None ? m_agentError : reason;
    if (error.code == ErrorCode::Authentication && !error.message.startsWith(m_options.url.toDisplayString()))
        error.message = QCoreApplication::translate("ferry::client", "%1: %2").arg(m_options.url.toDisplayString(), error.message);
    scheduleReconnect(error);
}

void Session::onConnectionClosed(const Error &reason)
{
    if (m_connection) {
        m_peakWindow = std::max(m_peakWindow, m_connection->peakWindow());
        m_wireBytesBefore += m_connection->wireBytesSent() + m_connection->wireBytesReceived();
        m_connection->disconnect(this);
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    qCInfo(lcConnection) << "connection lost:" << reason.message;
    failPending(Error{ErrorCode::Connection, reason.message});
    Q_EMIT connectionLost(reason);
    m_lostSince.start();
    scheduleReconnect(reason);
}

void Session::scheduleReconnect(const Error &reason)
{
    m_lastError = reason;
    const bool turnedAway = m_closedBeforeUpgrade || reason.code == ErrorCode::Overloaded;
    m_closedBeforeUpgrade = false;
    if (turnedAway && m_options.busyRetryForMs > 0) {
        if (!m_busySince.isValid())
            m_busySince.start();
        if (m_busySince.elapsed() < m_options.busyRetryForMs) {
            const int base = kBusyBackoffMs[std::min<size_t>(size_t(m_busyAttempts), std::size(kBusyBackoffMs) - 1)];
            const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base));
            ++m_busyAttempts;
            qCInfo(lcConnection).noquote() << reason.message << "- trying again in" << delay << "ms";
            setState(m_everConnected ? State::Reconnecting : State::Connecting);
            m_reconnectTimer->start(delay);
            return;
        }
        m_lastError.message = QCoreApplication::translate("ferry::client", "%1 (tried %n times: the agent may be too busy)", nullptr, m_busyAttempts + 1)
                                  .arg(reason.message);
    }
    const bool fatal = reason.code == ErrorCode::Authentication || reason.code == ErrorCode::UntrustedCertificate
                       || reason.code == ErrorCode::CertificateChanged || reason.code == ErrorCode::Unsupported
                       || reason.code == ErrorCode::Protocol || reason.code == ErrorCode::TooManyClients;
    // A first connection that fails is reported at once; reconnection is
    // for a session that was up.
    const bool retry = !fatal && m_everConnected && m_options.reconnectForMs > 0
                       && (!m_lostSince.isValid() || m_lostSince.elapsed() < m_options.reconnectForMs);
    if (!retry) {
        failPending(m_lastError);
        setState(State::Failed);
        Q_EMIT failed(m_lastError);
        return;
    }
    const int delay = kBackoffMs[std::min<size_t>(size_t(m_attempt), std::size(kBackoffMs) - 1)];
    ++m_attempt;
    setState(State::Reconnecting);
    m_reconnectTimer->start(delay);
}

void Session::failPending(const Error &reason)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        if (p.alive())
            p.handler(std::unexpected(reason), true);
}

qint64 Session::request(const QString &op, const QCborMap &args, ReplyHandler handler, const QObject *context)
{
    const qint64 id = m_nextId++;
    if (!m_connection) {
        const Error error{ErrorCode::Connection, m_lastError.message.isEmpty() ? QCoreApplication::translate("ferry::client", "not connected") : m_lastError.message};
        QPointer<const QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [handler, error, guard, hasContext] {
            if (!hasContext || guard)
                handler(std::unexpected(error), true);
        });
        return id;
    }
    QCborMap message = args;
    message.insert("t"_L1, "req"_L1);
    message.insert("id"_L1, id);
    message.insert("op"_L1, op);
    m_pending.insert(id, Pending{std::move(handler), context, context != nullptr});
    m_connection->sendControl(message);
    return id;
}

void Session::onConnectionMessage(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    if (reader.type() != "res"_L1) {
        m_connection->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::client", "unexpected message '%1' from the agent").arg(reader.type().left(32))});
        return;
    }
    const qint64 id = reader.integer("id"_L1, 1);
    const bool ok = reader.optionalBool("ok"_L1);
    const bool more = reader.optionalBool("more"_L1);
    if (!reader.ok()) {
        m_connection->close(Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // nobody waits for it any more
    const Pending pending = *it;
    const bool last = !ok || !more;
    if (last)
        m_pending.erase(it);
    if (!pending.alive()) {
        m_pending.remove(id);
        return;
    }
    const ReplyHandler &handler = pending.handler;
    if (ok)
        handler(message, last);
    else
        handler(std::unexpected(transfer::errorFromMessage(message)), true);
}

} // namespace ferry::client
