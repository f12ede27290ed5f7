// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/net/connection.h"

#include <QObject>

#include <chrono>

#include <memory>

namespace ferry::agent {

/// The agent serving one client on its own stdin and stdout (--stdio):
/// what a shell session starts on the remote. No token: the shell's login
/// was the door. A terminal on stdin is put in raw mode (restored on exit)
/// so that no byte is taken for a control character; the framing of each
/// direction is negotiated first. Ends when stdin closes or the client
/// goes silent past dead-after.
class AgentStdio final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentStdio)

public:
    AgentStdio(const QString &root, const net::ConnectionOptions &options, QObject *parent = nullptr);
    ~AgentStdio() override;

    /// Removes part files beneath the root not written for @p ttl, at start
    /// and now and then (off by default: the root of an agent started
    /// through a shell is often a whole home directory).
    void setPartTtl(std::chrono::seconds ttl) { m_partTtl = ttl; }

    Expected<void> start();

Q_SIGNALS:
    /// The client is gone; @p exitCode is 0 after a session, 1 when none began.
    void finished(int exitCode);

private:
    QString m_rootPath;
    net::ConnectionOptions m_options;
    std::chrono::seconds m_partTtl{0};
    std::unique_ptr<RootFs> m_root;
};

} // namespace ferry::agent
