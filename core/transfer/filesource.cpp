// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/filesource.h"

#include "core/pathcodec.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry::transfer {

namespace {

qint64 mtimeOf(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

Error changed(const QString &path)
{
    return Error{ErrorCode::SourceChanged, QCoreApplication::translate("ferry::transfer", "%1: the file changed while it was being sent").arg(pathcodec::escaped(path))};
}

} // namespace

Error workCancelled(const QString &displayPath)
{
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::transfer", "%1: cancelled").arg(displayPath)};
}

Expected<FileSource> FileSource::open(UniqueFd fd, const QString &displayPath)
{
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, displayPath));
    if (S_ISDIR(st.st_mode))
        return std::unexpected(Error::fromErrno(EISDIR, displayPath));
    if (!S_ISREG(st.st_mode))
        return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::transfer", "%1: not a regular file").arg(pathcodec::escaped(displayPath))});
    FileSource source;
    source.m_fd = std::move(fd);
    source.m_displayPath = displayPath;
    source.m_size = st.st_size;
    source.m_mode = st.st_mode & 07777;
    source.m_mtimeNs = mtimeOf(st);
    ::posix_fadvise(source.m_fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    return source;
}

Expected<QByteArray> FileSource::seekAndHashPrefix(qint64 length, const WorkProgress &progress)
{
    m_hasher.reset();
    m_position = 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    WorkProgressGate gate(progress);
    while (m_position < length) {
        if (!gate.goOn(m_position))
            return std::unexpected(workCancelled(m_displayPath));
        auto n = read(buffer.data(), std::min<qint64>(buffer.size(), length - m_position));
        if (!n)
            return std::unexpected(n.error());
    }
    return m_hasher.digest();
}

Expected<qint64> FileSource::read(char *buffer, qint64 max)
{
    const qint64 want = std::min(max, m_size - m_position);
    qint64 done = 0;
    while (done < want) {
        const ssize_t n = ::pread(m_fd.get(), buffer + done, size_t(want - done), off_t(m_position + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(Error::fromErrno(errno, m_displayPath));
        }
        if (n == 0)
            return std::unexpected(changed(m_displayPath)); // truncated underneath us
        done += n;
    }
    m_hasher.add(QByteArrayView(buffer, done));
    m_position += done;
    return done;
}

Expected<void> FileSource::checkUnchanged() const
{
    struct stat st {};
    if (::fstat(m_fd.get(), &st) != 0)
        return std::unexpected(Error::fromErrno(errno, m_displayPath));
    if (st.st_size != m_size || mtimeOf(st) != m_mtimeNs)
        return std::unexpected(changed(m_displayPath));
    return {};
}

} // namespace ferry::transfer
