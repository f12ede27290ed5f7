// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentput.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/hasher.h"
#include "core/transfer/outgoingfile.h"

#include <QCoreApplication>

#include <cerrno>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

Expected<void> refuseExisting(const RootFs &root, const QString &path, bool replace)
{
    if (auto existing = root.stat(path)) {
        if (existing->type == EntryInfo::Type::Directory)
            return std::unexpected(Error::fromErrno(EISDIR, path));
        if (!replace)
            return std::unexpected(Error::fromErrno(EEXIST, path));
    }
    return {};
}

transfer::FinalAttributes attributesFromWire(qint64 mode, qint64 mtimeNs)
{
    transfer::FinalAttributes attributes;
    if (mode >= 0)
        attributes.mode = quint32(mode);
    if (mtimeNs != std::numeric_limits<qint64>::min())
        attributes.mtimeNs = mtimeNs;
    return attributes;
}

AgentPut::AgentPut(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

void AgentPut::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    const QString path = reader.path("path"_L1);
    const qint64 size = reader.integer("size"_L1);
    const qint64 mode = reader.optionalInteger("mode"_L1, -1, -1, 07777);
    const qint64 mtime = reader.optionalInteger("mtime"_L1, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min());
    const bool resume = reader.optionalBool("resume"_L1);
    const bool replace = reader.optionalBool("replace"_L1);
    const bool seed = reader.optionalBool("seed"_L1);
    if (!reader.ok()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    if (auto refused = refuseExisting(session->root(), path, replace); !refused) {
        session->replyError(requestId, refused.error());
        return;
    }
    const auto openSink = [&](bool keep) -> Expected<transfer::FileSink> {
        auto parent = session->root().openParent(path);
        if (!parent)
            return std::unexpected(parent.error());
        return transfer::FileSink::open(std::move(parent->dirFd), parent->name, path, keep);
    };
    auto sink = openSink(resume);
    if (sink && sink->offset() > size) {
        // Longer than the source: it cannot be a prefix. Release the lock, start over.
        sink = std::unexpected(Error{});
        sink = openSink(false);
    }
    if (sink && seed && replace) {
        if (auto seeded = sink->seedFromDestination(size); !seeded) {
            session->replyError(requestId, seeded.error());
            return;
        }
    }
    if (!sink) {
        session->replyError(requestId, sink.error());
        return;
    }

    const transfer::FinalAttributes attributes = attributesFromWire(mode, mtime);

    auto *put = new AgentPut(session, requestId, stream);
    const qint64 offset = sink->offset();
    const QByteArray prefix = sink->prefixDigest();
    transfer::IncomingFile::Callbacks callbacks;
    callbacks.finished = [put](const Expected<void> &result) {
        if (result) {
            put->m_session->reply(put->m_requestId, {});
        } else {
            // A paused upload resumes with a new put, which may be read in
            // the same turn of the event loop, before this stream is deleted:
            // the part file must be free for it now.
            put->m_incoming->release();
            put->m_session->replyError(put->m_requestId, result.error());
        }
        put->m_session->streamFinished(put->m_stream);
    };
    put->m_incoming = std::make_unique<transfer::IncomingFile>(session->connection(), stream, std::move(*sink), attributes,
                                                               replace ? transfer::Replace::Always : transfer::Replace::Never, std::move(callbacks));
    session->connection()->openStream(stream, put->m_incoming.get(), nullptr);
    session->registerStream(put);
    session->reply(requestId, QCborMap{{"offset"_L1, offset}, {"prefix"_L1, prefix}}, false);
}

} // namespace ferry::agent
