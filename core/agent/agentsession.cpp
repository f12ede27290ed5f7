// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentsession.h"

#include "core/agent/agentstream.h"
#include "core/logging.h"
#include "core/net/auth.h"
#include "core/net/transport.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/streammessages.h"
#include "core/version.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

constexpr int kHandshakeTimeoutMs = 10000;
constexpr qint64 kMinWindow = 16 * 1024;
constexpr qint64 kMaxAnnouncedWindow = 64 * 1024 * 1024;

} // namespace

AgentSession::AgentSession(net::Transport *transport, const RootFs *root, Admission admission, const QByteArray &token,
                           const net::ConnectionOptions &options, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_root(root)
    , m_admission(admission)
    , m_token(token)
    , m_nonce(net::auth::randomNonce())
    , m_options(options)
    , m_handshakeTimer(new QTimer(this))
{
    m_transport->setParent(this);
    m_peer = m_transport->description();
    // Before authentication only tiny handshake messages are accepted.
    m_transport->setMaxIncomingMessage(protocol::kMaxPreAuthMessage);
    connect(m_transport, &net::Transport::messageReceived, this, &AgentSession::onHandshakeMessage);
    connect(m_transport, &net::Transport::closed, this, [this](const Error &reason) {
        if (m_connection)
            return;
        if (reason.code == ErrorCode::Protocol)
            failHandshake(reason.message);
        else
            onClosed(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::agent", "client left during the handshake")});
    });
    m_handshakeTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        failHandshake(QCoreApplication::translate("ferry::agent", "authentication timed out"));
    });
    m_handshakeTimer->start(kHandshakeTimeoutMs);

    QCborMap hello{{"t"_L1, "hello"_L1},
                   {"v"_L1, QCborArray{protocol::kVersion}},
                   {"nonce"_L1, m_nonce},
                   {"agent"_L1, QString(QStringLiteral("ferry-agent ") + version())}};
    if (m_admission == Admission::Open)
        hello.insert("auth"_L1, "none"_L1);
    sendHandshake(hello);
}

AgentSession::~AgentSession()
{
    // Streams first: they refer to the connection.
    qDeleteAll(m_streams);
    m_streams.clear();
    // Work on other threads for a client that is gone stops early.
    for (const auto &flag : std::as_const(m_cancellable))
        flag->store(true);
}

void AgentSession::sendHandshake(const QCborMap &message)
{
    m_transport->send(protocol::encodeControl(message));
}

void AgentSession::failHandshake(const QString &reason, bool log, ErrorCode code)
{
    if (m_connection || m_finished)
        return;
    if (log)
        qCInfo(lcAgent).noquote() << m_peer << "rejected:" << reason;
    m_handshakeTimer->stop();
    QCborMap error{{"t"_L1, "error"_L1}};
    transfer::putError(error, Error{code, reason});
    sendHandshake(error);
    m_transport->disconnect(this);
    m_transport->close(Error{ErrorCode::Authentication, reason});
    // The transport may never confirm the close; do not wait for it.
    QTimer::singleShot(2000, this, [this] { onClosed(Error{ErrorCode::Authentication, QString()}); });
}

void AgentSession::onHandshakeMessage(const QByteArray &message)
{
    // One proof per connection: anything after it is not looked at.
    if (m_checking)
        return;
    auto frame = protocol::decode(message, protocol::kMaxPreAuthMessage);
    if (!frame || frame->kind != protocol::FrameKind::Control) {
        failHandshake(QCoreApplication::translate("ferry::agent", "protocol error: expected an authentication message"));
        return;
    }
    m_checking = true;
    if (m_gate.proofReceived)
        m_gate.proofReceived();
    const qint64 delay = m_gate.reserveCheck ? m_gate.reserveCheck() : 0;
    if (delay <= 0) {
        checkProof(frame->control);
        return;
    }
    // Guesses from this address come too fast: this one waits its turn.
    QTimer::singleShot(delay, this, [this, auth = frame->control] { checkProof(auth); });
}

