// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/streamframing.h"

#include <QCoreApplication>
#include <QtEndian>

#include <cstring>

namespace ferry::net {

namespace {
constexpr qsizetype kLengthSize = 4;

qsizetype base64Length(qsizetype bytes)
{
    return (bytes + 2) / 3 * 4;
}
} // namespace

QByteArray framingName(StreamFraming framing)
{
    return framing == StreamFraming::Binary ? QByteArrayLiteral("binary") : QByteArrayLiteral("text");
}

std::optional<StreamFraming> framingFromName(QByteArrayView name)
{
    if (name == "binary")
        return StreamFraming::Binary;
    if (name == "text")
        return StreamFraming::Text;
    return std::nullopt;
}

QByteArray encodeStreamMessage(StreamFraming framing, const QByteArray &message)
{
    if (framing == StreamFraming::Text) {
        QByteArray line = message.toBase64();
        line.append('\n');
        return line;
    }
    QByteArray out(kLengthSize + message.size(), Qt::Uninitialized);
    qToBigEndian(quint32(message.size()), out.data());
    std::memcpy(out.data() + kLengthSize, message.constData(), size_t(message.size()));
    return out;
}

StreamDecoder::StreamDecoder(StreamFraming framing, qsizetype maxMessage)
    : m_framing(framing)
    , m_maxMessage(maxMessage)
{
}

void StreamDecoder::append(const QByteArray &bytes)
{
    if (m_offset == m_buffer.size()) {
        m_buffer = bytes;
        m_offset = 0;
        return;
    }
    compact();
    m_buffer.append(bytes);
}

void StreamDecoder::compact()
{
    // Drop consumed bytes once they are the larger part, so appending stays
    // linear over a long stream.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
}

Expected<std::optional<QByteArray>> StreamDecoder::next()
{
    if (m_framing == StreamFraming::Binary) {
        const qsizetype available = m_buffer.size() - m_offset;
        if (available < kLengthSize)
            return std::nullopt;
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_offset);
        if (length == 0 || qsizetype(length) > m_maxMessage)
            return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "stream message of %1 bytes is outside the limits (1 to %2)").arg(length).arg(m_maxMessage)});
        if (available < kLengthSize + qsizetype(length))
            return std::nullopt;
        QByteArray message = m_buffer.mid(m_offset + kLengthSize, length);
        m_offset += kLengthSize + qsizetype(length);
        return message;
    }
    const qsizetype lineLimit = base64Length(m_maxMessage) + 64; // room for CRs
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n', m_offset);
        if (end < 0) {
            if (m_buffer.size() - m_offset > lineLimit)
                return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "stream line longer than %1 bytes").arg(lineLimit)});
            return std::nullopt;
        }
        QByteArray line = m_buffer.mid(m_offset, end - m_offset);
        m_offset = end + 1;
        line.replace('\r', QByteArrayView());
        if (line.isEmpty())
            continue; // an empty line carries nothing
        if (line.size() > base64Length(m_maxMessage))
            return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "stream message above the limit of %1 bytes").arg(m_maxMessage)});
        auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "stream line is not base64")});
        // Lines come in steps of three bytes, so the longest line allowed
        // above can still carry up to two bytes too many.
        if (decoded.decoded.size() > m_maxMessage)
            return std::unexpected(Error{ErrorCode::Protocol, QCoreApplication::translate("ferry::net", "stream message above the limit of %1 bytes").arg(m_maxMessage)});
        return std::move(decoded.decoded);
    }
}

} // namespace ferry::net
