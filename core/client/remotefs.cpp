// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/remotefs.h"

#include "core/client/session.h"
#include "core/protocol/wirepath.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::client {

namespace {

Error sessionGone()
{
    return Error{ErrorCode::Connection, QCoreApplication::translate("ferry::client", "the connection to the agent is gone")};
}

QCborValue wire(const QString &p)
{
    return protocol::pathValue(p);
}

} // namespace

RemoteFs::RemoteFs(Session *session)
    : m_session(session)
{
}

Session *RemoteFs::session() const
{
    return m_session;
}

void RemoteFs::stat(const QString &path, bool follow, Done<protocol::Entry> done, const QObject *context)
{
    if (!m_session)
        return done(std::unexpected(sessionGone()));
    QCborMap args{{"path"_L1, wire(path)}};
    if (follow)
        args.insert("follow"_L1, true);
    m_session->request(u"stat"_s, args, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        done(reply ? protocol::Entry::fromCbor(reply->value("e"_L1)) : Expected<protocol::Entry>(std::unexpected(reply.error())));
    }, context);
}

void RemoteFs::stat(const QString &path, Done<protocol::Entry> done, const QObject *context)
{
    stat(path, false, std::move(done), context);
}

void RemoteFs::statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *context)
{
    stat(path, true, std::move(done), context);
}

void RemoteFs::list(const QString &dir, Page page, const QObject *context)
{
    if (!m_session)
        return page(std::unexpected(sessionGone()), true);
    m_session->request(u"list"_s, QCborMap{{"path"_L1, wire(dir)}}, [page = std::move(page)](const Expected<QCborMap> &reply, bool last) {
        if (!reply)
            return page(std::unexpected(reply.error()), true);
        QList<protocol::Entry> entries;
        const QCborArray values = reply->value("entries"_L1).toArray();
        entries.reserve(values.size());
        for (const QCborValue &value : values) {
            auto entry = protocol::Entry::fromCbor(value);
            if (!entry)
                return page(std::unexpected(entry.error()), true);
            entries.append(std::move(*entry));
        }
        page(entries, last);
    }, context);
}

void RemoteFs::command(const QString &op, const QCborMap &args, Done<void> done, const QObject *context)
{
    if (!m_session)
        return done(std::unexpected(sessionGone()));
    m_session->request(op, args, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        done(reply ? Expected<void>() : Expected<void>(std::unexpected(reply.error())));
    }, context);
}

void RemoteFs::mkdir(const QString &p, quint32 mode, bool parents, Done<void> done, const QObject *context)
{
    QCborMap args{{"path"_L1, wire(p)}, {"mode"_L1, qint64(mode)}};
    if (parents)
        args.insert("parents"_L1, true);
    command(u"mkdir"_s, args, std::move(done), context);
}

void RemoteFs::remove(const QString &p, bool recursive, Done<void> done, const QObject *context)
{
    QCborMap args{{"path"_L1, wire(p)}};
    if (recursive)
        args.insert("recursive"_L1, true);
    command(u"rm"_s, args, std::move(done), context);
}

void RemoteFs::move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context)
{
    command(u"mv"_s, QCborMap{{"from"_L1, wire(from)}, {"to"_L1, wire(to)}, {"overwrite"_L1, overwrite}}, std::move(done), context);
}

void RemoteFs::symlink(const QString &p, const QString &target, Done<void> done, const QObject *context)
{
    command(u"symlink"_s, QCborMap{{"path"_L1, wire(p)}, {"target"_L1, wire(target)}}, std::move(done), context);
}

void RemoteFs::setAttributes(const QString &p, const Attributes &attributes, Done<void> done, const QObject *context)
{
    // chmod alone is what agents before setattr understood.
    if (attributes.mode && !attributes.mtimeNs)
        return command(u"chmod"_s, QCborMap{{"path"_L1, wire(p)}, {"mode"_L1, qint64(*attributes.mode)}}, std::move(done), context);
    QCborMap args{{"path"_L1, wire(p)}};
    if (attributes.mode)
        args.insert("mode"_L1, qint64(*attributes.mode));
    if (attributes.mtimeNs)
        args.insert("mtime"_L1, *attributes.mtimeNs);
    command(u"setattr"_s, args, std::move(done), context);
}

void RemoteFs::space(const QString &p, Done<SpaceInfo> done, const QObject *context)
{
    if (!m_session)
        return done(std::unexpected(sessionGone()));
    m_session->request(u"df"_s, QCborMap{{"path"_L1, wire(p)}}, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        if (!reply)
            return done(std::unexpected(reply.error()));
        done(SpaceInfo{reply->value("total"_L1).toInteger(), reply->value("free"_L1).toInteger(), reply->value("avail"_L1).toInteger()});
    }, context);
}

