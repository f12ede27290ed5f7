// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/client/filesystem.h"
#include "core/error.h"
#include "core/protocol/entry.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

/// The local side of a copy, with the same entries and errors as the
/// agent's: lstat semantics, nothing followed that the agent would not.
namespace ferry::client::localfs {

/// The last component of a local path as given, trailing slashes aside:
/// ".." stays "..", "/" has none.
QString nameOf(QString path);
/// The folder holding a local path as given: "." for a bare name.
QString parentOf(QString path);

Expected<protocol::Entry> stat(const QString &path);
/// What a symlink at @p path leads to (stat(2) follows it); QFileInfo would
/// look up a name that is not UTF-8 under another name.
Expected<protocol::Entry> statFollowed(const QString &path);
/// Entries of @p dir without "." and "..", sorted by name.
Expected<QList<protocol::Entry>> list(const QString &dir);
Expected<void> mkdir(const QString &path, quint32 mode);
/// Like mkdir -p: missing parents too, existing folders are fine.
Expected<void> mkdirs(const QString &path, quint32 mode);
/// A file or symlink; a folder when empty, or with @p recursive its whole
/// tree (symlinks inside are removed, never followed).
Expected<void> remove(const QString &path, bool recursive);
/// rename(2); without @p overwrite an existing @p to is Exists.
Expected<void> rename(const QString &from, const QString &to, bool overwrite);
Expected<void> symlink(const QString &path, const QString &target);
/// Removes a file or symlink (never a directory).
Expected<void> unlink(const QString &path);
Expected<void> setAttributes(const QString &path, std::optional<quint32> mode, std::optional<qint64> mtimeNs);
/// Bytes available to unprivileged users on the file system of @p path.
Expected<qint64> available(const QString &path);
Expected<SpaceInfo> space(const QString &path);

/// A staged local file (a complete part file beside @p path).
struct StagedFile {
    QString path;
    qint64 size = 0;
    bool replace = false;
};
/// Puts staged files into place as the agent's "commit" does: one flush,
/// the renames, one more flush, all flushes on a worker thread. @p done gets
/// one result per file on the main thread, unless @p guard expired.
void commitStaged(const QList<StagedFile> &files, const std::weak_ptr<void> &guard, std::function<void(const QList<Error> &)> done);
/// Removes the part files of staged files that will not be committed.
void discardStaged(const QList<StagedFile> &files);

} // namespace ferry::client::localfs

namespace ferry::client {

/// FileSystem over this machine's files. Everything answers before the
/// call returns, except copy() and hash(), which read whole files on a
/// worker thread.
class LocalFs final : public FileSystem
{
public:
    LocalFs();
    ~LocalFs() override;

    bool isRemote() const override { return false; }
    void stat(const QString &path, Done<protocol::Entry> done, const QObject *context) override;
    void statFollowed(const QString &path, Done<protocol::Entry> done, const QObject *context) override;
    void list(const QString &dir, Page page, const QObject *context) override;
    void mkdir(const QString &path, quint32 mode, bool parents, Done<void> done, const QObject *context) override;
    void remove(const QString &path, bool recursive, Done<void> done, const QObject *context) override;
    void move(const QString &from, const QString &to, bool overwrite, Done<void> done, const QObject *context) override;
    void symlink(const QString &path, const QString &target, Done<void> done, const QObject *context) override;
    void setAttributes(const QString &path, const Attributes &attributes, Done<void> done, const QObject *context) override;
    void space(const QString &path, Done<SpaceInfo> done, const QObject *context) override;
    qint64 copy(const FileCopy &copy, Done<void> done, const QObject *context) override;
    qint64 hash(const QString &path, std::function<void(qint64 done, qint64 size)> progress, Done<Digest> done,
                const QObject *context) override;
    void cancel(qint64 id) override;

private:
    struct Work;
    std::shared_ptr<Work> m_work;
};

} // namespace ferry::client
