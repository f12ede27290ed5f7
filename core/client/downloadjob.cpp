// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/downloadjob.h"

#include "core/client/incomingzip.h"
#include "core/client/session.h"
#include "core/pathcodec.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/wirepath.h"
#include "core/transfer/incomingfile.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

DownloadJob::DownloadJob(Session *session, const FileTransferItem &item, QObject *parent)
    : TransferJob(session, parent)
    , m_item(item)
{
}

DownloadJob::DownloadJob(Session *session, const FileTransferItem &item, const ArchiveRequest &archive, QObject *parent)
    : TransferJob(session, parent)
    , m_item(item)
    , m_archive(archive)
{
}

DownloadJob::~DownloadJob()
{
    abandonAttempt(false);
}

void DownloadJob::attempt()
{
    m_retired.reset();
    m_retiredZip.reset();
    const QFileInfo target(m_item.localPath);
    struct stat st {};
    if (::lstat(pathcodec::toBytes(m_item.localPath).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            attemptFinished(Error::fromErrno(EISDIR, m_item.localPath));
            return;
        }
        if (m_item.conflict == ConflictAction::Fail) {
            attemptFinished(Error::fromErrno(EEXIST, m_item.localPath));
            return;
        }
    }
    const QByteArray dir = pathcodec::toBytes(target.absolutePath());
    UniqueFd dirFd(::open(dir.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dirFd) {
        attemptFinished(Error::fromErrno(errno, target.absolutePath()));
        return;
    }
    // A part file left by an earlier attempt is offered for resume; the
    // agent checks its checksum against the source before using it.
    // An archive is built anew by every attempt: nothing to resume.
    auto sink = transfer::FileSink::open(std::move(dirFd), pathcodec::toBytes(target.fileName()), m_item.localPath, !m_archive);
    if (!sink) {
        attemptFinished(sink.error());
        return;
    }
    // Hashing a part file, or seeding it from a shorter destination, reads
    // whole files: on a worker thread.
    auto shared = std::make_shared<transfer::FileSink>(std::move(*sink));
    const bool seed = m_item.conflict == ConflictAction::Resume && !m_archive;
    const bool resume = !m_archive;
    using Result = Expected<void>;
    runAttemptWork<Result>(
        [shared, seed, resume](const transfer::WorkProgress &check) -> Result {
            if (!resume)
                return {};
            if (auto hashed = shared->hashPrefix(check); !hashed)
                return hashed;
            // The size is not known yet; the agent's checksum of the prefix
            // decides whether the copied bytes are kept.
            if (seed)
                return shared->seedFromDestination(std::numeric_limits<qint64>::max(), check);
            return {};
        },
        [this, shared](Result ready) {
            if (!ready) {
                attemptFinished(ready.error());
                return;
            }
            m_sink.emplace(std::move(*shared));
            requestData();
        });
}

void DownloadJob::requestData()
{
    QString op = u"get"_s;
    QCborMap args{{"s"_L1, qint64(m_stream)}};
    if (m_archive) {
        QCborArray paths;
        for (const QString &path : std::as_const(m_archive->remotePaths))
            paths.append(protocol::pathValue(path));
        op = u"archive"_s;
        args.insert("paths"_L1, paths);
        // A zip is made here out of the tar the agent streams (IncomingZip).
        args.insert("format"_L1, m_archive->format == "zip"_L1 ? u"tar"_s : m_archive->format);
    } else {
        args.insert("path"_L1, protocol::pathValue(m_item.remotePath));
        args.insert("offset"_L1, m_sink->offset());
        args.insert("prefix"_L1, m_sink->prefixDigest());
    }
    m_requestId = m_session->request(op, args, [this](const Expected<QCborMap> &reply, bool) {
        if (reply)
            return onReady(*reply);
        // An archive leaves nothing to resume from: no part file stays.
        if (m_archive && m_sink)
            m_sink->discard();
        attemptFinished(reply.error());
    }, this);
}

void DownloadJob::onReady(const QCborMap &reply)
{
    protocol::MessageReader reader(reply);
    const qint64 size = reader.integer("size"_L1);
    const qint64 mode = reader.integer("mode"_L1, 0, 07777);
    const qint64 mtime = reader.integer("mtime"_L1, std::numeric_limits<qint64>::min());
    const qint64 offset = reader.integer("offset"_L1);
    if (!reader.ok() || !m_sink) {
        attemptFinished(Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    setTotal(size);
    startAt(offset);

    transfer::FinalAttributes attributes;
    if (m_item.preserveMode)
        attributes.mode = quint32(mode);
    if (m_item.preserveTimes)
        attributes.mtimeNs = mtime;
    transfer::IncomingFile::Callbacks callbacks;
    callbacks.progress = [this](qint64 received) { setProcessed(received); };
    callbacks.finished = [this](const Expected<void> &result) {
        if (net::Connection *connection = m_session->connection())
            connection->closeStream(m_stream);
        attemptFinished(result ? Error{} : result.error());
    };
    const auto replace = m_item.conflict == ConflictAction::Fail ? transfer::Replace::Never : transfer::Replace::Always;
    if (m_archive && m_archive->format == "zip"_L1) {
        m_zip = std::make_unique<IncomingZip>(m_session->connection(), m_stream, std::move(*m_sink), replace, std::move(callbacks));
        m_sink.reset();
        m_session->connection()->openStream(m_stream, m_zip.get(), nullptr);
        return;
    }
    m_incoming = std::make_unique<transfer::IncomingFile>(m_session->connection(), m_stream, std::move(*m_sink), attributes, replace, std::move(callbacks));
    m_sink.reset();
    m_session->connection()->openStream(m_stream, m_incoming.get(), nullptr);
}

void DownloadJob::abandonAttempt(bool cancelled)
{
    endAttemptWork();
    if (!m_session) {
        m_retired = std::move(m_incoming);
        m_retiredZip = std::move(m_zip);
        m_sink.reset();
        return;
    }
    // The agent stops sending; what arrived here stays for a resume unless cancelled.
    closeAttemptStream(Error{ErrorCode::Cancelled, tr("cancelled")});
    if (cancelled && m_incoming)
        m_incoming->discard();
    // A zip half made is no start for the next attempt.
    if (m_zip)
        m_zip->discard();
    // Kept until the next attempt or the job's end: this may run inside its
    // own callback.
    m_retired = std::move(m_incoming);
    m_retiredZip = std::move(m_zip);
    m_sink.reset();
}

} // namespace ferry::client
