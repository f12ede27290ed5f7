// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/agentstream.h"
#include "core/agent/archiveview.h"
#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/net/connection.h"
#include "core/transfer/batchmessages.h"
#include "core/transfer/filesink.h"
#include "core/transfer/filesource.h"

#include <QCborMap>

#include <memory>
#include <optional>
#include <vector>

namespace ferry::agent {

/// Many small files on one stream, so a tree of thousands of tiny files does
/// not pay a round trip and a disk flush per file (limits in batchmessages.h).
using transfer::kMaxBatchBytes;
using transfer::kMaxBatchFiles;

/// Upload of a batch: {op:"putmany", s, files:[{path, size, mode?, mtime?, replace?}], stage?}.
/// The data is the files' contents back to back; "end" carries one checksum
/// per file ("hs"). Each file gets its own part file; one syncfs makes the
/// batch durable, then each is renamed into place. The final reply lists a
/// result per file ("results": 0 or [code, message]), so one bad file does
/// not fail the others. With "stage", verified part files are left in place
/// with their mode and mtime, unflushed, for a later "commit" of many
/// batches at once.
class AgentPutMany final : public AgentStream, private net::StreamReceiver
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    ~AgentPutMany() override;

private:
    AgentPutMany(AgentSession *session, qint64 requestId, quint32 stream);
    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;
    void openCurrent();
    void finishAll(const QList<QByteArray> &digests);
    void commitAll(int flushError);
    void stageAll();

    struct Item {
        QString path;
        qint64 size = 0;
        transfer::FinalAttributes attributes;
        transfer::Replace replace = transfer::Replace::Never;
        std::optional<transfer::FileSink> sink;
        Error error;
    };
    std::vector<Item> m_items; ///< move-only parts: not a QList
    qsizetype m_current = 0;
    qint64 m_currentDone = 0;
    qint64 m_received = 0;
    qint64 m_total = 0;
    bool m_done = false;
    bool m_stage = false;
    ParentCache m_parents; ///< the few directories a batch writes into
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); ///< guards background flushes
};

/// Most files in one "commit" request.
inline constexpr qsizetype kMaxCommitFiles = 1024;

/// {op:"commit", files:[{path, size, replace?}]}: gives staged part files
/// their final names: one syncfs, the renames, one more syncfs, then the
/// reply with a result per file.
void handleCommit(AgentSession *session, qint64 requestId, const QCborMap &request);

/// Download of a batch: {op:"getmany", s, paths:[...]}. The reply lists each
/// file's size, mode and mtime (or its error); then the contents of the good
/// ones back to back, and "end" with one checksum per file. A file that
/// changes meanwhile is padded to its announced size; its checksum then
/// fails on the client, which drops it.
class AgentGetMany final : public AgentStream, private net::BulkSource
{
    Q_OBJECT

public:
    static void start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request);
    ~AgentGetMany() override;

private:
    AgentGetMany(AgentSession *session, qint64 requestId, quint32 stream);
    std::optional<net::Outgoing> produce(qint64 maxData) override;
    bool wantsToSend() const override { return !m_endSent && m_position < m_total; }
    qint64 frameLimit(qint64 chunk) const override { return m_compression.frameLimit(chunk); }

    struct Item {
        QString path;
        qint64 size = 0;
        std::optional<transfer::FileSource> source;
        bool ok = false;
        bool opened = false;
        QByteArray digest;
        std::optional<archiveview::Split> inArchive; ///< a file inside an archive
    };
    std::vector<Item> m_items; ///< move-only parts: not a QList
    qsizetype m_current = 0;
    qint64 m_currentDone = 0;
    qint64 m_position = 0;
    net::CompressionChooser m_compression; ///< for the current file
    qint64 m_total = 0;
    bool m_endSent = false;
    ParentCache m_parents; ///< the few directories a batch reads from
};

} // namespace ferry::agent
