// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/uploadjob.h"

#include "core/client/session.h"
#include "core/pathcodec.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/wirepath.h"
#include "core/transfer/hasher.h"
#include "core/transfer/outgoingfile.h"
#include "core/transfer/streammessages.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

/// The agent's "abort" on an upload stream (its disk filled up, say): stop
/// sending at once; the request's error reply ends the attempt.
class UploadJob::AbortListener final : public net::StreamReceiver
{
public:
    explicit AbortListener(UploadJob *job) : m_job(job) {}
    void onStreamData(const protocol::DataFrame &) override {}
    void onStreamMessage(const QCborMap &message) override
    {
        if (message.value("t"_L1).toString() == "abort"_L1 && m_job->m_session->connection())
            m_job->m_session->connection()->closeStream(m_job->m_stream);
    }

private:
    UploadJob *m_job;
};

UploadJob::UploadJob(Session *session, const FileTransferItem &item, QObject *parent)
    : TransferJob(session, parent)
    , m_item(item)
{
}

UploadJob::~UploadJob()
{
    abandonAttempt(false);
}

void UploadJob::attempt()
{
    m_retiredOutgoing.reset();
    m_retiredListener.reset();
    const QByteArray local = pathcodec::toBytes(m_item.localPath);
    UniqueFd fd(::open(local.constData(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        attemptFinished(Error::fromErrno(errno, m_item.localPath));
        return;
    }
    auto source = transfer::FileSource::open(std::move(fd), m_item.localPath);
    if (!source) {
        attemptFinished(source.error());
        return;
    }
    setTotal(source->size());
    QCborMap args{{"s"_L1, qint64(m_stream)},
                  {"path"_L1, protocol::pathValue(m_item.remotePath)},
                  {"size"_L1, source->size()},
                  {"resume"_L1, true},
                  {"replace"_L1, m_item.conflict != ConflictAction::Fail},
                  {"seed"_L1, m_item.conflict == ConflictAction::Resume}};
    if (m_item.preserveMode)
        args.insert("mode"_L1, qint64(source->mode()));
    if (m_item.preserveTimes)
        args.insert("mtime"_L1, source->mtimeNs());
    m_pendingSource = std::make_unique<transfer::FileSource>(std::move(*source));
    m_requestId = m_session->request(QStringLiteral("put"), args, [this](const Expected<QCborMap> &reply, bool last) {
        if (!reply) {
            attemptFinished(reply.error());
        } else if (!last) {
            onReady(*reply);
        } else {
            setProcessed(totalBytes());
            attemptFinished(Error{});
        }
    }, this);
}

void UploadJob::onReady(const QCborMap &reply)
{
    protocol::MessageReader reader(reply);
    const qint64 offset = reader.integer("offset"_L1);
    const QByteArray prefix = reader.bytes("prefix"_L1, transfer::Hasher::kDigestSize);
    if (!reader.ok() || !m_pendingSource) {
        attemptFinished(Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    // Resume only over bytes that provably match ours: hashing them reads
    // the file that far, on a worker thread.
    auto source = std::shared_ptr<transfer::FileSource>(std::move(m_pendingSource));
    using Result = Expected<qint64>;
    runAttemptWork<Result>(
        [source, offset, prefix](const transfer::WorkProgress &check) -> Result {
            if (offset > 0 && offset <= source->size()) {
                auto digest = source->seekAndHashPrefix(offset, check);
                if (!digest)
                    return std::unexpected(digest.error());
                if (*digest == prefix)
                    return offset;
            }
            if (auto rewound = source->seekAndHashPrefix(0); !rewound)
                return std::unexpected(rewound.error());
            return 0;
        },
        [this, source](Result start) {
            if (!start) {
                attemptFinished(start.error());
                return;
            }
            send(std::move(*source), *start);
        });
}

void UploadJob::send(transfer::FileSource source, qint64 start)
{
    startAt(start);

    transfer::OutgoingFile::Callbacks callbacks;
    callbacks.progress = [this](qint64 sent) { setProcessed(sent); };
    callbacks.failed = [this](const Error &error) {
        // The agent gets the abort; its error reply would only echo it.
        QTimer::singleShot(0, this, [this, error] { attemptFinished(error); });
    };
    m_outgoing = std::make_unique<transfer::OutgoingFile>(m_stream, std::move(source), std::move(callbacks));
    m_listener = std::make_unique<AbortListener>(this);
    net::Connection *connection = m_session->connection();
    m_outgoing->setCompression(connection->compressionChooser());
    connection->openStream(m_stream, m_listener.get(), m_outgoing.get());
    connection->wake(m_stream);
}

void UploadJob::abandonAttempt(bool cancelled)
{
    endAttemptWork();
    if (!m_session) {
        m_retiredOutgoing = std::move(m_outgoing);
        m_retiredListener = std::move(m_listener);
        m_pendingSource.reset();
        return;
    }
    // The agent drops its part file when cancelled and keeps it (and
    // releases its lock) when paused.
    if (cancelled)
        closeAttemptStream(Error{ErrorCode::Cancelled, tr("cancelled by the user")});
    else if (pausing())
        closeAttemptStream(Error{ErrorCode::Paused, tr("paused by the user")});
    else
        closeAttemptStream(std::nullopt);
    // Kept until the next attempt or the job's end: this may run inside one
    // of their own callbacks.
    m_retiredOutgoing = std::move(m_outgoing);
    m_retiredListener = std::move(m_listener);
    m_pendingSource.reset();
}

} // namespace ferry::client
