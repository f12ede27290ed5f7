// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>

namespace ferry::protocol {

/// One 512-byte tar header read as it stands (ustar, GNU long-name records,
/// pax records); shared by whoever reads tar front to back.
struct TarHeader {
    enum class Type { File, Directory, Symlink, HardLink, LongName, LongLink, Pax, GlobalPax, Other };
    QByteArray name; ///< with the ustar prefix
    QByteArray link;
    Type type = Type::Other;
    qint64 size = 0;
    quint32 mode = 0;
    qint64 mtime = 0; ///< seconds since the epoch
};

inline constexpr qsizetype kTarBlock = 512;

/// Whether @p block (kTarBlock bytes) is all zeros: the end of an archive.
bool isTarEndBlock(const char *block);
/// The header in @p block; a wrong checksum or an unreadable number is an
/// error (the caller says where).
Expected<TarHeader> parseTarHeader(const char *block);
/// "path" and "linkpath" of pax records ("LEN key=value\n"...).
void readPaxRecords(const QByteArray &records, QByteArray *path, QByteArray *linkPath);
/// @p size rounded up to whole blocks.
inline qint64 tarPadded(qint64 size) { return (size + kTarBlock - 1) / kTarBlock * kTarBlock; }

} // namespace ferry::protocol
