// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/agentbatch.h"

#include "core/agent/agentput.h"
#include "core/agent/agentsession.h"
#include "core/pathcodec.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/flush.h"
#include "core/transfer/hasher.h"
#include "core/transfer/streammessages.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QPointer>
#include <QSet>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

QCborValue resultValue(const Error &error)
{
    if (error.code == ErrorCode::None)
        return 0;
    return QCborArray{qint64(error.code), error.message};
}


} // namespace

// --- putmany -----------------------------------------------------------------

AgentPutMany::AgentPutMany(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

AgentPutMany::~AgentPutMany()
{
    if (!m_done) {
        for (Item &item : m_items)
            if (item.sink)
                item.sink->discard();
    }
}

void AgentPutMany::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    auto files = transfer::readBatchUploads(request.value("files"_L1));
    if (!files) {
        session->replyError(requestId, files.error());
        return;
    }
    auto *batch = new AgentPutMany(session, requestId, stream);
    batch->m_stage = request.value("stage"_L1).toBool();
    for (const transfer::BatchUpload &file : std::as_const(*files)) {
        Item item;
        item.path = file.path;
        item.size = file.size;
        item.replace = file.replace ? transfer::Replace::Always : transfer::Replace::Never;
        item.attributes = attributesFromWire(file.mode, file.mtimeNs);
        batch->m_total += item.size;
        batch->m_items.push_back(std::move(item));
    }
    // Refuse early what the final rename would refuse, per file.
    for (Item &item : batch->m_items) {
        auto parent = session->root().parentIn(batch->m_parents, item.path);
        if (!parent) {
            item.error = parent.error();
            continue;
        }
        if (auto existing = RootFs::statAt(*parent, item.path)) {
            if (existing->type == EntryInfo::Type::Directory)
                item.error = Error::fromErrno(EISDIR, item.path);
            else if (item.replace == transfer::Replace::Never)
                item.error = Error::fromErrno(EEXIST, item.path);
        }
    }
    session->connection()->openStream(stream, batch, nullptr);
    session->registerStream(batch);
    session->reply(requestId, {}, false);
    batch->openCurrent();
}

void AgentPutMany::openCurrent()
{
    // Opens the part file of the file whose bytes come next (and of any
    // empty files on the way, which have no bytes at all).
    while (m_current < qsizetype(m_items.size())) {
        Item &item = m_items[m_current];
        if (!item.sink && item.error.code == ErrorCode::None) {
            auto parent = m_session->root().parentIn(m_parents, item.path);
            UniqueFd dirFd(parent ? ::fcntl(parent->dirFd, F_DUPFD_CLOEXEC, 0) : -1);
            if (!parent) {
                item.error = parent.error();
            } else if (!dirFd) {
                item.error = Error::fromErrno(errno, item.path);
            } else {
                auto sink = transfer::FileSink::open(std::move(dirFd), parent->name, item.path, false);
                if (sink)
                    item.sink.emplace(std::move(*sink));
                else
                    item.error = sink.error();
            }
        }
        if (m_currentDone < item.size)
            return;
        ++m_current;
        m_currentDone = 0;
    }
}

void AgentPutMany::onStreamData(const protocol::DataFrame &frame)
{
    const qint64 size = frame.payload.size();
    if (qint64(frame.offset) != m_received || m_received + size > m_total) {
        m_session->connection()->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "batch data out of place")});
        return;
    }
    qint64 used = 0;
    while (used < size && m_current < qsizetype(m_items.size())) {
        Item &item = m_items[m_current];
        const qint64 n = std::min(size - used, item.size - m_currentDone);
        if (item.sink && item.error.code == ErrorCode::None) {
            if (auto written = item.sink->write(m_currentDone, QByteArrayView(frame.payload).sliced(used, n)); !written) {
                item.error = written.error();
                item.sink->discard();
                item.sink.reset();
            }
        }
        used += n;
        m_currentDone += n;
        openCurrent();
    }
    m_received += size;
    m_session->connection()->consumed(m_stream, size);
}

void AgentPutMany::onStreamMessage(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    if (reader.type() == "abort"_L1) {
        // The part files go now rather than when this stream is deleted, so
        // a batch sent again right behind finds them free.
        for (Item &item : m_items) {
            if (item.sink)
                item.sink->discard();
            item.sink.reset();
        }
        m_session->replyError(m_requestId, transfer::errorFromMessage(message));
        m_session->streamFinished(m_stream);
        return;
    }
    if (reader.type() != "end"_L1 || m_done)
        return;
    const QCborArray hashes = message.value("hs"_L1).toArray();
    if (m_received != m_total || hashes.size() != qsizetype(m_items.size())) {
        m_session->connection()->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "batch ended early")});
        return;
    }
    QList<QByteArray> digests;
    for (const QCborValue &h : hashes)
        digests.append(h.toByteArray());
    finishAll(digests);
}

