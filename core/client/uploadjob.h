// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"

#include <memory>

namespace ferry::transfer {
class OutgoingFile;
class FileSource;
}

namespace ferry::client {

/// Uploads one local file to a path beneath the agent's root. The agent
/// reports how much of a partial upload it holds; the bytes are sent again
/// only when their checksum differs from the local file's prefix.
class UploadJob final : public TransferJob
{
    Q_OBJECT

public:
    UploadJob(Session *session, const FileTransferItem &item, QObject *parent = nullptr);
    ~UploadJob() override;

    const FileTransferItem &item() const { return m_item; }

private:
    FileTransferItem m_item;
    void attempt() override;
    void abandonAttempt(bool cancelled) override;
    void onReady(const QCborMap &reply);
    void send(transfer::FileSource source, qint64 start);

    class AbortListener;
    std::unique_ptr<transfer::OutgoingFile> m_outgoing;
    std::unique_ptr<AbortListener> m_listener;
    std::unique_ptr<transfer::FileSource> m_pendingSource;
    std::unique_ptr<transfer::OutgoingFile> m_retiredOutgoing;
    std::unique_ptr<AbortListener> m_retiredListener;
};

} // namespace ferry::client
