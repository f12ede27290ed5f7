// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentput.h"

#include "core/agent/agentsession.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/hasher.h"
#include "core/transfer/outgoingfile.h"

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

/// Hears the client's abort of a download (a failed write on its side).
class AgentGet::Receiver final : public net::StreamReceiver
{
public:
    explicit Receiver(AgentGet *get) : m_get(get) {}
    void onStreamData(const protocol::DataFrame &) override {}
    void onStreamMessage(const QCborMap &message) override
    {
        if (message.value("t"_L1).toString() == "abort"_L1)
            m_get->m_session->streamFinished(m_get->m_stream);
    }

private:
    AgentGet *m_get;
};

AgentGet::AgentGet(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

AgentGet::~AgentGet() = default;

void AgentGet::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    const QString path = reader.path("path"_L1);
    qint64 offset = reader.optionalInteger("offset"_L1, 0);
    const QByteArray prefix = reader.optionalBytes("prefix"_L1, transfer::Hasher::kDigestSize);
    if (!reader.ok()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    auto fd = session->root().openRead(path);
    if (!fd) {
        session->replyError(requestId, fd.error());
        return;
    }
    auto source = transfer::FileSource::open(std::move(*fd), path);
    if (!source) {
        session->replyError(requestId, source.error());
        return;
    }
    // Resume only from a prefix that hashes the same here as on the client.
    if (offset > source->size())
        offset = 0;
    auto digest = source->seekAndHashPrefix(offset);
    if (!digest) {
        session->replyError(requestId, digest.error());
        return;
    }
    if (offset > 0 && *digest != prefix) {
        offset = 0;
        (void)source->seekAndHashPrefix(0);
    }

    auto *get = new AgentGet(session, requestId, stream);
    const QCborMap meta{{"size"_L1, source->size()}, {"mode"_L1, qint64(source->mode())}, {"mtime"_L1, source->mtimeNs()}, {"offset"_L1, offset}};
    transfer::OutgoingFile::Callbacks callbacks;
    // After "end" or an abort the stream has nothing more to say; the
    // client's side closes it when the file is in place.
    callbacks.endSent = [get] { get->m_session->streamFinished(get->m_stream); };
    callbacks.failed = [get](const Error &) { get->m_session->streamFinished(get->m_stream); };
    get->m_outgoing = std::make_unique<transfer::OutgoingFile>(stream, std::move(*source), std::move(callbacks));
    get->m_receiver = std::make_unique<Receiver>(get);
    session->connection()->openStream(stream, get->m_receiver.get(), get->m_outgoing.get());
    session->registerStream(get);
    session->reply(requestId, meta);
    session->connection()->wake(stream);
}

} // namespace ferry::agent
