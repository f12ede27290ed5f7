// SPDX-License-Identifier: GPL-3.0-or-later
// The requests an authenticated client may make: a table from "op" to one
// small function each, which reads its fields and replies.
#include "core/agent/agentsession.h"

#include "core/agent/agentarchive.h"
#include "core/agent/agentbatch.h"
#include "core/agent/agentcopy.h"
#include "core/agent/agentexec.h"
#include "core/agent/agentput.h"
#include "core/agent/agentstream.h"
#include "core/agent/archiveextract.h"
#include "core/agent/archiveview.h"
#include "core/logging.h"
#include "core/pathcodec.h"
#include "core/protocol/entry.h"
#include "core/protocol/frame.h"
#include "core/protocol/messagereader.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/filesource.h"
#include "core/transfer/filework.h"

#include <QCborArray>
#include <QCoreApplication>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

constexpr qsizetype kMaxStreamsPerSession = 256;
constexpr qsizetype kEntriesPerPage = 1000;

} // namespace

protocol::Entry AgentSession::toWire(const EntryInfo &info)
{
    protocol::Entry e;
    e.name = info.name;
    e.type = protocol::Entry::Type(int(info.type));
    e.size = info.size;
    e.mode = info.mode;
    e.mtimeNs = info.mtimeNs;
    e.linkTarget = info.linkTarget;
    e.uid = info.uid;
    e.gid = info.gid;
    e.user = info.uid >= 0 ? m_idNames.user(info.uid) : info.user;
    e.group = info.gid >= 0 ? m_idNames.group(info.gid) : info.group;
    return e;
}

struct AgentSession::Request {
    qint64 id;
    const QCborMap &message;
    protocol::MessageReader &reader;
};

const QHash<QString, AgentSession::RequestHandler> &AgentSession::requestHandlers()
{
    static const QHash<QString, RequestHandler> handlers{
        {u"put"_s, &AgentSession::opPut},         {u"get"_s, &AgentSession::opGet},
        {u"putmany"_s, &AgentSession::opPutMany}, {u"getmany"_s, &AgentSession::opGetMany},
        {u"exec"_s, &AgentSession::opExec},       {u"list"_s, &AgentSession::opList},
        {u"stat"_s, &AgentSession::opStat},       {u"mkdir"_s, &AgentSession::opMkdir},
        {u"rm"_s, &AgentSession::opRm},           {u"mv"_s, &AgentSession::opMv},
        {u"chmod"_s, &AgentSession::opChmod},     {u"setattr"_s, &AgentSession::opSetattr},
        {u"symlink"_s, &AgentSession::opSymlink}, {u"df"_s, &AgentSession::opDf},
        {u"commit"_s, &AgentSession::opCommit},   {u"copy"_s, &AgentSession::opCopy},
        {u"cancel"_s, &AgentSession::opCancel},   {u"limit"_s, &AgentSession::opLimit},
        {u"hash"_s, &AgentSession::opHash},       {u"archive"_s, &AgentSession::opArchive},
        {u"extract"_s, &AgentSession::opExtract}, {u"compress"_s, &AgentSession::opCompress},
    };
    return handlers;
}

void AgentSession::onRequest(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    const qint64 id = reader.integer("id"_L1, 1);
    const QString op = reader.string("op"_L1);
    if (!reader.ok()) {
        m_connection->close(Error{ErrorCode::Protocol, reader.error()});
        return;
    }
    const RequestHandler handler = requestHandlers().value(op);
    if (!handler) {
        replyError(id, Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "unknown operation '%1'").arg(op.left(32))});
        return;
    }
    Request request{id, message, reader};
    (this->*handler)(request);
}

void AgentSession::replyDone(qint64 id, const Expected<void> &result)
{
    if (result)
        reply(id, {});
    else
        replyError(id, result.error());
}

bool AgentSession::fieldsOk(Request &request)
{
    if (request.reader.ok())
        return true;
    replyError(request.id, Error{ErrorCode::Protocol, request.reader.error()});
    return false;
}

// --- streams -------------------------------------------------------------------

