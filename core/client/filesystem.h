// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/protocol/entry.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace ferry::client {

/// Space on the file system holding a path, in bytes.
struct SpaceInfo {
    qint64 total = 0;
    qint64 free = 0;      ///< free, counting the blocks kept for root
    qint64 available = 0; ///< free for unprivileged users
};

/// What setAttributes() changes; what is unset stays as it is.
struct Attributes {
    std::optional<quint32> mode;   ///< permission bits (07777)
    std::optional<qint64> mtimeNs; ///< a symlink's own time, never its target's
};

/// A file copied where it lies, without its bytes crossing the wire.
struct FileCopy {
    QString from;
    QString to;
    bool replace = false; ///< an existing @p to is replaced, else Exists
    Attributes attributes; ///< given to the copy; unset: the copy's own
};

/// XXH3-128 of a whole file.
struct Digest {
    QByteArray hash; ///< 16 bytes
    qint64 size = 0;
};

/// The operations a copy, a move, the window and ferry-cli need from one
/// end of a transfer, typed: entries, attributes and errors, never wire
/// messages. RemoteFs speaks to an agent through a Session, LocalFs to this
/// machine with the same semantics (lstat, nothing followed that the agent
/// would not follow), and the tests have one in memory.
///
/// Every call takes a handler and a @p context: the handler runs once with
/// the result (a paged list() once per page), on the context's thread,
/// and never after the context was destroyed. LocalFs answers before the
/// call returns; RemoteFs when the agent replies. Long calls (copy, hash)
/// return an id that cancel() stops; the handler then gets Cancelled.
class FileSystem
{
public:
    template <typename T>
    using Done = std::function<void(const Expected<T> &result)>;
    /// One page of entries; @p last on the final one (and with an error).
    using Page = std::function<void(const Expected<QList<protocol::Entry>> &entries, bool last)>;

    FileSystem() = default;
    virtual ~FileSystem() = default;
    Q_DISABLE_COPY_MOVE(FileSystem)

    /// Paths name entries on the agent (shown with a leading ':').
    virtual bool isRemote() const = 0;

    /// lstat: a final symlink is reported as itself.
    virtual void stat(const QString &path, Done<protocol::Entry> done, const QObject *context) = 0;
    /// What @p path leads to when it is a symlink; on the agent only while
    /// the link stays beneath its root. A link that leads nowhere it may go
    /// is reported as itself.
    virtual void statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *context) = 0;
    /// The entries of folder @p dir without "." and "..", sorted by name, in
    /// pages.
    virtual void list(const QString &dir, Page page, const QObject *context) = 0;
    /// The same, all pages together.
    void listAll(const QString &dir, Done<QList<protocol::Entry>> done, const QObject *context);
    /// With @p parents like mkdir -p (existing folders are fine).
    virtual void mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *context) = 0;
    /// A file or symlink; a folder only when empty, or with @p recursive
    /// its whole tree (symlinks inside are removed, never followed).
    virtual void remove(const QString &path, bool recursive, Done<void> done, const QObject *context) = 0;
    /// A rename in one step; without @p overwrite an existing @p to is
    /// Exists.
    virtual void move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context) = 0;
    virtual void symlink(const QString &path, const QString &target, Done<void> done, const QObject *context) = 0;
    virtual void setAttributes(const QString &path, const Attributes &attributes, Done<void> done, const QObject *context) = 0;
    virtual void space(const QString &path, Done<SpaceInfo> done, const QObject *context) = 0;
    /// Copies a regular file durably (a part file, a flush, a rename).
    virtual qint64 copy(const FileCopy &copy, Done<void> done, const QObject *context) = 0;
    /// @p progress (may be null) gets the bytes hashed so far now and then.
    virtual qint64 hash(const QString &path, std::function<void(qint64 done, qint64 size)> progress, Done<Digest> done,
                        const QObject *context) = 0;
    /// Stops a copy() or hash() that has not answered yet.
    virtual void cancel(qint64 id) = 0;

    /// @p path as people see it and type it: escaped, remote ones after ':'.
    QString displayPath(const QString &path) const;
};

} // namespace ferry::client
