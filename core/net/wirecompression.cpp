// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/wirecompression.h"

#include "core/protocol/frame.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QtEndian>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ferry::net {

namespace {

KCompressionDevice::CompressionType filterType(WireCodec codec)
{
    switch (codec) {
    case WireCodec::Zstd:
        return KCompressionDevice::Zstd;
    case WireCodec::Gzip:
        return KCompressionDevice::GZip;
    case WireCodec::None:
        break;
    }
    return KCompressionDevice::None;
}

/// Samples taken before a file's compression is decided.
constexpr int kSamples = 2;

} // namespace

QString codecName(WireCodec codec)
{
    switch (codec) {
    case WireCodec::Zstd:
        return u"zstd"_s;
    case WireCodec::Gzip:
        return u"gzip"_s;
    case WireCodec::None:
        break;
    }
    return u"none"_s;
}

std::optional<WireCodec> codecFromName(const QString &name)
{
    if (name == "zstd"_L1)
        return WireCodec::Zstd;
    if (name == "gzip"_L1)
        return WireCodec::Gzip;
    if (name == "none"_L1)
        return WireCodec::None;
    return std::nullopt;
}

QStringList offeredCodecs()
{
    static const QStringList codecs = [] {
        QStringList found;
        for (WireCodec codec : {WireCodec::Zstd, WireCodec::Gzip}) {
            // KArchive may be built without a filter; then it is not offered.
            if (!compressChunk(codec, "probe").isEmpty())
                found.append(codecName(codec));
        }
        return found;
    }();
    return codecs;
}

std::optional<CompressionMode> compressionModeFromString(const QString &text)
{
    if (text == "auto"_L1)
        return CompressionMode::Auto;
    if (text == "on"_L1)
        return CompressionMode::On;
    if (text == "off"_L1)
        return CompressionMode::Off;
    return std::nullopt;
}

QString compressionModeName(CompressionMode mode)
{
    switch (mode) {
    case CompressionMode::On:
        return u"on"_s;
    case CompressionMode::Off:
        return u"off"_s;
    case CompressionMode::Auto:
        break;
    }
    return u"auto"_s;
}

QByteArray compressChunk(WireCodec codec, QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() / 2 + 64);
    // The size before compression leads, so the receiver can refuse a frame
    // too large before it unpacks a byte, and tell a cut one.
    const quint32 size = quint32(data.size());
    out.append(char(size >> 24)).append(char(size >> 16)).append(char(size >> 8)).append(char(size));
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly | QIODevice::Append);
    KCompressionDevice device(&buffer, false, filterType(codec));
    if (!device.open(QIODevice::WriteOnly))
        return {};
    if (device.write(data.data(), data.size()) != data.size())
        return {};
    device.close();
    if (device.error() != QFileDevice::NoError)
        return {};
    return out;
}

Expected<QByteArray> decompressChunk(WireCodec codec, QByteArrayView data, qsizetype maxSize)
{
    const auto protocolError = [](const QString &message) {
        return std::unexpected(Error{ErrorCode::Protocol, message});
    };
    const auto broken = [&] {
        return protocolError(QCoreApplication::translate("ferry::net", "a compressed data frame does not decompress"));
    };
    if (data.size() < 4)
        return broken();
    const auto byte = [&](int i) { return quint32(quint8(data.at(i))); };
    const qint64 claimed = qint64(byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3));
    if (claimed > maxSize)
        return protocolError(QCoreApplication::translate("ferry::net", "a compressed data frame holds more than a frame may"));
    QByteArray input = data.sliced(4).toByteArray();
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    KCompressionDevice device(&buffer, false, filterType(codec));
    if (!device.open(QIODevice::ReadOnly))
        return broken();
    // One byte more than claimed is read, to catch a frame that lies.
    QByteArray out(claimed + 1, Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < out.size()) {
        const qint64 n = device.read(out.data() + filled, out.size() - filled);
        if (n < 0)
            return broken();
        if (n == 0)
            break;
        filled += n;
    }
    if (filled > claimed)
        return protocolError(QCoreApplication::translate("ferry::net", "a compressed data frame holds more than it claims"));
    if (filled < claimed || device.error() != QFileDevice::NoError)
        return broken();
    out.truncate(filled);
    return out;
}

CompressionChooser::CompressionChooser(WireCodec codec, CompressionMode mode)
    : m_codec(mode == CompressionMode::Off ? WireCodec::None : codec)
    , m_mode(mode)
{
}

QByteArray CompressionChooser::encode(QByteArrayView data, bool *compressed)
{
    *compressed = false;
    if (!active() || data.size() < 512)
        return data.toByteArray();
    QByteArray packed = compressChunk(m_codec, data);
    const bool shrank = !packed.isEmpty() && packed.size() <= data.size() - data.size() / 10;
    if (m_samples < kSamples && m_mode == CompressionMode::Auto) {
        ++m_samples;
        m_shrunk += shrank ? 1 : 0;
        if (m_samples == kSamples && m_shrunk == 0)
            m_gaveUp = true;
    }
    m_lastShrank = shrank;
    m_lastRatio = shrank ? double(data.size()) / double(packed.size()) : 1.0;
    if (packed.isEmpty() || packed.size() >= data.size())
        return data.toByteArray();
    *compressed = true;
    return packed;
}

qint64 CompressionChooser::frameLimit(qint64 chunk) const
{
    if (!active() || !m_lastShrank)
        return chunk;
    return std::clamp(qint64(double(chunk) * m_lastRatio), chunk, qint64(protocol::kMaxUnpackedChunk));
}

QList<QByteArray> CompressionChooser::apply(QByteArray &frame)
{
    if (!active() || frame.size() <= protocol::kDataHeaderSize)
        return {};
    bool compressed = false;
    QByteArray packed = encode(QByteArrayView(frame).sliced(protocol::kDataHeaderSize), &compressed);
    if (compressed && packed.size() <= protocol::kMaxChunk) {
        frame.truncate(protocol::kDataHeaderSize);
        frame[1] = char(quint8(frame.at(1)) | protocol::kCompressedChannel);
        frame.append(packed);
        return {};
    }
    const qsizetype payload = frame.size() - protocol::kDataHeaderSize;
    if (payload <= protocol::kMaxChunk)
        return {};
    // As it is, in pieces a raw frame may carry (the header as
    // protocol::allocateData() wrote it: kind, channel, stream, offset).
    const quint8 channel = quint8(frame.at(1));
    const quint32 stream = qFromBigEndian<quint32>(frame.constData() + 2);
    const quint64 offset = qFromBigEndian<quint64>(frame.constData() + 6);
    const QByteArrayView data = QByteArrayView(frame).sliced(protocol::kDataHeaderSize);
    QList<QByteArray> rest;
    for (qsizetype at = protocol::kMaxChunk; at < payload; at += protocol::kMaxChunk)
        rest.append(protocol::encodeData(stream, channel, offset + quint64(at), data.sliced(at, std::min(protocol::kMaxChunk, payload - at))));
    frame.truncate(protocol::kDataHeaderSize + protocol::kMaxChunk);
    return rest;
}

} // namespace ferry::net
