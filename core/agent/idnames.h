// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace ferry::agent {

/// The names of user and group ids on the agent's system, looked up once
/// per id (getpwuid_r, getgrgid_r) and kept: a listing of thousands of
/// entries with one owner asks the system once. An id without a name
/// (a deleted user, a file from another machine) is kept as "" too.
class IdNames
{
public:
    QString user(qint64 uid);
    QString group(qint64 gid);

private:
    QHash<qint64, QString> m_users;
    QHash<qint64, QString> m_groups;
};

} // namespace ferry::agent
