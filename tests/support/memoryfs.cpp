// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryfs.h"

#include "core/protocol/remotepath.h"
#include "core/transfer/hasher.h"

#include <QCoreApplication>
#include <QPointer>

using namespace ferry;
using namespace Qt::Literals::StringLiterals;

namespace {

Error error(ErrorCode code, const QString &path, const char *reason)
{
    return Error{code, u':' + path + u": "_s + QString::fromLatin1(reason)};
}

} // namespace

MemoryFs::MemoryFs()
{
    protocol::Entry root;
    root.type = protocol::Entry::Type::Directory;
    root.mode = 0755;
    m_nodes.insert(QString(), Node{root, {}});
}

QString MemoryFs::key(const QString &path)
{
    return remotepath::normalized(path);
}

void MemoryFs::add(const QString &path, const protocol::Entry &entry, const QByteArray &content)
{
    const QString k = key(path);
    // Parents as needed, as a test that plants a tree expects.
    const QString parent = remotepath::parent(k);
    if (!k.isEmpty() && !m_nodes.contains(parent))
        addDirectory(parent);
    Node node{entry, content};
    node.entry.name = remotepath::name(k);
    m_nodes.insert(k, node);
}

void MemoryFs::addDirectory(const QString &path, quint32 mode, qint64 mtimeNs)
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::Directory;
    e.mode = mode;
    e.mtimeNs = mtimeNs;
    add(path, e);
}

void MemoryFs::addFile(const QString &path, const QByteArray &content, quint32 mode, qint64 mtimeNs)
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::File;
    e.size = content.size();
    e.mode = mode;
    e.mtimeNs = mtimeNs;
    add(path, e, content);
}

void MemoryFs::addSymlink(const QString &path, const QString &target)
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::Symlink;
    e.mode = 0777;
    e.linkTarget = target;
    e.size = target.toUtf8().size();
    add(path, e);
}

void MemoryFs::addSpecial(const QString &path)
{
    protocol::Entry e;
    e.type = protocol::Entry::Type::Other;
    e.mode = 0644;
    add(path, e);
}

void MemoryFs::failOn(const QString &path, const Error &failure)
{
    m_failures.insert(key(path), failure);
}

bool MemoryFs::exists(const QString &path) const
{
    return m_nodes.contains(key(path));
}

protocol::Entry MemoryFs::entry(const QString &path) const
{
    return m_nodes.value(key(path)).entry;
}

QByteArray MemoryFs::content(const QString &path) const
{
    return m_nodes.value(key(path)).content;
}

Expected<const MemoryFs::Node *> MemoryFs::find(const QString &path) const
{
    const QString k = key(path);
    if (k.startsWith(u"../"_s) || k == u".."_s || k.startsWith(u'/'))
        return std::unexpected(error(ErrorCode::OutsideRoot, path, "outside the served folder"));
    if (const auto failure = m_failures.constFind(k); failure != m_failures.constEnd())
        return std::unexpected(*failure);
    const auto it = m_nodes.constFind(k);
    if (it != m_nodes.constEnd())
        return &it.value();
    // A parent that is a file makes this "not a directory", as for lstat.
    for (QString up = remotepath::parent(k); !up.isEmpty(); up = remotepath::parent(up)) {
        const auto parent = m_nodes.constFind(up);
        if (parent != m_nodes.constEnd() && parent->entry.type != protocol::Entry::Type::Directory)
            return std::unexpected(error(ErrorCode::NotADirectory, path, "Not a directory"));
    }
    return std::unexpected(error(ErrorCode::NotFound, path, "No such file or directory"));
}

Expected<void> MemoryFs::creatable(const QString &path) const
{
    const QString k = key(path);
    if (k.isEmpty() || k.startsWith(u".."_s) || k.startsWith(u'/'))
        return std::unexpected(error(ErrorCode::InvalidArgument, path, "cannot be created here"));
    if (m_nodes.contains(k))
        return std::unexpected(error(ErrorCode::Exists, path, "File exists"));
    const auto parent = find(remotepath::parent(k));
    if (!parent)
        return std::unexpected(parent.error());
    if ((*parent)->entry.type != protocol::Entry::Type::Directory)
        return std::unexpected(error(ErrorCode::NotADirectory, path, "Not a directory"));
    return {};
}

void MemoryFs::later(const QObject *context, std::function<void()> call)
{
    QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, guarded, call = std::move(call)] {
        if (!guarded || guard)
            call();
    }, Qt::QueuedConnection);
}

