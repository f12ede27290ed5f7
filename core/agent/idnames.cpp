// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/idnames.h"

#include <QByteArray>

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace ferry::agent {

namespace {

// Caps how far the buffer grows for a group with a huge member list.
constexpr qsizetype kMaxBuffer = 1 << 20;

qsizetype initialSize(int name)
{
    const long hint = ::sysconf(name);
    return hint > 0 ? qsizetype(hint) : 4096;
}

template <typename Record, typename Lookup>
QString lookUp(Lookup lookup, qsizetype size, char *Record::*field)
{
    QByteArray buffer(size, Qt::Uninitialized);
    for (;;) {
        Record record;
        Record *found = nullptr;
        const int rc = lookup(&record, buffer.data(), size_t(buffer.size()), &found);
        if (rc == ERANGE && buffer.size() < kMaxBuffer) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !found)
            return {};
        return QString::fromLocal8Bit(found->*field);
    }
}

} // namespace

QString IdNames::user(qint64 uid)
{
    if (uid < 0)
        return {};
    if (const auto it = m_users.constFind(uid); it != m_users.cend())
        return *it;
    const QString name = lookUp<passwd>([uid](passwd *record, char *buffer, size_t size, passwd **found) {
        return ::getpwuid_r(uid_t(uid), record, buffer, size, found);
    }, initialSize(_SC_GETPW_R_SIZE_MAX), &passwd::pw_name);
    m_users.insert(uid, name);
    return name;
}

QString IdNames::group(qint64 gid)
{
    if (gid < 0)
        return {};
    if (const auto it = m_groups.constFind(gid); it != m_groups.cend())
        return *it;
    const QString name = lookUp<struct group>([gid](struct group *record, char *buffer, size_t size, struct group **found) {
        return ::getgrgid_r(gid_t(gid), record, buffer, size, found);
    }, initialSize(_SC_GETGR_R_SIZE_MAX), &::group::gr_name);
    m_groups.insert(gid, name);
    return name;
}

} // namespace ferry::agent
