// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/archivescan.h"

#include "core/pathcodec.h"
#include "core/protocol/tarheader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace ferry::agent {

namespace {

constexpr qsizetype kBlock = 512;
/// The longest name a long-name or pax record may carry.
constexpr qint64 kMaxName = 64 * 1024;

Error damaged(const QString &why)
{
    return Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::agent", "the archive is damaged: %1").arg(why)};
}

QString shown(const QByteArray &name)
{
    return pathcodec::escaped(pathcodec::fromBytes(name));
}

bool readFully(QIODevice *device, char *into, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = device->read(into + done, size - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool skipBytes(QIODevice *device, qint64 size)
{
    char buffer[64 * 1024];
    while (size > 0) {
        const qint64 n = device->read(buffer, std::min<qint64>(size, sizeof buffer));
        if (n <= 0)
            return false;
        size -= n;
    }
    return true;
}

} // namespace

Expected<QList<RawMember>> scanTar(QIODevice *device, qsizetype maxMembers)
{
    using protocol::TarHeader;
    QList<RawMember> members;
    QByteArray longName;
    QByteArray longLink;
    QByteArray paxPath;
    QByteArray paxLink;
    char block[kBlock];
    for (;;) {
        const qint64 got = device->read(block, kBlock);
        if (got == 0)
            break; // no end blocks: tolerated, as GNU tar does
        if (got != kBlock && !readFully(device, block + got, kBlock - got))
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside a header")));
        if (protocol::isTarEndBlock(block))
            break;
        auto header = protocol::parseTarHeader(block);
        if (!header) {
            const QString where = members.isEmpty() ? QCoreApplication::translate("ferry::agent", "its first header")
                                                    : QCoreApplication::translate("ferry::agent", "the header after %1 (did that entry hold more than its header said?)")
                                                          .arg(shown(members.last().name));
            return std::unexpected(damaged(u"%1 in %2"_s.arg(header.error().message, where)));
        }
        const qint64 padded = protocol::tarPadded(header->size);
        if (header->type == TarHeader::Type::LongName || header->type == TarHeader::Type::LongLink || header->type == TarHeader::Type::Pax) {
            if (header->size > kMaxName)
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "a long name of %1 bytes").arg(header->size)));
            QByteArray data(padded, Qt::Uninitialized);
            if (!readFully(device, data.data(), padded))
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside a long name")));
            data.truncate(header->size);
            const QByteArray text(data.constData(), int(qstrnlen(data.constData(), uint(data.size()))));
            if (header->type == TarHeader::Type::LongName)
                longName = text;
            else if (header->type == TarHeader::Type::LongLink)
                longLink = text;
            else
                protocol::readPaxRecords(data, &paxPath, &paxLink);
            continue;
        }
        if (header->type == TarHeader::Type::GlobalPax) { // nothing we use
            if (!skipBytes(device, padded))
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside an entry")));
            continue;
        }
        RawMember member;
        member.name = !paxPath.isEmpty() ? paxPath : !longName.isEmpty() ? longName : header->name;
        member.link = !paxLink.isEmpty() ? paxLink : !longLink.isEmpty() ? longLink : header->link;
        longName.clear();
        longLink.clear();
        paxPath.clear();
        paxLink.clear();
        member.size = header->size;
        switch (header->type) {
        case TarHeader::Type::File:
            member.type = RawMember::Type::File;
            break;
        case TarHeader::Type::Directory:
            member.type = RawMember::Type::Directory;
            break;
        case TarHeader::Type::Symlink:
            member.type = RawMember::Type::Symlink;
            break;
        case TarHeader::Type::HardLink:
            member.type = RawMember::Type::HardLink;
            break;
        default:
            member.type = RawMember::Type::Other;
            break;
        }
        const qint64 dataBytes = (member.type == RawMember::Type::File || member.type == RawMember::Type::Other) ? padded : 0;
        if (dataBytes > 0 && !skipBytes(device, dataBytes))
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "%1 is cut short").arg(shown(member.name))));
        members.append(member);
        if (members.size() > maxMembers)
            return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "the archive has more than %1 entries").arg(maxMembers)});
    }
    return members;
}

