// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ferry::cli {

/// A command-line path: ":docs/a.txt" is remote (beneath the agent's root,
/// ":" is the root itself), anything else is local.
struct CliPath {
    bool remote = false;
    QString path; ///< without the leading ':' for remote paths

    static CliPath parse(const QString &argument);
    bool hasTrailingSlash() const { return path.endsWith(u'/'); }
    /// The last component ("a.txt"), ignoring trailing slashes.
    QString fileName() const;
    /// @p name appended as a child of this path.
    QString child(const QString &name) const;
};

} // namespace ferry::cli
