// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentput.h"

#include "core/agent/agentarchive.h"
#include "core/agent/agentsession.h"
#include "core/agent/archiveview.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/filework.h"
#include "core/transfer/hasher.h"
#include "core/transfer/outgoingfile.h"

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

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
        // A file inside an archive is read out of it (archiveview.h).
        if (const auto inside = archiveview::split(session->root(), path)) {
            AgentArchive::startEntry(session, requestId, stream, *inside);
            return;
        }
        session->replyError(requestId, fd.error());
        return;
    }
    auto source = transfer::FileSource::open(std::move(*fd), path);
    if (!source) {
        session->replyError(requestId, source.error());
        return;
    }
    auto *get = new AgentGet(session, requestId, stream);
    session->registerStream(get);
    if (offset <= 0 || offset > source->size()) {
        get->begin(std::move(*source), 0);
        return;
    }
    // Resume only from a prefix that hashes the same here as on the
    // client: a whole-file read, on a worker thread.
    auto shared = std::make_shared<transfer::FileSource>(std::move(*source));
    using Result = Expected<QByteArray>;
    transfer::runFileWork<Result>(
        get, get->startWork(), [shared, offset](const transfer::WorkProgress &check) { return shared->seekAndHashPrefix(offset, check); }, {},
        [get, shared, offset, prefix](Result digest) {
            get->workDone();
            if (!digest) {
                get->m_session->replyError(get->m_requestId, digest.error());
                get->m_session->streamFinished(get->m_stream);
                return;
            }
            get->begin(std::move(*shared), *digest == prefix ? offset : 0);
        });
}

void AgentGet::begin(transfer::FileSource source, qint64 offset)
{
    if (source.position() != offset)
        (void)source.seekAndHashPrefix(0);
    const QCborMap meta{{"size"_L1, source.size()}, {"mode"_L1, qint64(source.mode())}, {"mtime"_L1, source.mtimeNs()}, {"offset"_L1, offset}};
    transfer::OutgoingFile::Callbacks callbacks;
    // After "end" or an abort the stream has nothing more to say; the
    // client's side closes it when the file is in place.
    callbacks.endSent = [this] { m_session->streamFinished(m_stream); };
    callbacks.failed = [this](const Error &) { m_session->streamFinished(m_stream); };
    auto outgoing = std::make_unique<transfer::OutgoingFile>(m_stream, std::move(source), std::move(callbacks));
    outgoing->setCompression(m_session->connection()->compressionChooser());
    m_outgoing = std::move(outgoing);
    m_receiver = std::make_unique<AbortListener>(m_session, m_stream);
    m_session->connection()->openStream(m_stream, m_receiver.get(), m_outgoing.get());
    m_session->reply(m_requestId, meta);
    m_session->connection()->wake(m_stream);
}

} // namespace ferry::agent
