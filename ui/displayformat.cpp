// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/displayformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QAbstractItemModel>
#include <QHeaderView>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace ferry::ui {

QString displaySize(qint64 bytes)
{
    // The unit symbols are the same in every language (IEC 80000-13).
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    const QLocale locale;
    if (bytes < 1024)
        return locale.toString(bytes) + u" B";
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    return locale.toString(value, 'f', value < 10 ? 1 : 0) + u' ' + QLatin1StringView(units[unit]);
}

QString displayTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString displayTimeNs(qint64 mtimeNs)
{
    return displayTime(QDateTime::fromMSecsSinceEpoch(mtimeNs / 1000000));
}

void fitTimeColumn(QHeaderView *header, int column)
{
    // The widest day and hour of the year, with a margin for the sort arrow.
    const QString widest = displayTime(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)));
    const QString morning = displayTime(QDateTime(QDate(2026, 12, 28), QTime(10, 58, 58)));
    const int text = std::max(header->fontMetrics().horizontalAdvance(widest), header->fontMetrics().horizontalAdvance(morning));
    header->resizeSection(column, std::max(header->sectionSize(column), text + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin) + 24));
}

void fitHeaderTitles(QHeaderView *header)
{
    const QAbstractItemModel *model = header->model();
    if (!model)
        return;
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin) + 20; // and the sort arrow
    for (int section = 0; section < header->count(); ++section) {
        const QString title = model->headerData(section, header->orientation()).toString();
        const int needed = header->fontMetrics().horizontalAdvance(title) + margins;
        if (header->sectionResizeMode(section) == QHeaderView::Interactive && header->sectionSize(section) < needed)
            header->resizeSection(section, needed);
    }
}

} // namespace ferry::ui
