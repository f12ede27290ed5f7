// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/remotepath.h"

#include "core/pathcodec.h"

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
    QString p = path;
    while (p.size() > 1 && p.endsWith(u'/'))
        p.chop(1);
    const qsizetype slash = p.lastIndexOf(u'/');
    return slash < 0 ? p : p.mid(slash + 1);
}

QString CliPath::child(const QString &name) const
{
    if (path.isEmpty() || path == QStringLiteral("."))
        return remote ? name : QStringLiteral("./") + name;
    return path.endsWith(u'/') ? QString(path + name) : QString(path + u'/' + name);
}

} // namespace ferry::cli
