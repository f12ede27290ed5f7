// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentsession.h"

#include "core/agent/agentbatch.h"
#include "core/agent/agentcopy.h"
#include "core/agent/agentexec.h"
#include "core/agent/agentput.h"
#include "core/agent/agentstream.h"
#include "core/logging.h"
#include "core/net/auth.h"
#include "core/net/transport.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/filesource.h"
#include "core/transfer/filework.h"
#include "core/transfer/streammessages.h"
#include "core/version.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

constexpr int kHandshakeTimeoutMs = 10000;
constexpr qsizetype kMaxStreamsPerSession = 256;
constexpr qsizetype kEntriesPerPage = 1000;
constexpr qint64 kMinWindow = 16 * 1024;
constexpr qint64 kMaxAnnouncedWindow = 64 * 1024 * 1024;

protocol::Entry toWire(const EntryInfo &info)
{
    protocol::Entry e;
    e.name = info.name;
    e.type = protocol::Entry::Type(int(info.type));
    e.size = info.size;
    e.mode = info.mode;
    e.mtimeNs = info.mtimeNs;
    e.linkTarget = info.linkTarget;
    return e;
}

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
    sendHandshake(welcome);
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

void AgentSession::onRequest(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    const qint64 id = reader.integer("id"_L1, 1);
    const QString op = reader.string("op"_L1);
    if (!reader.ok()) {
        m_connection->close(Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    const auto done = [this, id](const Expected<void> &result) {
        if (result)
            reply(id, {});
        else
            replyError(id, result.error());
    };

    if (op == "put"_L1 || op == "get"_L1 || op == "exec"_L1 || op == "putmany"_L1 || op == "getmany"_L1) {
        const qint64 stream = reader.integer("s"_L1, 1, std::numeric_limits<quint32>::max());
        if (!reader.ok()) {
            replyError(id, Error{ErrorCode::Protocol, reader.error()});
            return;
        }
        if (op == "exec"_L1 && !m_execAllowed) {
            replyError(id, Error{ErrorCode::PermissionDenied, QCoreApplication::translate("ferry::agent", "remote commands are turned off on this agent (--no-exec)")});
            return;
        }
        openStream(id, op, quint32(stream), message);
    } else if (op == "list"_L1) {
        const QString path = reader.path("path"_L1);
        reader.ok() ? handleList(id, path) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else if (op == "stat"_L1) {
        const QString path = reader.path("path"_L1);
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        auto info = m_root->stat(path);
        info ? reply(id, QCborMap{{"e"_L1, toWire(*info).toCbor(m_byteNames)}}) : replyError(id, info.error());
    } else if (op == "mkdir"_L1) {
        const QString path = reader.path("path"_L1);
        const qint64 mode = reader.optionalInteger("mode"_L1, 0777, 0, 07777);
        const bool parents = reader.optionalBool("parents"_L1);
        reader.ok() ? done(m_root->mkdir(path, quint32(mode), parents)) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else if (op == "rm"_L1) {
        const QString path = reader.path("path"_L1);
        const bool recursive = reader.optionalBool("recursive"_L1);
        reader.ok() ? done(m_root->remove(path, recursive)) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else if (op == "mv"_L1) {
        const QString from = reader.path("from"_L1);
        const QString to = reader.path("to"_L1);
        const bool overwrite = reader.optionalBool("overwrite"_L1);
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        const auto source = m_root->normalize(from);
        const auto target = m_root->normalize(to);
        if (source && target && (*target == *source || target->startsWith(*source + u'/') || source->isEmpty()))
            return replyError(id, Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "cannot move '%1' into itself").arg(pathcodec::escaped(from))});
        done(m_root->rename(from, to, overwrite));
    } else if (op == "chmod"_L1) {
        const QString path = reader.path("path"_L1);
        const qint64 mode = reader.integer("mode"_L1, 0, 07777);
        reader.ok() ? done(m_root->chmod(path, quint32(mode))) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else if (op == "setattr"_L1) {
        const QString path = reader.path("path"_L1);
        const qint64 mode = reader.optionalInteger("mode"_L1, -1, -1, 07777);
        const qint64 mtime = reader.optionalInteger("mtime"_L1, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min());
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        if (mode >= 0) {
            if (auto changed = m_root->chmod(path, quint32(mode)); !changed)
                return replyError(id, changed.error());
        }
        if (mtime != std::numeric_limits<qint64>::min())
            return done(m_root->setModifiedTime(path, mtime));
        reply(id, {});
    } else if (op == "symlink"_L1) {
        const QString path = reader.path("path"_L1);
        const QString target = reader.path("target"_L1);
        reader.ok() ? done(m_root->symlink(path, target)) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else if (op == "df"_L1) {
        const QString path = reader.path("path"_L1);
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        auto space = m_root->diskSpace(path);
        space ? reply(id, QCborMap{{"total"_L1, space->total}, {"free"_L1, space->free}, {"avail"_L1, space->available}})
              : replyError(id, space.error());
    } else if (op == "commit"_L1) {
        handleCommit(this, id, message);
    } else if (op == "copy"_L1) {
        handleCopy(this, id, message);
    } else if (op == "cancel"_L1) {
        // Stops a request that works on in the background (a copy); one
        // that is done already is no error: the cancel crossed its reply.
        const qint64 target = reader.integer("target"_L1, 1);
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        if (const auto flag = m_cancellable.value(target))
            flag->store(true);
        reply(id, {});
    } else if (op == "limit"_L1) {
        const qint64 rate = reader.integer("rate"_L1, 0, protocol::kMaxRateLimit);
        if (!reader.ok())
            return replyError(id, Error{ErrorCode::Protocol, reader.error()});
        // Throttles what this agent sends on this connection: the client's
        // downloads and command output. The client limits its uploads itself.
        m_connection->setRateLimit(rate);
        qCInfo(lcAgent).noquote() << m_peer << "rate limit" << rate << "bytes/s";
        reply(id, QCborMap{{"rate"_L1, rate}});
    } else if (op == "hash"_L1) {
        const QString path = reader.path("path"_L1);
        const bool progress = reader.optionalBool("progress"_L1);
        reader.ok() ? handleHash(id, path, progress) : replyError(id, Error{ErrorCode::Protocol, reader.error()});
    } else {
        replyError(id, Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "unknown operation '%1'").arg(op.left(32))});
    }
}

void AgentSession::handleList(qint64 id, const QString &path)
{
    auto entries = m_root->list(path);
    if (!entries) {
        replyError(id, entries.error());
        return;
    }
    // Pages keep every message far below the size limit, whatever the
    // directory holds.
    qsizetype i = 0;
    do {
        QCborArray page;
        for (qsizetype n = 0; n < kEntriesPerPage && i < entries->size(); ++n, ++i)
            page.append(toWire(entries->at(i)).toCbor(m_byteNames));
        reply(id, QCborMap{{"entries"_L1, page}}, i >= entries->size());
    } while (i < entries->size());
}

void AgentSession::handleHash(qint64 id, const QString &path, bool progress)
{
    auto fd = m_root->openRead(path);
    if (!fd)
        return replyError(id, fd.error());
    auto source = transfer::FileSource::open(std::move(*fd), path);
    if (!source)
        return replyError(id, source.error());
    // A large file takes seconds to read: on a worker thread, with progress
    // when asked for, and cancelled by "cancel" or the client's going away.
    auto shared = std::make_shared<transfer::FileSource>(std::move(*source));
    using Result = Expected<QByteArray>;
    transfer::runFileWork<Result>(
        this, cancellable(id), [shared](const transfer::WorkProgress &check) { return shared->seekAndHashPrefix(shared->size(), check); },
        progress ? std::function<void(qint64)>([this, id, shared](qint64 done) {
            if (m_cancellable.contains(id))
                reply(id, QCborMap{{"done"_L1, done}, {"size"_L1, shared->size()}}, false);
        })
                 : std::function<void(qint64)>(),
        [this, id, shared](Result digest) {
            forgetCancellable(id);
            digest ? reply(id, QCborMap{{"h"_L1, *digest}, {"size"_L1, shared->size()}}) : replyError(id, digest.error());
        });
}

void AgentSession::openStream(qint64 id, const QString &op, quint32 stream, const QCborMap &message)
{
    if (m_connection->hasStream(stream) || m_streams.contains(stream)) {
        m_connection->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "stream %1 is already open").arg(stream)});
        return;
    }
    if (m_streams.size() >= kMaxStreamsPerSession) {
        replyError(id, Error{ErrorCode::Busy, QCoreApplication::translate("ferry::agent", "too many open streams")});
        return;
    }
    if (op == "put"_L1)
        AgentPut::start(this, id, stream, message);
    else if (op == "get"_L1)
        AgentGet::start(this, id, stream, message);
    else if (op == "putmany"_L1)
        AgentPutMany::start(this, id, stream, message);
    else if (op == "getmany"_L1)
        AgentGetMany::start(this, id, stream, message);
    else
        AgentExec::start(this, id, stream, message);
}

} // namespace ferry::agent
