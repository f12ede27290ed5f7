// SPDX-License-Identifier: GPL-3.0-or-later
// RootFs: resolving wire paths beneath the root, and reading.
#include "core/agent/rootfs.h"

#include "core/agent/rootfsdetail.h"
#include "core/pathcodec.h"


#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio> // renameat2, RENAME_NOREPLACE
#include <cstring>
#include <memory>
#include <optional>

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

// fchmodat2 has the same number on every architecture; older headers lack it.
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
namespace ferry::agent {

using namespace rootfs_detail;
using std::unexpected;

RootFs::RootFs(UniqueFd rootFd, QString rootPath)
    : m_rootFd(std::move(rootFd))
    , m_rootPath(std::move(rootPath))
{
}

Expected<RootFs> RootFs::open(const QString &rootDir)
{
    if (rootDir.isEmpty() || rootDir.contains(QChar(u'\0'))) {
        return unexpected(Error{ErrorCode::InvalidArgument,
                                QCoreApplication::translate("ferry::agent::RootFs",
                                                            "no valid directory to serve was given")});
    }
    const QString absolute = QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath());
    UniqueFd fd(::open(QFile::encodeName(absolute).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!fd) {
        const int errnum = errno;
        // Error::fromErrno reads ELOOP as an escape, which means nothing here.
        if (errnum == ELOOP) {
            return unexpected(Error{ErrorCode::InvalidArgument,
                                    rootDir + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errnum))});
        }
        return unexpected(Error::fromErrno(errnum, rootDir));
    }
    // Decided now, so that a fallback is logged when serving starts rather
    // than at the first request.
    activeResolver();
    return RootFs(std::move(fd), absolute);
}

PathResolver RootFs::resolver()
{
    return activeResolver();
}

QString RootFs::rootPath() const
{
    return m_rootPath;
}

Expected<QString> RootFs::normalize(const QString &wirePath) const
{
    if (wirePath.contains(QChar(u'\0'))) {
        return unexpected(makeError(ErrorCode::OutsideRoot, wirePath,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "path contains a NUL byte")));
    }
    if (wirePath.startsWith(u'/')) {
        return unexpected(makeError(ErrorCode::OutsideRoot, wirePath,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "absolute paths lead outside the served directory")));
    }
    QStringList parts;
    for (const QStringView part : QStringView(wirePath).split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..") {
            if (parts.isEmpty())
                return unexpected(errnoError(EXDEV, wirePath));
            parts.removeLast();
            continue;
        }
        parts.append(part.toString());
    }
    return parts.join(u'/');
}

Expected<RootFs::SplitPath> RootFs::split(const QString &wirePath) const
{
    const Expected<QString> normalized = normalize(wirePath);
    if (!normalized)
        return unexpected(normalized.error());
    const QByteArray relative = pathcodec::toBytes(*normalized);
    const qsizetype slash = relative.lastIndexOf('/');
    if (slash < 0)
        return SplitPath{QByteArrayLiteral("."), relative};
    return SplitPath{relative.left(slash), relative.mid(slash + 1)};
}

Expected<ParentHandle> RootFs::resolve(const QString &wirePath) const
{
    const Expected<SplitPath> parts = split(wirePath);
    if (!parts)
        return unexpected(parts.error());
    UniqueFd dirFd(openat2Fd(m_rootFd.get(), parts->parent.constData(), O_PATH | O_DIRECTORY,
                             kResolveBeneath));
    if (!dirFd)
        return unexpected(errnoError(errno, wirePath));
    return ParentHandle{std::move(dirFd), parts->name, wirePath};
}

Expected<UniqueFd> RootFs::openEntry(const QString &wirePath, int flags) const
{
    Expected<ParentHandle> parent = resolve(wirePath);
    if (!parent)
        return unexpected(parent.error());
    const bool isRoot = parent->name.isEmpty();
    UniqueFd fd(openat2Fd(parent->dirFd.get(), isRoot ? "." : parent->name.constData(),
                          flags | O_NOFOLLOW, kResolveFinal));
    if (!fd) {
        // O_NOFOLLOW reports a final symlink as ELOOP, which Error::fromErrno
        // would call an escape; say what actually happened.
        if (errno == ELOOP) {
            return unexpected(symlinkNotFollowed(
                (flags & O_DIRECTORY) ? ErrorCode::NotADirectory : ErrorCode::InvalidArgument, wirePath));
        }
        return unexpected(errnoError(errno, wirePath));
    }
    return fd;
}

