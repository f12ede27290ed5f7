// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/idnames.h"
#include "core/agent/rootfs.h"
#include "core/net/connection.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace ferry::net {
class Transport;
}

namespace ferry::protocol {
struct Entry;
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

    /// What a listening agent decides around the proof of the token (none
    /// of it for --stdio).
    struct Gate {
        /// The client sent its proof (a stage further on the way in).
        std::function<void()> proofReceived;
        /// Milliseconds to wait before the proof is checked (throttling).
        std::function<qint64()> reserveCheck;
        /// The address is turned away: its proof is not even checked.
        std::function<bool()> banned;
        /// The proof was wrong; true when this one is to be logged.
        std::function<bool()> failed;
        /// The proof was right: nothing when the client may be served,
        /// else why not (too many clients).
        std::function<std::optional<Error>()> admit;
    };
    void setGate(Gate gate) { m_gate = std::move(gate); }
    /// Closes a connection that has not authenticated, telling the client
    /// @p reason (its code lets a client know whether to try again).
    void turnAway(const Error &reason) { failHandshake(reason.message, false, reason.code); }
    /// Whether "exec" runs commands (--no-exec turns it off).
    void setExecAllowed(bool allowed) { m_execAllowed = allowed; }


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
    void failHandshake(const QString &reason, bool log = true, ErrorCode code = ErrorCode::Authentication);
    void checkProof(const QCborMap &auth);
    void onMessage(const QCborMap &message);
    // Requests (agentrequests.cpp): a table from "op" to one small
    // function each.
    struct Request;
    using RequestHandler = void (AgentSession::*)(Request &request);
    using StreamStart = void (*)(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    static const QHash<QString, RequestHandler> &requestHandlers();
    void onRequest(const QCborMap &message);
    /// Replies to a request that yields nothing but success or an error.
    void replyDone(qint64 id, const Expected<void> &result);
    /// False, after a protocol error reply, when a field of @p request was
    /// missing or malformed.
    bool fieldsOk(Request &request);
    void opStream(Request &request, StreamStart start);
    void opPut(Request &request);
    void opGet(Request &request);
    void opPutMany(Request &request);
    void opGetMany(Request &request);
    void opExec(Request &request);
    void opList(Request &request);
    void opStat(Request &request);
    void opMkdir(Request &request);
    void opRm(Request &request);
    void opMv(Request &request);
    void opChmod(Request &request);
    void opSetattr(Request &request);
    void opSymlink(Request &request);
    void opDf(Request &request);
    void opCommit(Request &request);
    void opCopy(Request &request);
    void opCancel(Request &request);
    void opLimit(Request &request);
    void opHash(Request &request);
    void opArchive(Request &request);
    void opExtract(Request &request);
    void opCompress(Request &request);
    /// An entry as it goes on the wire, with its owner's and group's names.
    protocol::Entry toWire(const EntryInfo &info);
    /// Reports done and total bytes from a worker thread.
    using ArchiveProgress = std::function<void(qint64 done, qint64 total)>;
    using ArchiveWork = std::function<Expected<QCborMap>(const std::atomic_bool &cancelled, const ArchiveProgress &progress)>;
    /// Runs @p work on a worker thread; its result is the reply.
    void runArchiveWork(qint64 id, bool progress, ArchiveWork work);
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
    bool m_checking = false;
    Gate m_gate;
    bool m_execAllowed = true;
    /// The client reads names as byte strings ("bytenames" in its auth);
    /// older clients get names that are not UTF-8 as lossy text.
    bool m_byteNames = false;
    /// Owner and group names for listings and stat replies.
    IdNames m_idNames;
};

} // namespace ferry::agent
