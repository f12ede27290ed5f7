// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"
#include "core/transfer/filesink.h"

#include <memory>
#include <optional>

namespace ferry::transfer {
class IncomingFile;
}

namespace ferry::client {

/// Downloads one file from beneath the agent's root to a local path,
/// through a hidden part file beside it that a later attempt resumes.
class DownloadJob final : public TransferJob
{
    Q_OBJECT

public:
    DownloadJob(Session *session, const FileTransferItem &item, QObject *parent = nullptr);
    ~DownloadJob() override;

    const FileTransferItem &item() const { return m_item; }

private:
    FileTransferItem m_item;
    void attempt() override;
    void abandonAttempt(bool cancelled) override;
    void requestData();
    void onReady(const QCborMap &reply);

    std::optional<transfer::FileSink> m_sink;
    std::unique_ptr<transfer::IncomingFile> m_incoming;
    std::unique_ptr<transfer::IncomingFile> m_retired;
};

} // namespace ferry::client
