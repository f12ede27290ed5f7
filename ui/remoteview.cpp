// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/remoteview.h"

#include "ui/remotedirmodel.h"

#include <QDrag>
#include <QIcon>
#include <QPointer>

#include <memory>

namespace ferry::ui {

RemoteView::RemoteView(QWidget *parent)
    : QTreeView(parent)
{
}

RemoteView::~RemoteView() = default;

RemoteDragData *RemoteView::createDragData()
{
    QModelIndexList rows;
    QStringList paths;
    for (const QModelIndex &row : selectionModel()->selectedRows()) {
        if (!(model()->flags(row) & Qt::ItemIsDragEnabled))
            continue;
        rows.append(row);
        paths.append(row.data(RemoteDirModel::PathRole).toString());
    }
    if (rows.isEmpty())
        return nullptr;
    // The model's formats, as the panes know them, and the files on demand.
    const std::unique_ptr<QMimeData> base(model()->mimeData(rows));
    if (!base)
        return nullptr;
    auto *data = new RemoteDragData(paths, m_downloader);
    for (const QString &format : base->formats())
        data->setData(format, base->data(format));
    connect(data, &RemoteDragData::failed, this, &RemoteView::dragOutFailed);
    return data;
}

void RemoteView::startDrag(Qt::DropActions supportedActions)
{
    RemoteDragData *data = createDragData();
    if (!data)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    const QModelIndex first = selectionModel()->selectedRows().value(0);
    const QIcon icon = first.data(Qt::DecorationRole).value<QIcon>();
    if (!icon.isNull())
        drag->setPixmap(icon.pixmap(32, 32));
    const QPointer<RemoteDragData> watched = data;
    const Qt::DropAction action = drag->exec(supportedActions, defaultDropAction());
    if (watched)
        watched->dragEnded(action);
}

} // namespace ferry::ui
