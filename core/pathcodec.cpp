// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pathcodec.h"

#include <QCoreApplication>

namespace ferry::pathcodec {

namespace {

constexpr char16_t kEscapeBase = 0xDC00;

bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

/// Length of the valid UTF-8 sequence at @p i, or 0 if the byte there
/// does not start one. Stricter than "looks like UTF-8": the second byte's
/// range rules out overlong forms, surrogates and code points above
/// U+10FFFF (Unicode's table of well-formed byte sequences).
int validSequence(QByteArrayView bytes, qsizetype i, char32_t *codePoint)
{
    const auto at = [&bytes](qsizetype k) { return uchar(bytes[k]); };
    const uchar c = at(i);
    const qsizetype left = bytes.size() - i;
    if (c < 0x80) {
        *codePoint = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (left < 2 || !isContinuation(at(i + 1)))
            return 0;
        *codePoint = char32_t(c & 0x1F) << 6 | (at(i + 1) & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3)
            return 0;
        const uchar c1 = at(i + 1);
        const uchar low = c == 0xE0 ? 0xA0 : 0x80;
        const uchar high = c == 0xED ? 0x9F : 0xBF;
        if (c1 < low || c1 > high || !isContinuation(at(i + 2)))
            return 0;
        *codePoint = char32_t(c & 0x0F) << 12 | char32_t(c1 & 0x3F) << 6 | (at(i + 2) & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4)
            return 0;
        const uchar c1 = at(i + 1);
        const uchar low = c == 0xF0 ? 0x90 : 0x80;
        const uchar high = c == 0xF4 ? 0x8F : 0xBF;
        if (c1 < low || c1 > high || !isContinuation(at(i + 2)) || !isContinuation(at(i + 3)))
            return 0;
        *codePoint = char32_t(c & 0x07) << 18 | char32_t(c1 & 0x3F) << 12 | char32_t(at(i + 2) & 0x3F) << 6 | (at(i + 3) & 0x3F);
        return 4;
    }
    return 0;
}

bool isEscapedByte(char16_t u)
{
    return u >= kEscapeBase + 0x80 && u <= kEscapeBase + 0xFF;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

void appendHexByte(QString &out, uchar byte)
{
    static constexpr char16_t kDigits[] = u"0123456789ABCDEF";
    out.append(u"\\x");
    out.append(QChar(kDigits[byte >> 4]));
    out.append(QChar(kDigits[byte & 0x0F]));
}

bool isControl(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

QString fromBytes(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size();) {
        char32_t cp = 0;
        const int n = validSequence(bytes, i, &cp);
        if (n == 0) {
            // One byte at a time: the bytes after it get their own chance to
            // start a valid sequence, and each invalid one is kept apart.
            out.append(QChar(char16_t(kEscapeBase + uchar(bytes[i]))));
            ++i;
            continue;
        }
        if (cp < 0x10000) {
            out.append(QChar(char16_t(cp)));
        } else {
            const char16_t pair[2] = {QChar::highSurrogate(cp), QChar::lowSurrogate(cp)};
            out.append(QStringView(pair, 2));
        }
        i += n;
    }
    return out;
}

QByteArray toBytes(QStringView name)
{
    QByteArray out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t u = name[i].unicode();
        if (u < 0x80) {
            out.append(char(u));
        } else if (QChar::isHighSurrogate(u) && i + 1 < name.size() && QChar::isLowSurrogate(name[i + 1].unicode())) {
            appendUtf8(out, QChar::surrogateToUcs4(u, name[i + 1].unicode()));
            ++i;
        } else if (isEscapedByte(u)) {
            out.append(char(u - kEscapeBase));
        } else if (QChar::isSurrogate(u)) {
            appendUtf8(out, QChar::ReplacementCharacter);
        } else {
            appendUtf8(out, u);
        }
    }
    return out;
}

bool isText(QStringView name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t u = name[i].unicode();
        if (!QChar::isSurrogate(u))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < name.size() && QChar::isLowSurrogate(name[i + 1].unicode())) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

QString escaped(QStringView name)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t u = name[i].unicode();
        if (u == u'\\') {
            out.append(u"\\\\");
        } else if (isEscapedByte(u)) {
            appendHexByte(out, uchar(u - kEscapeBase));
        } else if (isControl(u)) {
            QByteArray bytes;
            appendUtf8(bytes, u);
            for (const char b : std::as_const(bytes))
                appendHexByte(out, uchar(b));
        } else if (QChar::isHighSurrogate(u) && i + 1 < name.size() && QChar::isLowSurrogate(name[i + 1].unicode())) {
            out.append(name.mid(i, 2));
            ++i;
        } else if (QChar::isSurrogate(u)) {
            out.append(QChar(QChar::ReplacementCharacter));
        } else {
            out.append(QChar(u));
        }
    }
    return out;
}

Expected<QString> unescaped(QStringView shown)
{
    QByteArray bytes;
    bytes.reserve(shown.size());
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i] != u'\\')
            continue;
        bytes.append(toBytes(shown.mid(plainStart, i - plainStart)));
        if (i + 1 < shown.size() && shown[i + 1] == u'\\') {
            bytes.append('\\');
            i += 1;
        } else if (i + 3 < shown.size() && shown[i + 1] == u'x' && hexValue(shown[i + 2]) >= 0 && hexValue(shown[i + 3]) >= 0) {
            bytes.append(char(hexValue(shown[i + 2]) << 4 | hexValue(shown[i + 3])));
            i += 3;
        } else {
            const QString escape = shown.mid(i, 4).toString();
            return std::unexpected(Error{ErrorCode::InvalidArgument,
                                         QCoreApplication::translate("ferry::pathcodec",
                                                                     "%1: \"%2\" is not an escape (a backslash is written \\\\, a byte \\xHH)")
                                             .arg(shown.toString(), escape)});
        }
        plainStart = i + 1;
    }
    bytes.append(toBytes(shown.mid(plainStart)));
    return fromBytes(bytes);
}

} // namespace ferry::pathcodec
