// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace ferry::copy {

/// The first of "name (1).ext", "name (2).ext", ... for which @p taken is
/// false, keeping the extension (and a compound one like ".tar.gz") and
/// counting on from an existing "(N)" suffix, as file managers do.
QString suggestFreeName(const QString &name, const std::function<bool(const QString &)> &taken);

} // namespace ferry::copy
