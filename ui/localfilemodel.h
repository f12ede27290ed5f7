// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemModel>

namespace ferry::ui {

/// The local file system for the local pane. Remote entries dropped onto
/// it (or onto one of its folders) are asked to be downloaded there; local
/// files dragged out of it carry ordinary file URLs.
class LocalFileModel final : public QFileSystemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFileModel)

public:
    explicit LocalFileModel(QObject *parent = nullptr);

    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    /// Where a drop on @p parent lands: that folder, or the pane's folder.
    void setCurrentDirectory(const QString &path) { m_current = path; }

Q_SIGNALS:
    void downloadRequested(const QStringList &remotePaths, const QString &localDirectory);

private:
    QString targetOf(const QModelIndex &parent) const;

    QString m_current;
};

} // namespace ferry::ui
