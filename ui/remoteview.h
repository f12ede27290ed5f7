// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/remotedragdata.h"

#include <QTreeView>

#include <utility>

namespace ferry::ui {

/// The remote pane's list. Its drags carry RemoteDragData: the panes take
/// the remote paths as before; a file manager (or any application that
/// takes files) gets the entries downloaded for it, when a downloader is set.
class RemoteView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteView)

public:
    explicit RemoteView(QWidget *parent = nullptr);
    ~RemoteView() override;

    /// How entries dragged out of the window are downloaded (none: they
    /// only go to the panes).
    void setDownloader(RemoteDragData::Downloader downloader) { m_downloader = std::move(downloader); }
    /// What a drag of the selected rows carries (null without a selection).
    /// The caller owns it; startDrag() hands it to the drag. Its failures
    /// come as dragOutFailed().
    RemoteDragData *createDragData();

Q_SIGNALS:
    /// The download for a drop failed or took too long.
    void dragOutFailed(const QString &message);

protected:
    void startDrag(Qt::DropActions supportedActions) override;

private:
    RemoteDragData::Downloader m_downloader;
};

} // namespace ferry::ui
