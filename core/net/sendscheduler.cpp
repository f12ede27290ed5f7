// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/sendscheduler.h"

#include <algorithm>

namespace ferry::net {

SendScheduler::SendScheduler(FrameSink *sink, qint64 lowWater, qint64 chunkSize)
    : m_sink(sink)
    , m_lowWater(lowWater)
    , m_chunkSize(chunkSize)
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
    while (!m_ready.isEmpty()) {
        const quint32 stream = m_ready.takeFirst();
        auto it = m_streams.find(stream);
        if (it == m_streams.end())
            continue;
        StreamState &state = *it;
        const qint64 allowance = std::min({state.credit, m_connectionCredit, m_chunkSize});
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
        m_sink->writeFrame(out->frame);
        return true;
    }
    return false;
}

} // namespace ferry::net
