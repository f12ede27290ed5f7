// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

namespace ferry::net {

/// Receiver-side credit accounting for one stream or for a whole connection.
///
/// The peer may send up to granted() bytes in total. Credit is returned only
/// when the application reports bytes as consumed (written to a file, taken
/// by a process), so the bytes held anywhere between the two ends never
/// exceed the window, whatever the file size.
///
/// Autotuning (after quic-go and the gRPC BDP probe): when the sender told us
/// it was blocked on credit and the bandwidth-delay product measured over the
/// last update epoch exceeds half the window, the window doubles, up to the
/// cap. It only ever grows.
class ReceiveWindow
{
public:
    ReceiveWindow(qint64 initialWindow, qint64 maxWindow);

    /// Accounts @p bytes arriving; false if they exceed the credit granted
    /// (the peer broke flow control).
    [[nodiscard]] bool onReceived(qint64 bytes);

    /// The sender reported that it is waiting for credit.
    void onSenderBlocked() { m_senderBlocked = true; }

    /// Accounts @p bytes leaving memory at @p nowMs with the current smoothed
    /// @p rttMs (0 if unknown). Returns the credit increment to announce, if
    /// one is due (batched: only when less than half a window is left).
    std::optional<qint64> onConsumed(qint64 bytes, qint64 nowMs, double rttMs);

    qint64 window() const { return m_window; }
    qint64 maxWindow() const { return m_maxWindow; }
    qint64 granted() const { return m_granted; }
    qint64 received() const { return m_received; }
    qint64 consumed() const { return m_consumed; }
    /// Bytes received but not yet consumed: what this end holds in memory.
    qint64 buffered() const { return m_received - m_consumed; }

private:
    void maybeGrow(qint64 nowMs, double rttMs);

    qint64 m_window;
    qint64 m_maxWindow;
    qint64 m_granted;
    qint64 m_received = 0;
    qint64 m_consumed = 0;
    qint64 m_epochStartMs = -1;
    qint64 m_epochStartConsumed = 0;
    bool m_senderBlocked = false;
};

} // namespace ferry::net
