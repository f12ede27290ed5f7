// SPDX-License-Identifier: GPL-3.0-or-later
// RootFs: everything that changes the served tree.
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

Expected<void> RootFs::mkdir(const QString &path, quint32 mode, bool parents) const
{
    const Expected<QString> normalized = normalize(path);
    if (!normalized)
        return unexpected(normalized.error());
    if (normalized->isEmpty()) {
        if (parents)
            return {};
        return unexpected(errnoError(EEXIST, path));
    }
    if (parents)
        return mkdirParents(path, *normalized, mode);

    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    if (::mkdirat(parent->dirFd.get(), parent->name.constData(), mode & 07777) != 0)
        return unexpected(errnoError(errno, path));
    return {};
}

Expected<void> RootFs::mkdirParents(const QString &wirePath, const QString &normalized,
                                    quint32 mode) const
{
    const QStringList parts = normalized.split(u'/');
    UniqueFd dirFd(openat2Fd(m_rootFd.get(), ".", O_PATH | O_DIRECTORY, kResolveBeneath));
    if (!dirFd)
        return unexpected(errnoError(errno, wirePath));
    QByteArray prefix;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray name = pathcodec::toBytes(parts.at(i));
        if (!prefix.isEmpty())
            prefix += '/';
        prefix += name;
        const bool created = ::mkdirat(dirFd.get(), name.constData(), mode & 07777) == 0;
        if (!created && errno != EEXIST)
            return unexpected(errnoError(errno, wirePath));
        if (i == parts.size() - 1) {
            if (created)
                return {};
            // Like mkdir -p, an existing directory is success; anything else
            // in the way (a file, or a symlink, which we do not follow) is not.
            struct stat st;
            if (::fstatat(dirFd.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                return unexpected(errnoError(errno, wirePath));
            if (!S_ISDIR(st.st_mode))
                return unexpected(errnoError(EEXIST, wirePath));
            return {};
        }
        // Reopening from the root rather than from dirFd keeps RESOLVE_BENEATH
        // anchored at the root, so an inside symlink such as "../sibling"
        // resolves here exactly as it does for every other call.
        UniqueFd next(openat2Fd(m_rootFd.get(), prefix.constData(), O_PATH | O_DIRECTORY,
                                kResolveBeneath));
        if (!next)
            return unexpected(errnoError(errno, wirePath));
        dirFd = std::move(next);
    }
    return {};
}

Expected<void> RootFs::remove(const QString &path, bool recursive) const
{
    const Expected<QString> normalized = normalize(path);
    if (!normalized)
        return unexpected(normalized.error());
    if (normalized->isEmpty()) {
        return unexpected(makeError(ErrorCode::InvalidArgument, path,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "refusing to remove the served directory itself")));
    }
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    const int dirFd = parent->dirFd.get();
    const char *name = parent->name.constData();

    struct stat st;
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return unexpected(errnoError(errno, path));
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(dirFd, name, 0) != 0)
            return unexpected(errnoError(errno, path));
        return {};
    }
    if (recursive) {
        const UniqueFd child(openat2Fd(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, kResolveFinal));
        if (!child)
            return unexpected(errnoError(errno, path));
        if (Expected<void> emptied = emptyDirectory(child.get(), *normalized); !emptied)
            return emptied;
    }
    if (::unlinkat(dirFd, name, AT_REMOVEDIR) != 0) {
        // POSIX lets rmdir report a non-empty directory as EEXIST too.
        return unexpected(errnoError(errno == EEXIST ? ENOTEMPTY : errno, path));
    }
    return {};
}

Expected<void> RootFs::rename(const QString &from, const QString &to, bool overwrite) const
{
    const Expected<ParentHandle> source = resolve(from);
    if (!source)
        return unexpected(source.error());
    const Expected<ParentHandle> target = resolve(to);
    if (!target)
        return unexpected(target.error());
    for (const ParentHandle *handle : {&*source, &*target}) {
        if (handle->name.isEmpty()) {
            return unexpected(makeError(ErrorCode::InvalidArgument, handle->wirePath,
                                        QCoreApplication::translate("ferry::agent::RootFs",
                                                                    "cannot rename the served directory itself")));
        }
    }
    if (::renameat2(source->dirFd.get(), source->name.constData(), target->dirFd.get(),
                    target->name.constData(), overwrite ? 0 : RENAME_NOREPLACE) != 0) {
        const int errnum = errno;
        // These concern what is in the way at the destination; everything
        // else is about the source.
        const bool aboutTarget = errnum == EEXIST || errnum == ENOTEMPTY || errnum == EISDIR
            || errnum == ENOTDIR;
        return unexpected(errnoError(errnum, aboutTarget ? to : from));
    }
    return {};
}

Expected<void> RootFs::chmod(const QString &path, quint32 mode) const
{
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    const bool isRoot = parent->name.isEmpty();
    const int dirFd = parent->dirFd.get();
    const char *name = isRoot ? "" : parent->name.constData();

    // fchmodat2 (Linux 6.6) is the one call that changes a mode by name
    // without following a final symlink; glibc's fchmodat emulates the flag
    // through /proc, which we do not want to depend on.
    if (::syscall(SYS_fchmodat2, dirFd, name, mode & 07777,
                  isRoot ? AT_EMPTY_PATH : AT_SYMLINK_NOFOLLOW) == 0) {
        return {};
    }
    if (errno == EOPNOTSUPP)
        return unexpected(symlinkNotFollowed(ErrorCode::Unsupported, path));
    if (errno != ENOSYS)
        return unexpected(errnoError(errno, path));

    // Older kernels: open the entry itself without following it and fchmod
    // the descriptor. O_NONBLOCK so that a FIFO cannot block the open.
    const UniqueFd fd(openat2Fd(dirFd, isRoot ? "." : name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY,
                                kResolveFinal));
    if (!fd) {
        if (errno == ELOOP)
            return unexpected(symlinkNotFollowed(ErrorCode::Unsupported, path));
        return unexpected(errnoError(errno, path));
    }
    if (::fchmod(fd.get(), mode & 07777) != 0)
        return unexpected(errnoError(errno, path));
    return {};
}

Expected<void> RootFs::setModifiedTime(const QString &path, qint64 mtimeNs) const
{
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    const bool isRoot = parent->name.isEmpty();
    struct timespec times[2];
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT;
    times[1].tv_sec = time_t(mtimeNs / 1000000000LL);
    times[1].tv_nsec = long(mtimeNs % 1000000000LL);
    // AT_SYMLINK_NOFOLLOW: a symlink's own time, never its target's.
    if (::utimensat(parent->dirFd.get(), isRoot ? "." : parent->name.constData(), times,
                    isRoot ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
        return unexpected(errnoError(errno, path));
    return {};
}

Expected<void> RootFs::symlink(const QString &path, const QString &target) const
{
    if (target.isEmpty() || target.contains(QChar(u'\0'))) {
        return unexpected(makeError(ErrorCode::InvalidArgument, path,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "invalid symbolic link target")));
    }
    const Expected<ParentHandle> parent = resolve(path);
    if (!parent)
        return unexpected(parent.error());
    if (parent->name.isEmpty())
        return unexpected(errnoError(EEXIST, path));
    if (::symlinkat(pathcodec::toBytes(target).constData(), parent->dirFd.get(),
                    parent->name.constData()) != 0) {
        return unexpected(errnoError(errno, path));
    }
    return {};
}


} // namespace ferry::agent
