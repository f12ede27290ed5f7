// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QMimeDatabase>

#include <optional>

namespace ferry::client {
class Session;
class ListJob;
}

namespace ferry::ui {

/// The entries of one remote directory, for a details view. Rows arrive
/// page by page as the listing streams in (a directory of 10,000 entries
/// shows its first page at once); the MIME type, icon and texts of a row
/// are worked out the first time a view asks and kept. Directories sort
/// first; the raw value of each column is under SortRole.
///
/// Drags carry remote paths (kRemotePathsMime); drops of local files ask
/// for an upload, drops of remote paths for a move (or a copy).
class RemoteDirModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteDirModel)

public:
    enum Column { NameColumn, SizeColumn, TypeColumn, ModifiedColumn, PermissionsColumn, OwnerColumn, GroupColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, IsDirRole, PathRole, IsHiddenRole, EntryRole };
    /// Remote paths, one per line, of entries dragged out of a remote view.
    static constexpr QLatin1StringView kRemotePathsMime{"application/x-ferry-remote-paths"};

    explicit RemoteDirModel(client::Session *session, QObject *parent = nullptr);

    /// Lists @p path; the old entries stay until the first page arrives.
    void setPath(const QString &path);
    const QString &path() const { return m_path; }
    void refresh() { setPath(m_loadingPath.isNull() ? m_path : m_loadingPath); }
    /// The folder being listed (null when none is).
    const QString &loadingPath() const { return m_loadingPath; }
    /// The row of the entry named @p name, or -1.
    int rowOf(const QString &name) const;
    /// An owner or group as shown: the name, else the number (empty when
    /// the agent told neither).
    static QString ownerText(const QString &name, qint64 id);
    QString childPath(const QString &name) const;
    /// The payload of kRemotePathsMime: one escaped path per line.
    static QByteArray encodeRemotePaths(const QStringList &paths);
    static QStringList decodeRemotePaths(const QByteArray &data);
    const protocol::Entry &entry(int row) const { return m_rows.at(row).entry; }
    bool isLoading() const { return m_job != nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

Q_SIGNALS:
    /// The listing of path() is complete.
    void loaded();
    void failed(const QString &message);
    /// Local files were dropped onto the current folder or a folder row.
    void uploadRequested(const QStringList &localPaths, const QString &remoteDirectory);
    /// Remote entries were dropped onto a remote folder: moved, or copied
    /// when @p copy (the Ctrl modifier).
    void remoteDropRequested(const QStringList &remotePaths, const QString &remoteDirectory, bool copy);
    /// A name was edited in place.
    void renameRequested(const QString &path, const QString &newName);

private:
    struct Row {
        protocol::Entry entry;
        mutable std::optional<QMimeType> mime; ///< worked out on first use
        mutable QIcon icon;
    };
    const QMimeType &mimeOf(const Row &row) const;
    QString typeText(const Row &row) const;
    QString targetOf(const QModelIndex &parent) const;

    client::Session *m_session;
    QString m_path;
    QString m_loadingPath;
    QList<Row> m_rows;
    bool m_firstPage = false;
    client::ListJob *m_job = nullptr;
    QMimeDatabase m_mime;
};

} // namespace ferry::ui
