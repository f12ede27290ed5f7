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
    qint64 dataBytes = 0; ///< payload bytes that count against credit
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
};

enum class Priority {
    Control,     ///< credit, heartbeats, errors
    Interactive, ///< requests and replies: listings, stat
};

/// Strict-priority outgoing scheduler: control before interactive before
/// bulk, bulk streams round-robin. It hands a frame to the sink only while
/// the sink's unsent bytes are below the low-water mark, so a control frame
/// never waits behind more than that much data.
class SendScheduler
{
public:
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
};

} // namespace ferry::net
