// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/execjob.h"

#include "core/client/session.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/wirepath.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <limits.h>
#include <poll.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {

bool pollFd(int fd, short events)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (events | POLLHUP | POLLERR));
}

} // namespace

ExecJob::ExecJob(Session *session, const Spec &spec, QObject *parent)
    : transfer::Job(parent)
    , m_session(session)
    , m_spec(spec)
{
    m_out.fd = spec.outputFd;
    m_err.fd = spec.errorFd;
    connect(m_session, &Session::connectionLost, this, [this](const Error &reason) {
        // A command cannot be resumed: its output so far is all we get.
        fail(Error{ErrorCode::Connection, reason.message});
    });
}

ExecJob::~ExecJob()
{
    if (m_streamOpen && m_session && m_session->connection())
        m_session->connection()->closeStream(m_stream);
}

void ExecJob::fail(const Error &error)
{
    if (isFinished())
        return;
    if (m_streamOpen && m_session->connection()) {
        m_session->connection()->closeStream(m_stream);
    }
    m_streamOpen = false;
    emitResult(error);
}

void ExecJob::doStart()
{
    if (!m_session->connection()) {
        fail(m_session->lastError().code != ErrorCode::None ? m_session->lastError() : Error{ErrorCode::Connection, tr("not connected")});
        return;
    }
    m_stream = m_session->allocateStream();
    QCborMap args{{"s"_L1, qint64(m_stream)}};
    if (!m_spec.shell.isEmpty())
        args.insert("sh"_L1, m_spec.shell);
    else
        args.insert("argv"_L1, protocol::pathArray(m_spec.argv));
    if (!m_spec.cwd.isEmpty())
        args.insert("cwd"_L1, protocol::pathValue(m_spec.cwd));
    if (m_spec.inputFd < 0)
        m_inputDone = true;
    // The stream must exist before the agent's first output can arrive,
    // which may be right behind its reply.
    m_session->connection()->openStream(m_stream, this, this);
    m_streamOpen = true;
    m_requestId = m_session->request(QStringLiteral("exec"), args, [this](const Expected<QCborMap> &reply, bool) {
        if (!reply) {
            fail(reply.error());
            return;
        }
        if (m_session->connection())
            m_session->connection()->wake(m_stream);
    }, this);
}

void ExecJob::doCancel()
{
    if (m_streamOpen && m_session->connection()) {
        m_session->connection()->sendControl(transfer::abortMessage(m_stream, Error{ErrorCode::Cancelled, tr("cancelled")}), net::Priority::Control);
        m_session->connection()->closeStream(m_stream);
        m_streamOpen = false;
    }
}

std::optional<net::Outgoing> ExecJob::produce(qint64 maxData)
{
    if (m_inputDone)
        return std::nullopt;
    if (maxData <= 0) {
        m_inputReadable = true; // waiting for credit
        return std::nullopt;
    }
    // poll() first: a read then returns what is there without blocking,
    // and stdin keeps its blocking mode for whoever shares it.
    if (!pollFd(m_spec.inputFd, POLLIN)) {
        m_inputReadable = false;
        if (!m_inputNotifier) {
            m_inputNotifier = new QSocketNotifier(qintptr(m_spec.inputFd), QSocketNotifier::Read, this);
            connect(m_inputNotifier, &QSocketNotifier::activated, this, [this] {
                m_inputNotifier->setEnabled(false);
                m_inputReadable = true;
                if (m_session->connection())
                    m_session->connection()->wake(m_stream);
            });
        }
        m_inputNotifier->setEnabled(true);
        return std::nullopt;
    }
    QByteArray frame = protocol::allocateData(m_stream, 0, m_inputOffset, maxData);
    ssize_t n;
    do {
        n = ::read(m_spec.inputFd, frame.data() + protocol::kDataHeaderSize, size_t(maxData));
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        // End of input (or an unreadable one): the command sees EOF.
        m_inputDone = true;
        m_inputReadable = false;
        if (m_inputNotifier)
            m_inputNotifier->setEnabled(false);
        return net::Outgoing{protocol::encodeControl(QCborMap{{"t"_L1, "eof"_L1}, {"s"_L1, qint64(m_stream)}}), 0};
    }
    frame.truncate(protocol::kDataHeaderSize + n);
    m_inputOffset += quint64(n);
    m_inputReadable = true;
    return net::Outgoing{frame, qint64(n)};
}

void ExecJob::onStreamData(const protocol::DataFrame &frame)
{
    Output &out = frame.channel == 2 ? m_err : m_out;
    if (frame.channel != 1 && frame.channel != 2) {
        m_session->connection()->close(Error{ErrorCode::Protocol, tr("command output on channel %1").arg(frame.channel)});
        return;
    }
    out.pending.append(frame.payload);
    flush(out);
}

void ExecJob::flush(Output &out)
{
    qint64 written = 0;
    while (!out.pending.isEmpty()) {
        // At most PIPE_BUF after POLLOUT: such a write never blocks.
        if (!pollFd(out.fd, POLLOUT))
            break;
        const ssize_t n = ::write(out.fd, out.pending.constData(), size_t(std::min<qsizetype>(out.pending.size(), PIPE_BUF)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            // The reader went away (EPIPE): drop the rest, keep the credit flowing.
            written += out.pending.size();
            out.pending.clear();
            break;
        }
        out.pending.remove(0, n);
        written += n;
    }
    if (written > 0 && m_streamOpen && m_session->connection())
        m_session->connection()->consumed(m_stream, written);
    if (!out.pending.isEmpty()) {
        if (!out.notifier) {
            out.notifier = new QSocketNotifier(qintptr(out.fd), QSocketNotifier::Write, this);
            Output *o = &out;
            connect(out.notifier, &QSocketNotifier::activated, this, [this, o] {
                o->notifier->setEnabled(false);
                flush(*o);
            });
        }
        out.notifier->setEnabled(true);
        return;
    }
    maybeFinish();
}

void ExecJob::onStreamMessage(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    const QString type = reader.type();
    if (type == "exit"_L1) {
        m_exitCode = int(reader.integer("code"_L1, 0, 255 + 128));
        if (!reader.ok()) {
            fail(Error{ErrorCode::Protocol, reader.error()});
            return;
        }
        m_exited = true;
        if (m_session->connection())
            m_session->connection()->closeStream(m_stream);
        m_streamOpen = false;
        maybeFinish();
    } else if (type == "abort"_L1) {
        fail(transfer::errorFromMessage(message));
    }
}

void ExecJob::maybeFinish()
{
    if (m_exited && m_out.pending.isEmpty() && m_err.pending.isEmpty())
        emitResult();
}

} // namespace ferry::client
