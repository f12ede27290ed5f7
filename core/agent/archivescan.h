// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>

class QIODevice;

namespace ferry::agent {

/// One member of an archive as its headers name it, before any reader
/// cleans the name up: what an extraction is checked against.
struct RawMember {
    enum class Type { File, Directory, Symlink, HardLink, Other };
    QByteArray name;
    Type type = Type::Other;
    QByteArray link; ///< symlink or hard link target
    qint64 size = 0;
};

/// The members of a tar stream (ustar, GNU long names, pax paths) read from
/// @p device front to back; a header whose checksum is wrong (say, because
/// the entry before it held more than its header said) is an error.
Expected<QList<RawMember>> scanTar(QIODevice *device, qsizetype maxMembers);
/// The members of a zip archive from its central directory (@p device must
/// be seekable).
Expected<QList<RawMember>> scanZip(QIODevice *device, qsizetype maxMembers);

/// Why @p members must not be extracted, if they must not: a name that is
/// absolute or has a ".." component, a hard link that leads out, or a path
/// through a symlink that an earlier member makes.
std::optional<Error> refuseMembers(const QList<RawMember> &members);

} // namespace ferry::agent
