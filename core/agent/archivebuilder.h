// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/rootfs.h"
#include "core/protocol/archiveformat.h"
#include "core/error.h"
#include "core/uniquefd.h"

#include <QIODevice>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class KArchive;
class KCompressionDevice;

namespace ferry::agent {

using protocol::ArchiveFormat;

/// A device that keeps what is written to it until taken: the tail of an
/// archive being built while its head is already on the wire.
class AppendDevice final : public QIODevice
{
public:
    AppendDevice() { open(QIODevice::WriteOnly); }
    bool isSequential() const override { return true; }
    qint64 pending() const { return m_data.size(); }
    /// Takes up to @p max bytes from the front.
    QByteArray take(qint64 max);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QByteArray m_data;
};

/// Writes an archive of entries beneath the root to a device, a little at a
/// time (step()), so that a caller can send the archive as it grows: the
/// entries are walked lazily, files read in chunks, and nothing but the
/// current directory listings is held. Directories, regular files and
/// symlinks are archived with their permission bits and modification
/// times; other entries (devices, sockets, pipes) are skipped and counted.
/// Entries are named from the last component of each path given (all of the
/// root's entries for the root itself), like `tar -C parent name`.
class ArchiveBuilder
{
public:
    ArchiveBuilder(const RootFs &root, const QStringList &paths, ArchiveFormat format, QIODevice *target);
    ~ArchiveBuilder();

    /// Stats the paths and opens the archive on the target.
    Expected<void> open();
    /// Does one piece of work: one entry's header, or up to @p chunk bytes
    /// of the current file. False once the archive is complete and closed.
    Expected<bool> step(qint64 chunk);

    /// Bytes of regular files found so far (a lower bound of what is to
    /// come while the walk goes on) and read so far.
    qint64 filesRead() const { return m_read; }
    int skipped() const { return m_skipped; }
    /// Sum of the sizes of the regular files under the paths, for progress:
    /// walks the whole tree once (listings only).
    Expected<qint64> measure() const;

private:
    struct Frame {
        QList<EntryInfo> entries;
        QStringList wirePaths;
        QStringList names;
        qsizetype next = 0;
    };
    Expected<void> add(const EntryInfo &entry, const QString &wirePath, const QString &name);
    Expected<void> finishFile();
    Expected<void> close();
    Error archiveError(const QString &path) const;

    const RootFs &m_root;
    QStringList m_paths;
    ArchiveFormat m_format;
    QIODevice *m_target;
    std::unique_ptr<KCompressionDevice> m_filter;
    std::unique_ptr<KArchive> m_archive;
    std::vector<Frame> m_stack;
    QString m_user;
    QString m_group;

    UniqueFd m_file;
    QString m_filePath;
    qint64 m_fileSize = 0;
    qint64 m_fileDone = 0;
    qint64 m_read = 0;
    int m_skipped = 0;
    bool m_closed = false;
};

} // namespace ferry::agent
