// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QAbstractTableModel>
#include <QMimeDatabase>

namespace ferry::client {
class Session;
class ListJob;
}

namespace ferry::ui {

/// The entries of one remote directory, for a details view. Directories
/// sort first; the raw value of each column is under SortRole.
class RemoteDirModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteDirModel)

public:
    enum Column { NameColumn, SizeColumn, TypeColumn, ModifiedColumn, PermissionsColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, IsDirRole, PathRole };

    explicit RemoteDirModel(client::Session *session, QObject *parent = nullptr);

    /// Lists @p path; the old entries stay until the new ones arrive.
    void setPath(const QString &path);
    const QString &path() const { return m_path; }
    void refresh() { setPath(m_path); }
    QString childPath(const QString &name) const;
    const protocol::Entry &entry(int row) const { return m_entries.at(row); }
    bool isLoading() const { return m_job != nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);
    /// Local files were dropped onto the current folder or a folder row.
    void uploadRequested(const QStringList &localPaths, const QString &remoteDirectory);
    /// A name was edited in place.
    void renameRequested(const QString &path, const QString &newName);

private:
    QString typeText(const protocol::Entry &entry) const;

    client::Session *m_session;
    QString m_path;
    QList<protocol::Entry> m_entries;
    client::ListJob *m_job = nullptr;
    QMimeDatabase m_mime;
};

} // namespace ferry::ui
