// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QDateTime;
class QHeaderView;

namespace ferry::ui {

/// A size as both panes, the queue and the dialogs show it: "8 B",
/// "2.0 GiB" (1024 multiples, as ferry-cli says them), with the decimal
/// separator of the user's locale ("2,0 GiB" in German).
QString displaySize(qint64 bytes);
/// A file's time with date and time in the locale's short form.
QString displayTime(const QDateTime &time);
/// The same from nanoseconds since the epoch, as the agent sends them.
QString displayTimeNs(qint64 mtimeNs);
/// Makes @p column of @p header wide enough for displayTime() in the
/// user's locale (a saved layout restored afterwards still wins).
void fitTimeColumn(QHeaderView *header, int column);
/// Widens every section of @p header that is too narrow for its title
/// (German titles run longer than English ones).
void fitHeaderTitles(QHeaderView *header);

} // namespace ferry::ui
