// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace ferry::net {

/// Heartbeat round-trip samples: a smoothed estimate for the autotuner and
/// the distribution (min, p50, p99, max) for --stats and the status bar.
class RttStats
{
public:
    void add(double ms);
    void clear();

    qsizetype count() const { return m_count; }
    double smoothed() const { return m_smoothed; }
    double last() const { return m_last; }
    double min() const;
    double max() const;
    /// Percentile @p p in [0, 100] (nearest rank); 0 without samples.
    double percentile(double p) const;

private:
    static constexpr qsizetype kMaxSamples = 100000;
    QList<double> m_samples;
    qsizetype m_count = 0;
    double m_smoothed = 0;
    double m_last = 0;
};

} // namespace ferry::net
