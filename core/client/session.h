// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/net/connection.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>

#include <functional>

class QTimer;
class QWebSocket;

namespace ferry::net {
class Transport;
}

namespace ferry::client {

struct SessionOptions {
    /// A listening agent (ws://, wss://). Unused when shellCommand is set.
    QUrl url;
    QByteArray token;
    /// Reach the remote through a shell instead: this command line runs
    /// locally through /bin/sh -c, and its stdin/stdout are a POSIX shell
    /// on the remote side (ssh -T host, kubectl exec -i pod -- sh, ...).
    /// The portable agent is brought along and started with --stdio.
    QString shellCommand;
    /// The folder the agent serves on the remote; empty: the shell's
    /// working directory.
    QString remoteRoot;
    /// The portable agent to bring along; empty: found beside the programs.
    QString agentBundle;
    net::ConnectionOptions connection;
    int handshakeTimeoutMs = 10000;
    /// How long to keep trying to reconnect after losing the agent; 0 never.
    int reconnectForMs = 60000;
    /// How long to keep trying when the agent turns a connection away before
    /// the handshake because it is busy (also a first connection); 0 never.
    int busyRetryForMs = 30000;
    /// wss://: where pinned agent certificates are kept (empty: default).
    QString knownAgentsPath;
    /// wss://: a SHA-256 certificate fingerprint the user vouched for; it is
    /// pinned when the agent presents it.
    QByteArray trustFingerprint;
    /// Compression of file data on the wire: offered to the agent unless off.
    net::CompressionMode compression = net::CompressionMode::Auto;
    /// Average bytes per second of file data sent to the agent; 0 unlimited.
    qint64 uploadRateLimit = 0;
    /// Average bytes per second the agent may send us; 0 unlimited.
    qint64 downloadRateLimit = 0;
};

/// How the last connection reached its agent.
struct TransportInfo {
    QString kind;                ///< "websocket" or "shell"
    QString framingIn;           ///< shell: "binary" or "text", agent to client
    QString framingOut;          ///< shell: client to agent
    qint64 bootstrapMs = 0;      ///< shell: from running the command to the agent's greeting
    qint64 agentUploadedBytes = 0; ///< shell: 0 when the cached agent was used
};

/// The client's side of a connection to an agent: handshake (mutual proof
/// of the token), requests with replies, stream ids, and reconnection with
/// backoff after a drop. Jobs watch connected()/connectionLost() to resume.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    enum class State { Offline, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    /// One reply to a request; @p last is false while more replies follow.
    using ReplyHandler = std::function<void(const Expected<QCborMap> &reply, bool last)>;

    explicit Session(const SessionOptions &options, QObject *parent = nullptr);
    ~Session() override;

    void open();
    void close();
    State state() const { return m_state; }
    const Error &lastError() const { return m_lastError; }
    const SessionOptions &options() const { return m_options; }
    /// How the agent is reached, for the status bar: its URL, or the shell
    /// command.
    QString transportDescription() const;
    /// The agent is brought along through a shell: a local command's, or a
    /// web terminal's (wetty+ws://, jupyter+http://).
    bool isShellSession() const;
    bool isWebTerminalSession() const;
    const TransportInfo &transportInfo() const { return m_transportInfo; }
    /// The live connection, or null while not connected.
    net::Connection *connection() const { return m_connection; }

    /// Sends {t:"req", id, op, ...args}. The handler gets every reply; when
    /// the connection drops first, a Connection error. With a @p context,
    /// replies that arrive after it was destroyed are dropped (handlers
    /// usually capture it). Returns the id.
    qint64 request(const QString &op, const QCborMap &args, ReplyHandler handler, const QObject *context = nullptr);
    /// Stops delivering replies of @p id (the caller lost interest).
    void forget(qint64 id) { m_pending.remove(id); }
    quint32 allocateStream() { return m_nextStream++; }

