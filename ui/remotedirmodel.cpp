// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotedirmodel.h"

#include "core/humanformat.h"
#include "core/client/listjob.h"

#include <QDateTime>
#include <QIcon>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

namespace ferry::ui {

RemoteDirModel::RemoteDirModel(client::Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void RemoteDirModel::setPath(const QString &path)
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
    }
    m_job = new client::ListJob(m_session, path, this);
    connect(m_job, &transfer::Job::finished, this, [this, path](transfer::Job *job) {
        auto *list = static_cast<client::ListJob *>(job);
        m_job = nullptr;
        job->deleteLater();
        if (!job->succeeded()) {
            Q_EMIT failed(job->error().message);
            return;
        }
        beginResetModel();
        m_path = path;
        m_entries = list->entries();
        endResetModel();
        Q_EMIT loaded();
    });
    m_job->start();
}

QString RemoteDirModel::childPath(const QString &name) const
{
    return m_path.isEmpty() ? name : m_path + u'/' + name;
}

int RemoteDirModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RemoteDirModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RemoteDirModel::typeText(const protocol::Entry &entry) const
{
    switch (entry.type) {
    case protocol::Entry::Type::Directory: return tr("Folder");
    case protocol::Entry::Type::Symlink: return tr("Link to %1").arg(entry.linkTarget);
    case protocol::Entry::Type::Other: return tr("Special file");
    case protocol::Entry::Type::File: break;
    }
    return m_mime.mimeTypeForFile(entry.name, QMimeDatabase::MatchExtension).comment();
}

QVariant RemoteDirModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const protocol::Entry &e = m_entries.at(index.row());
    if (role == IsDirRole)
        return e.isDir();
    if (role == PathRole)
        return childPath(e.name);
    if (role == SortRole) {
        // Folders first in every column's order, like file managers do.
        const QString prefix = e.isDir() ? QStringLiteral("0") : QStringLiteral("1");
        switch (index.column()) {
        case NameColumn: return QString(prefix + e.name.toLower());
        case SizeColumn: return e.isDir() ? -1 : e.size;
        case TypeColumn: return QString(prefix + typeText(e));
        case ModifiedColumn: return e.mtimeNs;
        case PermissionsColumn: return e.mode;
        }
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case NameColumn: return e.name;
        case SizeColumn: return e.isDir() ? QString() : formatSize(e.size);
        case TypeColumn: return typeText(e);
        case ModifiedColumn: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.mtimeNs / 1000000), QLocale::ShortFormat);
        case PermissionsColumn: return formatMode(e.isDir() ? 'd' : e.type == protocol::Entry::Type::Symlink ? 'l' : '-', e.mode);
        }
    }
    if (role == Qt::DecorationRole && index.column() == NameColumn) {
        if (e.isDir())
            return QIcon::fromTheme(QStringLiteral("folder"));
        if (e.type == protocol::Entry::Type::Symlink)
            return QIcon::fromTheme(QStringLiteral("emblem-symbolic-link"));
        const QMimeType mime = m_mime.mimeTypeForFile(e.name, QMimeDatabase::MatchExtension);
        return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), QIcon::fromTheme(QStringLiteral("text-x-generic"))));
    }
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags RemoteDirModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // empty space: the current folder
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    if (m_entries.at(index.row()).isDir())
        f |= Qt::ItemIsDropEnabled;
    return f;
}

bool RemoteDirModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != NameColumn)
        return false;
    const QString name = value.toString().trimmed();
    const protocol::Entry &e = m_entries.at(index.row());
    if (name.isEmpty() || name == e.name || name.contains(u'/'))
        return false;
    Q_EMIT renameRequested(childPath(e.name), name);
    return true;
}

QStringList RemoteDirModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

Qt::DropActions RemoteDirModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

bool RemoteDirModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data || !data->hasUrls())
        return false;
    if (parent.isValid() && !m_entries.at(parent.row()).isDir())
        return false;
    const QList<QUrl> urls = data->urls();
    return std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
}

bool RemoteDirModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Onto a folder row: into that folder; anywhere else: the current one.
    const QString target = parent.isValid() ? childPath(m_entries.at(parent.row()).name) : m_path;
    QStringList paths;
    for (const QUrl &url : data->urls())
        paths.append(url.toLocalFile());
    Q_EMIT uploadRequested(paths, target);
    return true;
}

QVariant RemoteDirModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case TypeColumn: return tr("Type");
    case ModifiedColumn: return tr("Modified");
    case PermissionsColumn: return tr("Permissions");
    }
    return {};
}

} // namespace ferry::ui
