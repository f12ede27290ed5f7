// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/agent/archivescan.h"
#include "core/agent/rootfs.h"
#include "core/error.h"
#include "core/protocol/archiveformat.h"

#include <QFile>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class KArchive;
class KArchiveDirectory;
class KCompressionDevice;

namespace ferry::agent {

/// An archive beneath the root opened for reading with KArchive: tar
/// (plain, gzip, bzip2, xz, zstd) or zip, told by its first bytes.
class OpenArchive
{
public:
    /// Opens @p path (a regular file beneath the root). With @p members,
    /// the archive's own headers are read first (archivescan.h) and given
    /// there, before KArchive reads it. Messages name it @p shownName
    /// (escaped), or its path.
    static Expected<std::unique_ptr<OpenArchive>> open(const RootFs &root, const QString &path, QList<RawMember> *members = nullptr,
                                                       const QString &shownName = {});
    /// Whether @p path looks like an archive Ferry reads, by its name.
    static bool hasArchiveName(const QString &path);
    ~OpenArchive();

    const KArchiveDirectory *rootDirectory() const;
    const QString &path() const { return m_path; }

private:
    enum class Kind { Tar, Zip };
    OpenArchive() = default;
    /// The members as the archive's own headers name them, read apart from
    /// KArchive's view of it.
    Expected<QList<RawMember>> scan(qsizetype maxMembers) const;
    /// The archive read again from its start, decompressed for a tar,
    /// beside KArchive's reading of it.
    struct SecondReader {
        QFile file;
        std::unique_ptr<KCompressionDevice> filter;
        QIODevice *device = nullptr;
    };
    Expected<std::unique_ptr<SecondReader>> secondReader() const;
    QString m_path;
    Kind m_kind = Kind::Tar;
    int m_filterType = 0; ///< KCompressionDevice::CompressionType
    QFile m_file;
    std::unique_ptr<KCompressionDevice> m_filter;
    std::unique_ptr<KArchive> m_archive;
};

/// What an existing file in the destination meets (cp's --on-conflict
/// words; asking has no place on the agent).
enum class ExtractPolicy { Fail, Overwrite, Skip };
std::optional<ExtractPolicy> extractPolicyFromName(const QString &name);

struct ExtractResult {
    qint64 files = 0;
    qint64 directories = 0;
    qint64 links = 0;
    qint64 bytes = 0;
    qint64 skipped = 0; ///< entries that existed (Skip)
};

/// Extracts an archive beneath the root into a folder beneath the root.
///
/// Nothing is written before the whole archive has been checked: an entry
/// named "..", one whose path leads through a symlink that the archive
/// itself makes, and an archive whose files need more than the free space
/// of the destination's file system are refused with a message naming the
/// entry. Absolute names are taken beneath the destination (KArchive reads
/// them without their leading slash, as GNU tar extracts them). Files go
/// through part files renamed into place with their mode and time; a file
/// that holds less than its header says fails. Symlinks are made last.
/// Runs on a worker thread: it uses only the root's const, thread-safe calls.
class ArchiveExtractor
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// @p shownName: how messages name the archive (a local file uploaded
    /// for this has a staging name on the agent); empty: its path.
    ArchiveExtractor(const RootFs &root, const QString &archivePath, const QString &destination, ExtractPolicy policy,
                     const QString &shownName = {});
    /// Unless the archive holds one folder and nothing beside it, its
    /// entries go into @p name inside the destination (a file manager's
    /// "extract here, autodetect subfolder").
    void setWrapFolder(const QString &name) { m_wrap = name; }
    Expected<ExtractResult> run(const std::atomic_bool &cancelled, const Progress &progress = {});

private:
    const RootFs &m_root;
    QString m_archivePath;
    QString m_destination;
    ExtractPolicy m_policy;
    QString m_shownName;
    QString m_wrap;
};

/// Builds an archive of @p paths at @p to (a part file renamed into place,
/// replaced only with @p replace), in the format its name asks for; the
/// archive's own part file is never part of it. Worker-thread work like
/// ArchiveExtractor.
Expected<qint64> compressInto(const RootFs &root, const QStringList &paths, const QString &to, protocol::ArchiveFormat format, bool replace,
                              const std::atomic_bool &cancelled, const std::function<void(qint64 done, qint64 total)> &progress);

} // namespace ferry::agent
