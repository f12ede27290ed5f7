// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCborMap>
#include <QString>

namespace ferry::protocol {

/// One directory entry as it travels in listings and stat replies.
struct Entry {
    /// Names and link targets are pathcodec QStrings: any bytes, losslessly.
    enum class Type { File, Directory, Symlink, Other };
    QString name;
    Type type = Type::Other;
    qint64 size = 0;
    quint32 mode = 0;       ///< permission bits (07777)
    qint64 mtimeNs = 0;
    QString linkTarget;
    qint64 uid = -1;        ///< owner's numeric id; -1 when not told (older agents, archives)
    qint64 gid = -1;        ///< group's numeric id; -1 when not told
    QString user;           ///< owner's name on the agent's system; empty when unknown
    QString group;          ///< group's name; empty when unknown

    bool isDir() const { return type == Type::Directory; }
    /// Name and link target go as protocol::pathValue(); without
    /// @p bytesAllowed as the lossy text older clients read.
    QCborMap toCbor(bool bytesAllowed = true) const;
    static Expected<Entry> fromCbor(const QCborValue &value);
};

} // namespace ferry::protocol
