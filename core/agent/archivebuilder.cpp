// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/archivebuilder.h"

#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/filesink.h"

#include <KCompressionDevice>
#include <KTar>
#include <KZip>

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

KCompressionDevice::CompressionType filterOf(ArchiveFormat format)
{
    switch (format) {
    case ArchiveFormat::TarGz:
        return KCompressionDevice::GZip;
    case ArchiveFormat::TarBz2:
        return KCompressionDevice::BZip2;
    case ArchiveFormat::TarXz:
        return KCompressionDevice::Xz;
    case ArchiveFormat::TarZst:
        return KCompressionDevice::Zstd;
    case ArchiveFormat::Tar:
    case ArchiveFormat::Zip:
        break;
    }
    return KCompressionDevice::None;
}

QDateTime timeOf(qint64 mtimeNs)
{
    return QDateTime::fromMSecsSinceEpoch(mtimeNs / 1000000, QTimeZone::UTC);
}

// ustar's size field holds 11 octal digits.
constexpr qint64 kTarMaxFile = (qint64(1) << 33) - 1;

} // namespace

QByteArray AppendDevice::take(qint64 max)
{
    if (max >= m_data.size())
        return std::exchange(m_data, {});
    QByteArray front = m_data.first(max);
    m_data.remove(0, max);
    return front;
}

qint64 AppendDevice::writeData(const char *data, qint64 size)
{
    m_data.append(data, size);
    return size;
}

ArchiveBuilder::ArchiveBuilder(const RootFs &root, const QStringList &paths, ArchiveFormat format, QIODevice *target)
    : m_root(root)
    , m_paths(paths)
    , m_format(format)
    , m_target(target)
{
    if (const passwd *pw = ::getpwuid(::geteuid()))
        m_user = QString::fromLocal8Bit(pw->pw_name);
    if (const group *gr = ::getgrgid(::getegid()))
        m_group = QString::fromLocal8Bit(gr->gr_name);
}

ArchiveBuilder::~ArchiveBuilder()
{
    if (m_archive && m_archive->isOpen())
        m_archive->close();
}

Error ArchiveBuilder::archiveError(const QString &path) const
{
    const QString reason = m_archive ? m_archive->errorString() : QString();
    return Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "could not add %1 to the archive: %2")
                                    .arg(pathcodec::escaped(path), reason.isEmpty() ? m_target->errorString() : reason)};
}

Expected<void> ArchiveBuilder::open()
{
    Frame top;
    for (const QString &path : std::as_const(m_paths)) {
        auto info = m_root.stat(path);
        if (!info)
            return std::unexpected(info.error());
        auto clean = m_root.normalize(path);
        if (!clean)
            return std::unexpected(clean.error());
        if (clean->isEmpty()) {
            // The root itself: its entries, at the top of the archive.
            auto entries = m_root.list(QString());
            if (!entries)
                return std::unexpected(entries.error());
            for (const EntryInfo &entry : std::as_const(*entries)) {
                top.entries.append(entry);
                top.wirePaths.append(entry.name);
                top.names.append(entry.name);
            }
            continue;
        }
        top.entries.append(*info);
        top.wirePaths.append(*clean);
        top.names.append(remotepath::name(*clean));
    }
    m_stack.push_back(std::move(top));

    QIODevice *device = m_target;
    if (filterOf(m_format) != KCompressionDevice::None) {
        m_filter = std::make_unique<KCompressionDevice>(m_target, false, filterOf(m_format));
        device = m_filter.get();
    }
    if (m_format == ArchiveFormat::Zip) {
        auto zip = std::make_unique<KZip>(device);
        // Times to the second in the extended timestamp, not DOS's two.
        zip->setExtraField(KZip::ModificationTime);
        m_archive = std::move(zip);
    } else
        m_archive = std::make_unique<KTar>(device);
    if (!m_archive->open(QIODevice::WriteOnly))
        return std::unexpected(Error{ErrorCode::Io, QCoreApplication::translate("ferry::agent", "could not start the archive: %1").arg(m_archive->errorString())});
    return {};
}

