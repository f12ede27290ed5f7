// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remotedirmodel.h"

#include "core/client/listjob.h"
#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "ui/displayformat.h"

#include <QDateTime>
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
    m_loadingPath = path;
    m_firstPage = true;
    m_job = new client::ListJob(m_session, path, this);
    connect(m_job, &client::ListJob::entriesAdded, this, [this, path](const QList<protocol::Entry> &page) {
        // The old folder stays on screen until the new one has something.
        if (std::exchange(m_firstPage, false)) {
            beginResetModel();
            m_path = path;
            m_rows.clear();
            endResetModel();
        }
        if (page.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
        for (const protocol::Entry &e : page)
            m_rows.append(Row{e, std::nullopt, {}});
        endInsertRows();
    });
    connect(m_job, &transfer::Job::finished, this, [this, path](transfer::Job *job) {
        m_job = nullptr;
        m_loadingPath = QString();
        job->deleteLater();
        if (!job->succeeded()) {
            Q_EMIT failed(job->error().message);
            return;
        }
        if (std::exchange(m_firstPage, false)) {
            // An empty folder: no page ever came.
            beginResetModel();
            m_path = path;
            m_rows.clear();
            endResetModel();
        }
        Q_EMIT loaded();
    });
    m_job->start();
}

QByteArray RemoteDirModel::encodeRemotePaths(const QStringList &paths)
{
    // One escaped path per line: a name may hold any byte, even a newline.
    QStringList lines;
    for (const QString &path : paths)
        lines.append(pathcodec::escaped(path));
    return lines.join(u'\n').toUtf8();
}

QStringList RemoteDirModel::decodeRemotePaths(const QByteArray &data)
{
    QStringList paths;
    for (const QString &line : QString::fromUtf8(data).split(u'\n', Qt::SkipEmptyParts)) {
        if (const Expected<QString> path = pathcodec::unescaped(line))
            paths.append(*path);
    }
    return paths;
}

QString RemoteDirModel::childPath(const QString &name) const
{
    return remotepath::join(m_path, name);
}

int RemoteDirModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).entry.name == name)
            return i;
    return -1;
}

QString RemoteDirModel::ownerText(const QString &name, qint64 id)
{
    if (!name.isEmpty())
        return name;
    return id >= 0 ? QString::number(id) : QString();
}

int RemoteDirModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RemoteDirModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QMimeType &RemoteDirModel::mimeOf(const Row &row) const
{
    if (!row.mime)
        row.mime = m_mime.mimeTypeForFile(row.entry.name, QMimeDatabase::MatchExtension);
    return *row.mime;
}

QString RemoteDirModel::typeText(const Row &row) const
{
    switch (row.entry.type) {
    case protocol::Entry::Type::Directory: return tr("Folder");
    case protocol::Entry::Type::Symlink: return tr("Link to %1").arg(pathcodec::escaped(row.entry.linkTarget));
    case protocol::Entry::Type::Other: return tr("Special file");
    case protocol::Entry::Type::File: break;
    }
    return mimeOf(row).comment();
}

