// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/connection.h"

#include "core/logging.h"
#include "core/protocol/messagereader.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ferry::net {

namespace {
constexpr qsizetype kRememberClosedStreams = 4096;
constexpr qsizetype kMaxPendingPings = 64;
} // namespace

Connection::Connection(Transport *transport, const ConnectionOptions &options, const PeerWindows &peer, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_options(options)
    , m_scheduler(this, options.lowWater, options.chunkSize)
    , m_connectionWindow(options.connectionWindow, options.maxConnectionWindow)
    , m_timer(new QTimer(this))
    , m_rateTimer(new QTimer(this))
{
    m_transport->setParent(this);
    m_transport->setMaxIncomingMessage(protocol::kMaxMessage);
    m_clock.start();
    m_scheduler.setClock([this] { return nowMs(); });
    m_scheduler.setThrottledCallback([this](qint64 delayMs) { onThrottled(delayMs); });
    m_rateTimer->setSingleShot(true);
    m_rateTimer->setTimerType(Qt::PreciseTimer); // a coarse timer's slack would shave the rate
    connect(m_rateTimer, &QTimer::timeout, this, [this] {
        if (!m_closed)
            m_scheduler.pump();
    });
    m_lastReceivedMs = nowMs();
    m_lastPingMs = nowMs();
    m_peakWindow = std::max(options.streamWindow, options.connectionWindow);
    m_scheduler.addConnectionCredit(peer.connectionWindow);
    m_peerStreamWindow = peer.streamWindow;
    m_scheduler.setBlockedCallback([this](quint32 stream) {
        sendControl(QCborMap{{"t"_L1, "blocked"_L1}, {"s"_L1, qint64(stream)}}, Priority::Control);
    });

    connect(m_transport, &Transport::messageReceived, this, &Connection::onBinaryMessage);
    connect(m_transport, &Transport::bytesWritten, this, [this] { m_scheduler.pump(); });
    connect(m_transport, &Transport::alive, this, [this] { m_lastReceivedMs = nowMs(); });
    connect(m_transport, &Transport::closed, this, &Connection::finish);

    connect(m_timer, &QTimer::timeout, this, &Connection::onTick);
    m_timer->start(std::clamp(std::min(options.probeMs, options.heartbeatMs / 4), 20, 1000));
}

Connection::~Connection()
{
    m_closed = true;
    m_transport->disconnect(this);
}

qint64 Connection::bytesToWrite() const
{
    return m_transport->bytesToWrite();
}

void Connection::writeFrame(const QByteArray &frame)
{
    m_wireSent += frame.size();
    m_transport->send(frame);
}

void Connection::sendControl(const QCborMap &message, Priority priority)
{
    if (m_closed)
        return;
    m_scheduler.enqueue(priority, protocol::encodeControl(message));
}

void Connection::openStream(quint32 id, StreamReceiver *receiver, BulkSource *sender)
{
    StreamState state;
    state.receiver = receiver;
    state.window = std::make_shared<ReceiveWindow>(m_options.streamWindow, m_options.maxStreamWindow);
    m_streams.insert(id, std::move(state));
    m_closedStreams.remove(id);
    if (sender)
        m_scheduler.addStream(id, sender, m_peerStreamWindow);
}

void Connection::closeStream(quint32 id)
{
    auto it = m_streams.find(id);
    if (it == m_streams.end()) {
        // Never opened here (its reply has not come): data the peer sends
        // for it before it hears of the abort is dropped quietly.
        if (!m_closedStreams.contains(id)) {
            m_closedStreams.insert(id);
            m_closedOrder.append(id);
            if (m_closedOrder.size() > kRememberClosedStreams)
                m_closedStreams.remove(m_closedOrder.takeFirst());
        }
        return;
    }
    // Bytes of this stream that arrived but were never consumed still
    // occupy the connection window: give them back.
    const qint64 unconsumed = it->window->buffered();
    m_streams.erase(it);
    m_scheduler.removeStream(id);
    if (unconsumed > 0)
        grant(0, unconsumed);
    m_closedStreams.insert(id);
    m_closedOrder.append(id);
    if (m_closedOrder.size() > kRememberClosedStreams)
        m_closedStreams.remove(m_closedOrder.takeFirst());
}

void Connection::wake(quint32 id)
{
    if (!m_closed)
        m_scheduler.wake(id);
}

void Connection::consumed(quint32 id, qint64 bytes)
{
    if (m_closed || bytes <= 0)
        return;
    auto it = m_streams.find(id);
    if (it != m_streams.end()) {
        if (const auto increment = it->window->onConsumed(bytes, nowMs(), m_rtt.smoothed())) {
            sendControl(QCborMap{{"t"_L1, "credit"_L1}, {"s"_L1, qint64(id)}, {"n"_L1, *increment}}, Priority::Control);
            m_peakWindow = std::max(m_peakWindow, it->window->window());
        }
    }
    grant(0, bytes);
}

void Connection::grant(quint32 stream, qint64 bytes)
{
    Q_ASSERT(stream == 0);
    if (const auto increment = m_connectionWindow.onConsumed(bytes, nowMs(), m_rtt.smoothed())) {
        sendControl(QCborMap{{"t"_L1, "credit"_L1}, {"s"_L1, 0}, {"n"_L1, *increment}}, Priority::Control);
        m_peakWindow = std::max(m_peakWindow, m_connectionWindow.window());
    }
}

void Connection::setRateLimit(qint64 bytesPerSecond)
{
    qCDebug(lcConnection) << "rate limit" << bytesPerSecond << "bytes/s";
    m_scheduler.setRateLimit(bytesPerSecond);
    if (bytesPerSecond <= 0)
        m_rateTimer->stop();
}

void Connection::onThrottled(qint64 delayMs)
{
    // One timer for the earliest moment bulk may go; the scheduler asks on
    // every pump while it waits, which must not push that moment back.
    if (m_closed || (m_rateTimer->isActive() && m_rateTimer->remainingTime() <= delayMs))
        return;
    m_rateTimer->start(int(std::clamp<qint64>(delayMs, 1, 60000)));
}

void Connection::close(const Error &reason)
{
    if (m_closed)
        return;
    qCInfo(lcConnection) << "closing:" << reason.message;
    finish(reason);
    m_transport->close(reason);
}

void Connection::finish(const Error &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_closeReason = reason;
    m_timer->stop();
    m_rateTimer->stop();
    Q_EMIT closed(reason);
}

void Connection::onBinaryMessage(const QByteArray &message)
{
    if (m_closed)
        return;
    m_lastReceivedMs = nowMs();
    m_wireReceived += message.size();
    auto frame = protocol::decode(message);
    if (!frame) {
        close(frame.error());
        return;
    }
    if (frame->kind == protocol::FrameKind::Data)
        onData(frame->data);
    else
        onControl(frame->control);
}

void Connection::onData(protocol::DataFrame frame)
{
    if (frame.channel & protocol::kCompressedChannel) {
        // Flow control and offsets count the bytes before compression.
        if (m_options.codec == WireCodec::None) {
            close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "a compressed data frame on a connection without compression")});
            return;
        }
        auto payload = decompressChunk(m_options.codec, frame.payload, protocol::kMaxUnpackedChunk);
        if (!payload) {
            close(payload.error());
            return;
        }
        frame.payload = std::move(*payload);
        frame.channel &= quint8(~protocol::kCompressedChannel);
    }
    const qint64 size = frame.payload.size();
    if (!m_connectionWindow.onReceived(size)) {
        close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "flow control violation: data beyond the connection window")});
        return;
    }
    m_lastDataMs = nowMs();
    auto it = m_streams.find(frame.stream);
    if (it == m_streams.end()) {
        if (m_closedStreams.contains(frame.stream)) {
            grant(0, size); // late data for a stream we closed: drop it, keep the window open
            return;
        }
        close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "data for unknown stream %1").arg(frame.stream)});
        return;
    }
    if (!it->window->onReceived(size)) {
        close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "flow control violation: data beyond the window of stream %1").arg(frame.stream)});
        return;
    }
    if (!it->receiver) {
        close(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "data for send-only stream %1").arg(frame.stream)});
        return;
    }
    it->receiver->onStreamData(frame);
}

