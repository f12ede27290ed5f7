// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/copy/localfs.h"

#include "core/pathcodec.h"
#include "core/transfer/filesink.h"
#include "core/transfer/flush.h"
#include "core/uniquefd.h"

#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace ferry::copy::localfs {

QString nameOf(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path.mid(path.lastIndexOf(u'/') + 1);
}

QString parentOf(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

namespace {

protocol::Entry entryFrom(const QString &name, const struct stat &st)
{
    protocol::Entry e;
    e.name = name;
    e.size = st.st_size;
    e.mode = st.st_mode & 07777;
    e.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    if (S_ISREG(st.st_mode))
        e.type = protocol::Entry::Type::File;
    else if (S_ISDIR(st.st_mode))
        e.type = protocol::Entry::Type::Directory;
    else if (S_ISLNK(st.st_mode))
        e.type = protocol::Entry::Type::Symlink;
    else
        e.type = protocol::Entry::Type::Other;
    return e;
}

QString readLink(int dirFd, const char *name, qint64 sizeHint)
{
    QByteArray buffer(std::max<qint64>(sizeHint, 255) + 1, Qt::Uninitialized);
    const ssize_t n = ::readlinkat(dirFd, name, buffer.data(), size_t(buffer.size()));
    return n < 0 ? QString() : pathcodec::fromBytes(buffer.left(n));
}

} // namespace

Expected<protocol::Entry> stat(const QString &path)
{
    const QByteArray encoded = pathcodec::toBytes(path);
    struct stat st {};
    if (::lstat(encoded.constData(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    protocol::Entry e = entryFrom(QFileInfo(path).fileName(), st);
    if (e.type == protocol::Entry::Type::Symlink)
        e.linkTarget = readLink(AT_FDCWD, encoded.constData(), st.st_size);
    return e;
}

Expected<protocol::Entry> statFollowed(const QString &path)
{
    struct stat st {};
    if (::stat(pathcodec::toBytes(path).constData(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    return entryFrom(QFileInfo(path).fileName(), st);
}

Expected<QList<protocol::Entry>> list(const QString &dir)
{
    UniqueFd fd(::open(pathcodec::toBytes(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return std::unexpected(Error::fromErrno(errno, dir));
    DIR *stream = ::fdopendir(::dup(fd.get()));
    if (!stream)
        return std::unexpected(Error::fromErrno(errno, dir));
    QList<protocol::Entry> entries;
    while (const dirent *d = ::readdir(stream)) {
        if (qstrcmp(d->d_name, ".") == 0 || qstrcmp(d->d_name, "..") == 0)
            continue;
        struct stat st {};
        if (::fstatat(fd.get(), d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // vanished meanwhile
        protocol::Entry e = entryFrom(pathcodec::fromBytes(d->d_name), st);
        if (e.type == protocol::Entry::Type::Symlink)
            e.linkTarget = readLink(fd.get(), d->d_name, st.st_size);
        entries.append(e);
    }
    ::closedir(stream);
    std::sort(entries.begin(), entries.end(), [](const protocol::Entry &a, const protocol::Entry &b) { return a.name < b.name; });
    return entries;
}

Expected<void> mkdir(const QString &path, quint32 mode)
{
    if (::mkdir(pathcodec::toBytes(path).constData(), mode) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    return {};
}

Expected<void> symlink(const QString &path, const QString &target)
{
    if (::symlink(pathcodec::toBytes(target).constData(), pathcodec::toBytes(path).constData()) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    return {};
}

Expected<void> unlink(const QString &path)
{
    if (::unlink(pathcodec::toBytes(path).constData()) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    return {};
}

Expected<void> setAttributes(const QString &path, std::optional<quint32> mode, std::optional<qint64> mtimeNs)
{
    const QByteArray encoded = pathcodec::toBytes(path);
    if (mode && ::chmod(encoded.constData(), *mode & 07777) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    if (mtimeNs) {
        struct timespec times[2];
        times[0].tv_sec = 0;
        times[0].tv_nsec = UTIME_OMIT;
        times[1].tv_sec = time_t(*mtimeNs / 1000000000LL);
        times[1].tv_nsec = long(*mtimeNs % 1000000000LL);
        if (::utimensat(AT_FDCWD, encoded.constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
            return std::unexpected(Error::fromErrno(errno, path));
    }
    return {};
}

Expected<qint64> available(const QString &path)
{
    struct statvfs vfs {};
    if (::statvfs(pathcodec::toBytes(path).constData(), &vfs) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    return qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
}

void commitStaged(const QList<StagedFile> &files, const std::weak_ptr<void> &guard, std::function<void(const QList<Error> &)> done)
{
    if (files.isEmpty()) {
        done({});
        return;
    }
    // Any descriptor on the destination's file system will do for syncfs.
    const UniqueFd anchor(::open(pathcodec::toBytes(QFileInfo(files.first().path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    auto results = std::make_shared<QList<Error>>();
    const auto rename = [files, results](int flushError) {
        for (const StagedFile &file : files) {
            const QFileInfo info(file.path);
            const UniqueFd dir(::open(pathcodec::toBytes(info.absolutePath()).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
            Error error;
            if (flushError != 0)
                error = Error::fromErrno(flushError, file.path);
            else if (!dir)
                error = Error::fromErrno(errno, info.absolutePath());
            else if (auto committed = transfer::FileSink::commitStaged(dir.get(), pathcodec::toBytes(info.fileName()), file.size,
                                                                        file.replace ? transfer::Replace::Always : transfer::Replace::Never, file.path);
                     !committed)
                error = committed.error();
            results->append(error);
        }
    };
    transfer::commitInBackground(anchor.get(), guard, rename, [results, done = std::move(done)] { done(*results); });
}

void discardStaged(const QList<StagedFile> &files)
{
    for (const StagedFile &file : files) {
        const QFileInfo info(file.path);
        const QByteArray part = pathcodec::toBytes(info.absolutePath()) + '/' + transfer::FileSink::partName(pathcodec::toBytes(info.fileName()));
        ::unlink(part.constData());
    }
}

} // namespace ferry::copy::localfs
