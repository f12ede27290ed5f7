// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/admission.h"
#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/net/connection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocketServer;

namespace ferry::agent {

class AgentSession;

struct AgentOptions {
    QString root;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 7707;
    QByteArray token;
    net::ConnectionOptions connection;
    int maxClients = 256;
    QString certificatePath; ///< PEM; with keyPath, serve wss://
    QString keyPath;
    AdmissionLimits admission;
    bool allowExec = true; ///< false: --no-exec
    /// Part files not written for this long are removed; 0: kept for ever.
    std::chrono::seconds partTtl = std::chrono::days(7);
};

/// The agent: one event-driven process serving every client, no fork per
/// client. It runs its own QTcpServer so it can set socket options on each
/// connection before handing it to QWebSocketServer for the upgrade.
class AgentServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentServer)

public:
    explicit AgentServer(QObject *parent = nullptr);
    ~AgentServer() override;

    Expected<void> listen(const AgentOptions &options);
    quint16 port() const;
    QUrl url() const;
    QString rootPath() const { return m_root ? m_root->rootPath() : QString(); }
    int clientCount() const { return m_clients; }
    /// Connections that have not authenticated yet.
    int pendingCount() const { return m_admission.pendingCount(); }
    /// SHA-256 of the served certificate (wss://), empty for ws://.
    QByteArray certificateFingerprint() const { return m_fingerprint; }

private:
    void onTcpConnection();
    void onWebSocket();
    /// Admits @p socket as pending (or closes it); false when closed.
    bool admitSocket(QTcpSocket *socket);
    /// Closes pending connection @p id; one that is upgraded already is
    /// told why (a client tries again later).
    void closePending(quint64 id, const Error &reason);
    void sweep();

    struct PendingSocket {
        QPointer<QTcpSocket> socket;
        QHostAddress address;
        quint16 port = 0;
        QPointer<AgentSession> session; ///< once upgraded
    };
    AgentOptions m_options;
    std::unique_ptr<RootFs> m_root;
    QTcpServer *m_tcp = nullptr; ///< a QSslServer for wss://
    QWebSocketServer *m_ws;
    int m_clients = 0;
    QByteArray m_fingerprint;
    Admission m_admission;
    QElapsedTimer m_clock;
    QHash<quint64, PendingSocket> m_pending;
    quint64 m_nextId = 0;
    QTimer *m_sweepTimer;
    /// Closed before authenticating since the last sweep: turned away at
    /// the door, made room for, out of time.
    int m_refused = 0;
    int m_evicted = 0;
    int m_timedOut = 0;
};

} // namespace ferry::agent
