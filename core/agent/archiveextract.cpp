// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/archiveextract.h"

#include "core/agent/agentput.h"
#include "core/agent/archivebuilder.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/filesink.h"
#include "core/transfer/hasher.h"

#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KCompressionDevice>
#include <KTar>
#include <KZip>

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cerrno>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

/// Members one archive may have.
constexpr qsizetype kMaxMembers = 1000000;
/// Bytes of a file read from the archive at a time.
constexpr qint64 kChunk = 1024 * 1024;

KCompressionDevice::CompressionType sniff(const QByteArray &head, bool *zip)
{
    *zip = false;
    if (head.startsWith("\x1f\x8b"))
        return KCompressionDevice::GZip;
    if (head.startsWith("BZh"))
        return KCompressionDevice::BZip2;
    if (head.startsWith(QByteArray::fromHex("fd377a585a00")))
        return KCompressionDevice::Xz;
    if (head.startsWith(QByteArray::fromHex("28b52ffd")))
        return KCompressionDevice::Zstd;
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        *zip = true;
    return KCompressionDevice::None;
}

struct Item {
    QString path; ///< relative to the archive's root
    const KArchiveEntry *entry = nullptr;
};

void collect(const KArchiveDirectory *dir, const QString &prefix, QList<Item> *dirs, QList<Item> *files, QList<Item> *links)
{
    QStringList names = dir->entries();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const KArchiveEntry *entry = dir->entry(name);
        if (!entry)
            continue;
        const QString path = prefix.isEmpty() ? name : prefix + u'/' + name;
        if (!entry->symLinkTarget().isEmpty() && !entry->isDirectory()) {
            links->append({path, entry});
        } else if (entry->isDirectory()) {
            dirs->append({path, entry});
            collect(static_cast<const KArchiveDirectory *>(entry), path, dirs, files, links);
        } else {
            files->append({path, entry});
        }
    }
}

qint64 nanoseconds(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() * 1000000 : QDateTime::currentMSecsSinceEpoch() * 1000000;
}

Error cancelledError(const QString &path)
{
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("ferry::agent", "%1: cancelled").arg(pathcodec::escaped(path))};
}

} // namespace

bool OpenArchive::hasArchiveName(const QString &path)
{
    return protocol::archiveFormatForFileName(remotepath::name(path)).has_value();
}

Expected<std::unique_ptr<OpenArchive>> OpenArchive::open(const RootFs &root, const QString &path, QList<RawMember> *members,
                                                         const QString &shownName)
{
    auto fd = root.openRead(path);
    if (!fd)
        return std::unexpected(fd.error());
    std::unique_ptr<OpenArchive> archive(new OpenArchive);
    archive->m_path = path;
    if (!archive->m_file.open(fd->release(), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return std::unexpected(Error{ErrorCode::Io, archive->m_file.errorString()});
    const QByteArray head = archive->m_file.peek(8);
    bool zip = false;
    const auto filter = sniff(head, &zip);
    archive->m_filterType = int(filter);
    archive->m_kind = zip ? Kind::Zip : Kind::Tar;
    if (members) {
        auto scanned = archive->scan(kMaxMembers);
        if (!scanned) {
            return std::unexpected(Error{scanned.error().code, QCoreApplication::translate("ferry::agent", "%1: %2")
                                                                   .arg(pathcodec::escaped(shownName.isEmpty() ? path : shownName), scanned.error().message)});
        }
        *members = std::move(*scanned);
        archive->m_file.seek(0);
    }
    if (!zip) {
        // KTar takes anything for a tar with no entries: the first header
        // must be one (or the end blocks of an empty archive).
        bool isTar = false;
        if (auto second = archive->secondReader()) {
            const QByteArray block = (*second)->device->read(512);
            isTar = block.size() == 512 && (block.mid(257, 5) == "ustar" || block.count('\0') == 512);
        }
        archive->m_file.seek(0);
        if (!isTar) {
            return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "%1 cannot be read as an archive: %2")
                                                                         .arg(pathcodec::escaped(shownName.isEmpty() ? path : shownName),
                                                                              QCoreApplication::translate("ferry::agent", "not a tar or zip archive"))});
        }
    }
    QIODevice *device = &archive->m_file;
    if (filter != KCompressionDevice::None) {
        archive->m_filter = std::make_unique<KCompressionDevice>(&archive->m_file, false, filter);
        device = archive->m_filter.get();
    }
    if (zip)
        archive->m_archive = std::make_unique<KZip>(device);
    else
        archive->m_archive = std::make_unique<KTar>(device);
    if (!archive->m_archive->open(QIODevice::ReadOnly)) {
        return std::unexpected(Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "%1 cannot be read as an archive: %2")
                                                                     .arg(pathcodec::escaped(shownName.isEmpty() ? path : shownName), archive->m_archive->errorString())});
    }
    return archive;
}

