// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transfer/filework.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace ferry::transfer {

void startFileWork(std::function<void()> work)
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool(QCoreApplication::instance());
        // Reading is bound by the disk, not the cores; a few at once keep
        // one large file from holding up every other client's checks.
        threads->setMaxThreadCount(4);
        return threads;
    }();
    pool->start(std::move(work));
}

} // namespace ferry::transfer