void AgentSession::opStream(Request &request, StreamStart start)
{
    const qint64 stream = request.reader.integer("s"_L1, 1, std::numeric_limits<quint32>::max());
    if (!fieldsOk(request))
        return;
    if (m_connection->hasStream(quint32(stream)) || m_streams.contains(quint32(stream))) {
        m_connection->close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::agent", "stream %1 is already open").arg(stream)});
        return;
    }
    if (m_streams.size() >= kMaxStreamsPerSession) {
        replyError(request.id, Error{ErrorCode::Busy, QCoreApplication::translate("ferry::agent", "too many open streams")});
        return;
    }
    start(this, request.id, quint32(stream), request.message);
}

void AgentSession::opPut(Request &request)
{
    opStream(request, &AgentPut::start);
}

void AgentSession::opGet(Request &request)
{
    opStream(request, &AgentGet::start);
}

void AgentSession::opArchive(Request &request)
{
    opStream(request, &AgentArchive::start);
}

void AgentSession::opPutMany(Request &request)
{
    opStream(request, &AgentPutMany::start);
}

void AgentSession::opGetMany(Request &request)
{
    opStream(request, &AgentGetMany::start);
}

void AgentSession::opExec(Request &request)
{
    if (!m_execAllowed) {
        replyError(request.id, Error{ErrorCode::PermissionDenied, QCoreApplication::translate("ferry::agent", "remote commands are turned off on this agent (--no-exec)")});
        return;
    }
    opStream(request, &AgentExec::start);
}

// --- the file system -----------------------------------------------------------

void AgentSession::opList(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    if (!fieldsOk(request))
        return;
    auto entries = m_root->list(path);
    // An archive, or a folder inside one, lists its entries (archiveview.h).
    if (!entries) {
        if (const auto inside = archiveview::split(*m_root, path.endsWith(u'/') ? path : path + u'/'))
            entries = archiveview::list(*m_root, *inside);
    }
    if (!entries)
        return replyError(request.id, entries.error());
    // Pages keep every message far below the size limit, whatever the
    // directory holds.
    qsizetype i = 0;
    do {
        QCborArray page;
        for (qsizetype n = 0; n < kEntriesPerPage && i < entries->size(); ++n, ++i)
            page.append(toWire(entries->at(i)).toCbor(m_byteNames));
        reply(request.id, QCborMap{{"entries"_L1, page}}, i >= entries->size());
    } while (i < entries->size());
}

void AgentSession::opStat(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const bool follow = request.reader.optionalBool("follow"_L1);
    if (!fieldsOk(request))
        return;
    auto info = follow ? m_root->statFollowed(path) : m_root->stat(path);
    if (!info) {
        if (const auto inside = archiveview::split(*m_root, path))
            info = archiveview::stat(*m_root, *inside);
    }
    info ? reply(request.id, QCborMap{{"e"_L1, toWire(*info).toCbor(m_byteNames)}}) : replyError(request.id, info.error());
}

void AgentSession::opMkdir(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const qint64 mode = request.reader.optionalInteger("mode"_L1, 0777, 0, 07777);
    const bool parents = request.reader.optionalBool("parents"_L1);
    if (fieldsOk(request))
        replyDone(request.id, m_root->mkdir(path, quint32(mode), parents));
}

void AgentSession::opRm(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const bool recursive = request.reader.optionalBool("recursive"_L1);
    if (fieldsOk(request))
        replyDone(request.id, m_root->remove(path, recursive));
}

void AgentSession::opMv(Request &request)
{
    const QString from = request.reader.path("from"_L1);
    const QString to = request.reader.path("to"_L1);
    const bool overwrite = request.reader.optionalBool("overwrite"_L1);
    if (!fieldsOk(request))
        return;
    const auto source = m_root->normalize(from);
    const auto target = m_root->normalize(to);
    if (source && target && remotepath::isWithin(*target, *source))
        return replyError(request.id, Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "cannot move '%1' into itself").arg(pathcodec::escaped(from))});
    replyDone(request.id, m_root->rename(from, to, overwrite));
}