void AgentPutMany::finishAll(const QList<QByteArray> &digests)
{
    m_done = true;
    int syncFd = -1;
    for (qsizetype i = 0; i < qsizetype(m_items.size()); ++i) {
        Item &item = m_items[i];
        if (item.error.code == ErrorCode::None && !item.sink)
            item.error = Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "%1: not written").arg(pathcodec::escaped(item.path))};
        if (item.error.code == ErrorCode::None) {
            if (auto verified = item.sink->verify(item.size, digests.at(i)); !verified)
                item.error = verified.error();
        }
        if (item.error.code == ErrorCode::None && syncFd < 0)
            syncFd = item.sink->fileFd();
    }
    if (m_stage) {
        stageAll();
        return;
    }
    if (syncFd < 0) {
        commitAll(0);
        return;
    }
    // One flush for the whole batch instead of one per file, on a worker
    // thread: every part file is on disk before any takes its final name.
    transfer::flushInBackground(syncFd, transfer::FlushKind::FileSystem, m_alive, [this](int error) { commitAll(error); });
}

void AgentPutMany::commitAll(int flushError)
{
    QCborArray results;
    QSet<QString> parents;
    for (Item &item : m_items) {
        if (item.error.code == ErrorCode::None && flushError != 0)
            item.error = Error::fromErrno(flushError, item.path);
        if (item.error.code == ErrorCode::None) {
            if (auto committed = item.sink->commit(item.attributes, item.replace); !committed)
                item.error = committed.error();
            else
                parents.insert(remotepath::parent(item.path));
        }
        if (item.sink && item.error.code != ErrorCode::None)
            item.sink->discard();
        item.sink.reset();
        results.append(resultValue(item.error));
    }
    // The renames are durable once their directories are; reply after that.
    const auto open = [this](const QString &parent) {
        auto dir = m_session->root().openDirectory(parent);
        return dir ? dir->release() : -1;
    };
    transfer::flushDirectoriesInBackground(QStringList(parents.cbegin(), parents.cend()), open, m_alive, [this, results] {
        m_session->reply(m_requestId, QCborMap{{"results"_L1, results}});
        m_session->streamFinished(m_stream);
    });
}

void AgentPutMany::stageAll()
{
    QCborArray results;
    for (Item &item : m_items) {
        if (item.error.code == ErrorCode::None) {
            if (auto staged = item.sink->stage(item.attributes); !staged)
                item.error = staged.error();
        }
        if (item.sink && item.error.code != ErrorCode::None)
            item.sink->discard();
        item.sink.reset();
        results.append(resultValue(item.error));
    }
    m_session->reply(m_requestId, QCborMap{{"results"_L1, results}});
    m_session->streamFinished(m_stream);
}

// --- commit ------------------------------------------------------------------

void handleCommit(AgentSession *session, qint64 requestId, const QCborMap &request)
{
    struct Item {
        QString path;
        qint64 size = 0;
        transfer::Replace replace = transfer::Replace::Never;
    };
    const QCborArray files = request.value("files"_L1).toArray();
    if (files.isEmpty() || files.size() > kMaxCommitFiles) {
        session->replyError(requestId, Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "a commit holds 1 to %1 files").arg(kMaxCommitFiles)});
        return;
    }
    auto items = std::make_shared<QList<Item>>();
    for (const QCborValue &value : files) {
        protocol::MessageReader reader(value.toMap());
        Item item;
        item.path = reader.path("path"_L1);
        item.size = reader.integer("size"_L1, 0, kMaxBatchBytes);
        item.replace = reader.optionalBool("replace"_L1) ? transfer::Replace::Always : transfer::Replace::Never;
        if (!reader.ok()) {
            session->replyError(requestId, Error{ErrorCode::Protocol, reader.error()});
            return;
        }
        items->append(item);
    }
    auto root = session->root().openDirectory(QString());
    if (!root) {
        session->replyError(requestId, root.error());
        return;
    }
    auto results = std::make_shared<QCborArray>();
    QPointer<AgentSession> guard(session);
    const auto rename = [guard, items, results](int flushError) {
        if (!guard)
            return;
        ParentCache parents;
        for (const Item &item : std::as_const(*items)) {
            Error error;
            if (flushError != 0) {
                error = Error::fromErrno(flushError, item.path);
            } else if (auto parent = guard->root().parentIn(parents, item.path); !parent) {
                error = parent.error();
            } else if (auto done = transfer::FileSink::commitStaged(parent->dirFd, parent->name, item.size, item.replace, item.path); !done) {
                error = done.error();
            }
            results->append(resultValue(error));
        }
    };
    transfer::commitInBackground(root->get(), session->lifetime(), rename, [guard, requestId, results] {
        if (guard)
            guard->reply(requestId, QCborMap{{"results"_L1, *results}});
    });
}

// --- getmany -----------------------------------------------------------------

AgentGetMany::AgentGetMany(AgentSession *session, qint64 requestId, quint32 stream)
    : AgentStream(session, requestId, stream)
{
}

AgentGetMany::~AgentGetMany() = default;

