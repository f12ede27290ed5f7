// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborArray>
#include <QCborValue>
#include <QString>
#include <QStringList>

#include <optional>

/// Names and paths on the wire. A name whose bytes are valid UTF-8 travels
/// as a CBOR text string, as always; any other as a CBOR byte string holding
/// its bytes. Both ends hold names as pathcodec QStrings.
namespace ferry::protocol {

/// @p path as it travels: text if its bytes are valid UTF-8, else bytes.
/// Without @p bytesAllowed (a client that did not announce "bytenames"),
/// invalid bytes are sent as U+FFFD in text, as before byte strings existed.
QCborValue pathValue(const QString &path, bool bytesAllowed = true);
/// pathValue() of every path.
QCborArray pathArray(const QStringList &paths);
/// A path from a text or a byte string; nothing for any other type.
std::optional<QString> pathFrom(const QCborValue &value);

} // namespace ferry::protocol
