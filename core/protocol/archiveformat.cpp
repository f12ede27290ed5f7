// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/archiveformat.h"

using namespace Qt::Literals::StringLiterals;

namespace ferry::protocol {

namespace {

struct FormatName {
    ArchiveFormat format;
    QLatin1StringView name;
};

// The first name of each format is the one written; suffixes are matched
// longest first by archiveFormatForFileName().
constexpr FormatName kNames[] = {
    {ArchiveFormat::Tar, "tar"_L1},        {ArchiveFormat::TarGz, "tar.gz"_L1},  {ArchiveFormat::TarGz, "tgz"_L1},
    {ArchiveFormat::TarBz2, "tar.bz2"_L1}, {ArchiveFormat::TarBz2, "tbz2"_L1},   {ArchiveFormat::TarXz, "tar.xz"_L1},
    {ArchiveFormat::TarXz, "txz"_L1},      {ArchiveFormat::TarZst, "tar.zst"_L1}, {ArchiveFormat::TarZst, "tzst"_L1},
    {ArchiveFormat::Zip, "zip"_L1},
};

} // namespace

std::optional<ArchiveFormat> archiveFormatFromName(const QString &name)
{
    for (const FormatName &known : kNames) {
        if (name.compare(known.name, Qt::CaseInsensitive) == 0)
            return known.format;
    }
    return std::nullopt;
}

QString archiveFormatName(ArchiveFormat format)
{
    for (const FormatName &known : kNames) {
        if (known.format == format)
            return known.name;
    }
    return u"tar"_s;
}

std::optional<ArchiveFormat> archiveFormatForFileName(const QString &fileName)
{
    std::optional<ArchiveFormat> best;
    qsizetype bestLength = 0;
    for (const FormatName &known : kNames) {
        const QString suffix = u'.' + known.name;
        if (fileName.size() > suffix.size() && fileName.endsWith(suffix, Qt::CaseInsensitive) && suffix.size() > bestLength) {
            best = known.format;
            bestLength = suffix.size();
        }
    }
    return best;
}

QString archiveStem(const QString &fileName)
{
    qsizetype longest = 0;
    for (const FormatName &known : kNames) {
        const qsizetype suffix = known.name.size() + 1;
        if (fileName.size() > suffix && fileName.endsWith(u'.' + known.name, Qt::CaseInsensitive))
            longest = std::max(longest, suffix);
    }
    return fileName.chopped(longest);
}

bool archiveFormatStreams(ArchiveFormat format)
{
    return format != ArchiveFormat::Zip;
}

} // namespace ferry::protocol
