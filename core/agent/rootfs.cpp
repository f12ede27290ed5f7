// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/rootfs.h"

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

namespace {

using std::unexpected;

// Intermediate components may be symlinks as long as they stay beneath the
// root; /proc-style magic links could jump anywhere, so never those.
constexpr quint64 kResolveBeneath = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
// For the last component, which is never followed.
constexpr quint64 kResolveFinal = kResolveBeneath | RESOLVE_NO_SYMLINKS;

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
    QString shown = wirePath;
    shown.replace(QChar(u'\0'), QStringLiteral("\\0"));
    return shown;
}

Error errnoError(int errnum, const QString &wirePath)
{
    return Error::fromErrno(errnum, display(wirePath));
}

Error makeError(ErrorCode code, const QString &wirePath, const QString &reason)
{
    return Error{code, display(wirePath) + QStringLiteral(": ") + reason};
}

int openat2Fd(int dirFd, const char *path, int flags, quint64 resolve)
{
    open_how how{};
    how.flags = quint64(flags | O_CLOEXEC);
    how.resolve = resolve;
    for (int attempt = 0;; ++attempt) {
        const long fd = ::syscall(SYS_openat2, dirFd, path, &how, sizeof how);
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
    info.name = QFile::decodeName(name);
    info.type = typeOf(st.st_mode);
    info.size = st.st_size;
    info.mode = st.st_mode & 07777;
    info.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
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
        const QString childPath = wirePath + u'/' + QFile::decodeName(name);
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

} // namespace

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
    return RootFs(std::move(fd), absolute);
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

Expected<ParentHandle> RootFs::resolve(const QString &wirePath) const
{
    const Expected<QString> normalized = normalize(wirePath);
    if (!normalized)
        return unexpected(normalized.error());
    const QByteArray relative = QFile::encodeName(*normalized);
    const qsizetype slash = relative.lastIndexOf('/');
    const QByteArray parentPath = slash < 0 ? QByteArrayLiteral(".") : relative.left(slash);
    UniqueFd dirFd(openat2Fd(m_rootFd.get(), parentPath.constData(), O_PATH | O_DIRECTORY,
                             kResolveBeneath));
    if (!dirFd)
        return unexpected(errnoError(errno, wirePath));
    return ParentHandle{std::move(dirFd), slash < 0 ? relative : relative.mid(slash + 1), wirePath};
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
    const bool isRoot = parent->name.isEmpty();
    const int dirFd = parent->dirFd.get();
    const char *name = isRoot ? "" : parent->name.constData();
    struct stat st;
    if (::fstatat(dirFd, name, &st, isRoot ? AT_EMPTY_PATH : AT_SYMLINK_NOFOLLOW) != 0)
        return unexpected(errnoError(errno, path));
    EntryInfo info = entryInfo(parent->name, st);
    if (info.type == EntryInfo::Type::Symlink) {
        const std::optional<QByteArray> target = readLink(dirFd, name, st.st_size);
        if (!target)
            return unexpected(errnoError(errno, path));
        info.linkTarget = QFile::decodeName(*target);
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
            info.name = QFile::decodeName(name);
            entries.append(info);
            continue;
        }
        EntryInfo info = entryInfo(name, st);
        if (info.type == EntryInfo::Type::Symlink) {
            const std::optional<QByteArray> target = readLink(dirFd->get(), name.constData(), st.st_size);
            if (target)
                info.linkTarget = QFile::decodeName(*target);
            else
                info.type = EntryInfo::Type::Other;
        }
        entries.append(std::move(info));
    }
    return entries;
}

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
        const QByteArray name = QFile::encodeName(parts.at(i));
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
    if (parent->name.isEmpty())
        return unexpected(errnoError(EISDIR, path));
    const int dirFd = parent->dirFd.get();
    const char *name = parent->name.constData();

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
    const QByteArray relative = normalized->isEmpty() ? QByteArrayLiteral(".") : QFile::encodeName(*normalized);
    UniqueFd fd(openat2Fd(m_rootFd.get(), relative.constData(), O_RDONLY | O_DIRECTORY, kResolveBeneath));
    if (!fd)
        return unexpected(errnoError(errno, path));
    return fd;
}

Expected<ParentHandle> RootFs::openParent(const QString &path) const
{
    Expected<ParentHandle> parent = resolve(path);
    if (parent && parent->name.isEmpty()) {
        return unexpected(makeError(ErrorCode::InvalidArgument, path,
                                    QCoreApplication::translate("ferry::agent::RootFs",
                                                                "the served directory itself has no parent here")));
    }
    return parent;
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
    if (::symlinkat(QFile::encodeName(target).constData(), parent->dirFd.get(),
                    parent->name.constData()) != 0) {
        return unexpected(errnoError(errno, path));
    }
    return {};
}

} // namespace ferry::agent
