// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace ferry::net {

/// Compression of file data on the wire, negotiated per connection: the
/// client offers what it would use, the agent picks one. Each data frame is
/// compressed on its own (a frame stands alone, so a resume, a lost
/// connection or an abort never leaves half a compressed stream), through
/// KArchive's compression filters.
enum class WireCodec { None, Zstd, Gzip };

/// What a client asks for: "auto" compresses what shrinks and sends the
/// rest as it is; "on" compresses every file; "off" offers nothing.
enum class CompressionMode { Auto, On, Off };

QString codecName(WireCodec codec);
std::optional<WireCodec> codecFromName(const QString &name);
/// The codecs this build offers, best first.
QStringList offeredCodecs();
std::optional<CompressionMode> compressionModeFromString(const QString &text);
/// "auto", "on" or "off": the words compressionModeFromString() reads.
QString compressionModeName(CompressionMode mode);

/// @p data compressed with @p codec, led by its size before compression
/// (u32, big endian); an empty result: the filter failed.
QByteArray compressChunk(WireCodec codec, QByteArrayView data);
/// What compressChunk() made, decompressed: exactly the size it claims, and
/// at most @p maxSize bytes (refused before a byte is unpacked); a payload
/// that unpacks to less (cut, corrupt) or more (a lie) is an error.
Expected<QByteArray> decompressChunk(WireCodec codec, QByteArrayView data, qsizetype maxSize);

/// Decides, per file, whether its frames are worth compressing: the first
/// frames are samples; when they do not shrink by a tenth, the rest of the
/// file goes as it is (media, archives, random bytes), so compression never
/// costs more than a few frames' worth of effort.
class CompressionChooser
{
public:
    CompressionChooser() = default;
    CompressionChooser(WireCodec codec, CompressionMode mode);

    /// The payload to send for @p data and whether it is compressed.
    QByteArray encode(QByteArrayView data, bool *compressed);
    /// Replaces the payload of data frame @p frame (as protocol::allocateData
    /// made it) by its compressed form when that is worth it, and marks the
    /// frame as compressed (protocol::kCompressedChannel). A payload larger
    /// than protocol::kMaxChunk (frameLimit() allowed it) that goes as it
    /// is after all is cut: @p frame keeps the first kMaxChunk bytes, and
    /// the frames with the rest are returned, to follow it at once.
    [[nodiscard]] QList<QByteArray> apply(QByteArray &frame);
    bool active() const { return m_codec != WireCodec::None && !m_gaveUp; }
    /// What a frame of this file may carry: while its frames shrink, as
    /// much as would take about @p chunk bytes on the wire at the latest
    /// frame's ratio, up to protocol::kMaxUnpackedChunk (fewer, larger zstd
    /// frames compress better, and a heartbeat waits behind no more wire
    /// bytes than before).
    qint64 frameLimit(qint64 chunk) const;

private:
    WireCodec m_codec = WireCodec::None;
    CompressionMode m_mode = CompressionMode::Off;
    int m_samples = 0;
    int m_shrunk = 0;
    bool m_gaveUp = false;
    bool m_lastShrank = true; ///< the latest frame went compressed
    double m_lastRatio = 1.0; ///< its size before compression over after
};

} // namespace ferry::net
