// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/localfilemodel.h"

#include "ui/remotedirmodel.h"

#include <QMimeData>

namespace ferry::ui {

LocalFileModel::LocalFileModel(QObject *parent)
    : QFileSystemModel(parent)
{
    setReadOnly(false);
    setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs);
}

QStringList LocalFileModel::mimeTypes() const
{
    return QFileSystemModel::mimeTypes() << QString(RemoteDirModel::kRemotePathsMime);
}

QString LocalFileModel::targetOf(const QModelIndex &parent) const
{
    if (parent.isValid() && isDir(parent))
        return filePath(parent);
    return m_current;
}

bool LocalFileModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const
{
    if (data && data->hasFormat(QString(RemoteDirModel::kRemotePathsMime)))
        return !targetOf(parent).isEmpty() && (!parent.isValid() || isDir(parent));
    return QFileSystemModel::canDropMimeData(data, action, row, column, parent);
}

bool LocalFileModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (data && data->hasFormat(QString(RemoteDirModel::kRemotePathsMime))) {
        if (!canDropMimeData(data, action, row, column, parent))
            return false;
        const QStringList paths = RemoteDirModel::decodeRemotePaths(data->data(QString(RemoteDirModel::kRemotePathsMime)));
        Q_EMIT downloadRequested(paths, targetOf(parent));
        // The remote view must not take the rows away: they stay where they are.
        return false;
    }
    return QFileSystemModel::dropMimeData(data, action, row, column, parent);
}

} // namespace ferry::ui