void MemoryFs::stat(const QString &path, Done<protocol::Entry> done, const QObject *context)
{
    ++m_calls[u"stat"_s];
    const auto node = find(path);
    const Expected<protocol::Entry> result = node ? Expected<protocol::Entry>((*node)->entry) : std::unexpected(node.error());
    later(context, [done, result] { done(result); });
}

void MemoryFs::statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *context)
{
    ++m_calls[u"statFollowed"_s];
    auto node = find(path);
    Expected<protocol::Entry> result = node ? Expected<protocol::Entry>((*node)->entry) : std::unexpected(node.error());
    // Links inside the tree are followed (a few hops); others stay links.
    for (int hops = 0; result && result->type == protocol::Entry::Type::Symlink && hops < 8; ++hops) {
        const QString target = result->linkTarget;
        if (target.startsWith(u'/'))
            break;
        const auto next = find(remotepath::join(remotepath::parent(key(path)), target));
        if (!next)
            break;
        const QString name = result->name;
        result = (*next)->entry;
        result->name = name;
    }
    later(context, [done, result] { done(result); });
}

void MemoryFs::list(const QString &dir, Page page, const QObject *context)
{
    ++m_calls[u"list"_s];
    const auto node = find(dir);
    if (!node || (*node)->entry.type != protocol::Entry::Type::Directory) {
        const Error failure = node ? error(ErrorCode::NotADirectory, dir, "Not a directory") : node.error();
        later(context, [page, failure] { page(std::unexpected(failure), true); });
        return;
    }
    const QString k = key(dir);
    const QString prefix = k.isEmpty() ? QString() : k + u'/';
    QList<protocol::Entry> entries;
    for (auto it = m_nodes.lowerBound(prefix); it != m_nodes.constEnd() && it.key().startsWith(prefix); ++it) {
        if (!it.key().isEmpty() && !it.key().mid(prefix.size()).contains(u'/'))
            entries.append(it->entry);
    }
    // Pages, as an agent sends a large folder.
    qsizetype sent = 0;
    do {
        const QList<protocol::Entry> chunk = entries.mid(sent, m_pageSize);
        sent += chunk.size();
        const bool last = sent >= entries.size();
        later(context, [page, chunk, last] { page(chunk, last); });
    } while (sent < entries.size());
}

void MemoryFs::mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *context)
{
    ++m_calls[u"mkdir"_s];
    Expected<void> result;
    if (parents) {
        QString so;
        for (const QString &part : key(path).split(u'/', Qt::SkipEmptyParts)) {
            so = remotepath::join(so, part);
            const auto there = find(so);
            if (there && (*there)->entry.type == protocol::Entry::Type::Directory)
                continue;
            if (there) {
                result = std::unexpected(error(ErrorCode::NotADirectory, path, "Not a directory"));
                break;
            }
            if (result = creatable(so); !result)
                break;
            addDirectory(so, mode);
        }
    } else if (result = creatable(path); result) {
        addDirectory(path, mode);
    }
    later(context, [done, result] { done(result); });
}

void MemoryFs::remove(const QString &path, bool recursive, Done<void> done, const QObject *context)
{
    ++m_calls[u"remove"_s];
    Expected<void> result;
    const auto node = find(path);
    const QString k = key(path);
    if (!node) {
        result = std::unexpected(node.error());
    } else if (k.isEmpty()) {
        result = std::unexpected(error(ErrorCode::InvalidArgument, path, "the served folder itself cannot be removed"));
    } else {
        const QString prefix = k + u'/';
        const bool hasChildren = m_nodes.lowerBound(prefix) != m_nodes.constEnd() && m_nodes.lowerBound(prefix).key().startsWith(prefix);
        if (hasChildren && !recursive) {
            result = std::unexpected(error(ErrorCode::NotEmpty, path, "Directory not empty"));
        } else {
            while (m_nodes.lowerBound(prefix) != m_nodes.end() && m_nodes.lowerBound(prefix).key().startsWith(prefix))
                m_nodes.erase(m_nodes.lowerBound(prefix));
            m_nodes.remove(k);
        }
    }
    later(context, [done, result] { done(result); });
}

