// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/protocol/entry.h"

#include <QList>

#include <optional>

/// The local side of a copy, with the same entries and errors as the
/// agent's: lstat semantics, nothing followed that the agent would not.
namespace ferry::copy::localfs {

Expected<protocol::Entry> stat(const QString &path);
/// Entries of @p dir without "." and "..", sorted by name.
Expected<QList<protocol::Entry>> list(const QString &dir);
Expected<void> mkdir(const QString &path, quint32 mode);
Expected<void> symlink(const QString &path, const QString &target);
/// Removes a file or symlink (never a directory).
Expected<void> unlink(const QString &path);
Expected<void> setAttributes(const QString &path, std::optional<quint32> mode, std::optional<qint64> mtimeNs);
/// Bytes available to unprivileged users on the file system of @p path.
Expected<qint64> available(const QString &path);

} // namespace ferry::copy::localfs