OpenArchive::~OpenArchive()
{
    if (m_archive && m_archive->isOpen())
        m_archive->close();
}

const KArchiveDirectory *OpenArchive::rootDirectory() const
{
    return m_archive->directory();
}

Expected<std::unique_ptr<OpenArchive::SecondReader>> OpenArchive::secondReader() const
{
    // A duplicate shares the file's offset: it starts from 0, and the
    // archive's own file must seek back before it reads again.
    auto reader = std::make_unique<SecondReader>();
    const int fd = ::dup(m_file.handle());
    if (fd < 0 || !reader->file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle) || !reader->file.seek(0))
        return std::unexpected(Error::fromErrno(errno, m_path));
    reader->device = &reader->file;
    if (m_kind == Kind::Tar && m_filterType != int(KCompressionDevice::None)) {
        reader->filter = std::make_unique<KCompressionDevice>(&reader->file, false, KCompressionDevice::CompressionType(m_filterType));
        if (!reader->filter->open(QIODevice::ReadOnly))
            return std::unexpected(Error{ErrorCode::Io, reader->filter->errorString()});
        reader->device = reader->filter.get();
    }
    return reader;
}

Expected<QList<RawMember>> OpenArchive::scan(qsizetype maxMembers) const
{
    auto reader = secondReader();
    if (!reader)
        return std::unexpected(reader.error());
    return m_kind == Kind::Zip ? scanZip((*reader)->device, maxMembers) : scanTar((*reader)->device, maxMembers);
}

std::optional<ExtractPolicy> extractPolicyFromName(const QString &name)
{
    if (name == "fail"_L1)
        return ExtractPolicy::Fail;
    if (name == "overwrite"_L1)
        return ExtractPolicy::Overwrite;
    if (name == "skip"_L1)
        return ExtractPolicy::Skip;
    return std::nullopt;
}

ArchiveExtractor::ArchiveExtractor(const RootFs &root, const QString &archivePath, const QString &destination, ExtractPolicy policy,
                                   const QString &shownName)
    : m_root(root)
    , m_archivePath(archivePath)
    , m_destination(destination)
    , m_policy(policy)
    , m_shownName(shownName.isEmpty() ? archivePath : shownName)
{
}

