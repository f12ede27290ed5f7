// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/receivewindow.h"

#include <algorithm>

namespace ferry::net {

ReceiveWindow::ReceiveWindow(qint64 initialWindow, qint64 maxWindow)
    : m_window(initialWindow)
    , m_maxWindow(std::max(initialWindow, maxWindow))
    , m_granted(initialWindow)
{
}

bool ReceiveWindow::onReceived(qint64 bytes)
{
    if (bytes < 0 || m_received + bytes > m_granted)
        return false;
    m_received += bytes;
    return true;
}

std::optional<qint64> ReceiveWindow::onConsumed(qint64 bytes, qint64 nowMs, double rttMs)
{
    m_consumed = std::min(m_consumed + std::max<qint64>(bytes, 0), m_received);
    if (m_epochStartMs < 0) {
        m_epochStartMs = nowMs;
        m_epochStartConsumed = 0;
    }
    // Batch updates: announce only once half the window has been used up,
    // like HTTP/2 implementations do with WINDOW_UPDATE.
    if (m_granted - m_consumed > m_window / 2)
        return std::nullopt;

    maybeGrow(nowMs, rttMs);
    const qint64 newGranted = m_consumed + m_window;
    const qint64 increment = newGranted - m_granted;
    m_granted = newGranted;
    return increment > 0 ? std::optional<qint64>(increment) : std::nullopt;
}

void ReceiveWindow::maybeGrow(qint64 nowMs, double rttMs)
{
    const qint64 epochBytes = m_consumed - m_epochStartConsumed;
    const qint64 elapsedMs = std::max<qint64>(nowMs - m_epochStartMs, 1);
    const bool blocked = m_senderBlocked;
    m_epochStartMs = nowMs;
    m_epochStartConsumed = m_consumed;
    m_senderBlocked = false;
    if (!blocked || rttMs <= 0 || m_window >= m_maxWindow)
        return;
    // Delivered rate over the epoch times the RTT is the bandwidth-delay
    // product; a window below twice that cannot keep the link busy.
    const double bdp = double(epochBytes) / double(elapsedMs) * rttMs;
    if (2.0 * bdp > double(m_window))
        m_window = std::min(m_window * 2, m_maxWindow);
}

} // namespace ferry::net
