// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/transferjob.h"
#include "core/transfer/filesink.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace ferry::transfer {
class IncomingFile;
}

namespace ferry::client {

class IncomingZip;

/// What the agent packs into one archive for a download (op "archive").
struct ArchiveRequest {
    QStringList remotePaths; ///< entries beneath the root, named in the archive by their last component
    QString format;          ///< "tar", "tar.gz", "tar.bz2", "tar.xz", "tar.zst" or "zip" (made here from a tar)
};

/// Downloads one file from beneath the agent's root to a local path,
/// through a hidden part file beside it that a later attempt resumes; or an
/// archive that the agent builds as it sends (never resumed: a new attempt
/// starts the archive again).
class DownloadJob final : public TransferJob
{
    Q_OBJECT

public:
    DownloadJob(Session *session, const FileTransferItem &item, QObject *parent = nullptr);
    /// An archive of @p archive to @p item's localPath (remotePath unused).
    DownloadJob(Session *session, const FileTransferItem &item, const ArchiveRequest &archive, QObject *parent = nullptr);
    ~DownloadJob() override;

    const FileTransferItem &item() const { return m_item; }

private:
    FileTransferItem m_item;
    std::optional<ArchiveRequest> m_archive;
    void attempt() override;
    void abandonAttempt(bool cancelled) override;
    void requestData();
    void onReady(const QCborMap &reply);

    std::optional<transfer::FileSink> m_sink;
    std::unique_ptr<transfer::IncomingFile> m_incoming;
    std::unique_ptr<transfer::IncomingFile> m_retired;
    std::unique_ptr<IncomingZip> m_zip; ///< instead of m_incoming, for a zip
    std::unique_ptr<IncomingZip> m_retiredZip;
};

} // namespace ferry::client
