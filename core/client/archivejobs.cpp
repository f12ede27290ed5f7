// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/archivejobs.h"

#include "core/client/session.h"
#include "core/client/uploadjob.h"
#include "core/protocol/remotepath.h"

#include <QFileInfo>

#include <cerrno>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

ExtractJob::ExtractJob(Session *session, const Request &request, QObject *parent)
    : transfer::Job(parent)
    , m_session(session)
    , m_fs(std::make_unique<RemoteFs>(session))
    , m_request(request)
{
}

ExtractJob::~ExtractJob() = default;

QString ExtractJob::stagingName(const QString &localFileName)
{
    return u"."_s + localFileName + u".ferry-extract"_s;
}

void ExtractJob::doStart()
{
    m_fs->mkdir(m_request.destination, 0755, true, [this](const Expected<void> &made) {
        if (!made)
            return emitResult(made.error());
        if (!m_request.local)
            return unpack(m_request.archive, QString());
        const QFileInfo local(m_request.archive);
        if (!local.isFile())
            return emitResult(Error::fromErrno(local.exists() ? EISDIR : ENOENT, m_request.archive));
        // Beside the destination, so the agent reads it from the same file
        // system and nothing lands in the folder under a name of its own.
        m_staged = remotepath::join(m_request.destination, stagingName(local.fileName()));
        FileTransferItem item;
        item.localPath = local.absoluteFilePath();
        item.remotePath = m_staged;
        item.conflict = ConflictAction::Overwrite;
        item.preserveMode = false;
        m_upload = new UploadJob(m_session, item, this);
        connect(m_upload, &transfer::Job::progress, this, [this](qint64 processed, qint64 total) {
            setTotal(total);
            setProcessed(processed);
        });
        connect(m_upload, &transfer::Job::finished, this, [this, name = local.fileName()](transfer::Job *upload) {
            upload->deleteLater();
            if (!upload->succeeded()) {
                m_staged.clear(); // a failed upload leaves no file under that name
                return emitResult(upload->error());
            }
            unpack(m_staged, name);
        });
        m_upload->start();
    }, this);
}

void ExtractJob::unpack(const QString &remoteArchive, const QString &shownName)
{
    const auto progress = [this](qint64 done, qint64 total) {
        setTotal(total);
        setProcessed(done);
    };
    m_requestId = m_fs->extract(remoteArchive, m_request.destination, m_request.policy, shownName, m_request.wrap, progress,
                                [this](const Expected<ExtractSummary> &summary) {
                                    m_requestId = 0;
                                    if (summary) {
                                        m_summary = *summary;
                                        setTotal(summary->bytes);
                                        setProcessed(summary->bytes);
                                    }
                                    const Error error = summary ? Error{} : summary.error();
                                    // The uploaded archive is gone before the job ends.
                                    if (m_staged.isEmpty())
                                        return emitResult(error);
                                    m_fs->remove(std::exchange(m_staged, QString()), false, [this, error](const Expected<void> &) { emitResult(error); }, this);
                                }, this);
}

void ExtractJob::removeStaged()
{
    if (!m_staged.isEmpty())
        m_fs->remove(std::exchange(m_staged, QString()), false, [](const Expected<void> &) {}, nullptr);
}

void ExtractJob::doCancel()
{
    if (m_upload)
        m_upload->cancel();
    if (m_requestId)
        m_fs->cancel(std::exchange(m_requestId, 0));
    removeStaged();
}

CompressJob::CompressJob(Session *session, const QStringList &paths, const QString &archive, bool replace, QObject *parent)
    : transfer::Job(parent)
    , m_fs(std::make_unique<RemoteFs>(session))
    , m_paths(paths)
    , m_archive(archive)
    , m_replace(replace)
{
}

CompressJob::~CompressJob() = default;

void CompressJob::doStart()
{
    const auto progress = [this](qint64 done, qint64 total) {
        setTotal(total);
        setProcessed(done);
    };
    m_requestId = m_fs->compress(m_paths, m_archive, m_replace, progress, [this](const Expected<qint64> &size) {
        m_requestId = 0;
        if (!size)
            return emitResult(size.error());
        emitResult();
    }, this);
}

void CompressJob::doCancel()
{
    if (m_requestId)
        m_fs->cancel(std::exchange(m_requestId, 0));
}

} // namespace ferry::client
