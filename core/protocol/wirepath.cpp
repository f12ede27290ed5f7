// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/wirepath.h"

#include "core/pathcodec.h"

namespace ferry::protocol {

QCborValue pathValue(const QString &path, bool bytesAllowed)
{
    if (pathcodec::isText(path))
        return path;
    if (!bytesAllowed)
        return QString::fromUtf8(pathcodec::toBytes(path));
    return pathcodec::toBytes(path);
}

QCborArray pathArray(const QStringList &paths)
{
    QCborArray array;
    for (const QString &path : paths)
        array.append(pathValue(path));
    return array;
}

std::optional<QString> pathFrom(const QCborValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isByteArray())
        return pathcodec::fromBytes(value.toByteArray());
    return std::nullopt;
}

} // namespace ferry::protocol
