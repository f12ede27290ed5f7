// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/remotepath.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace ferry::remotepath {

QString normalized(QStringView path)
{
    const bool absolute = path.startsWith(u'/');
    QList<QStringView> parts;
    for (const QStringView part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..") {
            if (!parts.isEmpty() && parts.constLast() != u"..")
                parts.removeLast();
            else if (!absolute)
                parts.append(part); // above the served folder: the agent refuses it
            continue;
        }
        parts.append(part);
    }
    QString result;
    if (absolute)
        result += u'/';
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            result += u'/';
        result += parts.at(i);
    }
    return result;
}

QString join(QStringView dir, QStringView name)
{
    if (dir.isEmpty())
        return name.toString();
    if (dir.endsWith(u'/'))
        return dir.toString() + name;
    return dir.toString() + u'/' + name;
}

QString parent(QStringView path)
{
    const QString clean = normalized(path);
    if (clean.isEmpty() || clean == u"/"_s)
        return clean;
    if (clean == u".."_s || clean.endsWith(u"/.."_s))
        return clean + u"/.."_s;
    const qsizetype slash = clean.lastIndexOf(u'/');
    if (slash < 0)
        return QString();
    return slash == 0 ? u"/"_s : clean.left(slash);
}

QString name(QStringView path)
{
    const QString clean = normalized(path);
    return clean.mid(clean.lastIndexOf(u'/') + 1);
}

bool isWithin(QStringView path, QStringView folder)
{
    const QString p = normalized(path);
    const QString f = normalized(folder);
    if (f.isEmpty())
        return !p.startsWith(u'/') && p != u".."_s && !p.startsWith(u"../"_s);
    if (f == u"/"_s)
        return p.startsWith(u'/');
    if (f == u".."_s || f.endsWith(u"/.."_s))
        return p == f || (p.startsWith(f + u'/') && !QStringView(p).mid(f.size() + 1).startsWith(u".."));
    return p == f || p.startsWith(f + u'/');
}

} // namespace ferry::remotepath
