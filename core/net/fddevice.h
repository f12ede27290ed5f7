// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

class QSocketNotifier;

namespace ferry::net {

/// A sequential device over two file descriptors (the agent's stdin and
/// stdout in --stdio mode), driven by the event loop: non-blocking reads
/// and writes, bytesToWrite() is what waits in this process. The
/// descriptors' flags are restored and they are left open on close().
/// End of input, a hang-up or a failed write ends the read channel
/// (readChannelFinished).
class FdDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FdDevice)

public:
    FdDevice(int readFd, int writeFd, QObject *parent = nullptr);
    ~FdDevice() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void onReadable();
    void flush();
    void ended();

    int m_readFd;
    int m_writeFd;
    int m_readFlags = -1;
    int m_writeFlags = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_in;
    QByteArray m_out;
    qsizetype m_outOffset = 0;
    bool m_ended = false;
};

} // namespace ferry::net