Expected<ExtractResult> ArchiveExtractor::run(const std::atomic_bool &cancelled, const Progress &progress)
{
    // Checked whole, by its own headers, before anything is written.
    QList<RawMember> members;
    auto archive = OpenArchive::open(m_root, m_archivePath, &members, m_shownName);
    if (!archive)
        return std::unexpected(archive.error());
    if (auto refused = refuseMembers(members))
        return std::unexpected(*refused);

    QList<Item> dirs;
    QList<Item> files;
    QList<Item> links;
    collect((*archive)->rootDirectory(), QString(), &dirs, &files, &links);
    qint64 total = 0;
    for (const Item &item : std::as_const(files))
        total += static_cast<const KArchiveFile *>(item.entry)->size();
    const KArchiveDirectory *top = (*archive)->rootDirectory();
    const QStringList topNames = top->entries();
    const bool oneFolder = topNames.size() == 1 && top->entry(topNames.first()) && top->entry(topNames.first())->isDirectory();
    if (!m_wrap.isEmpty() && !oneFolder)
        m_destination = remotepath::join(m_destination, m_wrap);

    if (auto made = m_root.mkdir(m_destination, 0755, true); !made)
        return std::unexpected(made.error());
    auto destination = m_root.stat(m_destination);
    if (!destination)
        return std::unexpected(destination.error());
    if (destination->type != EntryInfo::Type::Directory)
        return std::unexpected(Error::fromErrno(ENOTDIR, m_destination));
    if (auto space = m_root.diskSpace(m_destination); space && total > space->available) {
        return std::unexpected(Error{ErrorCode::NoSpace, QCoreApplication::translate("ferry::agent", "%1 needs %2 unpacked; %3 is free there")
                                                             .arg(pathcodec::escaped(m_shownName), formatSize(total), formatSize(space->available))});
    }

    ExtractResult result;
    const auto target = [this](const Item &item) { return remotepath::join(m_destination, item.path); };
    // Folders first, writable for now; their own modes and times at the end.
    for (const Item &item : std::as_const(dirs)) {
        if (auto made = m_root.mkdir(target(item), 0700, true); !made)
            return std::unexpected(made.error());
        if (auto info = m_root.stat(target(item)); !info || info->type != EntryInfo::Type::Directory)
            return std::unexpected(Error::fromErrno(ENOTDIR, target(item)));
        ++result.directories;
    }

    // Files in the order they lie in the archive: a compressed tar is then
    // read front to back once.
    std::sort(files.begin(), files.end(), [](const Item &a, const Item &b) {
        return static_cast<const KArchiveFile *>(a.entry)->position() < static_cast<const KArchiveFile *>(b.entry)->position();
    });
    qint64 done = 0;
    for (const Item &item : std::as_const(files)) {
        const auto *file = static_cast<const KArchiveFile *>(item.entry);
        const QString path = target(item);
        transfer::Replace replace = transfer::Replace::Never;
        if (auto existing = m_root.stat(path)) {
            if (existing->type == EntryInfo::Type::Directory)
                return std::unexpected(Error::fromErrno(EISDIR, path));
            if (m_policy == ExtractPolicy::Fail)
                return std::unexpected(Error::fromErrno(EEXIST, path));
            if (m_policy == ExtractPolicy::Skip) {
                ++result.skipped;
                done += file->size();
                continue;
            }
            replace = transfer::Replace::Always;
        }
        auto parent = m_root.openParent(path);
        if (!parent)
            return std::unexpected(parent.error());
        auto sink = transfer::FileSink::open(std::move(parent->dirFd), parent->name, path, false);
        if (!sink)
            return std::unexpected(sink.error());
        std::unique_ptr<QIODevice> input(file->createDevice());
        if (!input)
            return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "%1 cannot be read from the archive").arg(pathcodec::escaped(item.path))});
        transfer::Hasher hasher;
        qint64 written = 0;
        while (written < file->size()) {
            if (cancelled.load(std::memory_order_relaxed)) {
                sink->discard();
                return std::unexpected(cancelledError(path));
            }
            const QByteArray chunk = input->read(std::min(kChunk, file->size() - written));
            if (chunk.isEmpty())
                break;
            if (auto wrote = sink->write(written, chunk); !wrote) {
                sink->discard();
                return std::unexpected(wrote.error());
            }
            hasher.add(chunk);
            written += chunk.size();
            done += chunk.size();
            if (progress)
                progress(done, total);
        }
        if (written < file->size() || !input->read(1).isEmpty()) {
            sink->discard();
            return std::unexpected(Error{ErrorCode::InvalidArgument,
                                         QCoreApplication::translate("ferry::agent", "the archive is damaged: %1 holds %2 than its header says")
                                             .arg(pathcodec::escaped(item.path), written < file->size() ? QCoreApplication::translate("ferry::agent", "less")
                                                                                                        : QCoreApplication::translate("ferry::agent", "more"))});
        }
        transfer::FinalAttributes attributes;
        attributes.mode = quint32(file->permissions() & 07777);
        attributes.mtimeNs = nanoseconds(file->date());
        if (auto finished = sink->finish(written, hasher.digest(), attributes, replace, false); !finished) {
            sink->discard();
            return std::unexpected(finished.error());
        }
        ++result.files;
        result.bytes += written;
    }
    // The files were renamed into place unflushed: one flush for them all.
    if (auto dir = m_root.openDirectory(m_destination))
        ::syncfs(dir->get());

    // Symlinks last: nothing in the archive is written through one.
    for (const Item &item : std::as_const(links)) {
        const QString path = target(item);
        if (auto existing = m_root.stat(path)) {
            if (m_policy == ExtractPolicy::Fail || existing->type == EntryInfo::Type::Directory)
                return std::unexpected(Error::fromErrno(EEXIST, path));
            if (m_policy == ExtractPolicy::Skip) {
                ++result.skipped;
                continue;
            }
            if (auto removed = m_root.remove(path, false); !removed)
                return std::unexpected(removed.error());
        }
        if (auto made = m_root.symlink(path, item.entry->symLinkTarget()); !made)
            return std::unexpected(made.error());
        ++result.links;
    }

    // Folders' own modes and times, deepest first (a read-only folder
    // after what goes into it).
    for (auto it = dirs.crbegin(); it != dirs.crend(); ++it) {
        const QString path = target(*it);
        (void)m_root.chmod(path, quint32(it->entry->permissions() & 07777));
        (void)m_root.setModifiedTime(path, nanoseconds(it->entry->date()));
    }
    return result;
}

