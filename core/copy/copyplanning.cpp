// SPDX-License-Identifier: GPL-3.0-or-later
// CopyJob, planning: destination, source trees, existing destinations, space.
#include "core/copy/copyjob.h"

#include "core/client/session.h"
#include "core/copy/localfs.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/protocol/wirepath.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::copy {

namespace {

QString nameOf(const QString &path, bool remote)
{
    return remote ? remotepath::name(path) : localfs::nameOf(path);
}

QString parentOf(const QString &path, bool remote)
{
    return remote ? remotepath::parent(path) : localfs::parentOf(path);
}

bool isDir(const protocol::Entry &e)
{
    return e.type == protocol::Entry::Type::Directory;
}

} // namespace

void CopyJob::statDestination()
{
    setState(State::StatingDestination);
    receiverStat(m_destination, [this](const Expected<protocol::Entry> &entry) {
        // A symlink to a directory is a directory destination, as for cp.
        if (entry && entry->type == protocol::Entry::Type::Symlink) {
            if (!receiverIsRemote()) {
                protocol::Entry followed = *entry;
                if (const auto target = localfs::statFollowed(m_destination); target && target->isDir())
                    followed.type = protocol::Entry::Type::Directory;
                onDestination(followed);
                return;
            }
            if (sessionGone())
                return;
            m_session->request(u"list"_s, QCborMap{{"path"_L1, protocol::pathValue(m_destination)}}, [this, entry](const Expected<QCborMap> &reply, bool last) {
                if (!last)
                    return;
                protocol::Entry followed = *entry;
                if (reply)
                    followed.type = protocol::Entry::Type::Directory;
                onDestination(followed);
            }, this);
            return;
        }
        onDestination(entry);
    });
}

void CopyJob::onDestination(const Expected<protocol::Entry> &entry)
{
    if (isFinished())
        return;
    if (!entry && entry.error().code != ErrorCode::NotFound) {
        emitResult(entry.error());
        return;
    }
    m_destIsDir = entry && isDir(*entry) && !m_options.noTargetDirectory;
    const bool remote = receiverIsRemote();
    if (m_options.noTargetDirectory && m_sources.size() > 1) {
        emitResult(Error{ErrorCode::InvalidArgument, tr("one source only when the destination is its new name")});
        return;
    }
    if (!m_destIsDir && m_sources.size() > 1) {
        emitResult(Error{ErrorCode::NotADirectory, tr("target '%1' is not a directory").arg(pathcodec::escaped(remote ? QString(u':' + m_destination) : m_destination))});
        return;
    }
    for (const QString &source : std::as_const(m_sources)) {
        Node node;
        node.sourcePath = source;
        node.source.name = nameOf(source, senderIsRemote());
        if (m_destIsDir) {
            node.destDir = m_destination;
            node.destName = node.source.name;
        } else {
            node.destDir = parentOf(m_destination, remote);
            node.destName = nameOf(m_destination, remote);
        }
        if (node.destName.isEmpty() || node.source.name.isEmpty() || node.source.name == QStringLiteral("..")) {
            emitResult(Error{ErrorCode::InvalidArgument, tr("'%1' has no name to copy it under; name the destination").arg(pathcodec::escaped(source))});
            return;
        }
        if (m_direction == Direction::Remote) {
            // Both ends on the agent: a folder copied into itself would never end.
            if (remotepath::isWithin(join(node.destDir, node.destName, true), source)) {
                emitResult(Error{ErrorCode::InvalidArgument, tr("cannot copy '%1' into itself").arg(pathcodec::escaped(QString(u':' + source)))});
                return;
            }
        }
        m_roots.append(int(m_nodes.size()));
        m_nodes.append(node);
        ++m_unfinished;
    }
    setState(State::Walking);
    m_pendingWalks = int(m_roots.size());
    for (int index : std::as_const(m_roots))
        walkSource(index);
}

