// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>

#include <optional>

namespace ferry::net {

/// How messages are cut out of a byte stream (a shell's stdin/stdout).
enum class StreamFraming {
    /// A 4-byte big-endian length, then the message: for 8-bit clean channels.
    Binary,
    /// One line of base64 per message: for channels that are not 8-bit
    /// clean (web terminals turn invalid UTF-8 into U+FFFD). Carriage
    /// returns are ignored, so a terminal's CR LF does no harm.
    Text,
};

QByteArray framingName(StreamFraming framing);
std::optional<StreamFraming> framingFromName(QByteArrayView name);

/// Encodes one message for the stream.
QByteArray encodeStreamMessage(StreamFraming framing, const QByteArray &message);

/// Cuts messages out of a byte stream, treating every byte as hostile: a
/// length above the limit, or a line that is not base64, is an error before
/// anything is buffered for it.
class StreamDecoder
{
public:
    StreamDecoder(StreamFraming framing, qsizetype maxMessage);

    void setMaxMessage(qsizetype bytes) { m_maxMessage = bytes; }
    void append(const QByteArray &bytes);
    /// The next whole message, nothing while it is incomplete, or an error
    /// (after which the stream is unusable).
    Expected<std::optional<QByteArray>> next();
    /// Bytes received and not yet part of a message.
    qsizetype pending() const { return m_buffer.size() - m_offset; }

private:
    void compact();

    StreamFraming m_framing;
    qsizetype m_maxMessage;
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace ferry::net
