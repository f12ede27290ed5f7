// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

/// File names are bytes on Linux; Ferry holds them in QStrings without
/// losing any. Valid UTF-8 is decoded as usual; every byte that is not part
/// of a valid UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF) becomes the lone low surrogate U+DC00 + byte
/// (U+DC80..U+DCFF), which decoding valid UTF-8 never yields. toBytes()
/// turns those back into the bytes, so toBytes(fromBytes(b)) == b for every
/// b. QFile::encodeName/decodeName are not used for paths: with a UTF-8
/// locale they replace invalid bytes with U+FFFD, so two names can collapse
/// into one and neither can be opened again.
///
/// The escaped form is what people see and type: a backslash is "\\", a byte
/// that is not valid UTF-8 and a control character (U+0000..U+001F, U+007F,
/// U+0080..U+009F) are "\xHH" per byte, everything else is itself. Two
/// different names never look the same, and unescaped() reads the form back.
namespace ferry::pathcodec {

/// Bytes of a name or path, decoded losslessly (see above).
QString fromBytes(QByteArrayView bytes);
/// The bytes a QString from fromBytes() stands for. A lone surrogate that
/// fromBytes() never produces is written as U+FFFD.
QByteArray toBytes(QStringView name);
/// True when @p name holds no lone surrogate, so its bytes are valid UTF-8
/// and it can travel as text.
bool isText(QStringView name);

/// The escaped form of @p name, for terminals, windows and messages.
QString escaped(QStringView name);
/// Reads an escaped form back: "\\" is a backslash and "\xHH" the byte HH
/// (either case; bytes that form valid UTF-8 become those characters);
/// any other backslash is an InvalidArgument error naming the text.
/// Characters other than escapes stand for their own UTF-8 bytes.
Expected<QString> unescaped(QStringView shown);

} // namespace ferry::pathcodec
