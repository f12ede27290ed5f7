// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"
#include "core/net/connection.h"
#include "core/transfer/filesink.h"
#include "core/transfer/filesource.h"

#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace ferry::client {

/// Up to this many small files travel together on one stream.
inline constexpr qsizetype kBatchFiles = 64;
inline constexpr qint64 kBatchBytes = 4 * 1024 * 1024;
/// Files up to this size are batched; larger ones get a stream each.
inline constexpr qint64 kSmallFile = 256 * 1024;

/// Uploads a batch of small files on one stream ("putmany"): one request,
/// the contents back to back, one flush on the agent. Each file has its own
/// result; the job itself fails only when the batch as a whole could not
/// be sent.
class BatchUploadJob final : public TransferJob, private net::BulkSource, private net::StreamReceiver
{
    Q_OBJECT

public:
    /// @p sizes are what planning saw; a file that changed since is
    /// reported failed, never sent half-changed.
    BatchUploadJob(Session *session, const QList<FileTransferItem> &items, const QList<qint64> &sizes, QObject *parent = nullptr);
    ~BatchUploadJob() override;

    const QList<FileTransferItem> &items() const { return m_items; }
    /// Per file, valid after success: Error{} or what went wrong.
    const QList<Error> &results() const { return m_results; }
    /// Leave the files staged (complete part files, not yet flushed or
    /// renamed) for a group commit; see GroupCommitJob.
    void setStage(bool stage) { m_stage = stage; }

private:
    void attempt() override;
    void abandonAttempt(bool cancelled) override;
    std::optional<net::Outgoing> produce(qint64 maxData) override;
    bool wantsToSend() const override { return !m_endSent && m_streaming; }
    qint64 frameLimit(qint64 chunk) const override { return m_compression.frameLimit(chunk); }
    void onStreamData(const protocol::DataFrame &) override {}
    void onStreamMessage(const QCborMap &message) override;

    QList<FileTransferItem> m_items;
    QList<qint64> m_sizes;
    QList<Error> m_results;
    QList<QByteArray> m_digests;
    std::optional<transfer::FileSource> m_source;
    qsizetype m_current = 0;
    qint64 m_currentDone = 0;
    qint64 m_position = 0;
    net::CompressionChooser m_compression; ///< for the current file
    qint64 m_total = 0;
    bool m_streaming = false;
    bool m_endSent = false;
    bool m_stage = false;
};

/// Downloads a batch of small files on one stream ("getmany"), written to
/// part files and moved into place after one flush.
class BatchDownloadJob final : public TransferJob, private net::StreamReceiver
{
    Q_OBJECT

public:
    BatchDownloadJob(Session *session, const QList<FileTransferItem> &items, QObject *parent = nullptr);
    ~BatchDownloadJob() override;

    const QList<FileTransferItem> &items() const { return m_items; }
    const QList<Error> &results() const { return m_results; }
    /// As BatchUploadJob::setStage().
    void setStage(bool stage) { m_stage = stage; }

private:
    void attempt() override;
    void abandonAttempt(bool cancelled) override;
    void onReady(const QCborMap &reply);
    void onStreamData(const protocol::DataFrame &frame) override;
    void onStreamMessage(const QCborMap &message) override;
    void openCurrent();
    void finishAll(const QCborArray &hashes);
    void commitAll(int flushError);
    void stageAll();
    struct FinalAttributesAndReplace {
        transfer::FinalAttributes attributes;
        transfer::Replace replace = transfer::Replace::Never;
    };
    FinalAttributesAndReplace finalAttributes(qsizetype index) const;

    struct Incoming {
        qint64 size = 0;
        quint32 mode = 0;
        qint64 mtimeNs = 0;
        std::optional<transfer::FileSink> sink;
    };
    QList<FileTransferItem> m_items;
    QList<Error> m_results;
    std::vector<Incoming> m_incoming; ///< move-only parts: not a QList
    qsizetype m_current = 0;
    qint64 m_currentDone = 0;
    qint64 m_received = 0;
    qint64 m_total = 0;
    bool m_streamOpen = false;
    bool m_stage = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); ///< guards background flushes
};

} // namespace ferry::client
