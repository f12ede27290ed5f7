// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/speedmeter.h"

#include <cmath>

namespace ferry::transfer {

namespace {
constexpr qint64 kStallMs = 3000; ///< no progress this long: speed shows 0
constexpr qint64 kMinIntervalMs = 100;
} // namespace

void SpeedMeter::sample(qint64 bytes, qint64 nowMs)
{
    if (m_lastMs < 0) {
        m_lastMs = nowMs;
        m_lastBytes = bytes;
        m_lastProgressMs = nowMs;
        return;
    }
    const qint64 elapsed = nowMs - m_lastMs;
    if (elapsed < kMinIntervalMs)
        return;
    const qint64 delta = bytes - m_lastBytes;
    if (delta != 0)
        m_lastProgressMs = nowMs;
    const double instant = double(std::max<qint64>(delta, 0)) * 1000.0 / double(elapsed);
    m_lastBytes = bytes;
    m_lastMs = nowMs;
    // Exponential smoothing keeps the ETA steady; a stall resets it.
    m_speed = nowMs - m_lastProgressMs > kStallMs ? 0.0 : (m_speed <= 0 ? instant : 0.7 * m_speed + 0.3 * instant);
}

qint64 SpeedMeter::etaSeconds(qint64 remaining) const
{
    if (m_speed <= 0 || remaining < 0)
        return -1;
    return qint64(std::ceil(double(remaining) / m_speed));
}

} // namespace ferry::transfer
