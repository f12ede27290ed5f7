// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/agentstream.h"
#include "core/exec/childprocess.h"
#include "core/net/connection.h"

#include <QCborMap>

namespace ferry::agent {

/// A remote command: {op:"exec", s, argv | sh, cwd?}.
///
/// The client's data on channel 0 is the command's stdin ("eof" closes it);
/// stdout and stderr come back on channels 1 and 2, read from the pipes only
/// when credit allows, so a slow reader stalls the command rather than
/// filling memory. Credit for stdin is returned as bytes enter the pipe.
/// After both outputs ended and the command exited: {t:"exit", s, code, signal}.
class AgentExec final : public AgentStream, private net::StreamReceiver, private net::BulkSource
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    ~AgentExec() override;

private:
    AgentExec(AgentSession *session, qint64 requestId, quint32 stream);

    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;
    std::optional<net::Outgoing> produce(qint64 maxData) override;
    bool wantsToSend() const override { return m_readable; }

    exec::ChildProcess m_process;
    exec::ChildProcess::Channel m_nextChannel = exec::ChildProcess::Stdout;
    quint64 m_offsets[3] = {0, 0, 0};
    bool m_readable = false;
    bool m_exitSent = false;
    bool m_stdinClosed = false;
    qint64 m_stdinOwed = 0; ///< stdin bytes received but not yet in the pipe
};

} // namespace ferry::agent