void CopyJob::walkSource(int index)
{
    const auto onStat = [this, index](Expected<protocol::Entry> entry) {
        if (isFinished())
            return;
        Node &node = m_nodes[index];
        if (!entry) {
            finishNode(index, entry.error());
        } else {
            const QString name = node.source.name;
            node.source = *entry;
            node.source.name = name;
            const bool trailingSlash = m_destination.endsWith(u'/') && !m_destIsDir;
            if (isDir(node.source) && !m_options.recursive) {
                finishNode(index, Error{ErrorCode::IsADirectory, tr("-r not specified; omitting directory '%1'").arg(pathcodec::escaped(sourceDisplay(node)))});
            } else if (!isDir(node.source) && trailingSlash) {
                finishNode(index, Error{ErrorCode::NotADirectory, tr("cannot create '%1': Not a directory").arg(pathcodec::escaped(m_destination))});
            } else if (isDir(node.source)) {
                ++m_totalDirs;
                ++m_pendingWalks;
                walkDirectory(index);
            } else if (node.source.type == protocol::Entry::Type::Other) {
                skipNode(index, tr("skipping special file '%1'").arg(pathcodec::escaped(sourceDisplay(node))));
                Q_EMIT warning(tr("skipping special file '%1'").arg(pathcodec::escaped(sourceDisplay(node))));
            } else if (node.source.type == protocol::Entry::Type::File) {
                ++m_totalFiles;
                m_totalBytes += node.source.size;
            }
        }
        if (--m_pendingWalks == 0)
            examine();
    };
    if (m_direction == Direction::Upload) {
        auto entry = localfs::stat(m_nodes.at(index).sourcePath);
        // Without -r a symlink named on the command line is followed, as cp does.
        if (entry && entry->type == protocol::Entry::Type::Symlink && !m_options.recursive) {
            if (const auto target = localfs::statFollowed(m_nodes.at(index).sourcePath)) {
                entry->type = target->isDir() ? protocol::Entry::Type::Directory : protocol::Entry::Type::File;
                entry->size = target->size;
            }
        }
        onStat(entry);
    } else {
        if (sessionGone())
            return;
        m_session->request(u"stat"_s, QCborMap{{"path"_L1, protocol::pathValue(m_nodes.at(index).sourcePath)}}, [onStat](const Expected<QCborMap> &reply, bool) {
            onStat(reply ? protocol::Entry::fromCbor(reply->value("e"_L1)) : Expected<protocol::Entry>(std::unexpected(reply.error())));
        }, this);
    }
}

void CopyJob::walkDirectory(int index)
{
    senderList(m_nodes.at(index).sourcePath, [this, index](const Expected<QList<protocol::Entry>> &entries) { onListed(index, entries); });
}

void CopyJob::onListed(int index, const Expected<QList<protocol::Entry>> &entries)
{
    if (isFinished())
        return;
    if (!entries)
        finishNode(index, entries.error());
    else
        addChildren(index, *entries);
    if (--m_pendingWalks == 0)
        examine();
}

void CopyJob::addChildren(int parent, const QList<protocol::Entry> &entries)
{
    const bool senderRemote = senderIsRemote();
    for (const protocol::Entry &entry : entries) {
        Node child;
        child.source = entry;
        child.sourcePath = join(m_nodes.at(parent).sourcePath, entry.name, senderRemote);
        child.destDir = destPath(m_nodes.at(parent));
        child.destName = entry.name;
        child.parent = parent;
        const int index = int(m_nodes.size());
        m_nodes.append(child);
        ++m_unfinished;
        m_nodes[parent].children.append(index);
        switch (entry.type) {
        case protocol::Entry::Type::Directory:
            ++m_totalDirs;
            ++m_pendingWalks;
            walkDirectory(index);
            break;
        case protocol::Entry::Type::File:
            ++m_totalFiles;
            m_totalBytes += entry.size;
            break;
        case protocol::Entry::Type::Symlink:
            break;
        case protocol::Entry::Type::Other:
            Q_EMIT warning(tr("skipping special file '%1'").arg(pathcodec::escaped(sourceDisplay(m_nodes.at(index)))));
            skipNode(index, tr("special file"));
            break;
        }
    }
}