void Connection::onControl(const QCborMap &message)
{
    protocol::MessageReader reader(message);
    const QString type = reader.type();
    if (type == "ping"_L1) {
        QCborMap pong{{"t"_L1, "pong"_L1}, {"n"_L1, message.value("n"_L1)}};
        sendControl(pong, Priority::Control);
        return;
    }
    if (type == "pong"_L1) {
        const qint64 seq = reader.integer("n"_L1);
        const auto it = m_pendingPings.constFind(seq);
        if (reader.ok() && it != m_pendingPings.constEnd()) {
            const double ms = double(nowMs() - *it);
            m_pendingPings.erase(it);
            m_rtt.add(ms);
            Q_EMIT rttSampled(ms);
        }
        return;
    }
    if (type == "credit"_L1 || type == "blocked"_L1) {
        const qint64 stream = reader.integer("s"_L1, 0, std::numeric_limits<quint32>::max());
        const qint64 bytes = type == "credit"_L1 ? reader.integer("n"_L1, 1, std::numeric_limits<qint32>::max()) : 0;
        if (!reader.ok()) {
            close(Error{ErrorCode::Protocol, reader.error()});
            return;
        }
        if (type == "blocked"_L1) {
            if (stream == 0)
                m_connectionWindow.onSenderBlocked();
            else if (auto it = m_streams.find(quint32(stream)); it != m_streams.end())
                it->window->onSenderBlocked();
        } else if (stream == 0) {
            m_scheduler.addConnectionCredit(bytes);
        } else {
            m_scheduler.addCredit(quint32(stream), bytes);
        }
        return;
    }
    if (message.contains("s"_L1) && type != "req"_L1) {
        const qint64 stream = reader.integer("s"_L1, 1, std::numeric_limits<quint32>::max());
        if (!reader.ok()) {
            close(Error{ErrorCode::Protocol, reader.error()});
            return;
        }
        auto it = m_streams.find(quint32(stream));
        if (it != m_streams.end() && it->receiver) {
            it->receiver->onStreamMessage(message);
            return;
        }
        if (m_closedStreams.contains(quint32(stream)))
            return; // a late message for a stream we already closed
    }
    Q_EMIT messageReceived(message);
}

