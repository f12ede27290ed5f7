// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <functional>
#include <memory>

namespace ferry::transfer {

enum class FlushKind {
    FileData,   ///< fdatasync: one file's data
    FileSystem, ///< syncfs: everything on the file system (a batch of files)
    Directory,  ///< fsync of a directory: renames in it
};

/// Flushes @p fd on a worker thread, so a slow disk never stalls the event
/// loop that serves every other client and answers heartbeats. @p done runs
/// on the main thread with 0 or an errno, unless @p guard expired by then
/// (the owner went away). The descriptor is duplicated: the caller may close
/// its own at any time.
void flushInBackground(int fd, FlushKind kind, const std::weak_ptr<void> &guard, std::function<void(int error)> done);

/// Flushes each directory of @p paths (renames made in them) in the
/// background, then calls @p done once on the main thread (unless @p guard
/// expired). @p open maps a path to a readable directory descriptor.
void flushDirectoriesInBackground(const QStringList &paths, const std::function<int(const QString &)> &open, const std::weak_ptr<void> &guard,
                                  std::function<void()> done);

/// A group commit around @p work: flushes the file system of @p fd (every
/// staged part file reaches the disk), runs @p work on the main thread with
/// 0 or the errno of that flush (the renames), flushes again (the renames
/// reach the disk) and calls @p done. Two flushes for a whole group of files
/// instead of two per file or batch. Nothing runs once @p guard expired.
void commitInBackground(int fd, const std::weak_ptr<void> &guard, std::function<void(int error)> work, std::function<void()> done);

} // namespace ferry::transfer
