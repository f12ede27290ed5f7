// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/batchjobs.h"

#include "core/client/session.h"
#include "core/pathcodec.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/wirepath.h"
#include "core/transfer/batchmessages.h"
#include "core/transfer/flush.h"
#include "core/transfer/hasher.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {

Error changedError(const QString &path)
{
    return Error{ErrorCode::SourceChanged, QCoreApplication::translate("ferry::client", "%1: the file changed while it was being sent").arg(pathcodec::escaped(path))};
}

} // namespace

// --- upload --------------------------------------------------------------------

BatchUploadJob::BatchUploadJob(Session *session, const QList<FileTransferItem> &items, const QList<qint64> &sizes, QObject *parent)
    : TransferJob(session, parent)
    , m_items(items)
    , m_sizes(sizes)
{
    for (qint64 size : sizes)
        m_total += size;
}

BatchUploadJob::~BatchUploadJob()
{
    abandonAttempt(false);
}

void BatchUploadJob::attempt()
{
    m_results = QList<Error>(m_items.size());
    m_digests = QList<QByteArray>(m_items.size());
    m_current = 0;
    m_currentDone = 0;
    m_position = 0;
    m_endSent = false;
    m_streaming = false;
    m_source.reset();
    setTotal(m_total);
    QCborArray files;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const FileTransferItem &item = m_items.at(i);
        QCborMap file{{"path"_L1, protocol::pathValue(item.remotePath)}, {"size"_L1, m_sizes.at(i)}, {"replace"_L1, item.conflict != ConflictAction::Fail}};
        struct stat st {};
        if (::lstat(pathcodec::toBytes(item.localPath).constData(), &st) == 0) {
            if (item.preserveMode)
                file.insert("mode"_L1, qint64(st.st_mode & 07777));
            if (item.preserveTimes)
                file.insert("mtime"_L1, qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
        }
        files.append(file);
    }
    QCborMap args{{"s"_L1, qint64(m_stream)}, {"files"_L1, files}};
    if (m_stage)
        args.insert("stage"_L1, true);
    m_requestId = m_session->request(u"putmany"_s, args, [this](const Expected<QCborMap> &reply, bool last) {
        if (!reply) {
            attemptFinished(reply.error());
            return;
        }
        if (!last) {
            m_streaming = true;
            m_session->connection()->openStream(m_stream, this, this);
            m_session->connection()->wake(m_stream);
            return;
        }
        const auto results = transfer::readBatchResults(reply->value("results"_L1), m_items.size());
        if (!results) {
            attemptFinished(results.error());
            return;
        }
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            // An error we saw on our side (the file changed) takes precedence.
            if (m_results.at(i).code == ErrorCode::None)
                m_results[i] = results->at(i);
        }
        if (m_session->connection())
            m_session->connection()->closeStream(m_stream);
        setProcessed(m_total);
        attemptFinished(Error{});
    }, this);
}

