// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/connection.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace ferry::agent {

class AgentSession;

/// One open stream of a session (an upload, a download, a command). The
/// session deletes it when the stream ends or the client goes away.
class AgentStream : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentStream)

public:
    AgentStream(AgentSession *session, qint64 requestId, quint32 stream)
        : QObject(nullptr), m_session(session), m_requestId(requestId), m_stream(stream) {}
    /// Stops the stream's work on other threads, if any is still running.
    ~AgentStream() override;

    quint32 stream() const { return m_stream; }

protected:
    /// The cancel flag of work this stream starts on another thread before
    /// it opens (a "cancel" request for it sets the flag too; so does the
    /// stream's end).
    std::shared_ptr<std::atomic_bool> startWork();
    /// The work is over: its flag is forgotten.
    void workDone();

    AgentSession *m_session;
    qint64 m_requestId;
    quint32 m_stream;

private:
    std::shared_ptr<std::atomic_bool> m_workCancelled;
};

/// The receiving side of a stream the agent only sends on: it hears the
/// client's abort (a failed write there, or a cancel) and ends the stream.
class AbortListener final : public net::StreamReceiver
{
public:
    AbortListener(AgentSession *session, quint32 stream) : m_session(session), m_stream(stream) {}
    void onStreamData(const protocol::DataFrame &) override {}
    void onStreamMessage(const QCborMap &message) override;

private:
    AgentSession *m_session;
    quint32 m_stream;
};

} // namespace ferry::agent
