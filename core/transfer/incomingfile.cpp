// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/incomingfile.h"

#include "core/protocol/messagereader.h"
#include "core/transfer/flush.h"
#include "core/transfer/streammessages.h"

using namespace Qt::Literals::StringLiterals;

namespace ferry::transfer {

IncomingFile::IncomingFile(net::Connection *connection, quint32 stream, FileSink sink, FinalAttributes attributes, Replace replace, Callbacks callbacks)
    : m_connection(connection)
    , m_stream(stream)
    , m_sink(std::move(sink))
    , m_attributes(attributes)
    , m_replace(replace)
    , m_callbacks(std::move(callbacks))
{
}

void IncomingFile::onStreamData(const protocol::DataFrame &frame)
{
    if (m_done) {
        m_connection->consumed(m_stream, frame.payload.size());
        return;
    }
    auto written = m_sink.write(qint64(frame.offset), frame.payload);
    // Written or not, these bytes have left memory.
    m_connection->consumed(m_stream, frame.payload.size());
    if (!written) {
        // Tell the sender to stop. The part file keeps what was written for
        // a resume, unless the disk is full: then it would keep the space
        // that every later transfer needs.
        if (written.error().code == ErrorCode::NoSpace)
            m_sink.discard();
        m_connection->sendControl(abortMessage(m_stream, written.error()), net::Priority::Control);
        complete(std::unexpected(written.error()));
        return;
    }
    if (m_callbacks.progress)
        m_callbacks.progress(m_sink.offset());
}

void IncomingFile::onStreamMessage(const QCborMap &message)
{
    if (m_done)
        return;
    protocol::MessageReader reader(message);
    const QString type = reader.type();
    if (type == "start"_L1) {
        const qint64 offset = reader.integer("offset"_L1);
        if (!reader.ok()) {
            complete(std::unexpected(Error{ErrorCode::Protocol, reader.error()}));
            return;
        }
        if (offset == 0 && m_sink.offset() > 0) {
            if (auto restarted = m_sink.restart(); !restarted)
                complete(std::unexpected(restarted.error()));
        } else if (offset != m_sink.offset()) {
            complete(std::unexpected(Error{ErrorCode::Protocol, QStringLiteral("start offset %1 does not match %2").arg(offset).arg(m_sink.offset())}));
        }
    } else if (type == "end"_L1) {
        const qint64 size = reader.integer("size"_L1);
        const QByteArray digest = reader.bytes("h"_L1, Hasher::kDigestSize);
        if (!reader.ok()) {
            complete(std::unexpected(Error{ErrorCode::Protocol, reader.error()}));
            return;
        }
        finishDurably(size, digest);
    } else if (type == "abort"_L1) {
        const Error error = errorFromMessage(message);
        // Worth keeping for a resume only when the link broke; a source that
        // changed or a cancelled transfer leaves nothing behind.
        if (error.code == ErrorCode::SourceChanged || error.code == ErrorCode::Cancelled)
            m_sink.discard();
        complete(std::unexpected(error));
    }
}

void IncomingFile::finishDurably(qint64 size, const QByteArray &digest)
{
    if (auto verified = m_sink.verify(size, digest); !verified) {
        complete(verified);
        return;
    }
    m_done = true; // no more data is accepted while the flush runs
    commitDurably(m_sink, m_attributes, m_replace, m_alive, [this](const Expected<void> &result) { complete(result); });
}

void commitDurably(FileSink &sink, const FinalAttributes &attributes, Replace replace, const std::weak_ptr<void> &guard,
                   std::function<void(const Expected<void> &)> done)
{
    // Data first, then the name: off the event loop, so a slow disk stalls
    // nobody else's transfer or heartbeat.
    flushInBackground(sink.fileFd(), FlushKind::FileData, guard, [&sink, attributes, replace, guard, done = std::move(done)](int error) {
        if (error != 0) {
            // Data that did not reach the disk cannot be resumed from.
            sink.discard();
            done(std::unexpected(Error::fromErrno(error, sink.displayPath())));
            return;
        }
        if (auto committed = sink.commit(attributes, replace); !committed) {
            done(committed);
            return;
        }
        UniqueFd dir = sink.openDirectory();
        if (!dir) {
            done({});
            return;
        }
        flushInBackground(dir.get(), FlushKind::Directory, guard, [done](int) { done({}); });
    });
}

void IncomingFile::complete(const Expected<void> &result)
{
    m_done = true;
    if (m_callbacks.finished)
        m_callbacks.finished(result);
}

} // namespace ferry::transfer
