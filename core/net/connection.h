// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/net/receivewindow.h"
#include "core/net/rttstats.h"
#include "core/net/sendscheduler.h"
#include "core/net/transport.h"
#include "core/net/wirecompression.h"
#include "core/protocol/frame.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QTimer;

namespace ferry::net {

/// Tunables of a connection; both ends announce their initial windows in
/// the handshake.
struct ConnectionOptions {
    int heartbeatMs = 5000;     ///< a heartbeat at least this often
    int deadAfterMs = 15000;    ///< a peer silent this long is dead
    int probeMs = 250;          ///< RTT probes while data flows (feeds the autotuner)
    qint64 streamWindow = 256 * 1024;
    qint64 maxStreamWindow = 16 * 1024 * 1024;
    qint64 connectionWindow = 1024 * 1024;
    qint64 maxConnectionWindow = 32 * 1024 * 1024;
    qint64 lowWater = 128 * 1024;
    qint64 chunkSize = protocol::kDefaultChunk;
    /// The codec both ends agreed on in the handshake (None: nothing is
    /// compressed), and how this end uses it for the file data it sends.
    WireCodec codec = WireCodec::None;
    CompressionMode compression = CompressionMode::Auto;
    /// The agent: the codecs it agrees to, of those this build has.
    QStringList acceptedCodecs{QStringLiteral("zstd"), QStringLiteral("gzip")};
};

/// What the peer announced in the handshake.
struct PeerWindows {
    qint64 streamWindow = 256 * 1024;
    qint64 connectionWindow = 1024 * 1024;
};

/// Receives what arrives for one stream.
class StreamReceiver
{
public:
    virtual ~StreamReceiver() = default;
    virtual void onStreamData(const protocol::DataFrame &frame) = 0;
    /// A control message addressed to this stream ("s" field): end, eof, cancel.
    virtual void onStreamMessage(const QCborMap &message) = 0;
};

/// An authenticated connection: multiplexed streams with receiver-driven
/// credit, a strict-priority send scheduler, heartbeats that require
/// answers, and RTT measurement. Used unchanged by the agent and the client.
class Connection final : public QObject, private FrameSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    /// Takes ownership of @p transport, which must be open and authenticated.
    Connection(Transport *transport, const ConnectionOptions &options, const PeerWindows &peer, QObject *parent = nullptr);
    ~Connection() override;

    void sendControl(const QCborMap &message, Priority priority = Priority::Interactive);

    /// Registers stream @p id. @p receiver gets its incoming data and
    /// messages (may be null for send-only streams); @p sender is pulled by
    /// the scheduler (may be null for receive-only streams).
    void openStream(quint32 id, StreamReceiver *receiver, BulkSource *sender);
    /// Forgets stream @p id; data still in flight for it is dropped quietly
    /// (also for an id that was never opened here).
    void closeStream(quint32 id);
    bool hasStream(quint32 id) const { return m_streams.contains(id); }
    /// The stream's sender has something new to offer.
    void wake(quint32 id);
    /// @p bytes received on stream @p id have left this process's memory:
    /// return credit to the peer (stream and connection windows).
    void consumed(quint32 id, qint64 bytes);

    /// Limits the stream data this end sends to @p bytesPerSecond on
    /// average (0: unlimited). Control messages, requests and replies are
    /// never held back, so heartbeats keep their pace.
    void setRateLimit(qint64 bytesPerSecond);
    qint64 rateLimit() const { return m_scheduler.rateLimit(); }

    /// Closes with @p reason (sent to the peer as the close reason).
    void close(const Error &reason);
    bool isOpen() const { return !m_closed; }

    const RttStats &rtt() const { return m_rtt; }
    /// Largest receive window any stream or the connection reached.
    qint64 peakWindow() const { return m_peakWindow; }
    /// Bytes received but not yet consumed, over all streams.
    qint64 bufferedBytes() const { return m_connectionWindow.buffered(); }
    const ConnectionOptions &options() const { return m_options; }
    /// A fresh per-file decision maker for file data this end sends.
    CompressionChooser compressionChooser() const { return CompressionChooser(m_options.codec, m_options.compression); }
    /// Bytes that crossed the transport: sent and received messages, whole.
    qint64 wireBytesSent() const { return m_wireSent; }
    qint64 wireBytesReceived() const { return m_wireReceived; }
    Transport *transport() const { return m_transport; }

Q_SIGNALS:
    /// A control message that is not connection-internal and not addressed
    /// to an open stream (requests, replies).
    void messageReceived(const QCborMap &message);
    /// Emitted once; the connection is unusable afterwards.
    void closed(const ferry::Error &reason);
    void rttSampled(double ms);

private:
    // FrameSink
    qint64 bytesToWrite() const override;
    void writeFrame(const QByteArray &frame) override;

    void onBinaryMessage(const QByteArray &message);
    void onControl(const QCborMap &message);
    void onData(protocol::DataFrame frame);
    void onTick();
    void sendPing();
    void onThrottled(qint64 delayMs);
    void grant(quint32 stream, qint64 bytes);
    void finish(const Error &reason);
    qint64 nowMs() const { return m_clock.elapsed(); }

    struct StreamState {
        StreamReceiver *receiver = nullptr;
        std::shared_ptr<ReceiveWindow> window;
    };

    Transport *m_transport;
    ConnectionOptions m_options;
    SendScheduler m_scheduler;
    ReceiveWindow m_connectionWindow;
    QHash<quint32, StreamState> m_streams;
    QSet<quint32> m_closedStreams; ///< recently closed: late data is dropped, not an error
    QList<quint32> m_closedOrder;
    QHash<qint64, qint64> m_pendingPings; ///< sequence -> send time
    qint64 m_nextPing = 1;
    RttStats m_rtt;
    QElapsedTimer m_clock;
    QTimer *m_timer;
    QTimer *m_rateTimer; ///< wakes the scheduler when the rate limit lets bulk go again
    qint64 m_lastReceivedMs = 0;
    qint64 m_lastPingMs = 0;
    qint64 m_lastDataMs = -100000;
    qint64 m_peakWindow = 0;
    qint64 m_wireSent = 0;
    qint64 m_wireReceived = 0;
    qint64 m_peerStreamWindow = 0;
    bool m_closed = false;
    Error m_closeReason;
};

} // namespace ferry::net
