// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCborMap>

namespace ferry::transfer {

/// {t:"start", s, offset}: data follows from this offset; 0 means the
/// receiver's partial bytes did not match and must be dropped.
QCborMap startMessage(quint32 stream, qint64 offset);
/// {t:"end", s, size, h}: all data of the stream was sent; size and checksum.
QCborMap endMessage(quint32 stream, qint64 size, const QByteArray &digest);
/// {t:"abort", s, code, msg}: the sender gives up on the stream.
QCborMap abortMessage(quint32 stream, const Error &error);
/// The error carried by an abort (or error) message, validated.
Error errorFromMessage(const QCborMap &message);
/// Adds "code" and "msg" for @p error to @p message.
void putError(QCborMap &message, const Error &error);

} // namespace ferry::transfer
