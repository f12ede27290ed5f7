// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace ferry::transfer {

/// Transfer speed from byte counts sampled over time: smoothed so an ETA
/// does not jump, and back to zero after a stall. The one place speed and
/// ETA are derived, for jobs and for the rows of the transfer queue.
class SpeedMeter
{
public:
    /// Feeds the running total @p bytes at time @p nowMs.
    void sample(qint64 bytes, qint64 nowMs);
    double bytesPerSecond() const { return m_speed; }
    /// Seconds for @p remaining bytes at the current speed; -1 if unknown.
    qint64 etaSeconds(qint64 remaining) const;
    void reset() { *this = SpeedMeter(); }

private:
    qint64 m_lastBytes = 0;
    qint64 m_lastMs = -1;
    qint64 m_lastProgressMs = 0;
    double m_speed = 0;
};

} // namespace ferry::transfer
