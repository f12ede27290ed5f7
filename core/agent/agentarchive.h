// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/agentstream.h"
#include "core/agent/archiveview.h"
#include "core/error.h"

#include <QCborMap>

#include <functional>
#include <memory>
#include <optional>

namespace ferry::net {
class BulkSource;
class StreamReceiver;
}

namespace ferry::agent {

/// A folder (or files) downloaded as one archive that the agent builds as
/// it sends, under the stream's flow control: never held whole in memory
/// or on disk. The data is the archive's bytes, checked end to end like a
/// file's.
///
/// Request: {op:"archive", s, paths: [path...], format: "tar" | "tar.gz" |
/// "tar.bz2" | "tar.xz" | "tar.zst"}. Reply: {size (the files' bytes, for
/// progress), mode, mtime, offset: 0}; then "start", data, and "end" with the
/// archive's size and checksum.
class AgentArchive final : public AgentStream
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    /// A "get" of a file inside an archive (archiveview.h): sent as it is
    /// read out of the archive, never from an offset.
    static void startEntry(AgentSession *session, qint64 requestId, quint32 stream, const archiveview::Split &where);
    ~AgentArchive() override;

private:
    AgentArchive(AgentSession *session, qint64 requestId, quint32 stream);
    /// Opens the stream on @p pull and replies @p reply.
    static void begin(AgentSession *session, qint64 requestId, quint32 stream, std::function<Expected<std::optional<QByteArray>>(qint64)> pull,
                      const QCborMap &reply);
    class Source;

    std::unique_ptr<Source> m_source;
    std::unique_ptr<net::StreamReceiver> m_receiver;
};

} // namespace ferry::agent
