// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/rttstats.h"

#include <algorithm>
#include <cmath>

namespace ferry::net {

void RttStats::add(double ms)
{
    ++m_count;
    m_last = ms;
    // RFC 6298 smoothing (alpha = 1/8).
    m_smoothed = m_count == 1 ? ms : m_smoothed + (ms - m_smoothed) / 8.0;
    if (m_samples.size() < kMaxSamples)
        m_samples.append(ms);
    else
        m_samples[qsizetype(m_count % kMaxSamples)] = ms;
}

void RttStats::clear()
{
    *this = RttStats();
}

double RttStats::min() const
{
    return m_samples.isEmpty() ? 0 : *std::min_element(m_samples.cbegin(), m_samples.cend());
}

double RttStats::max() const
{
    return m_samples.isEmpty() ? 0 : *std::max_element(m_samples.cbegin(), m_samples.cend());
}

double RttStats::percentile(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

} // namespace ferry::net
