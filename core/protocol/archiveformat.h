// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace ferry::protocol {

/// The archive formats Ferry writes and reads, all through KArchive.
enum class ArchiveFormat { Tar, TarGz, TarBz2, TarXz, TarZst, Zip };

/// "tar", "tar.gz", ... as the wire and the CLI name them ("tgz" and the
/// like are read too).
std::optional<ArchiveFormat> archiveFormatFromName(const QString &name);
QString archiveFormatName(ArchiveFormat format);
/// The format a file name asks for by its suffix (".tar.zst", ".zip", ...).
std::optional<ArchiveFormat> archiveFormatForFileName(const QString &fileName);
/// @p fileName without the suffix that names its format ("a.tar.gz" -> "a").
QString archiveStem(const QString &fileName);
/// Whether @p format can be written front to back, never going back (a
/// zip's headers are completed after each entry's data).
bool archiveFormatStreams(ArchiveFormat format);

} // namespace ferry::protocol
