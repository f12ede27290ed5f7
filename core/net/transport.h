// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QObject>

namespace ferry::net {

/// What carries a Connection's messages: a WebSocket to a listening agent,
/// or a byte stream (a shell's stdin/stdout, the agent's own stdio) framed
/// into messages. Everything above it (flow control, the scheduler,
/// heartbeats, resume) is the same whatever the transport.
class Transport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transport)

public:
    using QObject::QObject;
    ~Transport() override = default;

    /// Queues one whole message for the peer.
    virtual void send(const QByteArray &message) = 0;
    /// Bytes queued in this process and not yet handed to the kernel: the
    /// scheduler tops the queue up only below its low-water mark, so a
    /// control message never waits behind more than that.
    virtual qint64 bytesToWrite() const = 0;
    /// Largest message accepted from the peer; a larger one closes the
    /// transport with a protocol error before it is buffered.
    virtual void setMaxIncomingMessage(qsizetype bytes) = 0;
    /// Closes with @p reason, which the peer sees where the transport can
    /// say why. closed() follows.
    virtual void close(const Error &reason) = 0;
    /// Drops the transport at once, without a word to the peer.
    virtual void abort() = 0;
    /// Says how this transport reaches the peer, for logs and the status bar.
    virtual QString description() const = 0;

Q_SIGNALS:
    void messageReceived(const QByteArray &message);
    /// Queued bytes left this process: there may be room for more.
    void bytesWritten();
    /// The peer showed it is alive other than by a message (a WebSocket pong).
    void alive();
    /// The transport is gone (closed by either side, or failed); emitted once.
    void closed(const ferry::Error &reason);
};

} // namespace ferry::net
