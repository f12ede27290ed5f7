// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/uniquefd.h"

#include <QIODevice>
#include <QString>

#include <memory>
#include <optional>

namespace ferry::agent {

class OpenArchive;

/// Archives beneath the root read like folders: "logs.tar.gz/2024/app.log"
/// names an entry inside logs.tar.gz. Read-only: listing, stat and reading
/// a file; everything else meets the archive as the file it is.
namespace archiveview {

/// A path that leads into an archive: the archive file and the path inside.
struct Split {
    QString archive; ///< a regular file beneath the root with an archive's name
    QString inner;   ///< "" for the archive's top
};
/// Where @p path leads into an archive, if it does: its first component
/// that is a regular file named like an archive, with more after it (or a
/// trailing slash).
std::optional<Split> split(const RootFs &root, const QString &path);

/// The entries of the folder @p path (an archive, or a folder in one).
Expected<QList<EntryInfo>> list(const RootFs &root, const Split &where);
/// One entry inside an archive.
Expected<EntryInfo> stat(const RootFs &root, const Split &where);
/// A file inside an archive, to read front to back; @p size gets its size.
/// The archive stays open while the device lives.
Expected<std::unique_ptr<QIODevice>> open(const RootFs &root, const Split &where, qint64 *size);
/// A small file inside an archive as a descriptor (its bytes copied to an
/// anonymous memory file), for code that reads descriptors: at most
/// @p maxSize bytes.
Expected<UniqueFd> openAsFd(const RootFs &root, const Split &where, qint64 maxSize);

} // namespace archiveview

} // namespace ferry::agent
