// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/archiveview.h"

#include "core/agent/archiveextract.h"
#include "core/pathcodec.h"
#include "core/protocol/archiveformat.h"
#include "core/protocol/remotepath.h"

#include <KArchiveDirectory>
#include <KArchiveFile>

#include <QCoreApplication>
#include <QDateTime>

#include <cerrno>
#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent::archiveview {

namespace {

/// Archives kept open for the next listing (a compressed tar is read whole
/// to be opened): the last few, while their files are unchanged. Used from
/// the agent's main thread only.
struct Cached {
    const RootFs *root = nullptr;
    QString path;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    std::shared_ptr<OpenArchive> archive;
};
constexpr qsizetype kCacheSize = 4;

Expected<std::shared_ptr<OpenArchive>> opened(const RootFs &root, const QString &path)
{
    static QList<Cached> cache;
    auto info = root.stat(path);
    if (!info)
        return std::unexpected(info.error());
    for (qsizetype i = 0; i < cache.size(); ++i) {
        const Cached &c = cache.at(i);
        if (c.root == &root && c.path == path && c.size == info->size && c.mtimeNs == info->mtimeNs) {
            cache.move(i, 0);
            return cache.first().archive;
        }
    }
    auto archive = OpenArchive::open(root, path);
    if (!archive)
        return std::unexpected(archive.error());
    cache.prepend(Cached{&root, path, info->size, info->mtimeNs, std::shared_ptr<OpenArchive>(std::move(*archive))});
    if (cache.size() > kCacheSize)
        cache.removeLast();
    return cache.first().archive;
}

EntryInfo infoOf(const KArchiveEntry *entry, const QString &name)
{
    EntryInfo info;
    info.name = name;
    info.mode = quint32(entry->permissions() & 07777);
    info.mtimeNs = entry->date().isValid() ? entry->date().toMSecsSinceEpoch() * 1000000 : 0;
    // An archive names owners; their ids belong to the machine it was made on.
    info.user = entry->user();
    info.group = entry->group();
    if (entry->isDirectory()) {
        info.type = EntryInfo::Type::Directory;
    } else if (!entry->symLinkTarget().isEmpty()) {
        info.type = EntryInfo::Type::Symlink;
        info.linkTarget = entry->symLinkTarget();
    } else {
        info.type = EntryInfo::Type::File;
        info.size = static_cast<const KArchiveFile *>(entry)->size();
    }
    return info;
}

Expected<const KArchiveEntry *> find(const OpenArchive &archive, const Split &where)
{
    const QString inner = remotepath::normalized(where.inner);
    const KArchiveEntry *entry = inner.isEmpty() ? archive.rootDirectory() : archive.rootDirectory()->entry(inner);
    if (!entry)
        return std::unexpected(Error::fromErrno(ENOENT, remotepath::join(where.archive, inner)));
    return entry;
}

/// A file's device that keeps its archive open.
class EntryDevice final : public QIODevice
{
public:
    EntryDevice(std::shared_ptr<OpenArchive> archive, std::unique_ptr<QIODevice> device)
        : m_archive(std::move(archive)), m_device(std::move(device))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 size) override { return m_device->read(data, size); }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::shared_ptr<OpenArchive> m_archive;
    std::unique_ptr<QIODevice> m_device;
};

} // namespace

std::optional<Split> split(const RootFs &root, const QString &path)
{
    const QString clean = remotepath::normalized(path);
    const QStringList parts = clean.split(u'/', Qt::SkipEmptyParts);
    QString prefix;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        prefix = remotepath::join(prefix, parts.at(i));
        if (!protocol::archiveFormatForFileName(parts.at(i)))
            continue;
        const bool more = i + 1 < parts.size() || path.endsWith(u'/');
        if (!more)
            return std::nullopt;
        auto info = root.stat(prefix);
        if (!info || info->type != EntryInfo::Type::File)
            continue;
        return Split{prefix, parts.mid(i + 1).join(u'/')};
    }
    return std::nullopt;
}

