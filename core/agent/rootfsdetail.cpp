// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/rootfsdetail.h"

#include "core/logging.h"
#include "core/pathcodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
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
#ifndef SYS_openat2
#define SYS_openat2 437
#endif

namespace ferry::agent::rootfs_detail {

using std::unexpected;


// openat2 asks callers to retry on EAGAIN (a concurrent rename or mount made
// the kernel unsure the walk stayed beneath); bounded so a hostile peer
// renaming in a loop cannot pin the agent.
constexpr int kMaxOpenRetries = 32;

// The kernel caps symlink targets at PATH_MAX; anything larger is broken.
constexpr qsizetype kMaxLinkSize = 64 * 1024;

QString display(const QString &wirePath)
{
    // The root has no name of its own; "." is what a shell user would type.
    if (wirePath.isEmpty())
        return QStringLiteral(".");
    return pathcodec::escaped(wirePath);
}

Error errnoError(int errnum, const QString &wirePath)
{
    // Error::fromErrno shows the path escaped itself.
    return Error::fromErrno(errnum, wirePath.isEmpty() ? QStringLiteral(".") : wirePath);
}

Error makeError(ErrorCode code, const QString &wirePath, const QString &reason)
{
    return Error{code, display(wirePath) + QStringLiteral(": ") + reason};
}

namespace {

enum ResolverState : int { Undecided, UseOpenat2, UseWalk };
std::atomic<int> g_resolverState{Undecided};

bool walkForced()
{
    // For diagnosis: the walk on a kernel that has openat2.
    static const bool forced = [] {
        const QByteArray value = qgetenv("FERRY_ROOTFS_RESOLVER");
        if (value == "walk") {
            qCInfo(lcAgent) << "FERRY_ROOTFS_RESOLVER=walk: resolving paths beneath the served directory"
                               " one component at a time";
            return true;
        }
        if (!value.isEmpty())
            qCWarning(lcAgent).nospace().noquote() << "ignoring FERRY_ROOTFS_RESOLVER=" << value
                                                   << " (only \"walk\" is known)";
        return false;
    }();
    return forced;
}

void switchToWalk()
{
    if (g_resolverState.exchange(UseWalk) != UseWalk) {
        qCInfo(lcAgent) << "openat2 is not available (ENOSYS): resolving paths beneath the served"
                           " directory one component at a time";
    }
}

long openat2Call(int dirFd, const char *path, const open_how &how)
{
    return ::syscall(SYS_openat2, dirFd, path, &how, sizeof how);
}

} // namespace

PathResolver activeResolver()
{
    if (walkForced())
        return PathResolver::Walk;
    int state = g_resolverState.load(std::memory_order_relaxed);
    if (state == Undecided) {
        // Only ENOSYS says anything about the kernel; any other answer means
        // openat2 exists.
        open_how how{};
        how.flags = O_PATH | O_CLOEXEC;
        how.resolve = kResolveBeneath;
        const long fd = openat2Call(AT_FDCWD, ".", how);
        if (fd >= 0) {
            ::close(int(fd));
        } else if (errno == ENOSYS) {
            switchToWalk();
        }
        int undecided = Undecided;
        g_resolverState.compare_exchange_strong(undecided, UseOpenat2);
        state = g_resolverState.load(std::memory_order_relaxed);
    }
    return state == UseWalk ? PathResolver::Walk : PathResolver::Openat2;
}

int openat2Fd(int dirFd, const char *path, int flags, quint64 resolve, mode_t mode)
{
    bool walk = activeResolver() == PathResolver::Walk;
    open_how how{};
    how.flags = quint64(flags | O_CLOEXEC);
    // O_TMPFILE includes O_DIRECTORY's bit; openat2 refuses a mode without
    // one of the two.
    how.mode = ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) ? quint64(mode) : 0;
    how.resolve = resolve;
    for (int attempt = 0;; ++attempt) {
        long fd = walk ? walkOpenFd(dirFd, path, flags, resolve, mode) : openat2Call(dirFd, path, how);
        if (fd < 0 && !walk && errno == ENOSYS) {
            // The probe found openat2, but a seccomp filter installed since
            // (filters can be added at any time, never removed) refuses it.
            switchToWalk();
            walk = true;
            fd = walkOpenFd(dirFd, path, flags, resolve, mode);
        }
        if (fd >= 0)
            return int(fd);
        if ((errno != EAGAIN && errno != EINTR) || attempt >= kMaxOpenRetries)
            return -1;
    }
}

