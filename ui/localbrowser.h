// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QTreeView;

namespace ferry::ui {

class LocalFileModel;
class MessageBar;

/// The local pane beside the remote one: a folder of this computer with a
/// location bar, Up, Home, a filter and the file operations a file manager
/// has (new folder, rename, move to trash, delete, open, copy path), in its
/// context menu and on the same keys as in the remote pane. Local files
/// dragged onto the remote pane upload; remote entries dropped here
/// download into the folder under the drop.
class LocalBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalBrowser)

public:
    explicit LocalBrowser(QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    LocalFileModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_messages; }
    QLineEdit *locationEdit() const { return m_location; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString currentPath() const { return m_path; }
    void openPath(const QString &path);
    QStringList selectedPaths() const;
    /// The pane's actions by object name: up, home, refresh, editLocation,
    /// focusFilter, showHidden, open, upload, newFolder, rename, trash,
    /// delete, copyPath.
    QAction *action(const QString &name) const;
    /// The file operations, for the window's menus.
    QList<QAction *> fileActions() const;
    bool showHidden() const;
    void setShowHidden(bool show);
    /// Reads the folder again from disk: sizes and times of files that
    /// changed while shown, entries that came or went.
    void refresh();

    bool createFolder(const QString &name);
    /// Moves @p paths to the desktop's trash; what cannot go there is told.
    void trashEntries(const QStringList &paths);
    /// Deletes @p paths for good (folders with their contents).
    void removeEntries(const QStringList &paths);

Q_SIGNALS:
    void downloadRequested(const QStringList &remotePaths, const QString &localDirectory);
    /// Upload: the selected local entries into the remote pane's folder.
    void uploadRequested(const QStringList &localPaths);
    void pathChanged(const QString &path);
    void showHiddenChanged(bool show);

private:
    void createActions();
    void setModel(LocalFileModel *model);
    void updateActions();
    void applyFilter();
    void confirmDelete();
    void failed(const QString &text);

    LocalFileModel *m_model = nullptr;
    MessageBar *m_messages;
    QTreeView *m_view;
    QLineEdit *m_location;
    QLineEdit *m_filter;
    QString m_path;
};

} // namespace ferry::ui
