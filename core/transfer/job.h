// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/transfer/speedmeter.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace ferry::transfer {

/// A long operation (upload, download, command run). start() schedules it;
/// it ends exactly once with finished(), carrying success or an error.
/// Progress is in bytes with the total known as early as possible; speed and
/// ETA are derived here, in one place, every 200 ms.
class Job : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    /// Stops the job; it finishes with ErrorCode::Cancelled.
    void cancel();

    bool isFinished() const { return m_finished; }
    const Error &error() const { return m_error; }
    bool succeeded() const { return m_finished && m_error.code == ErrorCode::None; }

    qint64 processedBytes() const { return m_processed; }
    qint64 totalBytes() const { return m_total; }
    /// Bytes per second, smoothed; 0 after a stall.
    double speed() const { return m_meter.bytesPerSecond(); }
    /// Seconds left at the current speed; -1 when unknown.
    qint64 etaSeconds() const;
    /// Bytes that did not have to be sent again thanks to resume.
    qint64 resumedBytes() const { return m_resumed; }

Q_SIGNALS:
    void progress(qint64 processed, qint64 total);
    /// An attempt starts at @p offset: bytes kept from before (a part
    /// file) that are not sent again. Progress jumps there; speed does not.
    void resumedAt(qint64 offset);
    void speedChanged(double bytesPerSecond);
    void finished(ferry::transfer::Job *job);

protected:
    virtual void doStart() = 0;
    virtual void doCancel() {}
    void setTotal(qint64 total);
    void setProcessed(qint64 processed);
    void addResumed(qint64 bytes) { m_resumed += bytes; }
    /// An attempt picks up @p offset bytes kept from before: counted as
    /// resumed, announced with resumedAt(), and the progress so far.
    void startAt(qint64 offset);
    /// Ends the job (once); Error{} means success.
    void emitResult(const Error &error = {});

private:
    void sampleSpeed();

    qint64 m_processed = 0;
    qint64 m_total = -1;
    qint64 m_resumed = 0;
    SpeedMeter m_meter;
    QElapsedTimer m_clock;
    QTimer *m_speedTimer;
    Error m_error;
    bool m_finished = false;
    bool m_started = false;
};

} // namespace ferry::transfer
