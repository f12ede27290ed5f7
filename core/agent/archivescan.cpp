// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/agent/archivescan.h"

#include "core/pathcodec.h"

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

/// A NUL- or space-terminated octal field, or GNU's base-256 form.
std::optional<qint64> numberField(const char *field, int length)
{
    if (quint8(field[0]) & 0x80) {
        qint64 value = 0;
        for (int i = 1; i < length; ++i) {
            if (value > (std::numeric_limits<qint64>::max() >> 8))
                return std::nullopt;
            value = (value << 8) | quint8(field[i]);
        }
        return value;
    }
    qint64 value = 0;
    int i = 0;
    while (i < length && field[i] == ' ')
        ++i;
    bool any = false;
    for (; i < length && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 3))
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
        any = true;
    }
    if (i < length && field[i] != '\0' && field[i] != ' ')
        return std::nullopt;
    return any ? std::optional<qint64>(value) : std::optional<qint64>(0);
}

QByteArray stringField(const char *field, int length)
{
    return QByteArray(field, int(qstrnlen(field, uint(length))));
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

/// "path" and "linkpath" of pax records ("LEN key=value\n"...).
void readPax(const QByteArray &records, QByteArray *path, QByteArray *linkPath)
{
    qsizetype at = 0;
    while (at < records.size()) {
        const qsizetype space = records.indexOf(' ', at);
        if (space < 0)
            return;
        bool ok = false;
        const qsizetype length = records.mid(at, space - at).toLongLong(&ok);
        if (!ok || length <= 0 || at + length > records.size())
            return;
        const QByteArray record = records.mid(space + 1, at + length - space - 2); // without the newline
        const qsizetype equals = record.indexOf('=');
        if (equals > 0) {
            const QByteArray key = record.left(equals);
            if (key == "path")
                *path = record.mid(equals + 1);
            else if (key == "linkpath")
                *linkPath = record.mid(equals + 1);
        }
        at += length;
    }
}

} // namespace

Expected<QList<RawMember>> scanTar(QIODevice *device, qsizetype maxMembers)
{
    QList<RawMember> members;
    QByteArray longName;
    QByteArray longLink;
    QByteArray paxPath;
    QByteArray paxLink;
    char header[kBlock];
    for (;;) {
        const qint64 got = device->read(header, kBlock);
        if (got == 0)
            break; // no end blocks: tolerated, as GNU tar does
        if (got != kBlock && !readFully(device, header + got, kBlock - got))
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside a header")));
        if (std::all_of(header, header + kBlock, [](char c) { return c == 0; }))
            break;
        // The checksum: the header's bytes with its own field as spaces.
        const auto stored = numberField(header + 148, 8);
        qint64 sum = 0;
        for (int i = 0; i < kBlock; ++i)
            sum += (i >= 148 && i < 156) ? ' ' : quint8(header[i]);
        if (!stored || *stored != sum) {
            const QString after = members.isEmpty() ? QCoreApplication::translate("ferry::agent", "its first header")
                                                    : QCoreApplication::translate("ferry::agent", "the header after %1 (did that entry hold more than its header said?)")
                                                          .arg(shown(members.last().name));
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "wrong checksum in %1").arg(after)));
        }
        const auto size = numberField(header + 124, 12);
        if (!size || *size < 0)
            return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "an entry's size cannot be read")));
        const char type = header[156];
        const qint64 padded = (*size + kBlock - 1) / kBlock * kBlock;
        if (type == 'L' || type == 'K' || type == 'x') {
            if (*size > kMaxName)
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "a long name of %1 bytes").arg(*size)));
            QByteArray data(padded, Qt::Uninitialized);
            if (!readFully(device, data.data(), padded))
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside a long name")));
            data.truncate(*size);
            if (type == 'L')
                longName = stringField(data.constData(), int(data.size()));
            else if (type == 'K')
                longLink = stringField(data.constData(), int(data.size()));
            else
                readPax(data, &paxPath, &paxLink);
            continue;
        }
        if (type == 'g') { // global pax header: nothing we use
            if (!skipBytes(device, padded))
                return std::unexpected(damaged(QCoreApplication::translate("ferry::agent", "it ends inside an entry")));
            continue;
        }
        RawMember member;
        QByteArray name = stringField(header, 100);
        if (QByteArray(header + 257, 5) == "ustar") {
            const QByteArray prefix = stringField(header + 345, 155);
            if (!prefix.isEmpty())
                name = prefix + '/' + name;
        }
        member.name = !paxPath.isEmpty() ? paxPath : !longName.isEmpty() ? longName : name;
        member.link = !paxLink.isEmpty() ? paxLink : !longLink.isEmpty() ? longLink : stringField(header + 157, 100);
        longName.clear();
        longLink.clear();
        paxPath.clear();
        paxLink.clear();
        member.size = *size;
        switch (type) {
        case '0':
        case '\0':
        case '7':
            member.type = member.name.endsWith('/') ? RawMember::Type::Directory : RawMember::Type::File;
            break;
        case '5':
            member.type = RawMember::Type::Directory;
            break;
        case '2':
            member.type = RawMember::Type::Symlink;
            break;
        case '1':
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