Expected<QList<RawMember>> scanZip(QIODevice *device, qsizetype maxMembers)
{
    const auto u16 = [](const char *p) { return quint32(quint8(p[0])) | quint32(quint8(p[1])) << 8; };
    const auto u32 = [](const char *p) {
        return quint32(quint8(p[0])) | quint32(quint8(p[1])) << 8 | quint32(quint8(p[2])) << 16 | quint32(quint8(p[3])) << 24;
    };
    const qint64 size = device->size();
    // The end of central directory record: in the last 64 KiB + 22 bytes.
    const qint64 tail = std::min<qint64>(size, 65536 + 22);
    if (tail < 22 || !device->seek(size - tail))
        return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "no zip directory")));
    const QByteArray end = device->read(tail);
    const qsizetype eocd = end.lastIndexOf(QByteArrayView("PK\x05\x06", 4));
    if (eocd < 0 || eocd + 22 > end.size())
        return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "no zip directory")));
    const char *e = end.constData() + eocd;
    const quint32 count = u16(e + 10);
    const quint32 directorySize = u32(e + 12);
    const quint32 directoryOffset = u32(e + 16);
    if (count > maxMembers)
        return std::unexpected(Error{ErrorCode::Unsupported, QCoreApplication::translate("ferry::agent", "the archive has more than %1 entries").arg(maxMembers)});
    if (qint64(directoryOffset) + directorySize > size || !device->seek(directoryOffset))
        return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "the zip directory lies outside the file")));
    const QByteArray directory = device->read(directorySize);
    QList<RawMember> members;
    qsizetype at = 0;
    for (quint32 i = 0; i < count; ++i) {
        if (at + 46 > directory.size() || directory.mid(at, 4) != QByteArrayView("PK\x01\x02", 4))
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "a zip directory entry cannot be read")));
        const char *h = directory.constData() + at;
        const quint32 nameLength = u16(h + 28);
        const quint32 extraLength = u16(h + 30);
        const quint32 commentLength = u16(h + 32);
        const quint32 external = u32(h + 38);
        if (at + 46 + nameLength > directory.size())
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "a zip directory entry cannot be read")));
        RawMember member;
        member.name = directory.mid(at + 46, nameLength);
        member.size = u32(h + 24);
        const quint32 unixMode = external >> 16;
        if ((unixMode & 0170000) == 0120000)
            member.type = RawMember::Type::Symlink; // its target is its content
        else if (member.name.endsWith('/') || (unixMode & 0170000) == 0040000)
            member.type = RawMember::Type::Directory;
        else
            member.type = RawMember::Type::File;
        members.append(member);
        at += 46 + nameLength + extraLength + commentLength;
    }
    return members;
}

std::optional<Error> refuseMembers(const QList<RawMember> &members)
{
    const auto refused = [](const QByteArray &name, const QString &why) {
        return Error{ErrorCode::OutsideRoot, QCoreApplication::translate("ferry::agent", "refused the archive: its entry %1 %2").arg(shown(name), why)};
    };
    QSet<QByteArray> links; // symlinks made so far, as cleaned paths
    for (const RawMember &member : members) {
        if (member.name.startsWith('/'))
            return refused(member.name, QCoreApplication::translate("ferry::agent", "is an absolute path"));
        QList<QByteArray> parts;
        for (const QByteArray &part : member.name.split('/')) {
            if (part == "..")
                return refused(member.name, QCoreApplication::translate("ferry::agent", "leads out of the folder (..)"));
            if (!part.isEmpty() && part != ".")
                parts.append(part);
        }
        QByteArray prefix;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            prefix += (i ? "/" : "") + parts.at(i);
            if (links.contains(prefix))
                return refused(member.name, QCoreApplication::translate("ferry::agent", "leads through %1, a symlink that the archive makes").arg(shown(prefix)));
        }
        if (member.type == RawMember::Type::HardLink && (member.link.startsWith('/') || member.link.split('/').contains("..")))
            return refused(member.name, QCoreApplication::translate("ferry::agent", "is a hard link to %1, outside the folder").arg(shown(member.link)));
        if (member.type == RawMember::Type::Symlink)
            links.insert(parts.join('/'));
    }
    return std::nullopt;
}

} // namespace ferry::agent
