// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/net/streamframing.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <optional>

class QIODevice;
class QTimer;

namespace ferry::net {

/// Finds out, before the protocol starts on a byte stream, whether each
/// direction is 8-bit clean. The agent greets with every byte value
/// between two marker lines; the client answers with the framing it can
/// read and the same bytes back; the agent says which framing it can read.
/// A direction that delivered all 256 values intact gets binary framing,
/// one that did not gets text. See docs/protocol.md, "Stdio".
///
/// The client skips whatever comes before the greeting (a login banner,
/// the shell's own output) and keeps its tail for error messages.
class StdioNegotiation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdioNegotiation)

public:
    enum class Role { Agent, Client };

    /// Reads and writes @p device, which stays the caller's.
    StdioNegotiation(Role role, QIODevice *device, int timeoutMs, QObject *parent = nullptr);
    ~StdioNegotiation() override;

    /// @p alreadyRead: bytes taken from the device before, in order.
    void start(const QByteArray &alreadyRead = {});
    /// Client: the last bytes the channel carried that were not the agent's
    /// greeting (what a failing shell or a missing agent printed).
    QByteArray noise() const { return m_noise; }

    static QByteArray pattern();

Q_SIGNALS:
    /// @p leftover are bytes after the negotiation: the first of the
    /// message stream.
    void finished(ferry::net::StreamFraming incoming, ferry::net::StreamFraming outgoing, const QByteArray &leftover);
    void failed(const ferry::Error &reason);

private:
    void onReadyRead();
    void advanceClient();
    void advanceAgent();
    /// The bytes between the end of the line at @p from and the end
    /// marker, or nothing while the marker has not arrived.
    std::optional<QByteArray> patternBefore(qsizetype from, qsizetype *after) const;
    void succeed(StreamFraming incoming, StreamFraming outgoing, qsizetype consumed);
    void fail(const QString &message);

    enum class Step { WaitHello, WaitReady, WaitProbe, Done };

    Role m_role;
    QPointer<QIODevice> m_device;
    QTimer *m_timer;
    QByteArray m_buffer;
    QByteArray m_noise;
    Step m_step;
    StreamFraming m_down = StreamFraming::Binary; ///< agent to client
};

} // namespace ferry::net