Expected<bool> ArchiveBuilder::step(qint64 chunk)
{
    if (m_closed)
        return false;
    if (m_file) {
        const qint64 want = std::min(chunk, m_fileSize - m_fileDone);
        QByteArray buffer(want, Qt::Uninitialized);
        qint64 got = 0;
        while (got < want) {
            const ssize_t n = ::read(m_file.get(), buffer.data() + got, size_t(want - got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return std::unexpected(Error::fromErrno(errno, m_filePath));
            if (n == 0)
                break;
            got += n;
        }
        if (got < want) {
            // The header already promised the size: a shrunk file cannot be
            // told in this archive.
            return std::unexpected(Error{ErrorCode::SourceChanged, QCoreApplication::translate("ferry::agent", "%1 shrank while it was archived")
                                                                       .arg(pathcodec::escaped(m_filePath))});
        }
        if (!m_archive->writeData(buffer.constData(), got))
            return std::unexpected(archiveError(m_filePath));
        m_fileDone += got;
        m_read += got;
        if (m_fileDone == m_fileSize) {
            if (auto done = finishFile(); !done)
                return std::unexpected(done.error());
        }
        return true;
    }
    while (!m_stack.empty() && m_stack.back().next >= m_stack.back().entries.size())
        m_stack.pop_back();
    if (m_stack.empty()) {
        if (auto closed = close(); !closed)
            return std::unexpected(closed.error());
        return false;
    }
    Frame &frame = m_stack.back();
    const qsizetype i = frame.next++;
    const EntryInfo entry = frame.entries.at(i);
    const QString wirePath = frame.wirePaths.at(i);
    const QString name = frame.names.at(i);
    if (auto added = add(entry, wirePath, name); !added)
        return std::unexpected(added.error());
    return true;
}

Expected<void> ArchiveBuilder::add(const EntryInfo &entry, const QString &wirePath, const QString &name)
{
    // Unfinished uploads (and an archive being written here) stay out.
    if (transfer::FileSink::isPartName(pathcodec::toBytes(entry.name)))
        return {};
    const QDateTime mtime = timeOf(entry.mtimeNs);
    switch (entry.type) {
    case EntryInfo::Type::Directory: {
        auto children = m_root.list(wirePath);
        if (!children)
            return std::unexpected(children.error());
        if (!m_archive->writeDir(name, m_user, m_group, entry.mode, mtime, mtime, mtime))
            return std::unexpected(archiveError(wirePath));
        Frame frame;
        for (const EntryInfo &child : std::as_const(*children)) {
            frame.entries.append(child);
            frame.wirePaths.append(remotepath::join(wirePath, child.name));
            frame.names.append(name + u'/' + child.name);
        }
        m_stack.push_back(std::move(frame));
        return {};
    }
    case EntryInfo::Type::Symlink:
        if (!m_archive->writeSymLink(name, entry.linkTarget, m_user, m_group, 0777, mtime, mtime, mtime))
            return std::unexpected(archiveError(wirePath));
        return {};
    case EntryInfo::Type::File: {
        auto fd = m_root.openRead(wirePath);
        if (!fd)
            return std::unexpected(fd.error());
        struct stat st {};
        if (::fstat(fd->get(), &st) != 0)
            return std::unexpected(Error::fromErrno(errno, wirePath));
        if (m_format != ArchiveFormat::Zip && st.st_size > kTarMaxFile)
            return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "%1 is too large for a tar archive (8 GiB at most)")
                                                                     .arg(pathcodec::escaped(wirePath))});
        if (!m_archive->prepareWriting(name, m_user, m_group, st.st_size, st.st_mode & 07777, mtime, mtime, mtime))
            return std::unexpected(archiveError(wirePath));
        m_file = std::move(*fd);
        m_filePath = wirePath;
        m_fileSize = st.st_size;
        m_fileDone = 0;
        if (m_fileSize == 0)
            return finishFile();
        return {};
    }
    case EntryInfo::Type::Other:
        ++m_skipped;
        return {};
    }
    return {};
}

Expected<void> ArchiveBuilder::finishFile()
{
    m_file.reset();
    if (!m_archive->finishWriting(m_fileSize))
        return std::unexpected(archiveError(m_filePath));
    return {};
}

Expected<void> ArchiveBuilder::close()
{
    m_closed = true;
    QIODevice *device = m_filter ? static_cast<QIODevice *>(m_filter.get()) : m_target;
    if (m_format != ArchiveFormat::Zip) {
        // The two empty blocks that end a tar archive (KTar leaves them out).
        const QByteArray end(1024, '\0');
        if (device->write(end) != end.size())
            return std::unexpected(archiveError(QString()));
    }
    const bool closed = m_archive->close();
    if (m_filter)
        m_filter->close();
    if (!closed || (m_filter && m_filter->error() != QFileDevice::NoError))
        return std::unexpected(archiveError(QString()));
    return {};
}

Expected<qint64> ArchiveBuilder::measure() const
{
    qint64 total = 0;
    std::vector<QString> dirs;
    for (const QString &path : m_paths) {
        auto info = m_root.stat(path);
        if (!info)
            return std::unexpected(info.error());
        if (info->type == EntryInfo::Type::File)
            total += info->size;
        else if (info->type == EntryInfo::Type::Directory)
            dirs.push_back(path);
    }
    while (!dirs.empty()) {
        const QString dir = dirs.back();
        dirs.pop_back();
        auto entries = m_root.list(dir);
        if (!entries)
            return std::unexpected(entries.error());
        for (const EntryInfo &entry : std::as_const(*entries)) {
            if (entry.type == EntryInfo::Type::File)
                total += entry.size;
            else if (entry.type == EntryInfo::Type::Directory)
                dirs.push_back(remotepath::join(dir, entry.name));
        }
    }
    return total;
}

} // namespace ferry::agent
