// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace ferry::ui {

/// Sorting (folders first) and filtering of a remote listing: hidden
/// entries shown or not, and a name filter typed by the user (a plain
/// substring, or a wildcard pattern such as "*.log").
class RemoteFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteFilterModel)

public:
    explicit RemoteFilterModel(QObject *parent = nullptr);

    void setShowHidden(bool show);
    bool showHidden() const { return m_showHidden; }
    void setNameFilter(const QString &text);
    /// Entries there are to see before the name filter: without the hidden
    /// ones while they are not shown, never with Ferry's own part files.
    int unfilteredCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// What filterAcceptsRow() keeps before the name filter.
    bool visible(const QModelIndex &sourceIndex) const;
    /// Folders before files in either order, as file managers keep them.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showHidden = false;
};

} // namespace ferry::ui
