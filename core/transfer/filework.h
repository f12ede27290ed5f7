// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/transfer/filesource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace ferry::transfer {

/// Hashing, prefix checks and other work that reads whole files: it runs
/// here, never on an event loop, so heartbeats and other clients are served
/// meanwhile. A few threads of their own, apart from the flushes on the
/// global pool.
void startFileWork(std::function<void()> work);

/// How often progress of file work reaches its owner, at most.
inline constexpr qint64 kFileWorkProgressMs = 250;

/// Runs @p work on a file work thread and hands its result to @p done on
/// the main thread, where @p context must live; nothing is called once
/// @p context is gone (the result is then dropped, which closes what it
/// holds). The work's
/// WorkProgress returns false once @p cancelled is set, and passes the bytes
/// done to @p progress on the main thread, at most every
/// kFileWorkProgressMs.
template<typename Result>
void runFileWork(QObject *context, std::shared_ptr<std::atomic_bool> cancelled, std::function<Result(const WorkProgress &)> work,
                 std::function<void(qint64 done)> progress, std::function<void(Result)> done)
{
    QPointer<QObject> owner(context);
    startFileWork([owner, cancelled = std::move(cancelled), work = std::move(work), progress = std::move(progress),
                   done = std::move(done)]() mutable {
        QElapsedTimer sinceTold;
        sinceTold.start();
        const WorkProgress check = [&](qint64 bytes) {
            if (progress && sinceTold.elapsed() >= kFileWorkProgressMs) {
                sinceTold.restart();
                // Back on the main thread, where the owner lives, it is
                // checked without a race against its deletion.
                QMetaObject::invokeMethod(QCoreApplication::instance(), [owner, progress, bytes] {
                    if (owner)
                        progress(bytes);
                }, Qt::QueuedConnection);
            }
            return !(cancelled && cancelled->load(std::memory_order_relaxed));
        };
        auto result = std::make_shared<Result>(work(check));
        QMetaObject::invokeMethod(QCoreApplication::instance(), [owner, result, done = std::move(done)] {
            if (owner)
                done(std::move(*result));
        }, Qt::QueuedConnection);
    });
}

} // namespace ferry::transfer
