// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentput.h"

#include "core/agent/agentsession.h"
#include "core/logging.h"
#include "core/protocol/messagereader.h"
#include "core/transfer/filework.h"
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
    if (!sink) {
        session->replyError(requestId, sink.error());
        return;
    }

    auto *put = new AgentPut(session, requestId, stream);
    // The stream is taken from here on (counted, and closed with the
    // session), though it opens only once the part file is ready.
    session->registerStream(put);
    put->m_attributes = attributesFromWire(mode, mtime);
    put->m_replace = replace;
    if (sink->offset() == 0 && !(seed && replace)) {
        put->begin(std::move(*sink));
        return;
    }
    // Hashing what a part file holds, or seeding it from the destination,
    // reads whole files: on a worker thread, cancellable like a copy.
    auto shared = std::make_shared<transfer::FileSink>(std::move(*sink));
    using Result = Expected<void>;
    transfer::runFileWork<Result>(
        put, put->startWork(),
        [shared, size, seed, replace](const transfer::WorkProgress &check) -> Result {
            if (auto hashed = shared->hashPrefix(check); !hashed)
                return hashed;
            if (seed && replace)
                return shared->seedFromDestination(size, check);
            return {};
        },
        {},
        [put, shared](Result ready) {
            put->workDone();
            if (!ready) {
                shared->close();
                put->m_session->replyError(put->m_requestId, ready.error());
                put->m_session->streamFinished(put->m_stream);
                return;
            }
            put->begin(std::move(*shared));
        });
}

void AgentPut::begin(transfer::FileSink sink)
{
    const qint64 offset = sink.offset();
    const QByteArray prefix = sink.prefixDigest();
    transfer::IncomingFile::Callbacks callbacks;
    callbacks.finished = [this](const Expected<void> &result) {
        if (result) {
            m_session->reply(m_requestId, {});
        } else {
            // A paused upload resumes with a new put, which may be read in
            // the same turn of the event loop, before this stream is deleted:
            // the part file must be free for it now.
            m_incoming->release();
            m_session->replyError(m_requestId, result.error());
        }
        m_session->streamFinished(m_stream);
    };
    m_incoming = std::make_unique<transfer::IncomingFile>(m_session->connection(), m_stream, std::move(sink), m_attributes,
                                                          m_replace ? transfer::Replace::Always : transfer::Replace::Never, std::move(callbacks));
    m_session->connection()->openStream(m_stream, m_incoming.get(), nullptr);
    m_session->reply(m_requestId, QCborMap{{"offset"_L1, offset}, {"prefix"_L1, prefix}}, false);
}

} // namespace ferry::agent
