// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/protocol/entry.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

/// The local side of a copy, with the same entries and errors as the
/// agent's: lstat semantics, nothing followed that the agent would not.
namespace ferry::copy::localfs {

/// The last component of a local path as given, trailing slashes aside:
/// ".." stays "..", "/" has none.
QString nameOf(QString path);
/// The folder holding a local path as given: "." for a bare name.
QString parentOf(QString path);

Expected<protocol::Entry> stat(const QString &path);
/// What a symlink at @p path leads to (stat(2) follows it); QFileInfo would
/// look up a name that is not UTF-8 under another name.
Expected<protocol::Entry> statFollowed(const QString &path);
/// Entries of @p dir without "." and "..", sorted by name.
Expected<QList<protocol::Entry>> list(const QString &dir);
Expected<void> mkdir(const QString &path, quint32 mode);
Expected<void> symlink(const QString &path, const QString &target);
/// Removes a file or symlink (never a directory).
Expected<void> unlink(const QString &path);
Expected<void> setAttributes(const QString &path, std::optional<quint32> mode, std::optional<qint64> mtimeNs);
/// Bytes available to unprivileged users on the file system of @p path.
Expected<qint64> available(const QString &path);

/// A staged local file (a complete part file beside @p path).
struct StagedFile {
    QString path;
    qint64 size = 0;
    bool replace = false;
};
/// Puts staged files into place as the agent's "commit" does: one flush,
/// the renames, one more flush, all flushes on a worker thread. @p done gets
/// one result per file on the main thread, unless @p guard expired.
void commitStaged(const QList<StagedFile> &files, const std::weak_ptr<void> &guard, std::function<void(const QList<Error> &)> done);
/// Removes the part files of staged files that will not be committed.
void discardStaged(const QList<StagedFile> &files);

} // namespace ferry::copy::localfs
