// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentexec.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

AgentExec::AgentExec(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

AgentExec::~AgentExec() = default;

void AgentExec::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    exec::ChildProcess::Spec spec;
    // Commands get what a login would give them, not the agent's own
    // environment (which may name its token file, proxies, credentials).
    spec.cleanEnvironment = true;
    if (reader.has("sh"_L1))
        spec.shell = reader.string("sh"_L1);
    else
        spec.argv = reader.pathList("argv"_L1, 4096);
    const QString cwd = reader.optionalPath("cwd"_L1, QStringLiteral("."));
    if (!reader.ok()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    if (spec.shell.isEmpty() && spec.argv.isEmpty()) {
        session->replyError(requestId, Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "no command given")});
        return;
    }
    // The working directory must lie beneath the root like any other path.
    auto dirFd = session->root().openDirectory(cwd);
    if (!dirFd) {
        session->replyError(requestId, dirFd.error());
        return;
    }
    const QString normalized = *session->root().normalize(cwd);
    spec.workingDirectory = normalized.isEmpty() ? session->root().rootPath() : session->root().rootPath() + u'/' + normalized;

    auto *run = new AgentExec(session, requestId, stream);
    if (auto started = run->m_process.start(spec); !started) {
        delete run;
        session->replyError(requestId, started.error());
        return;
    }
    qCInfo(lcAgent) << "exec" << (spec.shell.isEmpty() ? spec.argv.join(u' ') : spec.shell) << "pid" << run->m_process.pid();

    connect(&run->m_process, &exec::ChildProcess::stdinWritten, run, [run](qint64 bytes) {
        run->m_stdinOwed -= bytes;
        run->m_session->connection()->consumed(run->m_stream, bytes);
    });
    // A command that stops reading drops what was queued for it: those bytes
    // left memory too, so the client must get their credit back.
    connect(&run->m_process, &exec::ChildProcess::stdinClosed, run, [run] {
        run->m_stdinClosed = true;
        run->m_session->connection()->consumed(run->m_stream, std::exchange(run->m_stdinOwed, 0));
    });
    const auto wake = [run] {
        run->m_readable = true;
        run->m_session->connection()->wake(run->m_stream);
    };
    connect(&run->m_process, &exec::ChildProcess::readyRead, run, wake);
    connect(&run->m_process, &exec::ChildProcess::exited, run, wake);

    session->connection()->openStream(stream, run, run);
    session->registerStream(run);
    session->reply(requestId, QCborMap{{"pid"_L1, run->m_process.pid()}});
    run->m_readable = true;
    session->connection()->wake(stream);
}

void AgentExec::onStreamData(const protocol::DataFrame &frame)
{
    if (frame.channel != 0) {
        m_session->connection()->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "command input on channel %1").arg(frame.channel)});
        return;
    }
    if (m_stdinClosed) {
        m_session->connection()->consumed(m_stream, frame.payload.size());
        return;
    }
    m_stdinOwed += frame.payload.size();
    m_process.writeStdin(frame.payload);
}

void AgentExec::onStreamMessage(const QCborMap &message)
{
    const QString type = message.value("t"_L1).toString();
    if (type == "eof"_L1)
        m_process.closeStdin();
    else if (type == "abort"_L1 || type == "cancel"_L1)
        m_process.terminate();
}

std::optional<net::Outgoing> AgentExec::produce(qint64 maxData)
{
    using Channel = exec::ChildProcess::Channel;
    if (m_exitSent)
        return std::nullopt;
    if (maxData > 0) {
        // Alternate between stdout and stderr so neither starves the other.
        for (int attempt = 0; attempt < 2; ++attempt) {
            const Channel ch = m_nextChannel;
            m_nextChannel = ch == Channel::Stdout ? Channel::Stderr : Channel::Stdout;
            if (m_process.atEnd(ch))
                continue;
            const QByteArray data = m_process.read(ch, maxData);
            if (data.isEmpty())
                continue;
            const quint64 offset = m_offsets[ch];
            m_offsets[ch] += quint64(data.size());
            return net::Outgoing{protocol::encodeData(m_stream, quint8(ch), offset, data), data.size()};
        }
    }
    const bool outputDone = m_process.atEnd(Channel::Stdout) && m_process.atEnd(Channel::Stderr);
    if (outputDone && m_process.hasExited()) {
        m_exitSent = true;
        m_readable = false;
        const QCborMap exit{{"t"_L1, "exit"_L1}, {"s"_L1, qint64(m_stream)}, {"code"_L1, m_process.exitCode()}, {"signal"_L1, m_process.exitSignal()}};
        m_session->streamFinished(m_stream);
        return net::Outgoing{protocol::encodeControl(exit), 0};
    }
    // Nothing now: wait for the pipes (only while credit lets us read them).
    m_readable = false;
    if (maxData > 0) {
        for (Channel ch : {Channel::Stdout, Channel::Stderr})
            if (!m_process.atEnd(ch))
                m_process.requestRead(ch);
    } else {
        m_readable = true; // wants to send, blocked on credit
    }
    return std::nullopt;
}

} // namespace ferry::agent
