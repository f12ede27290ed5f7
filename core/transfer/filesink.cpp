// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/filesink.h"

#include "core/pathcodec.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry::transfer {

QByteArray FileSink::partName(const QByteArray &name)
{
    // Hidden, and recognisable as ours by anyone listing the directory.
    return '.' + name + ".ferry-part";
}

bool FileSink::isPartName(const QByteArray &name)
{
    return name.size() > kPartNameExtra && name.startsWith('.') && name.endsWith(".ferry-part");
}

Expected<FileSink> FileSink::open(UniqueFd dirFd, const QByteArray &name, const QString &displayPath, bool resume)
{
    // A part file under a shortened name could be taken for another file's;
    // refused before anything is written.
    if (name.size() > kMaxName) {
        return std::unexpected(Error{ErrorCode::InvalidArgument,
                                     QCoreApplication::translate("ferry::transfer", "%1: the name is too long to be received (%2 bytes; at most %3, to leave room for the part file's name)")
                                         .arg(displayPath).arg(name.size()).arg(kMaxName)});
    }
    FileSink sink;
    sink.m_dirFd = std::move(dirFd);
    sink.m_name = name;
    sink.m_partName = partName(name);
    sink.m_displayPath = displayPath;

    const int flags = O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW;
    sink.m_fd.reset(::openat(sink.m_dirFd.get(), sink.m_partName.constData(), flags, 0666));
    if (!sink.m_fd)
        return std::unexpected(Error::fromErrno(errno, displayPath));
    if (::flock(sink.m_fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return std::unexpected(Error{ErrorCode::Busy, QCoreApplication::translate("ferry::transfer", "%1: another transfer is writing this file").arg(pathcodec::escaped(displayPath))});
        return std::unexpected(Error::fromErrno(errno, displayPath));
    }
    struct stat st {};
    if (::fstat(sink.m_fd.get(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, displayPath));
    if (!S_ISREG(st.st_mode))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::transfer", "%1: the partial file is not a regular file").arg(pathcodec::escaped(displayPath))});

    if (resume && st.st_size > 0) {
        sink.m_offset = st.st_size;
        sink.m_prefixHashed = false;
    } else if (st.st_size > 0 && ::ftruncate(sink.m_fd.get(), 0) != 0) {
        return std::unexpected(Error::fromErrno(errno, displayPath));
    }
    sink.m_prefixDigest = sink.m_hasher.digest();
    return sink;
}

Expected<void> FileSink::hashPrefix(const WorkProgress &progress)
{
    if (m_prefixHashed)
        return {};
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    m_hasher.reset();
    qint64 pos = 0;
    WorkProgressGate gate(progress);
    while (pos < m_offset) {
        if (!gate.goOn(pos))
            return std::unexpected(workCancelled(m_displayPath));
        const ssize_t n = ::pread(m_fd.get(), buffer.data(), size_t(std::min<qint64>(buffer.size(), m_offset - pos)), pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::unexpected(Error::fromErrno(errno, m_displayPath));
        if (n == 0)
            break; // shortened meanwhile: resume from what is there
        m_hasher.add(QByteArrayView(buffer.constData(), n));
        pos += n;
    }
    if (pos < m_offset && ::ftruncate(m_fd.get(), pos) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    m_offset = pos;
    m_prefixDigest = m_hasher.digest();
    m_prefixHashed = true;
    return {};
}

Expected<void> FileSink::write(qint64 offset, QByteArrayView data)
{
    Q_ASSERT(m_prefixHashed);
    if (offset != m_offset)
        return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::transfer", "%1: data at offset %2, expected %3").arg(pathcodec::escaped(m_displayPath)).arg(offset).arg(m_offset)});
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pwrite(m_fd.get(), data.data() + done, size_t(data.size() - done), off_t(m_offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            // Keep the file consistent with what we accounted: drop a torn tail.
            [[maybe_unused]] const int ignored = ::ftruncate(m_fd.get(), m_offset);
            return std::unexpected(Error::fromErrno(saved, m_displayPath));
        }
        done += n;
    }
    m_hasher.add(data);
    m_offset += done;
    return {};
}

Expected<void> FileSink::verify(qint64 expectedSize, const QByteArray &expectedDigest)
{
    if (m_offset != expectedSize)
        return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::transfer", "%1: received %2 bytes, the sender announced %3").arg(pathcodec::escaped(m_displayPath)).arg(m_offset).arg(expectedSize)});
    if (m_hasher.digest() != expectedDigest) {
        discard();
        return std::unexpected(Error{ErrorCode::ChecksumMismatch, QCoreApplication::translate("ferry::transfer", "%1: checksum mismatch, the received file was discarded").arg(pathcodec::escaped(m_displayPath))});
    }
    return {};
}

Expected<void> FileSink::commit(const FinalAttributes &attributes, Replace replace)
{
    if (auto applied = applyAttributes(attributes); !applied)
        return applied;
    const unsigned flags = replace == Replace::Never ? RENAME_NOREPLACE : 0;
    if (::renameat2(m_dirFd.get(), m_partName.constData(), m_dirFd.get(), m_name.constData(), flags) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    m_fd.reset();
    return {};
}

Expected<void> FileSink::stage(const FinalAttributes &attributes)
{
    if (auto applied = applyAttributes(attributes); !applied)
        return applied;
    m_fd.reset();
    return {};
}

Expected<void> FileSink::commitStaged(int dirFd, const QByteArray &name, qint64 size, Replace replace, const QString &displayPath)
{
    const QByteArray part = partName(name);
    struct stat st {};
    if (::fstatat(dirFd, part.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        const int error = errno;
        if (error == ENOENT && ::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) && st.st_size == size)
            return {};
        return std::unexpected(Error::fromErrno(error, displayPath));
    }
    if (!S_ISREG(st.st_mode) || st.st_size != size)
        return std::unexpected(Error{ErrorCode::SourceChanged, QCoreApplication::translate("ferry::transfer", "%1: the staged file was changed before it was put in place").arg(pathcodec::escaped(displayPath))});
    const unsigned flags = replace == Replace::Never ? RENAME_NOREPLACE : 0;
    if (::renameat2(dirFd, part.constData(), dirFd, name.constData(), flags) != 0)
        return std::unexpected(Error::fromErrno(errno, displayPath));
    return {};
}

Expected<void> FileSink::applyAttributes(const FinalAttributes &attributes)
{
    if (attributes.mode && ::fchmod(m_fd.get(), *attributes.mode & 07777) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    if (attributes.mtimeNs) {
        struct timespec times[2];
        times[0].tv_sec = 0;
        times[0].tv_nsec = UTIME_NOW;
        times[1].tv_sec = time_t(*attributes.mtimeNs / 1000000000LL);
        times[1].tv_nsec = long(*attributes.mtimeNs % 1000000000LL);
        if (::futimens(m_fd.get(), times) != 0)
            return std::unexpected(Error::fromErrno(errno, m_displayPath));
    }
    return {};
}

Expected<void> FileSink::finish(qint64 expectedSize, const QByteArray &expectedDigest, const FinalAttributes &attributes, Replace replace,
                                bool sync)
{
    if (auto verified = verify(expectedSize, expectedDigest); !verified)
        return verified;
    if (sync && ::fdatasync(m_fd.get()) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    if (auto committed = commit(attributes, replace); !committed)
        return committed;
    // The rename itself is durable only once the directory is flushed.
    if (sync) {
        if (UniqueFd dir = openDirectory())
            ::fsync(dir.get());
    }
    return {};
}

UniqueFd FileSink::openDirectory() const
{
    // The directory handle may be O_PATH, which cannot be fsync'ed.
    return UniqueFd(::openat(m_dirFd.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

Expected<void> FileSink::seedFromDestination(qint64 sourceSize, const WorkProgress &progress)
{
    if (m_offset > 0)
        return {};
    UniqueFd existing(::openat(m_dirFd.get(), m_name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (!existing)
        return {}; // nothing there (or a symlink): nothing to continue
    struct stat st {};
    if (::fstat(existing.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0 || st.st_size >= sourceSize)
        return {};
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 pos = 0;
    WorkProgressGate gate(progress);
    while (pos < st.st_size) {
        if (!gate.goOn(pos))
            return std::unexpected(workCancelled(m_displayPath));
        const ssize_t n = ::pread(existing.get(), buffer.data(), size_t(std::min<qint64>(buffer.size(), st.st_size - pos)), pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // shrank meanwhile: continue from what we have
        if (auto written = write(pos, QByteArrayView(buffer.constData(), n)); !written)
            return written;
        pos += n;
    }
    m_prefixDigest = m_hasher.digest();
    return {};
}

Expected<void> FileSink::restart()
{
    if (::ftruncate(m_fd.get(), 0) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    m_hasher.reset();
    m_offset = 0;
    m_prefixHashed = true;
    return {};
}

void FileSink::discard()
{
    if (m_fd) {
        ::unlinkat(m_dirFd.get(), m_partName.constData(), 0);
        m_fd.reset();
    }
}

} // namespace ferry::transfer