Expected<EntryInfo> RootFs::stat(const QString &path) const
{
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    return statAt(ParentRef{parent->dirFd.get(), parent->name}, path);
}

Expected<EntryInfo> RootFs::statFollowed(const QString &path) const
{
    Expected<EntryInfo> own = stat(path);
    if (!own || own->type != EntryInfo::Type::Symlink)
        return own;
    const Expected<QString> normalized = normalize(path);
    if (!normalized)
        return unexpected(normalized.error());
    UniqueFd fd(openat2Fd(m_rootFd.get(), pathcodec::toBytes(*normalized).constData(), O_PATH, kResolveBeneath));
    struct stat st;
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return own;
    return entryInfo(pathcodec::toBytes(own->name), st);
}

Expected<EntryInfo> RootFs::statAt(const ParentRef &parent, const QString &path)
{
    const bool isRoot = parent.name.isEmpty();
    const char *name = isRoot ? "" : parent.name.constData();
    struct stat st;
    if (::fstatat(parent.dirFd, name, &st, isRoot ? AT_EMPTY_PATH : AT_SYMLINK_NOFOLLOW) != 0)
        return unexpected(errnoError(errno, path));
    EntryInfo info = entryInfo(parent.name, st);
    if (info.type == EntryInfo::Type::Symlink) {
        const std::optional<QByteArray> target = readLink(parent.dirFd, name, st.st_size);
        if (!target)
            return unexpected(errnoError(errno, path));
        info.linkTarget = pathcodec::fromBytes(*target);
    }
    return info;
}

Expected<QList<EntryInfo>> RootFs::list(const QString &dir) const
{
    const Expected<UniqueFd> dirFd = openDirectory(dir);
    if (!dirFd)
        return unexpected(dirFd.error());
    const Expected<QList<QByteArray>> names = readNames(dirFd->get(), dir);
    if (!names)
        return unexpected(names.error());

    QList<EntryInfo> entries;
    entries.reserve(names->size());
    for (const QByteArray &name : *names) {
        struct stat st;
        if (::fstatat(dirFd->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue; // deleted since readdir: it is simply not there any more
            // One unreadable entry must not hide all the others.
            EntryInfo info;
            info.name = pathcodec::fromBytes(name);
            entries.append(info);
            continue;
        }
        EntryInfo info = entryInfo(name, st);
        if (info.type == EntryInfo::Type::Symlink) {
            const std::optional<QByteArray> target = readLink(dirFd->get(), name.constData(), st.st_size);
            if (target)
                info.linkTarget = pathcodec::fromBytes(*target);
            else
                info.type = EntryInfo::Type::Other;
        }
        entries.append(std::move(info));
    }
    return entries;
}

Expected<DiskSpace> RootFs::diskSpace(const QString &path) const
{
    // O_PATH with O_NOFOLLOW opens even a symlink itself, which is enough to
    // ask about the file system it lives on.
    const Expected<UniqueFd> fd = openEntry(path, O_PATH);
    if (!fd)
        return unexpected(fd.error());
    struct statvfs sv;
    if (::fstatvfs(fd->get(), &sv) != 0)
        return unexpected(errnoError(errno, path));
    const qint64 unit = qint64(sv.f_frsize ? sv.f_frsize : sv.f_bsize);
    return DiskSpace{qint64(sv.f_blocks) * unit, qint64(sv.f_bfree) * unit, qint64(sv.f_bavail) * unit};
}

Expected<UniqueFd> RootFs::openRead(const QString &path) const
{
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    return openReadAt(ParentRef{parent->dirFd.get(), parent->name}, path);
}

Expected<UniqueFd> RootFs::openReadAt(const ParentRef &parent, const QString &path)
{
    if (parent.name.isEmpty())
        return unexpected(errnoError(EISDIR, path));
    const int dirFd = parent.dirFd;
    const char *name = parent.name.constData();

    // Look before opening: opening a device or FIFO can have side effects or
    // block, and we only ever serve regular files.
    const auto checkRegular = [&path](const struct stat &st) -> Expected<void> {
        if (S_ISREG(st.st_mode))
            return {};
        if (S_ISDIR(st.st_mode))
            return unexpected(errnoError(EISDIR, path));
        if (S_ISLNK(st.st_mode))
            return unexpected(symlinkNotFollowed(ErrorCode::InvalidArgument, path));
        return unexpected(makeError(ErrorCode::InvalidArgument, path,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "not a regular file")));
    };
    struct stat st;
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return unexpected(errnoError(errno, path));
    if (Expected<void> regular = checkRegular(st); !regular)
        return unexpected(regular.error());

    // O_NONBLOCK in case the entry was swapped for a FIFO since the fstatat.
    UniqueFd fd(openat2Fd(dirFd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, kResolveFinal));
    if (!fd) {
        if (errno == ELOOP)
            return unexpected(symlinkNotFollowed(ErrorCode::InvalidArgument, path));
        return unexpected(errnoError(errno, path));
    }
    if (::fstat(fd.get(), &st) != 0)
        return unexpected(errnoError(errno, path));
    if (Expected<void> regular = checkRegular(st); !regular)
        return unexpected(regular.error());
    const int statusFlags = ::fcntl(fd.get(), F_GETFL);
    if (statusFlags < 0 || ::fcntl(fd.get(), F_SETFL, statusFlags & ~O_NONBLOCK) != 0)
        return unexpected(errnoError(errno, path));
    return fd;
}