void AgentSession::checkProof(const QCborMap &auth)
{
    if (m_finished || m_connection)
        return;
    protocol::MessageReader reader(auth);
    if (reader.type() != "auth"_L1) {
        failHandshake(QCoreApplication::translate("ferry::agent", "protocol error: expected an authentication message"));
        return;
    }
    const qint64 version = reader.integer("v"_L1, 0, 1000);
    const bool open = m_admission == Admission::Open;
    const QByteArray clientNonce = open ? QByteArray() : reader.bytes("nonce"_L1, net::auth::kNonceSize);
    const QByteArray mac = open ? QByteArray() : reader.bytes("mac"_L1, 64);
    const qint64 cw = reader.optionalInteger("cw"_L1, m_options.connectionWindow, kMinWindow, kMaxAnnouncedWindow);
    const qint64 sw = reader.optionalInteger("sw"_L1, m_options.streamWindow, kMinWindow, kMaxAnnouncedWindow);
    const bool byteNames = reader.optionalBool("bytenames"_L1);
    // Compression: the first codec the client offers that this agent has,
    // used as the client asks ("on": every file; "auto": what shrinks).
    const QCborArray offered = auth.value("z"_L1).toArray();
    const QString compressionMode = reader.optionalString("zm"_L1, u"auto"_s);
    net::WireCodec codec = net::WireCodec::None;
    const QStringList mine = net::offeredCodecs();
    for (const QCborValue &name : offered) {
        if (name.isString() && mine.contains(name.toString()) && m_options.acceptedCodecs.contains(name.toString())) {
            codec = net::codecFromName(name.toString()).value_or(net::WireCodec::None);
            break;
        }
    }
    if (!reader.ok()) {
        failHandshake(QCoreApplication::translate("ferry::agent", "protocol error: %1").arg(reader.error()));
        return;
    }
    if (version != protocol::kVersion) {
        failHandshake(QCoreApplication::translate("ferry::agent", "unsupported protocol version %1 (this agent speaks %2)").arg(version).arg(protocol::kVersion));
        return;
    }
    if (!open && m_gate.banned && m_gate.banned()) {
        failHandshake(QCoreApplication::translate("ferry::agent", "authentication failed too often from this address: try again later"), false);
        return;
    }
    if (!open
        && (clientNonce.size() != net::auth::kNonceSize
            || !net::auth::constantTimeEquals(mac, net::auth::clientProof(m_token, m_nonce, clientNonce)))) {
        const bool log = m_gate.failed ? m_gate.failed() : true;
        failHandshake(QCoreApplication::translate("ferry::agent", "authentication failed: wrong token"), log);
        return;
    }
    if (m_gate.admit) {
        if (const std::optional<Error> refused = m_gate.admit()) {
            failHandshake(refused->message, true, refused->code);
            return;
        }
    }

    m_handshakeTimer->stop();
    m_byteNames = byteNames;
    disconnect(m_transport, nullptr, this, nullptr);
    QCborMap welcome{{"t"_L1, "welcome"_L1},
                     {"v"_L1, protocol::kVersion},
                     {"cw"_L1, m_options.connectionWindow},
                     {"sw"_L1, m_options.streamWindow},
                     {"hb"_L1, m_options.heartbeatMs},
                     {"dead"_L1, m_options.deadAfterMs}};
    if (!open)
        welcome.insert("mac"_L1, net::auth::agentProof(m_token, m_nonce, clientNonce));
    if (codec != net::WireCodec::None)
        welcome.insert("z"_L1, net::codecName(codec));
    sendHandshake(welcome);
    m_options.codec = codec;
    m_options.compression = compressionMode == "on"_L1 ? net::CompressionMode::On : net::CompressionMode::Auto;
    m_connection = new net::Connection(m_transport, m_options, net::PeerWindows{sw, cw}, this);
    connect(m_connection, &net::Connection::messageReceived, this, &AgentSession::onMessage);
    connect(m_connection, &net::Connection::closed, this, &AgentSession::onClosed);
    qCInfo(lcAgent).noquote() << m_peer << (open ? "connected" : "authenticated");
}

void AgentSession::onClosed(const Error &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!reason.message.isEmpty())
        qCInfo(lcAgent).noquote() << m_peer << "gone:" << reason.message;
    Q_EMIT finished();
    deleteLater();
}

void AgentSession::reply(qint64 id, QCborMap fields, bool last)
{
    fields.insert("t"_L1, "res"_L1);
    fields.insert("id"_L1, id);
    fields.insert("ok"_L1, true);
    if (!last)
        fields.insert("more"_L1, true);
    m_connection->sendControl(fields);
}

void AgentSession::replyError(qint64 id, const Error &error)
{
    QCborMap m{{"t"_L1, "res"_L1}, {"id"_L1, id}, {"ok"_L1, false}};
    transfer::putError(m, error);
    m_connection->sendControl(m);
}

void AbortListener::onStreamMessage(const QCborMap &message)
{
    if (message.value("t"_L1).toString() == "abort"_L1)
        m_session->streamFinished(m_stream);
}

AgentStream::~AgentStream()
{
    // Aborted, or the client went away, while its file was being read.
    if (m_workCancelled) {
        m_workCancelled->store(true);
        m_session->forgetCancellable(m_requestId);
    }
}

std::shared_ptr<std::atomic_bool> AgentStream::startWork()
{
    m_workCancelled = m_session->cancellable(m_requestId);
    return m_workCancelled;
}

void AgentStream::workDone()
{
    m_session->forgetCancellable(m_requestId);
    m_workCancelled.reset();
}

void AgentSession::registerStream(AgentStream *stream)
{
    m_streams.insert(stream->stream(), stream);
}

std::shared_ptr<std::atomic_bool> AgentSession::cancellable(qint64 requestId)
{
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_cancellable.insert(requestId, flag);
    return flag;
}

void AgentSession::streamFinished(quint32 stream)
{
    AgentStream *s = m_streams.take(stream);
    m_connection->closeStream(stream);
    if (s)
        s->deleteLater();
}

void AgentSession::onMessage(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    if (reader.type() == "req"_L1) {
        onRequest(message);
        return;
    }
    if (reader.type() == "abort"_L1 && message.contains("s"_L1)) {
        // The client gave up on a stream: one we only send on stops here;
        // one that is gone, or never opened because its request failed, is
        // no error (the abort may cross our reply).
        const qint64 stream = reader.integer("s"_L1, 1, std::numeric_limits<quint32>::max());
        if (reader.ok() && m_streams.contains(quint32(stream)))
            streamFinished(quint32(stream));
        return;
    }
    // Everything else addressed to no open stream is a peer that does not
    // follow the protocol.
    m_connection->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "unexpected message '%1'").arg(reader.type().left(32))});
}

} // namespace ferry::agent
