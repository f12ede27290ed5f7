// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/agentstream.h"
#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/transfer/incomingfile.h"

#include <QCborMap>

#include <atomic>
#include <memory>

namespace ferry::agent {

/// What the final rename would refuse, refused before any data flows: a
/// folder at @p path, or any entry when @p replace is false.
Expected<void> refuseExisting(const RootFs &root, const QString &path, bool replace);
/// Mode and mtime as a request carries them (-1 and INT64_MIN: absent).
transfer::FinalAttributes attributesFromWire(qint64 mode, qint64 mtimeNs);

/// An upload: the client sends, the agent writes beneath its root.
///
/// Request: {op:"put", s, path, size, mode?, mtime?, resume, replace, seed?}
/// (seed: continue a shorter existing destination, see FileSink)
/// First reply: {offset, prefix} (the verified resume point is the client's
/// to check); final reply after "end": ok, or the error.
class AgentPut final : public AgentStream
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);

private:
    AgentPut(AgentSession *session, qint64 requestId, quint32 stream);
    /// Opens the stream on a part file ready for writing and tells the
    /// client where to resume.
    void begin(transfer::FileSink sink);

    transfer::FinalAttributes m_attributes;
    bool m_replace = false;
    std::unique_ptr<transfer::IncomingFile> m_incoming;
};

/// A download: the agent reads beneath its root and sends.
///
/// Request: {op:"get", s, path, offset?, prefix?}. When the client holds a
/// partial copy it sends its length and checksum; the agent resumes from
/// there only if its own first bytes hash the same.
/// Reply: {size, mode, mtime, offset}; then data and an "end" message.
class AgentGet final : public AgentStream
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    ~AgentGet() override;

private:
    AgentGet(AgentSession *session, qint64 requestId, quint32 stream);
    /// Opens the stream on @p source, positioned at @p offset.
    void begin(transfer::FileSource source, qint64 offset);

    std::unique_ptr<net::BulkSource> m_outgoing;
    std::unique_ptr<net::StreamReceiver> m_receiver;
};

} // namespace ferry::agent