EntryInfo::Type typeOf(mode_t mode)
{
    if (S_ISREG(mode))
        return EntryInfo::Type::File;
    if (S_ISDIR(mode))
        return EntryInfo::Type::Directory;
    if (S_ISLNK(mode))
        return EntryInfo::Type::Symlink;
    return EntryInfo::Type::Other;
}

EntryInfo entryInfo(const QByteArray &name, const struct stat &st)
{
    EntryInfo info;
    info.name = pathcodec::fromBytes(name);
    info.type = typeOf(st.st_mode);
    info.size = st.st_size;
    info.mode = st.st_mode & 07777;
    info.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    info.uid = st.st_uid;
    info.gid = st.st_gid;
    return info;
}

// Sets errno and returns nothing on failure.
std::optional<QByteArray> readLink(int dirFd, const char *name, qint64 sizeHint)
{
    QByteArray buffer(qMax<qint64>(sizeHint, 63) + 1, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::readlinkat(dirFd, name, buffer.data(), size_t(buffer.size()));
        if (n < 0)
            return std::nullopt;
        if (n < buffer.size()) {
            buffer.truncate(n);
            return buffer;
        }
        // Filled the buffer: the link changed since lstat, or the file
        // system reports st_size 0 for links. Grow and read again.
        if (buffer.size() >= kMaxLinkSize) {
            errno = ENAMETOOLONG;
            return std::nullopt;
        }
        buffer.resize(buffer.size() * 2);
    }
}

struct DirCloser {
    void operator()(DIR *dir) const { ::closedir(dir); }
};

// Names in directory @p dirFd (opened for reading), sorted, without . and ..
Expected<QList<QByteArray>> readNames(int dirFd, const QString &wirePath)
{
    // fdopendir takes ownership of its descriptor; a duplicate leaves the
    // caller's one free for the *at() calls that follow.
    UniqueFd duplicate(::fcntl(dirFd, F_DUPFD_CLOEXEC, 0));
    if (!duplicate)
        return unexpected(errnoError(errno, wirePath));
    DIR *raw = ::fdopendir(duplicate.get());
    if (!raw)
        return unexpected(errnoError(errno, wirePath));
    duplicate.release();
    const std::unique_ptr<DIR, DirCloser> dir(raw);
    // The duplicate shares the caller's offset, which an earlier read may
    // have moved.
    ::rewinddir(dir.get());

    QList<QByteArray> names;
    for (;;) {
        errno = 0;
        const dirent *entry = ::readdir(dir.get());
        if (!entry) {
            if (errno != 0)
                return unexpected(errnoError(errno, wirePath));
            break;
        }
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        names.append(QByteArray(entry->d_name));
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Removes everything inside directory @p dirFd (opened for reading). Each
// entry is lstat'ed and subdirectories are opened with O_NOFOLLOW and
// RESOLVE_NO_SYMLINKS, so a symlink is only ever unlinked, never entered,
// even if it is swapped in while we work.
Expected<void> emptyDirectory(int dirFd, const QString &wirePath)
{
    const Expected<QList<QByteArray>> names = readNames(dirFd, wirePath);
    if (!names)
        return unexpected(names.error());
    for (const QByteArray &name : *names) {
        const QString childPath = wirePath + u'/' + pathcodec::fromBytes(name);
        struct stat st;
        if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue; // removed by someone else meanwhile: fine
            return unexpected(errnoError(errno, childPath));
        }
        if (!S_ISDIR(st.st_mode)) {
            if (::unlinkat(dirFd, name.constData(), 0) != 0 && errno != ENOENT)
                return unexpected(errnoError(errno, childPath));
            continue;
        }
        {
            const UniqueFd child(openat2Fd(dirFd, name.constData(),
                                           O_RDONLY | O_DIRECTORY | O_NOFOLLOW, kResolveFinal));
            if (!child)
                return unexpected(errnoError(errno, childPath));
            if (Expected<void> emptied = emptyDirectory(child.get(), childPath); !emptied)
                return emptied;
        }
        if (::unlinkat(dirFd, name.constData(), AT_REMOVEDIR) != 0 && errno != ENOENT)
            return unexpected(errnoError(errno, childPath));
    }
    return {};
}

Error symlinkNotFollowed(ErrorCode code, const QString &wirePath)
{
    return makeError(code, wirePath,
                     QCoreApplication::translate("ferry::agent::RootFs",
                                                 "is a symbolic link, which is not followed"));
}


} // namespace ferry::agent::rootfs_detail
