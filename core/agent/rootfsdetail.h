// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the files that implement RootFs; not part of its API.

#include "core/agent/rootfs.h"

#include <QByteArray>
#include <QList>

#include <optional>

#include <linux/openat2.h>
#include <sys/stat.h>

namespace ferry::agent::rootfs_detail {

// Intermediate components may be symlinks as long as they stay beneath the
// root; /proc-style magic links could jump anywhere, so never those.
inline constexpr quint64 kResolveBeneath = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
// For the last component, which is never followed.
inline constexpr quint64 kResolveFinal = kResolveBeneath | RESOLVE_NO_SYMLINKS;

QString display(const QString &wirePath);
Error errnoError(int errnum, const QString &wirePath);
Error makeError(ErrorCode code, const QString &wirePath, const QString &reason);
/// openat2(@p dirFd, @p path, {@p flags | O_CLOEXEC, @p mode, @p resolve}),
/// or the same resolution done by walkOpenFd() where the kernel has no
/// openat2. -1 with errno set on failure, as the system call.
int openat2Fd(int dirFd, const char *path, int flags, quint64 resolve, mode_t mode = 0);
/// The resolver openat2Fd() uses in this process; decided on first use.
PathResolver activeResolver();
/// openat2's resolution beneath @p dirFd done with openat() one component
/// at a time. Knows RESOLVE_BENEATH (required), RESOLVE_NO_SYMLINKS and
/// RESOLVE_NO_MAGICLINKS; anything else is EINVAL. -1 with errno on failure.
int walkOpenFd(int dirFd, const char *path, int flags, quint64 resolve, mode_t mode = 0);
EntryInfo::Type typeOf(mode_t mode);
EntryInfo entryInfo(const QByteArray &name, const struct stat &st);
std::optional<QByteArray> readLink(int dirFd, const char *name, qint64 sizeHint);
Expected<QList<QByteArray>> readNames(int dirFd, const QString &wirePath);
Expected<void> emptyDirectory(int dirFd, const QString &wirePath);
Error symlinkNotFollowed(ErrorCode code, const QString &wirePath);

} // namespace ferry::agent::rootfs_detail