void AgentSession::opChmod(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const qint64 mode = request.reader.integer("mode"_L1, 0, 07777);
    if (fieldsOk(request))
        replyDone(request.id, m_root->chmod(path, quint32(mode)));
}

void AgentSession::opSetattr(Request &request)
{
    constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    const QString path = request.reader.path("path"_L1);
    const qint64 mode = request.reader.optionalInteger("mode"_L1, -1, -1, 07777);
    const qint64 mtime = request.reader.optionalInteger("mtime"_L1, kNoTime, kNoTime);
    if (!fieldsOk(request))
        return;
    if (mode >= 0) {
        if (auto changed = m_root->chmod(path, quint32(mode)); !changed)
            return replyError(request.id, changed.error());
    }
    if (mtime != kNoTime)
        return replyDone(request.id, m_root->setModifiedTime(path, mtime));
    reply(request.id, {});
}

void AgentSession::opSymlink(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const QString target = request.reader.path("target"_L1);
    if (fieldsOk(request))
        replyDone(request.id, m_root->symlink(path, target));
}

void AgentSession::opDf(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    if (!fieldsOk(request))
        return;
    auto space = m_root->diskSpace(path);
    space ? reply(request.id, QCborMap{{"total"_L1, space->total}, {"free"_L1, space->free}, {"avail"_L1, space->available}})
          : replyError(request.id, space.error());
}

void AgentSession::opCommit(Request &request)
{
    handleCommit(this, request.id, request.message);
}

void AgentSession::opCopy(Request &request)
{
    handleCopy(this, request.id, request.message);
}

void AgentSession::opExtract(Request &request)
{
    const QString archive = request.reader.path("archive"_L1);
    const QString to = request.reader.path("to"_L1);
    const QString policyName = request.reader.optionalString("policy"_L1, u"fail"_s);
    const QString shownName = request.reader.optionalString("name"_L1);
    const QString wrap = request.reader.optionalString("wrap"_L1);
    const bool progress = request.reader.optionalBool("progress"_L1);
    if (!fieldsOk(request))
        return;
    const auto policy = extractPolicyFromName(policyName);
    if (!policy)
        return replyError(request.id, Error{ErrorCode::Protocol, u"unknown policy '%1'"_s.arg(policyName)});
    if (wrap.contains(u'/') || wrap == ".."_L1 || wrap == "."_L1)
        return replyError(request.id, Error{ErrorCode::InvalidArgument, u"wrap must be one name"_s});
    runArchiveWork(request.id, progress, [root = m_root, archive, to, policy = *policy, shownName, wrap](const std::atomic_bool &cancelled, const ArchiveProgress &told) {
        ArchiveExtractor extractor(*root, archive, to, policy, shownName);
        extractor.setWrapFolder(wrap);
        auto result = extractor.run(cancelled, told);
        if (!result)
            return Expected<QCborMap>(std::unexpected(result.error()));
        return Expected<QCborMap>(QCborMap{{"files"_L1, result->files}, {"dirs"_L1, result->directories}, {"links"_L1, result->links},
                                           {"bytes"_L1, result->bytes}, {"skipped"_L1, result->skipped}});
    });
}

void AgentSession::opCompress(Request &request)
{
    const QStringList paths = request.reader.pathList("paths"_L1, 4096);
    const QString to = request.reader.path("to"_L1);
    const QString formatName = request.reader.optionalString("format"_L1);
    const bool replace = request.reader.optionalBool("replace"_L1);
    const bool progress = request.reader.optionalBool("progress"_L1);
    if (!fieldsOk(request))
        return;
    const auto format = formatName.isEmpty() ? protocol::archiveFormatForFileName(remotepath::name(to)) : protocol::archiveFormatFromName(formatName);
    if (paths.isEmpty() || !format) {
        return replyError(request.id, Error{ErrorCode::InvalidArgument, paths.isEmpty() ? u"no paths to compress"_s
                                                                        : QCoreApplication::translate("ferry::agent", "cannot tell the archive format of %1").arg(pathcodec::escaped(to))});
    }
    runArchiveWork(request.id, progress, [root = m_root, paths, to, format = *format, replace](const std::atomic_bool &cancelled, const ArchiveProgress &told) {
        auto size = compressInto(*root, paths, to, format, replace, cancelled, told);
        if (!size)
            return Expected<QCborMap>(std::unexpected(size.error()));
        return Expected<QCborMap>(QCborMap{{"size"_L1, *size}});
    });
}

