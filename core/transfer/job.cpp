// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/job.h"

#include <QCoreApplication>
#include <QTimer>


namespace ferry::transfer {

namespace {
constexpr int kSampleMs = 200;
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
    return m_total < 0 ? -1 : m_meter.etaSeconds(m_total - m_processed);
}

void Job::setTotal(qint64 total)
{
    m_total = total;
    Q_EMIT progress(m_processed, m_total);
}

void Job::startAt(qint64 offset)
{
    addResumed(offset);
    if (offset > 0)
        Q_EMIT resumedAt(offset);
    setProcessed(offset);
}

void Job::setProcessed(qint64 processed)
{
    m_processed = processed;
    Q_EMIT progress(m_processed, m_total);
}

void Job::sampleSpeed()
{
    m_meter.sample(m_processed, m_clock.elapsed());
    Q_EMIT speedChanged(m_meter.bytesPerSecond());
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
