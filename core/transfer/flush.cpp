// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/flush.h"

#include "core/uniquefd.h"

#include <QCoreApplication>
#include <QThreadPool>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ferry::transfer {

void flushInBackground(int fd, FlushKind kind, const std::weak_ptr<void> &guard, std::function<void(int error)> done)
{
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) {
        const int error = errno;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done = std::move(done), error] {
            if (!guard.expired())
                done(error);
        }, Qt::QueuedConnection);
        return;
    }
    QThreadPool::globalInstance()->start([copy, kind, guard, done = std::move(done)]() mutable {
        int rc = 0;
        switch (kind) {
        case FlushKind::FileData: rc = ::fdatasync(copy); break;
        case FlushKind::FileSystem: rc = ::syncfs(copy); break;
        case FlushKind::Directory: rc = ::fsync(copy); break;
        }
        const int error = rc == 0 ? 0 : errno;
        ::close(copy);
        // Back to the main thread; the guard is checked there, where its
        // owner lives, so it cannot expire halfway.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done = std::move(done), error] {
            if (!guard.expired())
                done(error);
        }, Qt::QueuedConnection);
    });
}

void flushDirectoriesInBackground(const QStringList &paths, const std::function<int(const QString &)> &open, const std::weak_ptr<void> &guard,
                                  std::function<void()> done)
{
    auto pending = std::make_shared<int>(1);
    auto finish = std::make_shared<std::function<void()>>(std::move(done));
    const auto settled = [pending, finish] {
        if (--*pending == 0)
            (*finish)();
    };
    for (const QString &path : paths) {
        const int fd = open(path);
        if (fd < 0)
            continue;
        ++*pending;
        flushInBackground(fd, FlushKind::Directory, guard, [settled](int) { settled(); });
        ::close(fd);
    }
    settled();
}

void commitInBackground(int fd, const std::weak_ptr<void> &guard, std::function<void(int error)> work, std::function<void()> done)
{
    // Our own descriptor: the caller's may be closed before the second flush.
    auto own = std::make_shared<UniqueFd>(::fcntl(fd, F_DUPFD_CLOEXEC, 0));
    flushInBackground(own->get(), FlushKind::FileSystem, guard, [own, guard, work = std::move(work), done = std::move(done)](int error) mutable {
        work(error);
        flushInBackground(own->get(), FlushKind::FileSystem, guard, [own, done = std::move(done)](int) { done(); });
    });
}

} // namespace ferry::transfer
