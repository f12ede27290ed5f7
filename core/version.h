// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ferry {

/// The product version, e.g. "0.1.0".
QString version();

/// Sets application name, version and organisation for a Ferry program.
void setupApplicationIdentity(const QString &programName);

} // namespace ferry