void CopyJob::listDestination(const QString &dir, std::function<void(const QHash<QString, protocol::Entry> &)> done)
{
    ++m_pendingExamines;
    const auto deliver = [this, dir, done = std::move(done)](const Expected<QList<protocol::Entry>> &entries) {
        QHash<QString, protocol::Entry> byName;
        if (entries) {
            for (const protocol::Entry &e : *entries)
                byName.insert(e.name, e);
        }
        QSet<QString> &names = m_destNames[dir];
        for (auto it = byName.cbegin(); it != byName.cend(); ++it)
            names.insert(it.key());
        if (!isFinished())
            done(byName);
        if (--m_pendingExamines == 0 && !isFinished())
            checkSpace();
    };
    if (!receiverIsRemote()) {
        deliver(localfs::list(dir));
        return;
    }
    auto collected = std::make_shared<QList<protocol::Entry>>();
    if (sessionGone())
        return;
    m_session->request(u"list"_s, QCborMap{{"path"_L1, protocol::pathValue(dir)}}, [collected, deliver](const Expected<QCborMap> &reply, bool last) {
        if (!reply)
            return deliver(std::unexpected(reply.error()));
        for (const QCborValue &value : reply->value("entries"_L1).toArray()) {
            if (auto entry = protocol::Entry::fromCbor(value))
                collected->append(*entry);
        }
        if (last)
            deliver(*collected);
    }, this);
}

void CopyJob::examine()
{
    setState(State::Examining);
    Q_EMIT planned(m_totalFiles, m_totalDirs, m_totalBytes);
    setTotal(m_totalBytes);
    // Top-level entries, grouped by the directory they land in.
    QHash<QString, QList<int>> byDir;
    for (int index : std::as_const(m_roots))
        if (m_nodes.at(index).status == Node::Waiting)
            byDir[m_nodes.at(index).destDir].append(index);
    if (byDir.isEmpty()) {
        checkSpace();
        return;
    }
    ++m_pendingExamines; // held while the listings are sent
    for (auto it = byDir.cbegin(); it != byDir.cend(); ++it) {
        const QList<int> indices = it.value();
        listDestination(it.key(), [this, indices](const QHash<QString, protocol::Entry> &existing) {
            for (int index : indices) {
                Node &node = m_nodes[index];
                if (const auto found = existing.constFind(node.destName); found != existing.constEnd()) {
                    node.destExists = true;
                    node.dest = *found;
                    if (isDir(node.source) && isDir(node.dest))
                        listDestination(destPath(node), [this, index](const QHash<QString, protocol::Entry> &inside) { examineChildren(index, inside); });
                }
            }
        });
    }
    if (--m_pendingExamines == 0 && !isFinished())
        checkSpace();
}

void CopyJob::examineChildren(int parentDirNode, const QHash<QString, protocol::Entry> &existing)
{
    // A directory meeting a directory merges: look one level further.
    for (int index : std::as_const(m_nodes[parentDirNode].children)) {
        Node &node = m_nodes[index];
        const auto found = existing.constFind(node.destName);
        if (found == existing.constEnd())
            continue;
        node.destExists = true;
        node.dest = *found;
        if (isDir(node.source) && isDir(node.dest))
            listDestination(destPath(node), [this, index](const QHash<QString, protocol::Entry> &inside) { examineChildren(index, inside); });
    }
}

void CopyJob::checkSpace()
{
    setState(State::CheckingSpace);
    qint64 needed = 0;
    for (const Node &node : std::as_const(m_nodes))
        if (node.status == Node::Waiting && node.source.type == protocol::Entry::Type::File)
            needed += node.source.size;
    const QString where = m_destIsDir ? m_destination : parentOf(m_destination, receiverIsRemote());
    const auto verdict = [this, needed, where](const Expected<qint64> &available) {
        if (isFinished())
            return;
        if (available && *available < needed) {
            const QString shown = receiverIsRemote() ? u':' + (where.isEmpty() ? QString() : where) : where;
            emitResult(Error{ErrorCode::NoSpace, tr("not enough space on %1: the copy needs %2, %3 are free").arg(pathcodec::escaped(shown), formatSize(needed), formatSize(*available))});
            return;
        }
        startCopying();
    };
    if (needed == 0) {
        startCopying();
    } else if (!receiverIsRemote()) {
        verdict(localfs::available(where));
    } else {
        if (sessionGone())
            return;
        m_session->request(u"df"_s, QCborMap{{"path"_L1, protocol::pathValue(where)}}, [verdict](const Expected<QCborMap> &reply, bool) {
            // Without an answer the copy goes ahead; a full disk is still
            // reported per file.
            verdict(reply ? Expected<qint64>(reply->value("avail"_L1).toInteger()) : Expected<qint64>(std::unexpected(reply.error())));
        }, this);
    }
}

} // namespace ferry::copy