void AgentSession::runArchiveWork(qint64 id, bool progress, ArchiveWork work)
{
    // Seconds to minutes of work: on a worker thread, with progress when
    // asked for, and cancelled by "cancel" or the client's going away.
    const std::shared_ptr<std::atomic_bool> cancelled = cancellable(id);
    auto total = std::make_shared<std::atomic<qint64>>(0);
    using Result = Expected<QCborMap>;
    transfer::runFileWork<Result>(
        this, cancelled,
        [work = std::move(work), cancelled, total](const transfer::WorkProgress &check) {
            const ArchiveProgress told = [&](qint64 done, qint64 all) {
                total->store(all);
                check(done); // throttled progress; the work watches the flag itself
            };
            return work(*cancelled, told);
        },
        progress ? std::function<void(qint64)>([this, id, total](qint64 done) {
            if (m_cancellable.contains(id))
                reply(id, QCborMap{{"done"_L1, done}, {"size"_L1, total->load()}}, false);
        })
                 : std::function<void(qint64)>(),
        [this, id](Result result) {
            forgetCancellable(id);
            result ? reply(id, *result) : replyError(id, result.error());
        });
}

void AgentSession::opHash(Request &request)
{
    const QString path = request.reader.path("path"_L1);
    const bool progress = request.reader.optionalBool("progress"_L1);
    if (!fieldsOk(request))
        return;
    const qint64 id = request.id;
    auto fd = m_root->openRead(path);
    if (!fd)
        return replyError(id, fd.error());
    auto source = transfer::FileSource::open(std::move(*fd), path);
    if (!source)
        return replyError(id, source.error());
    // A large file takes seconds to read: on a worker thread, with progress
    // when asked for, and cancelled by "cancel" or the client's going away.
    auto shared = std::make_shared<transfer::FileSource>(std::move(*source));
    using Result = Expected<QByteArray>;
    transfer::runFileWork<Result>(
        this, cancellable(id), [shared](const transfer::WorkProgress &check) { return shared->seekAndHashPrefix(shared->size(), check); },
        progress ? std::function<void(qint64)>([this, id, shared](qint64 done) {
            if (m_cancellable.contains(id))
                reply(id, QCborMap{{"done"_L1, done}, {"size"_L1, shared->size()}}, false);
        })
                 : std::function<void(qint64)>(),
        [this, id, shared](Result digest) {
            forgetCancellable(id);
            digest ? reply(id, QCborMap{{"h"_L1, *digest}, {"size"_L1, shared->size()}}) : replyError(id, digest.error());
        });
}

// --- the connection ------------------------------------------------------------

void AgentSession::opCancel(Request &request)
{
    // Stops a request that works on in the background (a copy, a hash); one
    // that is done already is no error: the cancel crossed its reply.
    const qint64 target = request.reader.integer("target"_L1, 1);
    if (!fieldsOk(request))
        return;
    if (const auto flag = m_cancellable.value(target))
        flag->store(true);
    reply(request.id, {});
}

void AgentSession::opLimit(Request &request)
{
    const qint64 rate = request.reader.integer("rate"_L1, 0, protocol::kMaxRateLimit);
    if (!fieldsOk(request))
        return;
    // Throttles what this agent sends on this connection: the client's
    // downloads and command output. The client limits its uploads itself.
    m_connection->setRateLimit(rate);
    qCInfo(lcAgent).noquote() << m_peer << "rate limit" << rate << "bytes/s";
    reply(request.id, QCborMap{{"rate"_L1, rate}});
}

} // namespace ferry::agent
