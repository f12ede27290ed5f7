// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ferry {

/// "1.5 MiB", "812 B".
QString formatSize(qint64 bytes);
/// "-rw-r--r--" style, with the type letter first ('d', 'l', '-', '?').
QString formatMode(char type, quint32 mode);
/// Local time "2026-11-22 13:05".
QString formatTime(qint64 mtimeNs);
/// "1:02:03" or "2:03"; "--:--" when unknown.
QString formatDuration(qint64 seconds);
/// "label  45%  12.3 MiB / 27.1 MiB  85.2 MiB/s  ETA 0:03".
QString progressLine(const QString &label, qint64 done, qint64 total, double speed, qint64 etaSeconds);

} // namespace ferry
