// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/net/connection.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QWebSocketServer;

namespace ferry::agent {

struct AgentOptions {
    QString root;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 7707;
    QByteArray token;
    net::ConnectionOptions connection;
    int maxClients = 256;
    QString certificatePath; ///< PEM; with keyPath, serve wss://
    QString keyPath;
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
    /// SHA-256 of the served certificate (wss://), empty for ws://.
    QByteArray certificateFingerprint() const { return m_fingerprint; }

private:
    void onTcpConnection();
    void onWebSocket();

    AgentOptions m_options;
    std::unique_ptr<RootFs> m_root;
    QTcpServer *m_tcp = nullptr; ///< a QSslServer for wss://
    QWebSocketServer *m_ws;
    int m_clients = 0;
    QByteArray m_fingerprint;
};

} // namespace ferry::agent
