// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/humanformat.h"

#include <QDateTime>

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