std::optional<net::Outgoing> BatchUploadJob::produce(qint64 maxData)
{
    if (m_endSent || !m_streaming)
        return std::nullopt;
    while (m_current < m_items.size() && m_currentDone >= m_sizes.at(m_current)) {
        // File complete: its checksum, unless it changed on the way.
        if (m_source && m_results.at(m_current).code == ErrorCode::None) {
            if (m_source->checkUnchanged())
                m_digests[m_current] = m_source->digest();
            else
                m_results[m_current] = changedError(m_items.at(m_current).localPath);
        } else if (!m_source && m_sizes.at(m_current) == 0 && m_results.at(m_current).code == ErrorCode::None) {
            m_digests[m_current] = transfer::Hasher::hash({});
        }
        m_source.reset();
        ++m_current;
        m_currentDone = 0;
    }
    if (m_current >= m_items.size()) {
        m_endSent = true;
        QCborArray hashes;
        for (const QByteArray &digest : std::as_const(m_digests))
            hashes.append(digest);
        return net::Outgoing{protocol::encodeControl(QCborMap{{"t"_L1, "end"_L1}, {"s"_L1, qint64(m_stream)}, {"size"_L1, m_total}, {"hs"_L1, hashes}}), 0};
    }
    if (maxData <= 0)
        return std::nullopt;
    const FileTransferItem &item = m_items.at(m_current);
    const qint64 size = m_sizes.at(m_current);
    if (m_currentDone == 0 && !m_source && m_results.at(m_current).code == ErrorCode::None) {
        UniqueFd fd(::open(pathcodec::toBytes(item.localPath).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        auto source = fd ? transfer::FileSource::open(std::move(fd), item.localPath) : Expected<transfer::FileSource>(std::unexpected(Error::fromErrno(errno, item.localPath)));
        if (!source)
            m_results[m_current] = source.error();
        else if (source->size() != size)
            m_results[m_current] = changedError(item.localPath);
        else
            m_source.emplace(std::move(*source));
    }
    const qint64 want = std::min(maxData, size - m_currentDone);
    if (m_currentDone == 0 && m_session && m_session->connection())
        m_compression = m_session->connection()->compressionChooser(); // decided per file
    QByteArray frame = protocol::allocateData(m_stream, 0, quint64(m_position), want);
    char *payload = frame.data() + protocol::kDataHeaderSize;
    qint64 got = 0;
    if (m_source) {
        if (auto n = m_source->read(payload, want))
            got = *n;
        else {
            m_results[m_current] = n.error();
            m_source.reset();
        }
    }
    // A file we cannot send as planned still fills its place, with no
    // checksum, so the agent drops it and the rest of the batch stays aligned.
    if (got < want)
        memset(payload + got, 0, size_t(want - got));
    m_currentDone += want;
    m_position += want;
    setProcessed(m_position);
    QList<QByteArray> rest = m_compression.apply(frame);
    return net::Outgoing{frame, want, std::move(rest)};
}

void BatchUploadJob::onStreamMessage(const QCborMap &message)
{
    if (message.value("t"_L1).toString() == "abort"_L1 && m_session->connection())
        m_session->connection()->closeStream(m_stream);
}

void BatchUploadJob::abandonAttempt(bool cancelled)
{
    m_streaming = false;
    m_source.reset();
    if (!m_session)
        return;
    closeAttemptStream(cancelled ? std::optional<Error>(Error{ErrorCode::Cancelled, tr("cancelled")}) : std::nullopt);
}

// --- download ------------------------------------------------------------------

BatchDownloadJob::BatchDownloadJob(Session *session, const QList<FileTransferItem> &items, QObject *parent)
    : TransferJob(session, parent)
    , m_items(items)
{
}

BatchDownloadJob::~BatchDownloadJob()
{
    abandonAttempt(false);
}

void BatchDownloadJob::attempt()
{
    m_results = QList<Error>(m_items.size());
    m_incoming = std::vector<Incoming>(size_t(m_items.size()));
    m_current = 0;
    m_currentDone = 0;
    m_received = 0;
    m_total = 0;
    QStringList paths;
    for (const FileTransferItem &item : std::as_const(m_items))
        paths.append(item.remotePath);
    m_requestId = m_session->request(u"getmany"_s, QCborMap{{"s"_L1, qint64(m_stream)}, {"paths"_L1, protocol::pathArray(paths)}},
                                     [this](const Expected<QCborMap> &reply, bool) {
                                         if (!reply)
                                             attemptFinished(reply.error());
                                         else
                                             onReady(*reply);
                                     }, this);
}

void BatchDownloadJob::onReady(const QCborMap &reply)
{
    // Sizes are checked against the batch limits before anything is
    // added up or written.
    const auto files = transfer::readBatchDownloads(reply.value("files"_L1), m_items.size());
    if (!files) {
        attemptFinished(files.error());
        return;
    }
    for (qsizetype i = 0; i < files->size(); ++i) {
        const transfer::BatchDownload &file = files->at(i);
        if (file.error.code != ErrorCode::None) {
            m_results[i] = file.error;
            continue;
        }
        Incoming &in = m_incoming[size_t(i)];
        in.size = file.size;
        in.mode = file.mode;
        in.mtimeNs = file.mtimeNs;
        m_total += in.size;
    }
    setTotal(m_total);
    m_session->connection()->openStream(m_stream, this, nullptr);
    m_streamOpen = true;
    openCurrent();
}

void BatchDownloadJob::openCurrent()
{
    while (m_current < m_items.size()) {
        Incoming &in = m_incoming[m_current];
        if (m_results.at(m_current).code == ErrorCode::None && !in.sink) {
            const FileTransferItem &item = m_items.at(m_current);
            const QFileInfo target(item.localPath);
            UniqueFd dirFd(::open(pathcodec::toBytes(target.absolutePath()).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
            auto sink = dirFd ? transfer::FileSink::open(std::move(dirFd), pathcodec::toBytes(target.fileName()), item.localPath, false)
                              : Expected<transfer::FileSink>(std::unexpected(Error::fromErrno(errno, target.absolutePath())));
            if (sink)
                in.sink.emplace(std::move(*sink));
            else
                m_results[m_current] = sink.error();
        }
        if (m_currentDone < in.size)
            return;
        ++m_current;
        m_currentDone = 0;
    }
}

void BatchDownloadJob::onStreamData(const protocol::DataFrame &frame)
{
    const qint64 size = frame.payload.size();
    if (qint64(frame.offset) != m_received || m_received + size > m_total) {
        m_session->connection()->close(Error{ErrorCode::Protocol, tr("batch data out of place")});
        return;
    }
    qint64 used = 0;
    while (used < size && m_current < m_items.size()) {
        Incoming &in = m_incoming[m_current];
        const qint64 n = std::min(size - used, in.size - m_currentDone);
        if (in.sink) {
            if (auto written = in.sink->write(m_currentDone, QByteArrayView(frame.payload).sliced(used, n)); !written) {
                m_results[m_current] = written.error();
                in.sink->discard();
                in.sink.reset();
            }
        }
        used += n;
        m_currentDone += n;
        openCurrent();
    }
    m_received += size;
    m_session->connection()->consumed(m_stream, size);
    setProcessed(m_received);
}

void BatchDownloadJob::onStreamMessage(const QCborMap &message)
{
    const QString type = message.value("t"_L1).toString();
    if (type == "abort"_L1) {
        attemptFinished(transfer::errorFromMessage(message));
        return;
    }
    if (type != "end"_L1)
        return;
    const QCborArray hashes = message.value("hs"_L1).toArray();
    if (m_received != m_total || hashes.size() != m_items.size()) {
        attemptFinished(Error{ErrorCode::Protocol, tr("the batch ended early")});
        return;
    }
    finishAll(hashes);
}

void BatchDownloadJob::finishAll(const QCborArray &hashes)
{
    int syncFd = -1;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        Incoming &in = m_incoming[size_t(i)];
        if (!in.sink)
            continue;
        const QByteArray digest = hashes.at(i).toByteArray();
        if (digest.isEmpty()) {
            in.sink->discard();
            in.sink.reset();
            m_results[i] = changedError(QLatin1Char(':') + m_items.at(i).remotePath);
        } else if (auto verified = in.sink->verify(in.size, digest); !verified) {
            in.sink->discard();
            in.sink.reset();
            m_results[i] = verified.error();
        } else if (syncFd < 0) {
            syncFd = in.sink->fileFd();
        }
    }
    if (m_stage) {
        stageAll();
        return;
    }
    if (syncFd < 0) {
        commitAll(0);
        return;
    }
    // Every part file reaches the disk in one flush before any is renamed.
    transfer::flushInBackground(syncFd, transfer::FlushKind::FileSystem, m_alive, [this](int error) { commitAll(error); });
}

void BatchDownloadJob::commitAll(int flushError)
{
    QSet<QString> parents;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        Incoming &in = m_incoming[size_t(i)];
        if (!in.sink)
            continue;
        const FileTransferItem &item = m_items.at(i);
        if (flushError != 0) {
            m_results[i] = Error::fromErrno(flushError, item.localPath);
            in.sink->discard();
        } else {
            const auto final = finalAttributes(i);
            if (auto done = in.sink->commit(final.attributes, final.replace); !done) {
                m_results[i] = done.error();
                in.sink->discard();
            } else {
                parents.insert(QFileInfo(item.localPath).absolutePath());
            }
        }
        in.sink.reset();
    }
    if (m_session && m_session->connection())
        m_session->connection()->closeStream(m_stream);
    m_streamOpen = false;
    const auto open = [](const QString &parent) { return ::open(pathcodec::toBytes(parent).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); };
    transfer::flushDirectoriesInBackground(QStringList(parents.cbegin(), parents.cend()), open, m_alive, [this] { attemptFinished(Error{}); });
}

BatchDownloadJob::FinalAttributesAndReplace BatchDownloadJob::finalAttributes(qsizetype i) const
{
    const FileTransferItem &item = m_items.at(i);
    const Incoming &in = m_incoming[size_t(i)];
    FinalAttributesAndReplace result;
    if (item.preserveMode)
        result.attributes.mode = in.mode;
    if (item.preserveTimes)
        result.attributes.mtimeNs = in.mtimeNs;
    result.replace = item.conflict == ConflictAction::Fail ? transfer::Replace::Never : transfer::Replace::Always;
    return result;
}

void BatchDownloadJob::stageAll()
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        Incoming &in = m_incoming[size_t(i)];
        if (!in.sink)
            continue;
        if (auto staged = in.sink->stage(finalAttributes(i).attributes); !staged) {
            m_results[i] = staged.error();
            in.sink->discard();
        }
        in.sink.reset();
    }
    if (m_session && m_session->connection())
        m_session->connection()->closeStream(m_stream);
    m_streamOpen = false;
    attemptFinished(Error{});
}

void BatchDownloadJob::abandonAttempt(bool cancelled)
{
    for (Incoming &in : m_incoming) {
        if (in.sink)
            in.sink->discard();
        in.sink.reset();
    }
    if (!m_session)
        return;
    closeAttemptStream(cancelled ? std::optional<Error>(Error{ErrorCode::Cancelled, tr("cancelled")}) : std::nullopt);
    m_streamOpen = false;
}

} // namespace ferry::client
