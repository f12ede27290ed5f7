// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/localfilemodel.h"

#include "ui/displayformat.h"
#include "ui/remotedirmodel.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMimeData>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ferry::ui {

LocalFileModel::LocalFileModel(QObject *parent)
    : QFileSystemModel(parent)
{
    setReadOnly(false);
    setShowHidden(false);
}

void LocalFileModel::setShowHidden(bool show)
{
    QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::AllDirs;
    if (show)
        filters |= QDir::Hidden;
    setFilter(filters);
}

QVariant LocalFileModel::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)) {
        switch (index.column()) {
        case SizeColumn: return isDir(index) ? QString() : displaySize(size(index));
        case ModifiedColumn: return displayTime(lastModified(index));
        default: break;
        }
    }
    return QFileSystemModel::data(index, role);
}

QVariant LocalFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Named as in the remote pane.
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case SizeColumn: return tr("Size");
        case TypeColumn: return tr("Type");
        case ModifiedColumn: return tr("Modified");
        default: break;
        }
    }
    return QFileSystemModel::headerData(section, orientation, role);
}

bool LocalFileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::EditRole)
        return QFileSystemModel::setData(index, value, role);
    const QString oldName = fileName(index);
    const QString newName = value.toString().trimmed();
    if (newName.isEmpty() || newName == oldName)
        return false;
    const QDir dir = fileInfo(index).dir();
    const QString from = dir.filePath(oldName);
    const QString to = dir.filePath(newName);
    QString reason;
    if (newName.contains(u'/') || newName == u"." || newName == u"..")
        reason = tr("a name cannot contain \"/\" or be \".\" or \"..\"");
    else if (QFileInfo::exists(to) || QFileInfo(to).isSymLink())
        reason = tr("an entry of that name exists");
    else if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        reason = QString::fromLocal8Bit(std::strerror(errno));
    if (!reason.isEmpty()) {
        Q_EMIT renameFailed(tr("Could not rename %1 to %2: %3").arg(QDir::toNativeSeparators(from), newName, reason));
        return false;
    }
    return true;
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
