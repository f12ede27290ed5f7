// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/frame.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QtEndian>

namespace ferry::protocol {

namespace {

Error protocolError(const QString &reason)
{
    return Error{ErrorCode::Protocol, reason};
}

} // namespace

QByteArray encodeControl(const QCborMap &message)
{
    QByteArray out;
    out.reserve(64);
    out.append(char(FrameKind::Control));
    out.append(QCborValue(message).toCbor());
    return out;
}

QByteArray allocateData(quint32 stream, quint8 channel, quint64 offset, qsizetype payloadSize)
{
    QByteArray out(kDataHeaderSize + payloadSize, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    p[0] = uchar(FrameKind::Data);
    p[1] = channel;
    qToBigEndian<quint32>(stream, p + 2);
    qToBigEndian<quint64>(offset, p + 6);
    return out;
}

QByteArray encodeData(quint32 stream, quint8 channel, quint64 offset, QByteArrayView payload)
{
    QByteArray out = allocateData(stream, channel, offset, payload.size());
    if (!payload.isEmpty())
        memcpy(out.data() + kDataHeaderSize, payload.data(), size_t(payload.size()));
    return out;
}

Expected<Frame> decode(const QByteArray &message, qsizetype maxSize)
{
    if (message.isEmpty())
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "empty message")));
    if (message.size() > maxSize)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "message of %1 bytes exceeds the limit of %2").arg(message.size()).arg(maxSize)));

    Frame frame;
    const auto kind = quint8(message.at(0));
    if (kind == quint8(FrameKind::Data)) {
        if (message.size() < kDataHeaderSize)
            return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "truncated data frame header")));
        if (message.size() - kDataHeaderSize > kMaxChunk)
            return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "data frame payload exceeds %1 bytes").arg(kMaxChunk)));
        const auto *p = reinterpret_cast<const uchar *>(message.constData());
        frame.kind = FrameKind::Data;
        frame.data.channel = p[1];
        frame.data.stream = qFromBigEndian<quint32>(p + 2);
        frame.data.offset = qFromBigEndian<quint64>(p + 6);
        if (frame.data.offset > quint64(std::numeric_limits<qint64>::max()) - quint64(kMaxChunk))
            return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "data frame offset out of range")));
        frame.data.payload = message.sliced(kDataHeaderSize);
        return frame;
    }
    if (kind != quint8(FrameKind::Control))
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "unknown frame kind 0x%1").arg(kind, 2, 16, QLatin1Char('0'))));
    if (message.size() - 1 > kMaxControlMessage)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "control message exceeds %1 bytes").arg(kMaxControlMessage)));

    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(message.constData() + 1, message.size() - 1, &parseError);
    if (parseError.error != QCborError::NoError)
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "malformed control message: %1").arg(parseError.errorString())));
    if (!value.isMap())
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "control message is not a map")));
    frame.control = value.toMap();
    if (!frame.control.value(QStringLiteral("t")).isString())
        return std::unexpected(protocolError(QCoreApplication::translate("ferry::protocol", "control message without a type")));
    frame.kind = FrameKind::Control;
    return frame;
}

} // namespace ferry::protocol
