// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/humanformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace ferry {

QString formatSize(qint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return QString::number(bytes) + QStringLiteral(" B");
    return QString::number(value, 'f', value < 10 ? 1 : 0) + u' ' + QLatin1StringView(units[unit]);
}

Expected<qint64> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)(?:\\.([0-9]+))?([KkMmGg]?)$"));
    const Error invalid{ErrorCode::InvalidArgument,
                        QCoreApplication::translate("ferry", "'%1' is not a size: expected bytes, or a number with K, M or G (1024 multiples), such as 500K or 1.5M")
                            .arg(text)};
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::unexpected(invalid);
    const QString fraction = match.captured(2);
    const QChar unit = match.captured(3).isEmpty() ? QChar() : match.captured(3).at(0).toUpper();
    if (!fraction.isEmpty() && unit.isNull())
        return std::unexpected(invalid); // no such thing as half a byte
    const qint64 multiplier = unit == u'K' ? qint64(1) << 10 : unit == u'M' ? qint64(1) << 20 : unit == u'G' ? qint64(1) << 30 : 1;
    bool ok = false;
    const qint64 whole = match.captured(1).toLongLong(&ok);
    qint64 bytes = 0;
    if (!ok || __builtin_mul_overflow(whole, multiplier, &bytes))
        return std::unexpected(invalid);
    if (!fraction.isEmpty()) {
        // Below one unit, so a double holds it exactly enough; the part of
        // a byte left over is dropped.
        const double part = std::floor(QString(QStringLiteral("0.") + fraction).toDouble() * double(multiplier));
        if (__builtin_add_overflow(bytes, qint64(part), &bytes))
            return std::unexpected(invalid);
    }
    return bytes;
}

Expected<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)([smhdSMHD]?)$"));
    const QRegularExpressionMatch match = pattern.match(text);
    bool ok = false;
    const qint64 count = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    const QChar unit = match.captured(2).isEmpty() ? u's' : match.captured(2).at(0).toLower();
    const qint64 multiplier = unit == u'm' ? 60 : unit == u'h' ? 3600 : unit == u'd' ? 86400 : 1;
    qint64 seconds = 0;
    if (!ok || __builtin_mul_overflow(count, multiplier, &seconds))
        return std::unexpected(Error{ErrorCode::InvalidArgument,
                                     QCoreApplication::translate("ferry", "'%1' is not a duration: expected seconds, or a number with s, m, h or d, such as 90s, 12h or 7d")
                                         .arg(text)});
    return seconds;
}

QString formatMode(char type, quint32 mode)
{
    QString s(10, u'-');
    s[0] = QLatin1Char(type);
    const char *letters = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        if (mode & (0400u >> i))
            s[i + 1] = QLatin1Char(letters[i]);
    if (mode & 04000)
        s[3] = (mode & 0100) ? u's' : u'S';
    if (mode & 02000)
        s[6] = (mode & 0010) ? u's' : u'S';
    if (mode & 01000)
        s[9] = (mode & 0001) ? u't' : u'T';
    return s;
}

QString formatTime(qint64 mtimeNs)
{
    return QDateTime::fromMSecsSinceEpoch(mtimeNs / 1000000).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString progressLine(const QString &label, qint64 done, qint64 total, double speed, qint64 etaSeconds)
{
    const QString percent = total > 0 ? QString::number(done * 100 / total) + u'%' : QStringLiteral("--%");
    const QString amount = total >= 0 ? formatSize(done) + QStringLiteral(" / ") + formatSize(total) : formatSize(done);
    return QStringLiteral("%1  %2  %3  %4/s  ETA %5").arg(label, percent, amount, formatSize(qint64(speed)), formatDuration(etaSeconds));
}

} // namespace ferry
