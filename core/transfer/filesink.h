// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/transfer/filesource.h"
#include "core/transfer/hasher.h"
#include "core/uniquefd.h"

#include <optional>

namespace ferry::transfer {

/// How the finished file replaces what may already be at its name.
enum class Replace {
    Never,   ///< fail with Exists if the name is taken (renameat2 RENAME_NOREPLACE)
    Always,  ///< atomically replace a file that is there
};

/// Metadata applied to the finished file before it gets its final name.
struct FinalAttributes {
    std::optional<quint32> mode;    ///< permission bits; nothing: keep the umask default
    std::optional<qint64> mtimeNs;  ///< nothing: the time of writing
};

/// The receiving end of one file. Bytes go to a hidden ".NAME.ferry-part"
/// beside the destination, locked against a second writer. finish() checks
/// size and checksum, flushes with fdatasync, applies mode and mtime and only
/// then renames the file into place, so a file under its final name is
/// always complete. A partial file stays for resume unless discarded.
class FileSink
{
public:
    /// @p dirFd is the destination's directory, @p name its last component.
    /// With @p resume an existing part file is kept (hashPrefix() must then
    /// run before anything is written), otherwise it is truncated.
    static Expected<FileSink> open(UniqueFd dirFd, const QByteArray &name, const QString &displayPath, bool resume);

    /// Hashes the bytes a resumed part file already holds: whole-file work,
    /// safe on a worker thread while nothing else uses this sink.
    Expected<void> hashPrefix(const WorkProgress &progress = {});

    /// ".NAME.ferry-part".
    static QByteArray partName(const QByteArray &name);
    /// Whether @p name has the form of a part file's name.
    static bool isPartName(const QByteArray &name);
    /// Bytes a part file's name adds to the name it stands for.
    static constexpr qsizetype kPartNameExtra = 12;
    /// The longest name that can be received: its part file's name must
    /// fit the file system's 255 bytes.
    static constexpr qsizetype kMaxName = 255 - kPartNameExtra;

    /// Bytes already in the part file (the resume point).
    qint64 offset() const { return m_offset; }
    /// Checksum of the bytes already present when opened (for resume
    /// checks), once hashPrefix() has run.
    const QByteArray &prefixDigest() const { return m_prefixDigest; }
    const QString &displayPath() const { return m_displayPath; }

    /// Appends @p data, which must start at @p offset == offset().
    Expected<void> write(qint64 offset, QByteArrayView data);

    /// Verifies, flushes, applies @p attributes and renames into place. With
    /// @p sync false the caller has made the data durable already (one
    /// syncfs for a batch of files, or flushInBackground) and syncs the
    /// directory itself.
    Expected<void> finish(qint64 expectedSize, const QByteArray &expectedDigest, const FinalAttributes &attributes, Replace replace,
                          bool sync = true);
    /// The first half of finish(): size and checksum (a mismatch discards
    /// the part file).
    Expected<void> verify(qint64 expectedSize, const QByteArray &expectedDigest);
    /// The second half, for data already flushed: attributes and rename.
    Expected<void> commit(const FinalAttributes &attributes, Replace replace);
    /// Staging, for a group commit of many small files: applies
    /// @p attributes to the verified part file and closes it, leaving it
    /// under its part name for commitStaged() after one flush for the group.
    Expected<void> stage(const FinalAttributes &attributes);
    /// Renames the staged part file of @p name in @p dirFd into place. The
    /// part must still have @p size bytes (no one rewrote it meanwhile). A
    /// part that is gone while @p name is a file of @p size counts as done,
    /// so a commit repeated after a reconnect is harmless.
    static Expected<void> commitStaged(int dirFd, const QByteArray &name, qint64 size, Replace replace, const QString &displayPath);

    /// Starts the part file from a copy of the existing destination, when
    /// that is a regular file shorter than @p sourceSize and nothing is in
    /// the part file yet: resuming "a shorter destination" then follows the
    /// usual verified-prefix path, and the destination stays untouched until
    /// the finished file replaces it. Whole-file work like hashPrefix().
    Expected<void> seedFromDestination(qint64 sourceSize, const WorkProgress &progress = {});

    int directoryFd() const { return m_dirFd.get(); }
    /// The destination directory opened for reading, e.g. to fsync it.
    UniqueFd openDirectory() const;
    /// The part file's descriptor (for syncfs over a batch).
    int fileFd() const { return m_fd.get(); }

    /// Forgets the bytes already present (their prefix did not match the
    /// source): the transfer starts from zero.
    Expected<void> restart();

    /// Drops the partial file (an explicit cancel, or a checksum failure).
    void discard();
    /// Lets go of the part file and its lock, leaving it for a resume;
    /// nothing more can be written or discarded through this sink.
    void close() { m_fd.reset(); }

private:
    FileSink() = default;
    Expected<void> applyAttributes(const FinalAttributes &attributes);

    UniqueFd m_dirFd;
    UniqueFd m_fd;
    QByteArray m_name;
    QByteArray m_partName;
    QString m_displayPath;
    qint64 m_offset = 0;
    bool m_prefixHashed = true;
    QByteArray m_prefixDigest;
    Hasher m_hasher;
};

} // namespace ferry::transfer
