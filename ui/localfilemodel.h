// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemModel>

namespace ferry::ui {

/// The local file system for the local pane. Remote entries dropped onto
/// it (or onto one of its folders) are asked to be downloaded there; local
/// files dragged out of it carry ordinary file URLs. Sizes and times are
/// shown as the remote pane shows them, and a rename never replaces an
/// existing entry.
class LocalFileModel final : public QFileSystemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFileModel)

public:
    enum Column { NameColumn, SizeColumn, TypeColumn, ModifiedColumn };

    explicit LocalFileModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    /// Where a drop on @p parent lands: that folder, or the pane's folder.
    void setCurrentDirectory(const QString &path) { m_current = path; }
    /// Entries whose names start with a dot, shown or not.
    void setShowHidden(bool show);

Q_SIGNALS:
    void downloadRequested(const QStringList &remotePaths, const QString &localDirectory);
    /// A rename typed in the view did not happen: @p text names both
    /// names and the reason.
    void renameFailed(const QString &text);

private:
    QString targetOf(const QModelIndex &parent) const;

    QString m_current;
};

} // namespace ferry::ui
