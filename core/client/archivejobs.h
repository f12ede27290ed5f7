// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/remotefs.h"
#include "core/transfer/job.h"

#include <QPointer>
#include <QStringList>

#include <memory>

namespace ferry::client {

class Session;
class UploadJob;

/// Unpacks an archive into a remote folder (made if missing): a remote
/// archive where it lies, with nothing crossing the wire; a local one
/// uploaded first beside the folder under a hidden name, unpacked there by
/// the agent and then removed. Progress is the upload's bytes, then the
/// unpacked bytes. The agent refuses hostile archives (docs/protocol.md).
class ExtractJob final : public transfer::Job
{
    Q_OBJECT

public:
    struct Request {
        QString archive;      ///< a local path, or a path beneath the agent's root
        bool local = false;   ///< whether archive is local
        QString destination;  ///< the remote folder
        QString policy = QStringLiteral("fail"); ///< for existing files: fail, overwrite or skip
        /// Unless the archive is one folder, into this folder inside
        /// destination (empty: straight into destination).
        QString wrap;
    };
    ExtractJob(Session *session, const Request &request, QObject *parent = nullptr);
    ~ExtractJob() override;

    const ExtractSummary &summary() const { return m_summary; }
    /// The name a local archive has on the agent while it is unpacked.
    static QString stagingName(const QString &localFileName);

private:
    void doStart() override;
    void doCancel() override;
    void unpack(const QString &remoteArchive, const QString &shownName);
    /// Removes the uploaded archive (a cancel: without waiting).
    void removeStaged();

    QPointer<Session> m_session;
    std::unique_ptr<RemoteFs> m_fs;
    Request m_request;
    QString m_staged;
    QPointer<UploadJob> m_upload;
    qint64 m_requestId = 0;
    ExtractSummary m_summary;
};

/// Packs remote entries into a remote archive on the agent (its format by
/// the name's suffix), with nothing crossing the wire.
class CompressJob final : public transfer::Job
{
    Q_OBJECT

public:
    CompressJob(Session *session, const QStringList &paths, const QString &archive, bool replace, QObject *parent = nullptr);
    ~CompressJob() override;

private:
    void doStart() override;
    void doCancel() override;

    std::unique_ptr<RemoteFs> m_fs;
    QStringList m_paths;
    QString m_archive;
    bool m_replace = false;
    qint64 m_requestId = 0;
};

} // namespace ferry::client
