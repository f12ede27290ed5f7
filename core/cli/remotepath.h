// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>

namespace ferry::cli {

/// A command-line path: ":docs/a.txt" is remote (beneath the agent's root,
/// ":" is the root itself), anything else is local. Remote paths are given
/// in the escaped form ls shows (pathcodec::unescaped(): "\\" a backslash,
/// "\xHH" a byte); local paths are the shell's bytes, taken as they are.
struct CliPath {
    bool remote = false;
    QString path; ///< without the leading ':' for remote paths; pathcodec QString

    /// An InvalidArgument error for a remote path with a broken escape.
    static Expected<CliPath> parse(const QString &argument);
    /// The remote path of @p argument (without its ':'), unescaped.
    static Expected<QString> remotePath(const QString &argument);
    bool hasTrailingSlash() const { return path.endsWith(u'/'); }
    /// The last component ("a.txt"), ignoring trailing slashes.
    QString fileName() const;
    /// @p name appended as a child of this path.
    QString child(const QString &name) const;
};

} // namespace ferry::cli
