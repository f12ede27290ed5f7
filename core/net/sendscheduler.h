// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QQueue>

#include <functional>
#include <optional>

namespace ferry::net {

/// Where the scheduler puts frames: the WebSocket, or a test's recorder.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    /// Bytes accepted but not yet handed to the kernel.
    virtual qint64 bytesToWrite() const = 0;
    virtual void writeFrame(const QByteArray &frame) = 0;
};

/// One frame offered by a bulk stream.
struct Outgoing {
    QByteArray frame;
    qint64 dataBytes = 0; ///< payload bytes that count against credit (of all the frames)
    /// Frames written right after frame, counted in dataBytes: the rest of
    /// a large frame meant for compression whose data did not shrink, cut
    /// to the largest raw payload (CompressionChooser::apply()).
    QList<QByteArray> continuation;
};

/// A stream with bulk data to send (a file being uploaded, command output).
/// The scheduler pulls from it only when the socket has room and credit
/// allows, so nothing is read ahead of what the link can take.
class BulkSource
{
public:
    virtual ~BulkSource() = default;
    /// Next frame carrying at most @p maxData payload bytes. @p maxData may be
    /// 0: then only a frame without data (an end marker) can be produced.
    /// Returns nothing when there is nothing to send right now.
    virtual std::optional<Outgoing> produce(qint64 maxData) = 0;
    /// True while the source has payload waiting that credit would release.
    virtual bool wantsToSend() const = 0;
    /// The most payload its next frame should carry, given the connection's
    /// chunk size: a source whose frames shrink on the wire may take more
    /// (up to protocol::kMaxUnpackedChunk), since what counts for the wait
    /// of a heartbeat behind it is its size on the wire.
    virtual qint64 frameLimit(qint64 chunk) const { return chunk; }
};

/// Smallest bucket (and largest frame) under a rate limit, so that a slow
/// limit still sends frames worth their header.
inline constexpr qint64 kMinRateBurst = 4 * 1024;

enum class Priority {
    Control,     ///< credit, heartbeats, errors
    Interactive, ///< requests and replies: listings, stat
};

/// Strict-priority outgoing scheduler: control before interactive before
/// bulk, bulk streams round-robin. It hands a frame to the sink only while
/// the sink's unsent bytes are below the low-water mark, so a control frame
/// never waits behind more than that much data.
///
/// An optional rate limit (a token bucket) holds back bulk data only:
/// control and interactive frames never wait for it, so heartbeats and
/// replies keep flowing on a throttled connection.
class SendScheduler
{
public:
    /// Milliseconds on a monotonic clock.
    using Clock = std::function<qint64()>;

    SendScheduler(FrameSink *sink, qint64 lowWater, qint64 chunkSize);

    void enqueue(Priority priority, const QByteArray &frame);

    void addStream(quint32 stream, BulkSource *source, qint64 initialCredit);
    void removeStream(quint32 stream);
    bool hasStream(quint32 stream) const { return m_streams.contains(stream); }
    /// The source has something new to offer.
    void wake(quint32 stream);
    void addCredit(quint32 stream, qint64 bytes);
    void addConnectionCredit(qint64 bytes);
    qint64 credit(quint32 stream) const;
    qint64 connectionCredit() const { return m_connectionCredit; }

    /// Called when a stream (0: the connection) wants to send but lacks
    /// credit; once per stall, so the receiver learns its window is too small.
    void setBlockedCallback(std::function<void(quint32 stream)> callback) { m_onBlocked = std::move(callback); }

    /// Limits bulk payload to @p bytesPerSecond on average (0: unlimited).
    /// The bucket holds a tenth of a second's worth (at least
    /// kMinRateBurst), and while limited no frame carries more than that.
    void setRateLimit(qint64 bytesPerSecond);
    qint64 rateLimit() const { return m_rate; }
    /// Replaces the clock the rate limit measures time with (tests).
    void setClock(Clock nowMs);
    /// Milliseconds until bulk data may go again; 0 when the rate limit
    /// does not hold it back now.
    qint64 bulkDelayMs() const;
    /// Called when bulk data waits only for the rate limit, with
    /// bulkDelayMs(): the owner arms a timer and pumps again then.
    void setThrottledCallback(std::function<void(qint64 delayMs)> callback) { m_onThrottled = std::move(callback); }

    /// Moves frames to the sink while it is below the low-water mark.
    void pump();

    qint64 lowWater() const { return m_lowWater; }
    qint64 chunkSize() const { return m_chunkSize; }
    bool idle() const { return m_control.isEmpty() && m_interactive.isEmpty() && m_ready.isEmpty(); }

private:
    struct StreamState {
        BulkSource *source = nullptr;
        qint64 credit = 0;
        bool ready = false;
        bool reportedBlocked = false;
    };
    bool pumpBulkOnce();
    void reportBlocked(quint32 stream, bool &flag);
    /// Adds the tokens earned since the last refill, up to the burst.
    void refill();
    qint64 burst() const;


    FrameSink *m_sink;
    qint64 m_lowWater;
    qint64 m_chunkSize;
    QQueue<QByteArray> m_control;
    QQueue<QByteArray> m_interactive;
    QHash<quint32, StreamState> m_streams;
    QList<quint32> m_ready; ///< round-robin order of streams with something to offer
    qint64 m_connectionCredit = 0;
    bool m_connectionReportedBlocked = false;
    bool m_pumping = false;
    std::function<void(quint32)> m_onBlocked;

    // Token bucket, in thousandths of a byte so that refills at millisecond
    // resolution lose nothing at any rate. May go negative by one frame:
    // a frame goes whole once the bucket is positive, and the next waits
    // until the debt is paid.
    qint64 m_rate = 0;
    qint64 m_tokensMilli = 0;
    qint64 m_lastRefillMs = 0;
    Clock m_now;
    std::function<void(qint64)> m_onThrottled;
};

} // namespace ferry::net
