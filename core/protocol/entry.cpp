// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/entry.h"

#include "core/protocol/messagereader.h"
#include "core/protocol/wirepath.h"

#include <QCborValue>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::protocol {

QCborMap Entry::toCbor(bool bytesAllowed) const
{
    QCborMap m{{"n"_L1, pathValue(name, bytesAllowed)}, {"k"_L1, qint64(type)}, {"z"_L1, size}, {"m"_L1, qint64(mode)}, {"t"_L1, mtimeNs}};
    if (type == Type::Symlink)
        m.insert("l"_L1, pathValue(linkTarget, bytesAllowed));
    if (uid >= 0)
        m.insert("u"_L1, uid);
    if (gid >= 0)
        m.insert("g"_L1, gid);
    if (!user.isEmpty())
        m.insert("un"_L1, user);
    if (!group.isEmpty())
        m.insert("gn"_L1, group);
    return m;
}

Expected<Entry> Entry::fromCbor(const QCborValue &value)
{
    if (!value.isMap())
        return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::protocol", "directory entry is not a map")});
    // Entries reuse "t" for the mtime, so read fields directly.
    const QCborMap m = value.toMap();
    MessageReader reader(m);
    Entry e;
    e.name = reader.path("n"_L1);
    e.type = Type(reader.integer("k"_L1, 0, 3));
    e.size = reader.integer("z"_L1);
    e.mode = quint32(reader.integer("m"_L1, 0, 07777));
    e.mtimeNs = reader.integer("t"_L1, std::numeric_limits<qint64>::min());
    e.linkTarget = reader.optionalPath("l"_L1);
    // Owner and group came later: older agents leave them out.
    e.uid = reader.optionalInteger("u"_L1, -1, 0, std::numeric_limits<quint32>::max());
    e.gid = reader.optionalInteger("g"_L1, -1, 0, std::numeric_limits<quint32>::max());
    e.user = reader.optionalString("un"_L1).left(256);
    e.group = reader.optionalString("gn"_L1).left(256);
    if (!reader.ok())
        return std::unexpected(Error{ErrorCode::Protocol, reader.error()});
    return e;
}

} // namespace ferry::protocol
