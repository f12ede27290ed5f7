// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QCborMap>

namespace ferry::protocol {

/// Protocol version spoken by this build; negotiated in the handshake.
inline constexpr int kVersion = 1;

/// Limits every decoder checks before trusting a length.
inline constexpr qsizetype kMaxPreAuthMessage = 1024;           ///< handshake messages
inline constexpr qsizetype kMaxChunk = 256 * 1024;              ///< payload of one data frame
inline constexpr qsizetype kDefaultChunk = 128 * 1024;
inline constexpr qsizetype kMaxMessage = 1024 * 1024;           ///< any message after authentication
inline constexpr qsizetype kMaxControlMessage = 512 * 1024;     ///< a CBOR control message
/// Highest rate a "limit" request may ask for (1 TiB/s), far above any
/// link, and low enough that the token bucket's arithmetic cannot overflow.
inline constexpr qint64 kMaxRateLimit = qint64(1) << 40;

/// The first byte of every WebSocket binary message.
enum class FrameKind : quint8 {
    Control = 0x01, ///< a CBOR map follows
    Data = 0x02,    ///< DataHeader, then raw payload
};

/// Binary header of a data frame (big endian on the wire):
/// kind(1) channel(1) stream(4) offset(8), then the payload.
inline constexpr qsizetype kDataHeaderSize = 14;
/// Set in the channel byte of a data frame whose payload is compressed with
/// the codec the connection agreed on; its offset, and the credit it takes,
/// count the bytes as they are before compression.
inline constexpr quint8 kCompressedChannel = 0x80;
/// The most bytes a compressed data frame may hold before compression (on
/// the wire it is still at most kMaxChunk).
inline constexpr qsizetype kMaxUnpackedChunk = 1024 * 1024;

struct DataFrame {
    quint32 stream = 0;
    quint8 channel = 0;
    quint64 offset = 0;
    QByteArray payload; ///< shares the received message's buffer (no copy)
};

struct Frame {
    FrameKind kind = FrameKind::Control;
    QCborMap control;
    DataFrame data;
};

/// Encodes a control message (a CBOR map with at least the "t" key).
QByteArray encodeControl(const QCborMap &message);

/// Allocates a data frame with room for @p payloadSize bytes and writes its
/// header; the caller fills the payload at data() + kDataHeaderSize. This lets
/// a file be read straight into the outgoing message.
QByteArray allocateData(quint32 stream, quint8 channel, quint64 offset, qsizetype payloadSize);

QByteArray encodeData(quint32 stream, quint8 channel, quint64 offset, QByteArrayView payload);

/// Decodes one message, treating every byte as hostile: unknown kinds,
/// truncated headers, CBOR that is not a map or lacks a string "t", and
/// messages above @p maxSize are errors (ErrorCode::Protocol) with a reason.
Expected<Frame> decode(const QByteArray &message, qsizetype maxSize = kMaxMessage);

} // namespace ferry::protocol