void Connection::onTick()
{
    if (m_closed)
        return;
    const qint64 now = nowMs();
    if (now - m_lastReceivedMs > m_options.deadAfterMs) {
        const Error reason{ErrorCode::Connection,
                           QCoreApplication::translate("ferry::net", "the peer did not answer for %1 s: connection considered dead")
                               .arg(double(now - m_lastReceivedMs) / 1000.0, 0, 'f', 1)};
        finish(reason);
        m_transport->abort();
        return;
    }
    // A heartbeat at the regular interval; faster probes while data flows,
    // so the autotuner and --stats see the RTT under load.
    const bool busy = now - m_lastDataMs < 1000 || !m_scheduler.idle();
    const qint64 interval = busy ? std::min<qint64>(m_options.probeMs, m_options.heartbeatMs) : m_options.heartbeatMs;
    if (now - m_lastPingMs >= interval)
        sendPing();
}

void Connection::sendPing()
{
    m_lastPingMs = nowMs();
    if (m_pendingPings.size() >= kMaxPendingPings)
        m_pendingPings.clear(); // the peer is not answering; dead-after will tell
    const qint64 seq = m_nextPing++;
    m_pendingPings.insert(seq, m_lastPingMs);
    sendControl(QCborMap{{"t"_L1, "ping"_L1}, {"n"_L1, seq}}, Priority::Control);
}

} // namespace ferry::net