void MemoryFs::move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context)
{
    ++m_calls[u"move"_s];
    Expected<void> result;
    const QString source = key(from);
    const QString target = key(to);
    const auto node = find(from);
    if (!node) {
        result = std::unexpected(node.error());
    } else if (remotepath::isWithin(target, source) && target != source) {
        result = std::unexpected(error(ErrorCode::InvalidArgument, to, "Invalid argument"));
    } else if (m_nodes.contains(target) && !overwrite) {
        result = std::unexpected(error(ErrorCode::Exists, to, "File exists"));
    } else if (m_nodes.contains(target) && m_nodes.value(target).entry.type == protocol::Entry::Type::Directory
               && (*node)->entry.type != protocol::Entry::Type::Directory) {
        result = std::unexpected(error(ErrorCode::IsADirectory, to, "Is a directory"));
    } else if (target != source) {
        const auto parent = find(remotepath::parent(target));
        if (!parent || (*parent)->entry.type != protocol::Entry::Type::Directory) {
            result = std::unexpected(parent ? error(ErrorCode::NotADirectory, to, "Not a directory") : parent.error());
        } else {
            QMap<QString, Node> moved;
            const QString prefix = source + u'/';
            for (auto it = m_nodes.begin(); it != m_nodes.end();) {
                if (it.key() == source || it.key().startsWith(prefix)) {
                    moved.insert(target + it.key().mid(source.size()), it.value());
                    it = m_nodes.erase(it);
                } else {
                    ++it;
                }
            }
            m_nodes.remove(target);
            for (auto it = moved.cbegin(); it != moved.cend(); ++it)
                m_nodes.insert(it.key(), it.value());
            m_nodes[target].entry.name = remotepath::name(target);
        }
    }
    later(context, [done, result] { done(result); });
}

void MemoryFs::symlink(const QString &path, const QString &target, Done<void> done, const QObject *context)
{
    ++m_calls[u"symlink"_s];
    Expected<void> result = creatable(path);
    if (result)
        addSymlink(path, target);
    later(context, [done, result] { done(result); });
}

void MemoryFs::setAttributes(const QString &path, const client::Attributes &attributes, Done<void> done, const QObject *context)
{
    ++m_calls[u"setAttributes"_s];
    Expected<void> result;
    if (const auto node = find(path); !node) {
        result = std::unexpected(node.error());
    } else if (attributes.mode && (*node)->entry.type == protocol::Entry::Type::Symlink) {
        result = std::unexpected(error(ErrorCode::Unsupported, path, "a symlink has no permissions of its own"));
    } else {
        Node &changed = m_nodes[key(path)];
        if (attributes.mode)
            changed.entry.mode = *attributes.mode & 07777;
        if (attributes.mtimeNs)
            changed.entry.mtimeNs = *attributes.mtimeNs;
    }
    later(context, [done, result] { done(result); });
}

void MemoryFs::space(const QString &path, Done<client::SpaceInfo> done, const QObject *context)
{
    ++m_calls[u"space"_s];
    const auto node = find(path);
    const Expected<client::SpaceInfo> result = node ? Expected<client::SpaceInfo>(m_space) : std::unexpected(node.error());
    later(context, [done, result] { done(result); });
}

qint64 MemoryFs::copy(const client::FileCopy &copy, Done<void> done, const QObject *context)
{
    ++m_calls[u"copy"_s];
    Expected<void> result;
    const auto node = find(copy.from);
    if (!node) {
        result = std::unexpected(node.error());
    } else if ((*node)->entry.type != protocol::Entry::Type::File) {
        result = std::unexpected(error(ErrorCode::InvalidArgument, copy.from, "not a regular file"));
    } else if (m_nodes.contains(key(copy.to)) && !copy.replace) {
        result = std::unexpected(error(ErrorCode::Exists, copy.to, "File exists"));
    } else if (const auto target = m_nodes.constFind(key(copy.to));
               target != m_nodes.constEnd() && target->entry.type == protocol::Entry::Type::Directory) {
        result = std::unexpected(error(ErrorCode::IsADirectory, copy.to, "Is a directory"));
    } else if (m_nodes.contains(key(copy.to)) || (result = creatable(copy.to))) {
        const Node source = **node;
        addFile(copy.to, source.content, copy.attributes.mode.value_or(source.entry.mode & 0777),
                copy.attributes.mtimeNs.value_or(0));
    }
    later(context, [done, result] { done(result); });
    return m_nextId++;
}

qint64 MemoryFs::hash(const QString &path, std::function<void(qint64, qint64)> progress, Done<client::Digest> done, const QObject *context)
{
    ++m_calls[u"hash"_s];
    Q_UNUSED(progress)
    const auto node = find(path);
    Expected<client::Digest> result = std::unexpected(Error{});
    if (!node)
        result = std::unexpected(node.error());
    else if ((*node)->entry.type != protocol::Entry::Type::File)
        result = std::unexpected(error(ErrorCode::IsADirectory, path, "not a regular file"));
    else
        result = client::Digest{transfer::Hasher::hash((*node)->content), (*node)->content.size()};
    later(context, [done, result] { done(result); });
    return m_nextId++;
}

void MemoryFs::cancel(qint64)
{
    // Every call has answered by the time anyone could cancel it.
}