Expected<UniqueFd> RootFs::openDirectory(const QString &path) const
{
    // Like cd, a final symlink to a directory is followed, but only while it
    // stays beneath the root (RESOLVE_BENEATH refuses the rest).
    const Expected<QString> normalized = normalize(path);
    if (!normalized)
        return unexpected(normalized.error());
    const QByteArray relative = normalized->isEmpty() ? QByteArrayLiteral(".") : pathcodec::toBytes(*normalized);
    UniqueFd fd(openat2Fd(m_rootFd.get(), relative.constData(), O_RDONLY | O_DIRECTORY, kResolveBeneath));
    if (!fd)
        return unexpected(errnoError(errno, path));
    return fd;
}

namespace {

Error noParentError(const QString &path)
{
    return makeError(ErrorCode::InvalidArgument, path,
                     QCoreApplication::translate("ferry::agent::RootFs", "the served directory itself has no parent here"));
}

} // namespace

Expected<ParentRef> RootFs::parentIn(ParentCache &cache, const QString &path) const
{
    const Expected<SplitPath> parts = split(path);
    if (!parts)
        return unexpected(parts.error());
    if (parts->name.isEmpty())
        return unexpected(noParentError(path));
    if (const auto it = cache.m_dirs.find(parts->parent); it != cache.m_dirs.end())
        return ParentRef{it->second.get(), parts->name};
    UniqueFd dirFd(openat2Fd(m_rootFd.get(), parts->parent.constData(), O_PATH | O_DIRECTORY, kResolveBeneath));
    if (!dirFd)
        return unexpected(errnoError(errno, path));
    if (cache.m_dirs.size() >= ParentCache::kMaxEntries)
        cache.m_dirs.erase(cache.m_dirs.begin());
    const int fd = dirFd.get();
    cache.m_dirs.emplace(parts->parent, std::move(dirFd));
    return ParentRef{fd, parts->name};
}

Expected<ParentHandle> RootFs::openParent(const QString &path) const
{
    Expected<ParentHandle> parent = resolve(path);
    if (parent && parent->name.isEmpty())
        return unexpected(noParentError(path));
    return parent;
}


} // namespace ferry::agent
