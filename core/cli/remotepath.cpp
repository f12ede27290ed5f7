// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/remotepath.h"

#include "core/client/localfs.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"

namespace ferry::cli {

Expected<CliPath> CliPath::parse(const QString &argument)
{
    if (!argument.startsWith(u':'))
        return CliPath{false, argument};
    const Expected<QString> path = remotePath(argument);
    if (!path)
        return std::unexpected(path.error());
    return CliPath{true, *path};
}

Expected<QString> CliPath::remotePath(const QString &argument)
{
    return pathcodec::unescaped(QStringView(argument).mid(argument.startsWith(u':') ? 1 : 0));
}

QString CliPath::fileName() const
{
    return remote ? remotepath::name(path) : client::localfs::nameOf(path);
}

QString CliPath::child(const QString &name) const
{
    if (!remote && (path.isEmpty() || path == QStringLiteral(".")))
        return QStringLiteral("./") + name;
    return remotepath::join(path == QStringLiteral(".") ? QString() : path, name);
}

} // namespace ferry::cli
