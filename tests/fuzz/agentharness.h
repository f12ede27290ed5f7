// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An agent session in memory for the fuzz targets: an AgentSession serving
// the scratch tree over a MemoryTransport, fed the messages of one input
// and torn down after it.

#include "fuzzsupport.h"

#include "core/agent/agentsession.h"
#include "core/agent/rootfs.h"

#include <QPointer>

#include <memory>

namespace ferry::fuzz {

class AgentHarness
{
public:
    /// The token of a listening agent in these runs.
    static QByteArray token();

    AgentHarness();
    ~AgentHarness();

    /// Starts a session (its hello is the first message sent).
    void start(agent::AgentSession::Admission admission);
    /// The nonce of this session's hello.
    QByteArray agentNonce() const { return m_agentNonce; }
    /// Delivers one message from the client and runs what it queued.
    /// Requests to run commands are dropped: an input must never start a
    /// program.
    void deliver(const QByteArray &message);
    /// A client's "auth" that passes: with the right proof, or none for an
    /// open session.
    QByteArray validAuth() const;
    /// Ends the session (as a client that went away would) and puts the
    /// scratch tree back if a request may have changed it.
    void finish();

    /// What the session sent, whether its transport closed, its limit.
    const TransportLog &log() const { return m_log; }
    bool sessionAlive() const { return !m_session.isNull(); }
    bool authenticated() const { return m_session && m_session->connection(); }

private:
    ScratchTree m_tree;
    std::unique_ptr<agent::RootFs> m_root;
    QPointer<agent::AgentSession> m_session;
    QPointer<MemoryTransport> m_transport; ///< deleted with the session
    TransportLog m_log;
    agent::AgentSession::Admission m_admission = agent::AgentSession::Admission::Token;
    QByteArray m_agentNonce;
    bool m_touched = false;
};

} // namespace ferry::fuzz
