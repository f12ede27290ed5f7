// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/streamtransport.h"

#include "core/logging.h"
#include "core/protocol/frame.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTimer>

namespace ferry::net {

namespace {
/// How long a closing stream may take to hand its last bytes (an error
/// message for the peer) to the kernel.
constexpr int kCloseGraceMs = 2000;
} // namespace

StreamTransport::StreamTransport(QIODevice *device, StreamFraming incoming, StreamFraming outgoing, const QByteArray &initial,
                                 const QString &description, QObject *parent)
    : Transport(parent)
    , m_device(device)
    , m_incoming(incoming)
    , m_outgoing(outgoing)
    , m_decoder(incoming, protocol::kMaxPreAuthMessage)
    , m_description(description)
    , m_closeTimer(new QTimer(this))
{
    m_device->setParent(this);
    m_closeTimer->setSingleShot(true);
    connect(m_closeTimer, &QTimer::timeout, this, [this] { finish(m_closeReason); });
    connect(m_device, &QIODevice::readyRead, this, &StreamTransport::onReadyRead);
    connect(m_device, &QIODevice::bytesWritten, this, [this](qint64) {
        if (m_closing && m_device->bytesToWrite() == 0) {
            finish(m_closeReason);
            return;
        }
        Q_EMIT bytesWritten();
    });
    connect(m_device, &QIODevice::readChannelFinished, this, [this] {
        onReadyRead();
        finish(m_endReason ? m_endReason() : Error{ErrorCode::Connection, QCoreApplication::translate("ferry::net", "the stream to the peer ended")});
    });
    if (!initial.isEmpty()) {
        m_decoder.append(initial);
        // After the owner had a chance to connect to messageReceived.
        QTimer::singleShot(0, this, &StreamTransport::drain);
    }
    if (m_device->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &StreamTransport::onReadyRead);
}

StreamTransport::~StreamTransport()
{
    m_closed = true;
    m_device->disconnect(this);
}

void StreamTransport::send(const QByteArray &message)
{
    if (m_closed || m_closing)
        return;
    m_device->write(encodeStreamMessage(m_outgoing, message));
}

qint64 StreamTransport::bytesToWrite() const
{
    return m_device->bytesToWrite();
}

void StreamTransport::setMaxIncomingMessage(qsizetype bytes)
{
    m_decoder.setMaxMessage(bytes);
}

void StreamTransport::onReadyRead()
{
    if (m_closed)
        return;
    const QByteArray bytes = m_device->readAll();
    if (!bytes.isEmpty())
        m_decoder.append(bytes);
    drain();
}

void StreamTransport::drain()
{
    while (!m_closed && !m_closing) {
        auto message = m_decoder.next();
        if (!message) {
            qCInfo(lcConnection).noquote() << m_description << message.error().message;
            close(message.error());
            return;
        }
        if (!*message)
            return;
        Q_EMIT messageReceived(**message);
    }
}

void StreamTransport::close(const Error &reason)
{
    if (m_closed || m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (m_device->bytesToWrite() == 0)
        finish(reason);
    else
        m_closeTimer->start(kCloseGraceMs);
}

void StreamTransport::abort()
{
    finish(Error{ErrorCode::Connection, QCoreApplication::translate("ferry::net", "stream aborted")});
}

void StreamTransport::finish(const Error &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_closeTimer->stop();
    m_device->disconnect(this);
    m_device->close();
    Q_EMIT closed(reason);
}

} // namespace ferry::net