void AgentGetMany::start(AgentSession *session, qint64 requestId, quint32 stream, const QCborMap &request)
{
    protocol::MessageReader reader(request);
    const QStringList paths = reader.pathList("paths"_L1, kMaxBatchFiles);
    if (!reader.ok() || paths.isEmpty()) {
        session->replyError(requestId, Error{ErrorCode::Protocol, reader.ok() ? QStringLiteral("empty batch") : reader.error()});
        return;
    }
    auto *batch = new AgentGetMany(session, requestId, stream);
    QCborArray files;
    for (const QString &path : paths) {
        Item item;
        item.path = path;
        auto parent = session->root().parentIn(batch->m_parents, path);
        auto info = parent ? RootFs::statAt(*parent, path) : Expected<EntryInfo>(std::unexpected(parent.error()));
        // A file inside an archive is read out of it (archiveview.h).
        if (!info) {
            if (const auto inside = archiveview::split(session->root(), path)) {
                info = archiveview::stat(session->root(), *inside);
                item.inArchive = inside;
            }
        }
        if (info && info->type != EntryInfo::Type::File)
            info = std::unexpected(info->type == EntryInfo::Type::Directory ? Error::fromErrno(EISDIR, path)
                                                                            : Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "%1: not a regular file").arg(pathcodec::escaped(path))});
        if (info && batch->m_total + info->size > kMaxBatchBytes)
            info = std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "%1: too large for a batch").arg(pathcodec::escaped(path))});
        if (info) {
            item.ok = true;
            item.size = info->size;
            batch->m_total += info->size;
            files.append(QCborMap{{"size"_L1, info->size}, {"mode"_L1, qint64(info->mode)}, {"mtime"_L1, info->mtimeNs}});
        } else {
            files.append(QCborMap{{"error"_L1, resultValue(info.error())}});
        }
        batch->m_items.push_back(std::move(item));
    }
    session->connection()->openStream(stream, nullptr, batch);
    session->registerStream(batch);
    session->reply(requestId, QCborMap{{"files"_L1, files}});
    session->connection()->wake(stream);
}

std::optional<net::Outgoing> AgentGetMany::produce(qint64 maxData)
{
    if (m_endSent)
        return std::nullopt;
    // Skip files that failed or are fully sent; open the next one lazily so
    // a batch holds one descriptor at a time.
    while (m_current < qsizetype(m_items.size())) {
        Item &item = m_items[m_current];
        if (!item.ok || m_currentDone >= item.size) {
            if (item.ok && item.digest.isEmpty() && item.source)
                item.digest = item.source->checkUnchanged() ? item.source->digest() : QByteArray();
            if (item.ok && item.size == 0 && !item.opened)
                item.digest = transfer::Hasher::hash({});
            item.source.reset();
            ++m_current;
            m_currentDone = 0;
            continue;
        }
        if (!item.opened) {
            item.opened = true;
            auto parent = item.inArchive ? Expected<ParentRef>(std::unexpected(Error{})) : m_session->root().parentIn(m_parents, item.path);
            auto fd = item.inArchive ? archiveview::openAsFd(m_session->root(), *item.inArchive, kMaxBatchBytes)
                      : parent       ? RootFs::openReadAt(*parent, item.path)
                                     : Expected<UniqueFd>(std::unexpected(parent.error()));
            if (fd) {
                auto source = transfer::FileSource::open(std::move(*fd), item.path);
                if (source && source->size() >= item.size)
                    item.source.emplace(std::move(*source));
            }
        }
        break;
    }
    if (m_current >= qsizetype(m_items.size())) {
        m_endSent = true;
        QCborArray hashes;
        for (const Item &item : std::as_const(m_items))
            hashes.append(item.digest.isEmpty() ? QCborValue(QCborValue::Null) : QCborValue(item.digest));
        const QCborMap end{{"t"_L1, "end"_L1}, {"s"_L1, qint64(m_stream)}, {"size"_L1, m_total}, {"hs"_L1, hashes}};
        m_session->streamFinished(m_stream);
        return net::Outgoing{protocol::encodeControl(end), 0};
    }
    if (maxData <= 0)
        return std::nullopt;
    Item &item = m_items[m_current];
    const qint64 want = std::min(maxData, item.size - m_currentDone);
    if (m_currentDone == 0)
        m_compression = m_session->connection()->compressionChooser(); // decided per file
    QByteArray frame = protocol::allocateData(m_stream, 0, quint64(m_position), want);
    char *payload = frame.data() + protocol::kDataHeaderSize;
    qint64 got = 0;
    if (item.source) {
        auto n = item.source->read(payload, want);
        if (n)
            got = *n;
        else
            item.source.reset(); // changed or unreadable: pad, and send no checksum
    }
    if (got < want) {
        memset(payload + got, 0, size_t(want - got));
        item.source.reset();
        item.digest.clear();
        item.opened = true;
    }
    m_currentDone += want;
    m_position += want;
    QList<QByteArray> rest = m_compression.apply(frame);
    return net::Outgoing{frame, want, std::move(rest)};
}

} // namespace ferry::agent
