// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/job.h"

#include <QCoreApplication>
#include <QTimer>

#include <cmath>

namespace ferry::transfer {

namespace {
constexpr int kSampleMs = 200;
constexpr qint64 kStallMs = 3000; ///< no progress this long: speed shows 0
} // namespace

Job::Job(QObject *parent)
    : QObject(parent)
    , m_speedTimer(new QTimer(this))
{
    m_speedTimer->setInterval(kSampleMs);
    connect(m_speedTimer, &QTimer::timeout, this, &Job::sampleSpeed);
}

Job::~Job() = default;

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    m_speedTimer->start();
    QTimer::singleShot(0, this, [this] {
        if (!m_finished)
            doStart();
    });
}

void Job::cancel()
{
    if (m_finished)
        return;
    doCancel();
    emitResult(Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::transfer", "cancelled")});
}

qint64 Job::etaSeconds() const
{
    if (m_speed <= 0 || m_total < 0)
        return -1;
    return qint64(std::ceil(double(m_total - m_processed) / m_speed));
}

void Job::setTotal(qint64 total)
{
    m_total = total;
    Q_EMIT progress(m_processed, m_total);
}

void Job::setProcessed(qint64 processed)
{
    if (processed != m_processed)
        m_lastProgressMs = m_clock.elapsed();
    m_processed = processed;
    Q_EMIT progress(m_processed, m_total);
}

void Job::sampleSpeed()
{
    const qint64 now = m_clock.elapsed();
    const qint64 elapsed = now - m_lastSampleMs;
    if (elapsed <= 0)
        return;
    const double instant = double(m_processed - m_lastSampleBytes) * 1000.0 / double(elapsed);
    m_lastSampleBytes = m_processed;
    m_lastSampleMs = now;
    // Exponential smoothing keeps the ETA from jumping; a stall resets it.
    m_speed = now - m_lastProgressMs > kStallMs ? 0.0 : (m_speed <= 0 ? instant : 0.7 * m_speed + 0.3 * instant);
    Q_EMIT speedChanged(m_speed);
}

void Job::emitResult(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_speedTimer->stop();
    Q_EMIT finished(this);
}

} // namespace ferry::transfer