/// The entry @p where names, in an archive kept open (it lives while the
/// cache or the caller holds it).
Expected<const KArchiveEntry *> lookup(const RootFs &root, const Split &where, std::shared_ptr<OpenArchive> *holder)
{
    auto archive = opened(root, where.archive);
    if (!archive)
        return std::unexpected(archive.error());
    *holder = *archive;
    return find(**archive, where);
}

Expected<QList<EntryInfo>> list(const RootFs &root, const Split &where)
{
    std::shared_ptr<OpenArchive> holder;
    auto entry = lookup(root, where, &holder);
    if (!entry)
        return std::unexpected(entry.error());
    if (!(*entry)->isDirectory())
        return std::unexpected(Error::fromErrno(ENOTDIR, remotepath::join(where.archive, where.inner)));
    const auto *dir = static_cast<const KArchiveDirectory *>(*entry);
    QStringList names = dir->entries();
    names.sort();
    QList<EntryInfo> entries;
    for (const QString &name : std::as_const(names)) {
        if (const KArchiveEntry *child = dir->entry(name))
            entries.append(infoOf(child, name));
    }
    return entries;
}

Expected<EntryInfo> stat(const RootFs &root, const Split &where)
{
    std::shared_ptr<OpenArchive> holder;
    auto entry = lookup(root, where, &holder);
    if (!entry)
        return std::unexpected(entry.error());
    return infoOf(*entry, where.inner.isEmpty() ? remotepath::name(where.archive) : remotepath::name(where.inner));
}

Expected<std::unique_ptr<QIODevice>> open(const RootFs &root, const Split &where, qint64 *size)
{
    // An archive of its own: KArchive's file devices share the archive's
    // position, so two files read at once from one open archive would mix
    // (and a compressed tar is read front to back anyway).
    auto fresh = OpenArchive::open(root, where.archive);
    if (!fresh)
        return std::unexpected(fresh.error());
    std::shared_ptr<OpenArchive> archive(std::move(*fresh));
    auto entry = find(*archive, where);
    if (!entry)
        return std::unexpected(entry.error());
    const QString shown = remotepath::join(where.archive, where.inner);
    if ((*entry)->isDirectory())
        return std::unexpected(Error::fromErrno(EISDIR, shown));
    if (!(*entry)->symLinkTarget().isEmpty())
        return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "%1 is a symlink inside an archive").arg(pathcodec::escaped(shown))});
    const auto *file = static_cast<const KArchiveFile *>(*entry);
    std::unique_ptr<QIODevice> device(file->createDevice());
    if (!device || !device->isOpen())
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "%1 cannot be read from the archive").arg(pathcodec::escaped(shown))});
    *size = file->size();
    return std::unique_ptr<QIODevice>(new EntryDevice(archive, std::move(device)));
}

Expected<UniqueFd> openAsFd(const RootFs &root, const Split &where, qint64 maxSize)
{
    qint64 size = 0;
    auto device = open(root, where, &size);
    if (!device)
        return std::unexpected(device.error());
    const QString shown = remotepath::join(where.archive, where.inner);
    if (size > maxSize)
        return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "%1 is too large to be read this way").arg(pathcodec::escaped(shown))});
    UniqueFd fd(::memfd_create("ferry-archive-entry", MFD_CLOEXEC));
    if (!fd)
        return std::unexpected(Error::fromErrno(errno, shown));
    qint64 copied = 0;
    while (copied < size) {
        const QByteArray chunk = (*device)->read(std::min<qint64>(size - copied, 1 << 20));
        if (chunk.isEmpty())
            break;
        if (::write(fd.get(), chunk.constData(), size_t(chunk.size())) != chunk.size())
            return std::unexpected(Error::fromErrno(errno, shown));
        copied += chunk.size();
    }
    if (copied != size)
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "the archive is damaged: %1 holds less than its header says").arg(pathcodec::escaped(shown))});
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

} // namespace ferry::agent::archiveview