    int reconnects() const { return m_reconnects; }
    /// RTT samples over every connection of this session.
    const net::RttStats &rtt() const { return m_rtt; }
    qint64 peakWindow() const { return m_peakWindow; }
    /// Bytes that crossed the connections of this session, both ways.
    qint64 wireBytes() const
    {
        return m_wireBytesBefore + (m_connection ? m_connection->wireBytesSent() + m_connection->wireBytesReceived() : 0);
    }
    /// The codec the current connection agreed on.
    net::WireCodec codec() const { return m_connection ? m_connection->options().codec : net::WireCodec::None; }
    /// Milliseconds until the next reconnection attempt (Reconnecting).
    qint64 reconnectInMs() const;
    /// SHA-256 of the certificate the agent presented (wss:// only), also
    /// when it was refused as untrusted.
    QByteArray peerFingerprint() const { return m_peerFingerprint; }
    /// Pins @p fingerprint for this agent, so the next attempt accepts it.
    Expected<void> trustPeer(const QByteArray &fingerprint);

    /// Caps the transfer rate in bytes per second (0: unlimited), each
    /// direction on its own: uploads by this end's scheduler, downloads (and
    /// command output) by asking the agent with a "limit" request. Applies
    /// to the current connection at once and to every reconnection; values
    /// are clamped to [0, protocol::kMaxRateLimit].
    void setRateLimit(qint64 uploadBytesPerSecond, qint64 downloadBytesPerSecond);

Q_SIGNALS:
    void stateChanged(ferry::client::Session::State state);
    void connected();
    /// The connection dropped; reconnection follows unless failed() comes.
    void connectionLost(const ferry::Error &reason);
    /// Gave up: authentication failed, or reconnecting took too long.
    void failed(const ferry::Error &reason);
    void rttSampled(double ms);
    /// Through a shell: what the bootstrap is doing (@p stage, translated),
    /// and while the agent is uploaded, its bytes sent of @p total.
    void bootstrapProgress(const QString &stage, qint64 done, qint64 total);

private:
    void connectSocket();
    void connectWebSocket();
    void connectShell();
    /// Stops a handshake or a bootstrap under way.
    void dropAttempt();
    /// The transport of an attempt is up: the handshake begins.
    void attachTransport(net::Transport *transport);
    void onSocketMessage(const QByteArray &message);
    void onSocketGone(const Error &reason);
    void onConnectionMessage(const QCborMap &message);
    void onConnectionClosed(const Error &reason);
    void setState(State state);
    void scheduleReconnect(const Error &reason);
    void failPending(const Error &reason);
    void onSslErrors(const QList<QSslError> &errors);
    /// Nothing when @p certificate is pinned for this host (or the one the
    /// user vouched for, which is pinned now); else why it is refused.
    std::optional<Error> checkCertificate(const QSslCertificate &certificate);
    /// Applies the rate limits to a connection that has just come up.
    void applyRateLimits();
    void sendDownloadLimit();
    QString hostPort() const;

    SessionOptions m_options;
    State m_state = State::Offline;
    Error m_lastError;
    net::Transport *m_transport = nullptr; ///< during the handshake
    QPointer<QWebSocket> m_webSocket;      ///< the transport's socket, for TLS decisions
    QPointer<QObject> m_shellAttempt;      ///< a ShellConnector at work
    net::Connection *m_connection = nullptr;
    QTimer *m_handshakeTimer;
    QTimer *m_reconnectTimer;
    QByteArray m_clientNonce;
    QByteArray m_agentNonce;
    bool m_sawHello = false;
    /// The WebSocket upgrade of the current attempt was answered.
    bool m_upgraded = false;
    /// The agent closed the current attempt before answering the upgrade
    /// (as a busy agent does with a connection it has no place for).
    bool m_closedBeforeUpgrade = false;
    /// Busy agent: since the first attempt it turned away, and how many.
    QElapsedTimer m_busySince;
    int m_busyAttempts = 0;
    Error m_agentError; ///< an error the agent sent before closing
    struct Pending {
        ReplyHandler handler;
        QPointer<const QObject> context;
        bool hasContext = false;
        bool alive() const { return !hasContext || context; }
    };
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    quint32 m_nextStream = 1;
    int m_reconnects = 0;
    int m_attempt = 0;
    QElapsedTimer m_lostSince;
    net::RttStats m_rtt;
    qint64 m_peakWindow = 0;
    qint64 m_wireBytesBefore = 0; ///< of the connections before the current one
    bool m_everConnected = false;
    QByteArray m_peerFingerprint;
    TransportInfo m_transportInfo;
};

} // namespace ferry::client
