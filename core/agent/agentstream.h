// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

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
    ~AgentStream() override = default;

    quint32 stream() const { return m_stream; }

protected:
    AgentSession *m_session;
    qint64 m_requestId;
    quint32 m_stream;
};

} // namespace ferry::agent
