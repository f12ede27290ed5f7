// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotefiltermodel.h"

#include "ui/remotedirmodel.h"

#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "core/transfer/filesink.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace ferry::ui {

RemoteFilterModel::RemoteFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RemoteDirModel::SortRole);
    setFilterKeyColumn(RemoteDirModel::NameColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void RemoteFilterModel::setShowHidden(bool show)
{
    if (show == m_showHidden)
        return;
    m_showHidden = show;
    invalidateRowsFilter();
}

void RemoteFilterModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.contains(u'*') || trimmed.contains(u'?'))
        setFilterRegularExpression(QRegularExpression(QRegularExpression::wildcardToRegularExpression(trimmed, QRegularExpression::UnanchoredWildcardConversion),
                                                      QRegularExpression::CaseInsensitiveOption));
    else
        setFilterFixedString(trimmed);
}

bool RemoteFilterModel::visible(const QModelIndex &index) const
{
    if (!m_showHidden && index.data(RemoteDirModel::IsHiddenRole).toBool())
        return false;
    // Files on their way in (part files, archives waiting to be unpacked)
    // are Ferry's own business, hidden files shown or not.
    const QString name = remotepath::name(index.data(RemoteDirModel::PathRole).toString());
    return !(name.startsWith(u'.') && (transfer::FileSink::isPartName(pathcodec::toBytes(name)) || name.endsWith(u".ferry-extract"_s)));
}

bool RemoteFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!visible(sourceModel()->index(sourceRow, RemoteDirModel::NameColumn, sourceParent)))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

int RemoteFilterModel::unfilteredCount() const
{
    if (!sourceModel())
        return 0;
    int count = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row)
        count += visible(sourceModel()->index(row, RemoteDirModel::NameColumn)) ? 1 : 0;
    return count;
}

bool RemoteFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftDir = left.data(RemoteDirModel::IsDirRole).toBool();
    const bool rightDir = right.data(RemoteDirModel::IsDirRole).toBool();
    // A descending sort compares the other way round: a folder must still
    // come out first.
    if (leftDir != rightDir)
        return sortOrder() == Qt::AscendingOrder ? leftDir : rightDir;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ferry::ui
