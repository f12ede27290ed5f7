// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/fddevice.h"

#include "core/logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry::net {

namespace {
constexpr qsizetype kReadChunk = 256 * 1024;

/// A pipe holds 64 KiB by default: at hundreds of MB/s that is a wake-up
/// every few hundred microseconds. A larger one (the unprivileged maximum,
/// usually 1 MiB) lets each read and write move more; the credit windows
/// still bound what is in flight.
void enlargePipe(int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
        ::fcntl(fd, F_SETPIPE_SZ, 1024 * 1024);
}

int makeNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0 && !(flags & O_NONBLOCK))
        ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    return flags;
}
} // namespace

FdDevice::FdDevice(int readFd, int writeFd, QObject *parent)
    : QIODevice(parent)
    , m_readFd(readFd)
    , m_writeFd(writeFd)
{
}

FdDevice::~FdDevice()
{
    if (isOpen())
        FdDevice::close();
}

bool FdDevice::open(OpenMode mode)
{
    enlargePipe(m_readFd);
    enlargePipe(m_writeFd);
    m_readFlags = makeNonBlocking(m_readFd);
    // stdin and stdout are often one open file (a terminal): its flags were
    // saved above already and must be restored only once.
    m_writeFlags = m_writeFd == m_readFd ? -1 : makeNonBlocking(m_writeFd);
    m_readNotifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &FdDevice::onReadable);
    m_writeNotifier = new QSocketNotifier(m_writeFd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &FdDevice::flush);
    return QIODevice::open(mode | QIODevice::Unbuffered);
}

void FdDevice::close()
{
    if (!isOpen())
        return;
    QIODevice::close();
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_readFlags >= 0)
        ::fcntl(m_readFd, F_SETFL, m_readFlags);
    if (m_writeFlags >= 0)
        ::fcntl(m_writeFd, F_SETFL, m_writeFlags);
}

qint64 FdDevice::bytesAvailable() const
{
    return m_in.size() + QIODevice::bytesAvailable();
}

qint64 FdDevice::bytesToWrite() const
{
    return m_out.size() - m_outOffset;
}

qint64 FdDevice::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_in.size());
    if (n == 0)
        return m_ended ? -1 : 0;
    std::memcpy(data, m_in.constData(), size_t(n));
    m_in.remove(0, n);
    return n;
}

qint64 FdDevice::writeData(const char *data, qint64 size)
{
    if (m_ended)
        return -1;
    if (m_outOffset == m_out.size()) {
        m_out.clear();
        m_outOffset = 0;
    }
    m_out.append(data, size);
    // Written when the descriptor is ready, from the event loop: the writer
    // hears of progress (bytesWritten) later, never from inside write().
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(true);
    return size;
}

void FdDevice::onReadable()
{
    // The peer's data is bounded by the credit it was granted; one
    // notification reads what is there, at most a chunk.
    const qsizetype before = m_in.size();
    m_in.resize(before + kReadChunk);
    const ssize_t n = ::read(m_readFd, m_in.data() + before, size_t(kReadChunk));
    if (n > 0) {
        m_in.resize(before + n);
        Q_EMIT readyRead();
        return;
    }
    m_in.resize(before);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0)
        qCInfo(lcConnection) << "reading the stream:" << std::strerror(errno);
    ended();
}

void FdDevice::flush()
{
    qint64 written = 0;
    while (m_outOffset < m_out.size()) {
        const ssize_t n = ::write(m_writeFd, m_out.constData() + m_outOffset, size_t(m_out.size() - m_outOffset));
        if (n > 0) {
            m_outOffset += n;
            written += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        qCInfo(lcConnection) << "writing the stream:" << std::strerror(errno);
        ended();
        return;
    }
    if (m_outOffset == m_out.size()) {
        m_out.clear();
        m_outOffset = 0;
    } else if (m_outOffset > m_out.size() / 2) {
        m_out.remove(0, m_outOffset);
        m_outOffset = 0;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(m_outOffset < m_out.size());
    if (written > 0)
        Q_EMIT bytesWritten(written);
}

void FdDevice::ended()
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    Q_EMIT readChannelFinished();
}

} // namespace ferry::net
