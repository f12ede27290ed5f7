// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/sendscheduler.h"

#include <algorithm>
#include <chrono>

namespace ferry::net {

namespace {
qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

SendScheduler::SendScheduler(FrameSink *sink, qint64 lowWater, qint64 chunkSize)
    : m_sink(sink)
    , m_lowWater(lowWater)
    , m_chunkSize(chunkSize)
    , m_now(steadyNowMs)
{
}

void SendScheduler::enqueue(Priority priority, const QByteArray &frame)
{
    (priority == Priority::Control ? m_control : m_interactive).enqueue(frame);
    pump();
}

void SendScheduler::addStream(quint32 stream, BulkSource *source, qint64 initialCredit)
{
    m_streams.insert(stream, StreamState{source, initialCredit, false, false});
}

void SendScheduler::removeStream(quint32 stream)
{
    m_streams.remove(stream);
    m_ready.removeAll(stream);
}

void SendScheduler::wake(quint32 stream)
{
    auto it = m_streams.find(stream);
    if (it == m_streams.end())
        return;
    if (!it->ready) {
        it->ready = true;
        m_ready.append(stream);
    }
    pump();
}

void SendScheduler::addCredit(quint32 stream, qint64 bytes)
{
    auto it = m_streams.find(stream);
    if (it == m_streams.end())
        return;
    it->credit += bytes;
    it->reportedBlocked = false;
    wake(stream);
}

void SendScheduler::addConnectionCredit(qint64 bytes)
{
    m_connectionCredit += bytes;
    m_connectionReportedBlocked = false;
    // Every stream may have been held back by the connection window.
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (!it->ready && it->source->wantsToSend()) {
            it->ready = true;
            m_ready.append(it.key());
        }
    }
    pump();
}

qint64 SendScheduler::credit(quint32 stream) const
{
    return m_streams.value(stream).credit;
}

void SendScheduler::reportBlocked(quint32 stream, bool &flag)
{
    if (flag)
        return;
    flag = true;
    if (m_onBlocked)
        m_onBlocked(stream);
}

void SendScheduler::setRateLimit(qint64 bytesPerSecond)
{
    refill(); // what was earned at the old rate stays earned
    const bool wasLimited = m_rate > 0;
    m_rate = std::max<qint64>(bytesPerSecond, 0);
    m_lastRefillMs = m_now();
    if (m_rate > 0) {
        // A fresh limit starts with a full bucket; a changed one keeps its
        // tokens (or its debt) within the new burst.
        const qint64 full = burst() * 1000;
        m_tokensMilli = wasLimited ? std::min(m_tokensMilli, full) : full;
    }
    pump(); // bulk held back by the old limit may go now
}

void SendScheduler::setClock(Clock nowMs)
{
    m_now = std::move(nowMs);
    m_lastRefillMs = m_now();
}

qint64 SendScheduler::burst() const
{
    return std::max(m_rate / 10, kMinRateBurst);
}

void SendScheduler::refill()
{
    if (m_rate <= 0)
        return;
    const qint64 now = m_now();
    const qint64 elapsed = now - m_lastRefillMs;
    if (elapsed <= 0)
        return;
    m_lastRefillMs = now;
    const qint64 full = burst() * 1000;
    if (m_tokensMilli >= full)
        return;
    // Compare before multiplying: after a long idle spell elapsed * rate
    // could overflow.
    const qint64 room = full - m_tokensMilli;
    m_tokensMilli = elapsed >= room / m_rate + 1 ? full : std::min(full, m_tokensMilli + elapsed * m_rate);
}

qint64 SendScheduler::bulkDelayMs() const
{
    if (m_rate <= 0 || m_tokensMilli > 0)
        return 0;
    // The bucket turns positive after debt / rate + 1 whole milliseconds.
    const qint64 debt = -m_tokensMilli;
    const qint64 payBackMs = debt / m_rate + 1;
    const qint64 elapsed = std::max<qint64>(m_now() - m_lastRefillMs, 0);
    return std::max<qint64>(payBackMs - elapsed, 0);
}

void SendScheduler::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (m_sink->bytesToWrite() < m_lowWater) {
        if (!m_control.isEmpty()) {
            m_sink->writeFrame(m_control.dequeue());
        } else if (!m_interactive.isEmpty()) {
            m_sink->writeFrame(m_interactive.dequeue());
        } else if (!pumpBulkOnce()) {
            break;
        }
    }
    m_pumping = false;
}

bool SendScheduler::pumpBulkOnce()
{
    if (m_rate > 0 && !m_ready.isEmpty()) {
        refill();
        if (m_tokensMilli <= 0) {
            if (m_onThrottled)
                m_onThrottled(bulkDelayMs());
            return false;
        }
    }
    // Under a limit no frame is larger than the bucket, so a slow limit
    // sends small frames steadily rather than a chunk every few seconds.
    const qint64 maxFrame = m_rate > 0 ? std::min(m_chunkSize, burst()) : m_chunkSize;
    while (!m_ready.isEmpty()) {
        const quint32 stream = m_ready.takeFirst();
        auto it = m_streams.find(stream);
        if (it == m_streams.end())
            continue;
        StreamState &state = *it;
        const qint64 allowance = std::min({state.credit, m_connectionCredit, m_rate > 0 ? maxFrame : state.source->frameLimit(maxFrame)});
        std::optional<Outgoing> out = state.source->produce(std::max<qint64>(allowance, 0));
        // produce() may have removed the stream (it finished): look it up again.
        it = m_streams.find(stream);
        if (!out) {
            if (it != m_streams.end()) {
                it->ready = false;
                if (it->source->wantsToSend()) {
                    if (it->credit <= 0)
                        reportBlocked(stream, it->reportedBlocked);
                    else if (m_connectionCredit <= 0)
                        reportBlocked(0, m_connectionReportedBlocked);
                }
            }
            continue;
        }
        if (it != m_streams.end()) {
            it->credit -= out->dataBytes;
            m_ready.append(stream); // round-robin: back of the line
        }
        m_connectionCredit -= out->dataBytes;
        if (m_rate > 0)
            m_tokensMilli -= out->dataBytes * 1000;
        m_sink->writeFrame(out->frame);
        for (const QByteArray &frame : std::as_const(out->continuation))
            m_sink->writeFrame(frame);
        return true;
    }
    return false;
}

} // namespace ferry::net
