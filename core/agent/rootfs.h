// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/uniquefd.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>

namespace ferry::agent {

/// What RootFs reports about one directory entry (lstat semantics).
struct EntryInfo {
    enum class Type { File, Directory, Symlink, Other };
    QString name;          ///< last component ("" for the root)
    Type type = Type::Other;
    qint64 size = 0;
    quint32 mode = 0;      ///< permission bits only (07777)
    qint64 mtimeNs = 0;    ///< nanoseconds since the epoch
    QString linkTarget;    ///< for symlinks: the target text, verbatim
    qint64 uid = -1;       ///< owner's id; -1 unknown (an entry in an archive)
    qint64 gid = -1;       ///< group's id; -1 unknown
    QString user;          ///< owner's name where it is known without a lookup (archives)
    QString group;         ///< group's name, likewise
};

/// Space on the file system holding a path, in bytes.
struct DiskSpace {
    qint64 total = 0;
    qint64 free = 0;       ///< free for the superuser
    qint64 available = 0;  ///< free for the agent's user
};

/// The parent directory of a path, opened beneath the root (an O_PATH
/// descriptor, usable as the dirfd of *at() calls), and the last component.
struct ParentHandle {
    UniqueFd dirFd;
    QByteArray name;       ///< last component, file-system encoding
    QString wirePath;      ///< the path as the peer sent it, for messages
};

/// Parent directories already opened beneath the root, for a run of paths
/// that share a few of them (a batch of small files): each directory's path
/// is resolved once instead of once per file. Descriptors are closed with the
/// cache; it holds at most kMaxEntries of them.
class ParentCache
{
public:
    static constexpr std::size_t kMaxEntries = 32;

private:
    friend class RootFs;
    std::map<QByteArray, UniqueFd> m_dirs; ///< normalized parent path -> O_PATH descriptor
};

/// A parent directory borrowed from a ParentCache, valid while the cache is.
struct ParentRef {
    int dirFd = -1;
    QByteArray name;       ///< last component, file-system encoding
};

/// How RootFs resolves paths beneath the root.
enum class PathResolver {
    Openat2, ///< the kernel's openat2(RESOLVE_BENEATH)
    Walk,    ///< component by component, where openat2 is missing (ENOSYS)
};

/// The agent's confined view of one served directory (Linux only).
///
/// Paths are relative wire paths ("" or "." is the root). Every access opens
/// the parent directory with openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)
/// from the root descriptor and acts on the last component without following
/// it, so "..", absolute paths and symlinks leading out of the root fail with
/// ErrorCode::OutsideRoot and nothing outside is touched. Symlinks inside the
/// root are followed only as intermediate components. Error messages name the
/// path as the peer gave it. Where the kernel has no openat2 (before 5.6,
/// gVisor), the same resolution is done one component at a time with the
/// same results (resolver()).
class RootFs
{
public:
    /// The resolver this process uses: Walk once openat2 has answered ENOSYS,
    /// or when FERRY_ROOTFS_RESOLVER=walk is set (for diagnosis).
    static PathResolver resolver();

    /// Opens @p rootDir as the served directory.
    static Expected<RootFs> open(const QString &rootDir);

    /// Absolute path of the served directory, for display.
    QString rootPath() const;

    /// Lexically cleans @p wirePath ("a//./b/../c/" -> "a/c", root -> "").
    /// Absolute paths, NUL bytes and ".." above the root are OutsideRoot.
    Expected<QString> normalize(const QString &wirePath) const;

    /// Information about @p path; a final symlink is reported, not followed.
    Expected<EntryInfo> stat(const QString &path) const;
    /// What @p path leads to: a final symlink is followed, but only while it
    /// stays beneath the root; one that leads elsewhere (or nowhere) is
    /// reported as itself, as stat() does.
    Expected<EntryInfo> statFollowed(const QString &path) const;
    /// Entries of directory @p dir, sorted by name, without "." and "..".
    /// An entry that cannot be stat'ed is listed with Type::Other.
    Expected<QList<EntryInfo>> list(const QString &dir) const;

    /// Creates directory @p path; with @p parents like mkdir -p (existing
    /// directories are fine), otherwise an existing entry is Exists.
    Expected<void> mkdir(const QString &path, quint32 mode, bool parents) const;
    /// Unlinks a file or symlink, or removes a directory: empty only, or with
    /// @p recursive its whole tree, never following symlinks inside it.
    /// The root itself cannot be removed (InvalidArgument).
    Expected<void> remove(const QString &path, bool recursive) const;
    /// Renames @p from to @p to atomically; without @p overwrite an existing
    /// destination is Exists.
    Expected<void> rename(const QString &from, const QString &to, bool overwrite) const;
    /// Sets the permission bits of @p path; a symlink is Unsupported.
    Expected<void> chmod(const QString &path, quint32 mode) const;
    /// Space on the file system holding @p path.
    Expected<DiskSpace> diskSpace(const QString &path) const;
    /// Sets the modification time of @p path (a symlink's own, never followed).
    Expected<void> setModifiedTime(const QString &path, qint64 mtimeNs) const;

    /// Opens regular file @p path for reading (O_RDONLY, O_CLOEXEC).
    Expected<UniqueFd> openRead(const QString &path) const;
    /// Opens directory @p path for reading its entries (O_DIRECTORY, O_CLOEXEC);
    /// a final symlink is followed only if it resolves beneath the root.
    Expected<UniqueFd> openDirectory(const QString &path) const;
    /// Opens the parent directory of @p path, which must not be the root.
    Expected<ParentHandle> openParent(const QString &path) const;
    /// The same through @p cache: the descriptor is borrowed from it.
    Expected<ParentRef> parentIn(ParentCache &cache, const QString &path) const;
    /// stat() of the entry @p parent names (lstat semantics); @p path is
    /// for messages.
    static Expected<EntryInfo> statAt(const ParentRef &parent, const QString &path);
    /// openRead() of the entry @p parent names.
    static Expected<UniqueFd> openReadAt(const ParentRef &parent, const QString &path);

    /// Creates a symlink at @p path whose content is @p target, verbatim.
    /// The target may point anywhere: RootFs never follows it.
    Expected<void> symlink(const QString &path, const QString &target) const;

private:
    RootFs(UniqueFd rootFd, QString rootPath);

    /// A cleaned wire path cut into its parent ("." for the root's entries)
    /// and last component (empty for the root itself), file-system encoded.
    struct SplitPath {
        QByteArray parent;
        QByteArray name;
    };
    Expected<SplitPath> split(const QString &wirePath) const;
    /// Parent of @p wirePath opened beneath the root; for the root itself the
    /// root directory with an empty name.
    Expected<ParentHandle> resolve(const QString &wirePath) const;
    /// @p wirePath itself opened with @p flags (O_NOFOLLOW is added).
    Expected<UniqueFd> openEntry(const QString &wirePath, int flags) const;
    Expected<void> mkdirParents(const QString &wirePath, const QString &normalized,
                                quint32 mode) const;

    UniqueFd m_rootFd;
    QString m_rootPath;
};

} // namespace ferry::agent