qint64 RemoteFs::copy(const FileCopy &copy, Done<void> done, const QObject *context)
{
    if (!m_session) {
        done(std::unexpected(sessionGone()));
        return 0;
    }
    QCborMap args{{"from"_L1, wire(copy.from)}, {"to"_L1, wire(copy.to)}, {"replace"_L1, copy.replace}};
    if (copy.attributes.mode)
        args.insert("mode"_L1, qint64(*copy.attributes.mode));
    if (copy.attributes.mtimeNs)
        args.insert("mtime"_L1, *copy.attributes.mtimeNs);
    return m_session->request(u"copy"_s, args, [done = std::move(done)](const Expected<QCborMap> &reply, bool) {
        done(reply ? Expected<void>() : Expected<void>(std::unexpected(reply.error())));
    }, context);
}

qint64 RemoteFs::hash(const QString &p, std::function<void(qint64, qint64)> progress, Done<Digest> done, const QObject *context)
{
    if (!m_session) {
        done(std::unexpected(sessionGone()));
        return 0;
    }
    QCborMap args{{"path"_L1, wire(p)}};
    if (progress)
        args.insert("progress"_L1, true);
    return m_session->request(u"hash"_s, args, [progress, done = std::move(done)](const Expected<QCborMap> &reply, bool last) {
        if (reply && !last) {
            if (progress)
                progress(reply->value("done"_L1).toInteger(), reply->value("size"_L1).toInteger());
            return;
        }
        if (!reply)
            return done(std::unexpected(reply.error()));
        done(Digest{reply->value("h"_L1).toByteArray(), reply->value("size"_L1).toInteger()});
    }, context);
}

namespace {

/// Replies with more:true carry progress; the last one the result.
Session::ReplyHandler progressThen(std::function<void(qint64, qint64)> progress, std::function<void(const Expected<QCborMap> &)> last)
{
    return [progress = std::move(progress), last = std::move(last)](const Expected<QCborMap> &reply, bool final) {
        if (reply && !final) {
            if (progress)
                progress(reply->value("done"_L1).toInteger(), reply->value("size"_L1).toInteger());
            return;
        }
        last(reply);
    };
}

} // namespace

qint64 RemoteFs::extract(const QString &archive, const QString &to, const QString &policy, const QString &shownName, const QString &wrap,
                         std::function<void(qint64, qint64)> progress, Done<ExtractSummary> done, const QObject *context)
{
    if (!m_session) {
        done(std::unexpected(sessionGone()));
        return 0;
    }
    QCborMap args{{"archive"_L1, wire(archive)}, {"to"_L1, wire(to)}, {"policy"_L1, policy}};
    if (!shownName.isEmpty())
        args.insert("name"_L1, shownName);
    if (!wrap.isEmpty())
        args.insert("wrap"_L1, wrap);
    if (progress)
        args.insert("progress"_L1, true);
    return m_session->request(u"extract"_s, args, progressThen(std::move(progress), [done = std::move(done)](const Expected<QCborMap> &reply) {
        if (!reply)
            return done(std::unexpected(reply.error()));
        done(ExtractSummary{reply->value("files"_L1).toInteger(), reply->value("dirs"_L1).toInteger(), reply->value("links"_L1).toInteger(),
                            reply->value("bytes"_L1).toInteger(), reply->value("skipped"_L1).toInteger()});
    }), context);
}

qint64 RemoteFs::compress(const QStringList &paths, const QString &to, bool replace, std::function<void(qint64, qint64)> progress,
                          Done<qint64> done, const QObject *context)
{
    if (!m_session) {
        done(std::unexpected(sessionGone()));
        return 0;
    }
    QCborArray wirePaths;
    for (const QString &path : paths)
        wirePaths.append(wire(path));
    QCborMap args{{"paths"_L1, wirePaths}, {"to"_L1, wire(to)}, {"replace"_L1, replace}};
    if (progress)
        args.insert("progress"_L1, true);
    return m_session->request(u"compress"_s, args, progressThen(std::move(progress), [done = std::move(done)](const Expected<QCborMap> &reply) {
        if (!reply)
            return done(std::unexpected(reply.error()));
        done(reply->value("size"_L1).toInteger());
    }), context);
}

void RemoteFs::cancel(qint64 id)
{
    if (m_session && id > 0)
        m_session->request(u"cancel"_s, QCborMap{{"target"_L1, id}}, [](const Expected<QCborMap> &, bool) {});
}

} // namespace ferry::client