Expected<qint64> compressInto(const RootFs &root, const QStringList &paths, const QString &to, protocol::ArchiveFormat format, bool replace,
                              const std::atomic_bool &cancelled, const std::function<void(qint64 done, qint64 total)> &progress)
{
    if (auto refused = refuseExisting(root, to, replace); !refused)
        return std::unexpected(refused.error());
    auto parent = root.openParent(to);
    if (!parent)
        return std::unexpected(parent.error());
    auto sink = transfer::FileSink::open(std::move(parent->dirFd), parent->name, to, false);
    if (!sink)
        return std::unexpected(sink.error());
    QFile out;
    if (!out.open(sink->fileFd(), QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
        sink->discard();
        return std::unexpected(Error{ErrorCode::Io, out.errorString()});
    }
    ArchiveBuilder builder(root, paths, format, &out);
    const auto fail = [&](const Error &error) -> Expected<qint64> {
        sink->discard();
        return std::unexpected(error);
    };
    auto total = builder.measure();
    if (!total)
        return fail(total.error());
    if (auto opened = builder.open(); !opened)
        return fail(opened.error());
    for (;;) {
        if (cancelled.load(std::memory_order_relaxed))
            return fail(cancelledError(to));
        auto more = builder.step(kChunk);
        if (!more)
            return fail(more.error());
        if (progress)
            progress(builder.filesRead(), *total);
        if (!*more)
            break;
    }
    const qint64 size = out.size();
    out.close();
    if (::fdatasync(sink->fileFd()) != 0)
        return fail(Error::fromErrno(errno, to));
    transfer::FinalAttributes attributes;
    attributes.mode = 0644;
    if (auto committed = sink->commit(attributes, replace ? transfer::Replace::Always : transfer::Replace::Never); !committed)
        return fail(committed.error());
    if (UniqueFd dir = sink->openDirectory())
        ::fsync(dir.get());
    return size;
}

} // namespace ferry::agent
