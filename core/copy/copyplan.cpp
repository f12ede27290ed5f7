// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/copyplan.h"

#include "core/client/filesystem.h"
#include "core/client/localfs.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"

namespace ferry::copy {

namespace {

bool isDir(const protocol::Entry &e)
{
    return e.type == protocol::Entry::Type::Directory;
}

} // namespace

CopyPlanner::CopyPlanner(client::FileSystem &sender, client::FileSystem &receiver, const Request &request, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_receiver(receiver)
    , m_request(request)
{
}

QString CopyPlanner::display(const client::FileSystem &fs, const QString &path) const
{
    return fs.displayPath(path);
}

QString CopyPlanner::nameOf(const client::FileSystem &fs, const QString &path) const
{
    return fs.isRemote() ? remotepath::name(path) : client::localfs::nameOf(path);
}

QString CopyPlanner::parentOf(const client::FileSystem &fs, const QString &path) const
{
    return fs.isRemote() ? remotepath::parent(path) : client::localfs::parentOf(path);
}

QString CopyPlanner::destPath(const PlanNode &node) const
{
    return remotepath::join(node.destDir, node.destName);
}

void CopyPlanner::start()
{
    if (m_request.sources.isEmpty())
        return finish(Error{ErrorCode::InvalidArgument, tr("nothing to copy")});
    m_receiver.stat(m_request.destination, [this](const Expected<protocol::Entry> &entry) {
        // A symlink to a folder is a folder destination, as for cp.
        if (entry && entry->type == protocol::Entry::Type::Symlink) {
            m_receiver.statFollowed(m_request.destination, [this, own = *entry](const Expected<protocol::Entry> &target) {
                protocol::Entry followed = own;
                if (target && isDir(*target))
                    followed.type = protocol::Entry::Type::Directory;
                onDestination(followed);
            }, this);
            return;
        }
        onDestination(entry);
    }, this);
}

void CopyPlanner::onDestination(const Expected<protocol::Entry> &entry)
{
    if (!entry && entry.error().code != ErrorCode::NotFound)
        return finish(entry.error());
    const QString &destination = m_request.destination;
    m_plan.destIsDir = entry && isDir(*entry) && !m_request.noTargetDirectory;
    if (m_request.noTargetDirectory && m_request.sources.size() > 1)
        return finish(Error{ErrorCode::InvalidArgument, tr("one source only when the destination is its new name")});
    if (!m_plan.destIsDir && m_request.sources.size() > 1)
        return finish(Error{ErrorCode::NotADirectory, tr("target '%1' is not a directory").arg(display(m_receiver, destination))});
    for (const QString &source : std::as_const(m_request.sources)) {
        PlanNode node;
        node.sourcePath = source;
        node.source.name = nameOf(m_sender, source);
        if (m_plan.destIsDir) {
            node.destDir = destination;
            node.destName = node.source.name;
        } else {
            node.destDir = parentOf(m_receiver, destination);
            node.destName = nameOf(m_receiver, destination);
        }
        if (node.destName.isEmpty() || node.source.name.isEmpty() || node.source.name == QStringLiteral(".."))
            return finish(Error{ErrorCode::InvalidArgument, tr("'%1' has no name to copy it under; name the destination").arg(pathcodec::escaped(source))});
        // Both ends in one file system: a folder copied into itself would
        // never end.
        if (&m_sender == &m_receiver && remotepath::isWithin(destPath(node), source))
            return finish(Error{ErrorCode::InvalidArgument, tr("cannot copy '%1' into itself").arg(display(m_sender, source))});
        m_plan.roots.append(int(m_plan.nodes.size()));
        m_plan.nodes.append(node);
    }
    m_pendingWalks = int(m_plan.roots.size());
    for (int index : std::as_const(m_plan.roots))
        walkSource(index);
}

void CopyPlanner::walkSource(int index)
{
    const QString path = m_plan.nodes.at(index).sourcePath;
    m_sender.stat(path, [this, index, path](const Expected<protocol::Entry> &entry) {
        if (entry && entry->type == protocol::Entry::Type::Symlink && m_request.followSourceLinks && !m_request.recursive) {
            // Without -r a symlink named as a source is what it leads to.
            m_sender.statFollowed(path, [this, index](const Expected<protocol::Entry> &target) { onSourceStat(index, target); }, this);
            return;
        }
        onSourceStat(index, entry);
    }, this);
}

void CopyPlanner::onSourceStat(int index, const Expected<protocol::Entry> &entry)
{
    if (m_finished)
        return;
    PlanNode &node = m_plan.nodes[index];
    if (!entry) {
        fail(index, entry.error());
    } else {
        const QString name = node.source.name;
        node.source = *entry;
        node.source.name = name;
        const bool trailingSlash = m_request.destination.endsWith(u'/') && !m_plan.destIsDir;
        if (isDir(node.source) && !m_request.recursive) {
            fail(index, Error{ErrorCode::IsADirectory, tr("-r not specified; omitting directory '%1'").arg(display(m_sender, node.sourcePath))});
        } else if (!isDir(node.source) && trailingSlash) {
            fail(index, Error{ErrorCode::NotADirectory, tr("cannot create '%1': Not a directory").arg(pathcodec::escaped(m_request.destination))});
        } else if (isDir(node.source)) {
            walkDirectory(index);
        } else if (node.source.type == protocol::Entry::Type::Other) {
            const QString message = tr("skipping special file '%1'").arg(display(m_sender, node.sourcePath));
            Q_EMIT warning(message);
            skip(index, message);
        } else if (node.source.type == protocol::Entry::Type::File) {
            ++m_plan.files;
            m_plan.bytes += node.source.size;
        }
    }
    walked();
}

void CopyPlanner::walkDirectory(int index)
{
    ++m_plan.directories;
    ++m_pendingWalks;
    m_sender.listAll(m_plan.nodes.at(index).sourcePath, [this, index](const Expected<QList<protocol::Entry>> &entries) {
        if (!entries)
            fail(index, entries.error());
        else
            addChildren(index, *entries);
        walked();
    }, this);
}

void CopyPlanner::addChildren(int parent, const QList<protocol::Entry> &entries)
{
    for (const protocol::Entry &entry : entries) {
        PlanNode child;
        child.source = entry;
        child.sourcePath = remotepath::join(m_plan.nodes.at(parent).sourcePath, entry.name);
        child.destDir = destPath(m_plan.nodes.at(parent));
        child.destName = entry.name;
        child.parent = parent;
        const int index = int(m_plan.nodes.size());
        m_plan.nodes.append(child);
        m_plan.nodes[parent].children.append(index);
        switch (entry.type) {
        case protocol::Entry::Type::Directory:
            walkDirectory(index);
            break;
        case protocol::Entry::Type::File:
            ++m_plan.files;
            m_plan.bytes += entry.size;
            break;
        case protocol::Entry::Type::Symlink:
            break;
        case protocol::Entry::Type::Other:
            Q_EMIT warning(tr("skipping special file '%1'").arg(display(m_sender, m_plan.nodes.at(index).sourcePath)));
            skip(index, tr("special file"));
            break;
        }
    }
}

void CopyPlanner::fail(int index, const Error &error)
{
    PlanNode &node = m_plan.nodes[index];
    node.outcome = PlanNode::Outcome::Failed;
    node.error = error;
}

void CopyPlanner::skip(int index, const QString &reason)
{
    PlanNode &node = m_plan.nodes[index];
    node.outcome = PlanNode::Outcome::Skipped;
    node.reason = reason;
}

void CopyPlanner::walked()
{
    if (--m_pendingWalks == 0 && !m_finished)
        examine();
}

void CopyPlanner::examine()
{
    // Top-level entries, grouped by the folder they land in.
    QHash<QString, QList<int>> byDir;
    for (int index : std::as_const(m_plan.roots))
        if (m_plan.nodes.at(index).outcome == PlanNode::Outcome::Copy)
            byDir[m_plan.nodes.at(index).destDir].append(index);
    ++m_pendingExamines; // held while the listings are asked for
    for (auto it = byDir.cbegin(); it != byDir.cend(); ++it) {
        const QList<int> indices = it.value();
        listDestination(it.key(), [this, indices](const QHash<QString, protocol::Entry> &existing) {
            for (int index : indices) {
                PlanNode &node = m_plan.nodes[index];
                if (const auto found = existing.constFind(node.destName); found != existing.constEnd()) {
                    node.destExists = true;
                    node.dest = *found;
                    if (isDir(node.source) && isDir(node.dest))
                        listDestination(destPath(node), [this, index](const QHash<QString, protocol::Entry> &inside) { examineChildren(index, inside); });
                }
            }
        });
    }
    examined();
}

void CopyPlanner::listDestination(const QString &dir, std::function<void(const QHash<QString, protocol::Entry> &)> done)
{
    ++m_pendingExamines;
    m_receiver.listAll(dir, [this, dir, done = std::move(done)](const Expected<QList<protocol::Entry>> &entries) {
        // A folder that cannot be listed holds no conflicts we could see;
        // writing into it will tell.
        QHash<QString, protocol::Entry> byName;
        if (entries) {
            for (const protocol::Entry &e : *entries)
                byName.insert(e.name, e);
        }
        QSet<QString> &names = m_plan.destNames[dir];
        for (auto it = byName.cbegin(); it != byName.cend(); ++it)
            names.insert(it.key());
        done(byName);
        examined();
    }, this);
}

void CopyPlanner::examineChildren(int parent, const QHash<QString, protocol::Entry> &existing)
{
    // A folder meeting a folder merges: look one level further.
    for (int index : std::as_const(m_plan.nodes[parent].children)) {
        PlanNode &node = m_plan.nodes[index];
        const auto found = existing.constFind(node.destName);
        if (found == existing.constEnd())
            continue;
        node.destExists = true;
        node.dest = *found;
        if (isDir(node.source) && isDir(node.dest))
            listDestination(destPath(node), [this, index](const QHash<QString, protocol::Entry> &inside) { examineChildren(index, inside); });
    }
}

void CopyPlanner::examined()
{
    if (--m_pendingExamines == 0 && !m_finished)
        finish({});
}

void CopyPlanner::finish(const Error &error)
{
    m_finished = true;
    Q_EMIT finished(error);
}

} // namespace ferry::copy
