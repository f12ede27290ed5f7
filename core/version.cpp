// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

#include <QCoreApplication>

namespace ferry {

QString version()
{
    return QStringLiteral(FERRY_VERSION);
}

void setupApplicationIdentity(const QString &programName)
{
    QCoreApplication::setApplicationName(programName);
    QCoreApplication::setApplicationVersion(version());
    QCoreApplication::setOrganizationName(QStringLiteral("Ferry"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("ferry.invalid"));
}

} // namespace ferry
