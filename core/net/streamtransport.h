// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/streamframing.h"
#include "core/net/transport.h"

#include <functional>

class QIODevice;
class QTimer;

namespace ferry::net {

/// A Connection over a byte stream: a shell's stdin and stdout on the
/// client (a QProcess), the agent's own stdio in --stdio mode. Each
/// direction has its framing, found by probing the channel (StdioNegotiation).
/// The stream ends when the device's read channel finishes.
class StreamTransport final : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamTransport)

public:
    /// Takes ownership of @p device, open for reading and writing. @p initial
    /// holds bytes already read from it that belong to the message stream.
    StreamTransport(QIODevice *device, StreamFraming incoming, StreamFraming outgoing, const QByteArray &initial,
                    const QString &description, QObject *parent = nullptr);
    ~StreamTransport() override;

    void send(const QByteArray &message) override;
    qint64 bytesToWrite() const override;
    void setMaxIncomingMessage(qsizetype bytes) override;
    void close(const Error &reason) override;
    void abort() override;
    QString description() const override { return m_description; }

    /// Says why the stream ended when the device's read channel finishes
    /// (the command's exit status, its last words); a generic reason without.
    void setEndReason(std::function<Error()> reason) { m_endReason = std::move(reason); }

    StreamFraming incomingFraming() const { return m_incoming; }
    StreamFraming outgoingFraming() const { return m_outgoing; }
    QIODevice *device() const { return m_device; }

private:
    void onReadyRead();
    void drain();
    void finish(const Error &reason);

    QIODevice *m_device;
    StreamFraming m_incoming;
    StreamFraming m_outgoing;
    StreamDecoder m_decoder;
    QString m_description;
    std::function<Error()> m_endReason;
    QTimer *m_closeTimer;
    Error m_closeReason;
    bool m_closing = false;
    bool m_closed = false;
};

} // namespace ferry::net
