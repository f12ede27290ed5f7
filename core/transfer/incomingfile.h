// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/connection.h"
#include "core/transfer/filesink.h"

#include <functional>
#include <memory>

namespace ferry::transfer {

/// Flushes what @p sink holds, gives it @p attributes and its name, and
/// flushes its folder, off the event loop; @p done then runs here, unless
/// @p guard (the owner of @p sink) is gone. Data that did not reach the disk
/// is discarded.
void commitDurably(FileSink &sink, const FinalAttributes &attributes, Replace replace, const std::weak_ptr<void> &guard,
                   std::function<void(const Expected<void> &)> done);

/// Receives one file from a stream into a FileSink. Credit goes back to the
/// sender only after each chunk was written to the file, so memory stays
/// bounded by the window. On "end" the file is verified and moved into place.
class IncomingFile final : public net::StreamReceiver
{
public:
    struct Callbacks {
        std::function<void(qint64 bytesReceived)> progress;
        /// The transfer ended: success, a local failure, or the sender's abort.
        /// @p removeStream is called first so the owner may delete this object.
        std::function<void(const Expected<void> &result)> finished;
    };

    IncomingFile(net::Connection *connection, quint32 stream, FileSink sink, FinalAttributes attributes, Replace replace, Callbacks callbacks);

    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;

    FileSink &sink() { return m_sink; }
    /// The part file stays for a later resume unless discarded.
    void discard() { m_sink.discard(); }
    /// After finished(): lets go of the part file's lock at once, so a
    /// resume that follows right behind need not wait for this object to go.
    void release() { m_sink.close(); }

private:
    void complete(const Expected<void> &result);
    void finishDurably(qint64 size, const QByteArray &digest);

    net::Connection *m_connection;
    quint32 m_stream;
    FileSink m_sink;
    FinalAttributes m_attributes;
    Replace m_replace;
    Callbacks m_callbacks;
    bool m_done = false;
    /// Flushes run on a worker thread; their results are dropped once this
    /// object is gone.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ferry::transfer
