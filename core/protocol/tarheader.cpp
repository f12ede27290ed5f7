// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/tarheader.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <optional>

namespace ferry::protocol {

namespace {

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
    for (; i < length && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 3))
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
    }
    if (i < length && field[i] != '\0' && field[i] != ' ')
        return std::nullopt;
    return value;
}

QByteArray stringField(const char *field, int length)
{
    return QByteArray(field, int(qstrnlen(field, uint(length))));
}

Error damaged(const char *what)
{
    return Error{ErrorCode::InvalidArgument, QCoreApplication::translate("ferry::protocol", what)};
}

} // namespace

bool isTarEndBlock(const char *block)
{
    return std::all_of(block, block + kTarBlock, [](char c) { return c == 0; });
}

Expected<TarHeader> parseTarHeader(const char *block)
{
    // The checksum: the header's bytes with its own field as spaces.
    const auto stored = numberField(block + 148, 8);
    qint64 sum = 0;
    for (int i = 0; i < kTarBlock; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : quint8(block[i]);
    if (!stored || *stored != sum)
        return std::unexpected(damaged(QT_TRANSLATE_NOOP("ferry::protocol", "wrong checksum")));
    const auto size = numberField(block + 124, 12);
    const auto mode = numberField(block + 100, 8);
    const auto mtime = numberField(block + 136, 12);
    if (!size || *size < 0 || !mode || !mtime)
        return std::unexpected(damaged(QT_TRANSLATE_NOOP("ferry::protocol", "a number that cannot be read")));
    TarHeader header;
    header.size = *size;
    header.mode = quint32(*mode & 07777);
    header.mtime = *mtime;
    header.name = stringField(block, 100);
    if (QByteArray(block + 257, 5) == "ustar") {
        const QByteArray prefix = stringField(block + 345, 155);
        if (!prefix.isEmpty())
            header.name = prefix + '/' + header.name;
    }
    header.link = stringField(block + 157, 100);
    switch (block[156]) {
    case '0':
    case '\0':
    case '7':
        header.type = header.name.endsWith('/') ? TarHeader::Type::Directory : TarHeader::Type::File;
        break;
    case '5':
        header.type = TarHeader::Type::Directory;
        break;
    case '2':
        header.type = TarHeader::Type::Symlink;
        break;
    case '1':
        header.type = TarHeader::Type::HardLink;
        break;
    case 'L':
        header.type = TarHeader::Type::LongName;
        break;
    case 'K':
        header.type = TarHeader::Type::LongLink;
        break;
    case 'x':
        header.type = TarHeader::Type::Pax;
        break;
    case 'g':
        header.type = TarHeader::Type::GlobalPax;
        break;
    default:
        header.type = TarHeader::Type::Other;
        break;
    }
    return header;
}

void readPaxRecords(const QByteArray &records, QByteArray *path, QByteArray *linkPath)
{
    qsizetype at = 0;
    while (at < records.size()) {
        const qsizetype space = records.indexOf(' ', at);
        if (space < 0)
            return;
        bool ok = false;
        const qsizetype length = records.mid(at, space - at).toLongLong(&ok);
        if (!ok || length <= 0 || at + length > records.size() || space + 1 > at + length - 1)
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

} // namespace ferry::protocol
