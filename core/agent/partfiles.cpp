// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/partfiles.h"

#include "core/logging.h"
#include "core/transfer/filesink.h"
#include "core/transfer/filework.h"

#include <QTimer>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry::agent {

namespace {

/// Deeper trees are left alone: each level holds a descriptor.
constexpr int kMaxDepth = 64;

struct Sweep {
    time_t before;
    const std::atomic_bool &stop;
    PartSweep result;

    void directory(int dirFd, int depth)
    {
        // fdopendir takes the descriptor it is given: its own copy.
        DIR *dir = ::fdopendir(::fcntl(dirFd, F_DUPFD_CLOEXEC, 0));
        if (!dir)
            return;
        ::rewinddir(dir);
        while (const dirent *entry = ::readdir(dir)) {
            if (stop.load(std::memory_order_relaxed))
                break;
            const QByteArray name(entry->d_name);
            if (name == "." || name == "..")
                continue;
            unsigned char type = entry->d_type;
            struct stat st {};
            if (type == DT_UNKNOWN) {
                if (::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                    continue;
                type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
            }
            if (type == DT_DIR) {
                if (depth >= kMaxDepth)
                    continue;
                UniqueFd sub(::openat(dirFd, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
                if (sub)
                    directory(sub.get(), depth + 1);
            } else if (type == DT_REG && transfer::FileSink::isPartName(name)) {
                partFile(dirFd, entry->d_name);
            }
        }
        ::closedir(dir);
    }

    void partFile(int dirFd, const char *name)
    {
        UniqueFd fd(::openat(dirFd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
        struct stat st {};
        if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_mtim.tv_sec >= before)
            return;
        // A transfer writing it holds its lock; holding the lock ourselves
        // keeps one from starting on it while it is removed.
        if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
            ++result.busy;
            return;
        }
        // Still the file that was looked at, not one put there meanwhile.
        struct stat now {};
        if (::fstatat(dirFd, name, &now, AT_SYMLINK_NOFOLLOW) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev)
            return;
        if (::unlinkat(dirFd, name, 0) == 0) {
            ++result.removed;
            result.bytes += qint64(st.st_blocks) * 512;
        }
    }
};

} // namespace

PartSweep sweepPartFiles(int dirFd, std::chrono::seconds ttl, const std::atomic_bool &stop)
{
    Sweep sweep{::time(nullptr) - time_t(ttl.count()), stop, {}};
    sweep.directory(dirFd, 0);
    return sweep.result;
}

PartFileSweeper::PartFileSweeper(const RootFs *root, std::chrono::seconds ttl, QObject *parent)
    : QObject(parent)
    , m_root(root)
    , m_ttl(ttl)
    , m_timer(new QTimer(this))
{
    const auto period = std::clamp<std::chrono::milliseconds>(m_ttl / 4, std::chrono::seconds(1), std::chrono::hours(1));
    m_timer->setInterval(period);
    connect(m_timer, &QTimer::timeout, this, &PartFileSweeper::sweepNow);
}

PartFileSweeper::~PartFileSweeper()
{
    m_stop->store(true);
}

void PartFileSweeper::start()
{
    sweepNow();
    m_timer->start();
}

void PartFileSweeper::sweepNow()
{
    if (m_running)
        return; // the last one is still walking a large tree
    auto root = m_root->openDirectory(QString());
    if (!root)
        return;
    m_running = true;
    auto shared = std::make_shared<UniqueFd>(std::move(*root));
    const std::chrono::seconds ttl = m_ttl;
    const std::shared_ptr<std::atomic_bool> stop = m_stop;
    transfer::runFileWork<PartSweep>(
        this, stop, [shared, ttl, stop](const transfer::WorkProgress &) { return sweepPartFiles(shared->get(), ttl, *stop); }, {},
        [this](PartSweep result) {
            m_running = false;
            if (result.removed > 0)
                qCInfo(lcAgent).noquote() << "removed" << result.removed << "part files not written for" << m_ttl.count() << "s, freeing"
                                          << result.bytes << "bytes";
            Q_EMIT swept(result);
        });
}

} // namespace ferry::agent
