// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCborMap>
#include <QString>

namespace ferry::protocol {

/// One directory entry as it travels in listings and stat replies.
struct Entry {
    enum class Type { File, Directory, Symlink, Other };
    QString name;
    Type type = Type::Other;
    qint64 size = 0;
    quint32 mode = 0;       ///< permission bits (07777)
    qint64 mtimeNs = 0;
    QString linkTarget;

    bool isDir() const { return type == Type::Directory; }
    QCborMap toCbor() const;
    static Expected<Entry> fromCbor(const QCborValue &value);
};

} // namespace ferry::protocol
