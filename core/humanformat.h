// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

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
/// Parses a size such as "100000", "500K", "2M" or "1.5G": a count of
/// bytes, or a number (with a decimal fraction) of K, M or G, which are
/// 1024 multiples as in rsync --bwlimit and curl --limit-rate. Letters may be
/// lower case. Anything else, including negative numbers, a fraction of a
/// byte and values beyond qint64, is an InvalidArgument error naming the text.
Expected<qint64> parseSize(const QString &text);
/// Parses a duration such as "90", "90s", "30m", "12h" or "7d" (seconds
/// without a unit) into seconds; anything else is an InvalidArgument error
/// naming the text.
Expected<qint64> parseDuration(const QString &text);
/// "label  45%  12.3 MiB / 27.1 MiB  85.2 MiB/s  ETA 0:03".
QString progressLine(const QString &label, qint64 done, qint64 total, double speed, qint64 etaSeconds);

} // namespace ferry
