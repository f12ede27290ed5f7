// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/client/localfs.h"

#include "core/transfer/hasher.h"

#include "core/pathcodec.h"
#include "core/transfer/filesink.h"
#include "core/transfer/flush.h"
#include "core/uniquefd.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sendfile.h>
#include <unistd.h>

namespace ferry::client::localfs {

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
    e.uid = st.st_uid;
    e.gid = st.st_gid;
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

Expected<void> mkdirs(const QString &path, quint32 mode)
{
    const QByteArray encoded = pathcodec::toBytes(path);
    for (qsizetype end = 1; end <= encoded.size(); ++end) {
        if (end < encoded.size() && encoded.at(end) != '/')
            continue;
        const QByteArray prefix = encoded.left(end);
        if (prefix.endsWith('/'))
            continue;
        if (::mkdir(prefix.constData(), mode) == 0)
            continue;
        const int error = errno;
        struct stat st {};
        if (error == EEXIST && ::stat(prefix.constData(), &st) == 0 && S_ISDIR(st.st_mode))
            continue;
        return std::unexpected(Error::fromErrno(error == EEXIST ? ENOTDIR : error, pathcodec::fromBytes(prefix)));
    }
    return {};
}

namespace {

/// Removes entry @p name of @p dirFd and, for a folder, everything in it.
int removeTree(int dirFd, const char *name)
{
    struct stat st {};
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno;
    if (!S_ISDIR(st.st_mode))
        return ::unlinkat(dirFd, name, 0) == 0 ? 0 : errno;
    const int fd = ::openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno;
    DIR *stream = ::fdopendir(fd);
    if (!stream) {
        const int error = errno;
        ::close(fd);
        return error;
    }
    int error = 0;
    while (const dirent *d = ::readdir(stream)) {
        if (qstrcmp(d->d_name, ".") == 0 || qstrcmp(d->d_name, "..") == 0)
            continue;
        if (const int failed = removeTree(fd, d->d_name); failed != 0 && error == 0)
            error = failed;
    }
    ::closedir(stream);
    if (error != 0)
        return error;
    return ::unlinkat(dirFd, name, AT_REMOVEDIR) == 0 ? 0 : errno;
}

} // namespace

Expected<void> remove(const QString &path, bool recursive)
{
    const QByteArray encoded = pathcodec::toBytes(path);
    struct stat st {};
    if (::lstat(encoded.constData(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    int error = 0;
    if (!S_ISDIR(st.st_mode))
        error = ::unlink(encoded.constData()) == 0 ? 0 : errno;
    else if (!recursive)
        error = ::rmdir(encoded.constData()) == 0 ? 0 : errno;
    else
        error = removeTree(AT_FDCWD, encoded.constData());
    if (error != 0)
        return std::unexpected(Error::fromErrno(error, path));
    return {};
}

Expected<void> rename(const QString &from, const QString &to, bool overwrite)
{
    const int result = ::renameat2(AT_FDCWD, pathcodec::toBytes(from).constData(), AT_FDCWD, pathcodec::toBytes(to).constData(),
                                   overwrite ? 0 : RENAME_NOREPLACE);
    if (result != 0)
        return std::unexpected(Error::fromErrno(errno, errno == EEXIST ? to : from));
    return {};
}

Expected<SpaceInfo> space(const QString &path)
{
    struct statvfs vfs {};
    if (::statvfs(pathcodec::toBytes(path).constData(), &vfs) != 0)
        return std::unexpected(Error::fromErrno(errno, path));
    const qint64 unit = qint64(vfs.f_frsize);
    return SpaceInfo{qint64(vfs.f_blocks) * unit, qint64(vfs.f_bfree) * unit, qint64(vfs.f_bavail) * unit};
}

namespace {

constexpr qint64 kStep = 4 * 1024 * 1024;

Error cancelledError()
{
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::client", "cancelled")};
}

/// cp without -p: the source's permission bits less the umask.
quint32 defaultMode(quint32 sourceMode)
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return sourceMode & 0777 & ~quint32(mask);
}

Expected<void> copyFile(const FileCopy &copy, const std::atomic<bool> &stop)
{
    const UniqueFd in(::open(pathcodec::toBytes(copy.from).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!in)
        return std::unexpected(Error::fromErrno(errno == ELOOP ? EINVAL : errno, copy.from));
    struct stat st {};
    if (::fstat(in.get(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, copy.from));
    if (!S_ISREG(st.st_mode))
        return std::unexpected(Error::fromErrno(S_ISDIR(st.st_mode) ? EISDIR : EINVAL, copy.from));
    const QFileInfo target(copy.to);
    const QByteArray dir = pathcodec::toBytes(target.path());
    const QByteArray name = pathcodec::toBytes(target.fileName());
    const QByteArray part = dir + '/' + transfer::FileSink::partName(name);
    UniqueFd out(::open(part.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!out)
        return std::unexpected(Error::fromErrno(errno, copy.to));
    const auto fail = [&part, &copy](int error) -> Expected<void> {
        ::unlink(part.constData());
        return std::unexpected(error == ECANCELED ? cancelledError() : Error::fromErrno(error, copy.to));
    };
    for (qint64 left = st.st_size; left > 0;) {
        if (stop.load())
            return fail(ECANCELED);
        const ssize_t n = ::sendfile(out.get(), in.get(), nullptr, size_t(std::min(left, kStep)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(errno);
        if (n == 0)
            break; // the source shrank meanwhile: what is there is copied
        left -= n;
    }
    const quint32 mode = copy.attributes.mode.value_or(defaultMode(quint32(st.st_mode)));
    if (::fchmod(out.get(), mode & 07777) != 0)
        return fail(errno);
    if (copy.attributes.mtimeNs) {
        struct timespec times[2];
        times[0].tv_sec = 0;
        times[0].tv_nsec = UTIME_OMIT;
        times[1].tv_sec = time_t(*copy.attributes.mtimeNs / 1000000000LL);
        times[1].tv_nsec = long(*copy.attributes.mtimeNs % 1000000000LL);
        if (::futimens(out.get(), times) != 0)
            return fail(errno);
    }
    if (::fsync(out.get()) != 0)
        return fail(errno);
    out = UniqueFd();
    if (::renameat2(AT_FDCWD, part.constData(), AT_FDCWD, pathcodec::toBytes(copy.to).constData(), copy.replace ? 0 : RENAME_NOREPLACE) != 0)
        return fail(errno);
    return {};
}

} // namespace


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

} // namespace ferry::client::localfs

namespace ferry::client {

/// Copies and hashes under way on worker threads, by id.
struct LocalFs::Work {
    QMutex mutex;
    QHash<qint64, std::shared_ptr<std::atomic<bool>>> stops;
    qint64 nextId = 1;

    std::pair<qint64, std::shared_ptr<std::atomic<bool>>> begin()
    {
        QMutexLocker lock(&mutex);
        auto stop = std::make_shared<std::atomic<bool>>(false);
        const qint64 id = nextId++;
        stops.insert(id, stop);
        return {id, stop};
    }
    void end(qint64 id)
    {
        QMutexLocker lock(&mutex);
        stops.remove(id);
    }
};

namespace {

/// Where a worker's answer goes: the caller's context, watched from the
/// caller's thread (a call without a context always gets its answer).
struct Receiver {
    QPointer<const QObject> context;
    bool guarded = false;

    explicit Receiver(const QObject *c)
        : context(c)
        , guarded(c != nullptr)
    {
    }
    /// Runs @p call on the main thread unless the context went away.
    void deliver(std::function<void()> call) const
    {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [context = context, guarded = guarded, call = std::move(call)] {
            if (!guarded || context)
                call();
        }, Qt::QueuedConnection);
    }
};

} // namespace

LocalFs::LocalFs()
    : m_work(std::make_shared<Work>())
{
}

LocalFs::~LocalFs()
{
    QMutexLocker lock(&m_work->mutex);
    for (const auto &stop : std::as_const(m_work->stops))
        stop->store(true);
}

void LocalFs::stat(const QString &path, Done<protocol::Entry> done, const QObject *)
{
    done(localfs::stat(path));
}

void LocalFs::statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *)
{
    auto own = localfs::stat(path);
    if (own && own->type == protocol::Entry::Type::Symlink) {
        if (auto target = localfs::statFollowed(path)) {
            target->name = own->name;
            return done(*target);
        }
    }
    done(own);
}

void LocalFs::list(const QString &dir, Page page, const QObject *)
{
    page(localfs::list(dir), true);
}

void LocalFs::mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *)
{
    done(parents ? localfs::mkdirs(path, mode) : localfs::mkdir(path, mode));
}

void LocalFs::remove(const QString &path, bool recursive, Done<void> done, const QObject *)
{
    done(localfs::remove(path, recursive));
}

void LocalFs::move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *)
{
    done(localfs::rename(from, to, overwrite));
}

void LocalFs::symlink(const QString &path, const QString &target, Done<void> done, const QObject *)
{
    done(localfs::symlink(path, target));
}

void LocalFs::setAttributes(const QString &path, const Attributes &attributes, Done<void> done, const QObject *)
{
    done(localfs::setAttributes(path, attributes.mode, attributes.mtimeNs));
}

void LocalFs::space(const QString &path, Done<SpaceInfo> done, const QObject *)
{
    done(localfs::space(path));
}

qint64 LocalFs::copy(const FileCopy &copy, Done<void> done, const QObject *context)
{
    auto [id, stop] = m_work->begin();
    QThreadPool::globalInstance()->start([work = m_work, id, stop, copy, receiver = Receiver(context), done = std::move(done)] {
        const Expected<void> result = localfs::copyFile(copy, *stop);
        work->end(id);
        receiver.deliver([result, done] { done(result); });
    });
    return id;
}

qint64 LocalFs::hash(const QString &path, std::function<void(qint64, qint64)> progress, Done<Digest> done, const QObject *context)
{
    auto [id, stop] = m_work->begin();
    QThreadPool::globalInstance()->start([work = m_work, id, stop, path, receiver = Receiver(context), progress, done = std::move(done)] {
        const auto result = [&]() -> Expected<Digest> {
            const UniqueFd fd(::open(pathcodec::toBytes(path).constData(), O_RDONLY | O_CLOEXEC));
            if (!fd)
                return std::unexpected(Error::fromErrno(errno, path));
            struct stat st {};
            if (::fstat(fd.get(), &st) != 0)
                return std::unexpected(Error::fromErrno(errno, path));
            if (!S_ISREG(st.st_mode))
                return std::unexpected(Error::fromErrno(S_ISDIR(st.st_mode) ? EISDIR : EINVAL, path));
            transfer::Hasher hasher;
            QByteArray buffer(localfs::kStep, Qt::Uninitialized);
            qint64 total = 0;
            QElapsedTimer clock;
            clock.start();
            for (;;) {
                if (stop->load())
                    return std::unexpected(localfs::cancelledError());
                const ssize_t n = ::read(fd.get(), buffer.data(), size_t(buffer.size()));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0)
                    return std::unexpected(Error::fromErrno(errno, path));
                if (n == 0)
                    break;
                hasher.add(QByteArrayView(buffer.constData(), n));
                total += n;
                if (progress && clock.elapsed() >= 250) {
                    clock.restart();
                    receiver.deliver([progress, total, size = qint64(st.st_size)] { progress(total, std::max(size, total)); });
                }
            }
            return Digest{hasher.digest(), total};
        }();
        work->end(id);
        receiver.deliver([result, done] { done(result); });
    });
    return id;
}

void LocalFs::cancel(qint64 id)
{
    QMutexLocker lock(&m_work->mutex);
    if (const auto stop = m_work->stops.value(id))
        stop->store(true);
}

} // namespace ferry::client
