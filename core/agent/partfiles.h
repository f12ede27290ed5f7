// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"

#include <QObject>

#include <atomic>
#include <chrono>

class QTimer;

namespace ferry::agent {

/// What one sweep for abandoned part files did.
struct PartSweep {
    int removed = 0;   ///< part files older than the limit, removed
    qint64 bytes = 0;  ///< the space they held
    int busy = 0;      ///< old, but a transfer still holds them: kept
};

/// Removes part files (".NAME.ferry-part") last written more than @p ttl
/// ago beneath the directory @p dirFd, except those a transfer holds
/// locked. It never follows a symlink, so nothing outside is touched, and
/// stops early once @p stop is set. Reads whole trees: for a worker thread.
PartSweep sweepPartFiles(int dirFd, std::chrono::seconds ttl, const std::atomic_bool &stop);

/// Sweeps the root for abandoned part files at start and then now and then
/// (every quarter of the limit, between a second and an hour), on a file
/// work thread, and logs what it removed.
class PartFileSweeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartFileSweeper)

public:
    /// Sweeps beneath @p root, which must outlive the sweeper.
    PartFileSweeper(const RootFs *root, std::chrono::seconds ttl, QObject *parent = nullptr);
    ~PartFileSweeper() override;

    void start();

Q_SIGNALS:
    /// One sweep is done.
    void swept(const ferry::agent::PartSweep &result);

private:
    void sweepNow();

    const RootFs *m_root;
    std::chrono::seconds m_ttl;
    QTimer *m_timer;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
};

} // namespace ferry::agent