QVariant RemoteDirModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const protocol::Entry &e = row.entry;
    switch (role) {
    case IsDirRole: return e.isDir();
    case PathRole: return childPath(e.name);
    case IsHiddenRole: return e.name.startsWith(u'.');
    case SortRole: {
        // Folders first in every column's order, like file managers do.
        const QString prefix = e.isDir() ? QStringLiteral("0") : QStringLiteral("1");
        switch (index.column()) {
        case NameColumn: return QString(prefix + e.name.toLower());
        case SizeColumn: return e.isDir() ? -1 : e.size;
        case TypeColumn: return QString(prefix + typeText(row));
        case ModifiedColumn: return e.mtimeNs;
        case PermissionsColumn: return e.mode;
        case OwnerColumn: return ownerText(e.user, e.uid).toLower();
        case GroupColumn: return ownerText(e.group, e.gid).toLower();
        }
        return {};
    }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        // Shown escaped, so that two names never look the same.
        case NameColumn: return pathcodec::escaped(e.name);
        case SizeColumn: return e.isDir() ? QString() : displaySize(e.size);
        case TypeColumn: return typeText(row);
        case ModifiedColumn: return displayTimeNs(e.mtimeNs);
        case PermissionsColumn: return formatMode(e.isDir() ? 'd' : e.type == protocol::Entry::Type::Symlink ? 'l' : '-', e.mode);
        case OwnerColumn: return ownerText(e.user, e.uid);
        case GroupColumn: return ownerText(e.group, e.gid);
        }
        return {};
    case Qt::EditRole:
        return index.column() == NameColumn ? QVariant(pathcodec::escaped(e.name)) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QVariant(pathcodec::escaped(childPath(e.name))) : QVariant();
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (row.icon.isNull()) {
            if (e.isDir())
                row.icon = QIcon::fromTheme(QStringLiteral("folder"));
            else if (e.type == protocol::Entry::Type::Symlink)
                row.icon = QIcon::fromTheme(QStringLiteral("emblem-symbolic-link"), QIcon::fromTheme(QStringLiteral("inode-symlink")));
            else
                row.icon = QIcon::fromTheme(mimeOf(row).iconName(), QIcon::fromTheme(mimeOf(row).genericIconName(), QIcon::fromTheme(QStringLiteral("text-x-generic"))));
        }
        return row.icon;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

Qt::ItemFlags RemoteDirModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // empty space: the current folder
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemIsDragEnabled;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    if (m_rows.at(index.row()).entry.isDir())
        f |= Qt::ItemIsDropEnabled;
    return f;
}

bool RemoteDirModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != NameColumn)
        return false;
    // The editor holds the escaped form: read the bytes back from it.
    const Expected<QString> unescaped = pathcodec::unescaped(value.toString().trimmed());
    if (!unescaped) {
        Q_EMIT failed(unescaped.error().message);
        return false;
    }
    const QString name = *unescaped;
    const protocol::Entry &e = m_rows.at(index.row()).entry;
    if (name.isEmpty() || name == e.name || name.contains(u'/') || name == u"." || name == u"..")
        return false;
    Q_EMIT renameRequested(childPath(e.name), name);
    return true;
}

QStringList RemoteDirModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list"), QString(kRemotePathsMime)};
}

QMimeData *RemoteDirModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.column() == NameColumn)
            paths.append(childPath(m_rows.at(index.row()).entry.name));
    if (paths.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString(kRemotePathsMime), encodeRemotePaths(paths));
    QStringList shown;
    for (const QString &path : std::as_const(paths))
        shown.append(pathcodec::escaped(path));
    data->setText(shown.join(u'\n'));
    return data;
}

Qt::DropActions RemoteDirModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions RemoteDirModel::supportedDragActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

QString RemoteDirModel::targetOf(const QModelIndex &parent) const
{
    // Onto a folder row: into that folder; anywhere else: the current one.
    return parent.isValid() ? childPath(m_rows.at(parent.row()).entry.name) : m_path;
}

bool RemoteDirModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data)
        return false;
    if (parent.isValid() && !m_rows.at(parent.row()).entry.isDir())
        return false;
    if (data->hasFormat(QString(kRemotePathsMime))) {
        // Not onto itself, nor into the folder it already is in.
        const QString target = targetOf(parent);
        const QStringList paths = decodeRemotePaths(data->data(QString(kRemotePathsMime)));
        return std::none_of(paths.cbegin(), paths.cend(), [&target](const QString &p) {
            return p == target || remotepath::parent(p) == target;
        });
    }
    if (!data->hasUrls())
        return false;
    const QList<QUrl> urls = data->urls();
    return std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
}

bool RemoteDirModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString target = targetOf(parent);
    if (data->hasFormat(QString(kRemotePathsMime))) {
        const QStringList paths = decodeRemotePaths(data->data(QString(kRemotePathsMime)));
        Q_EMIT remoteDropRequested(paths, target, action == Qt::CopyAction);
        // The view must not remove the dragged rows itself: the move is ours.
        return false;
    }
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
    case OwnerColumn: return tr("Owner");
    case GroupColumn: return tr("Group");
    }
    return {};
}

} // namespace ferry::ui
